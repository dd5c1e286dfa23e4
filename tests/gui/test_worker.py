"""Background jobs: every answer reaches the GUI thread in order, and job threads never
call Qt nor hold a Qt object."""

from __future__ import annotations

import gc
import queue
import sys
import threading
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from core.connection import Connection
from core.errors import ExporterError
from core.planning import ExportRequest
from core.reports import ExportFormat, ReportKind
from core.servers import custom_server
from gui.worker import ExportWorker, Job, WorkerThreads


@pytest.fixture
def connection() -> Connection:
    return Connection(custom_server("http://127.0.0.1:9"), "key")  # never contacted


def test_answers_of_threads_that_finished_together_are_all_delivered(
        qtbot: QtBot, connection: Connection) -> None:
    # A sign-in's answer starts the workspace call; on loopback that call can finish before
    # the GUI thread hears that the sign-in thread ended. Arrange exactly that order: every
    # thread has ended before the GUI thread delivers anything.
    threads = WorkerThreads()
    answers: list[Any] = []
    failures: list[ExporterError] = []

    def run(n: int) -> None:
        ran_in: queue.Queue[threading.Thread] = queue.Queue()

        def call(_client: object) -> int:
            ran_in.put(threading.current_thread())
            return n

        threads.call(connection, call, answers.append, failures.append)
        thread = ran_in.get(timeout=10)
        thread.join(10)
        assert not thread.is_alive()

    for n in range(3):
        run(n)  # each thread ends before the next starts; nothing is delivered yet
    assert answers == []
    assert threads.busy()  # a thread that ended counts until its answer is delivered
    qtbot.waitUntil(lambda: sorted(answers) == [0, 1, 2], timeout=5_000)
    assert failures == []
    qtbot.waitUntil(lambda: not threads.busy(), timeout=5_000)


@pytest.fixture
def qt_calls_in_job_threads() -> Iterator[list[str]]:
    """Records every call into PySide or Shiboken made in a thread started by `threading`."""
    seen: list[str] = []

    def profile(_frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            seen.append("python")
        elif event == "c_call":
            owner = getattr(arg, "__self__", None)
            module = getattr(arg, "__module__", None) or type(owner).__module__
            if module.startswith(("PySide6", "shiboken6")):
                seen.append(f"Qt: {getattr(arg, '__qualname__', arg)}")

    threading.setprofile(profile)
    try:
        yield seen
    finally:
        threading.setprofile(None)


def test_job_threads_never_call_qt(qtbot: QtBot, connection: Connection,
                                   qt_calls_in_job_threads: list[str]) -> None:
    # A thread holding the GIL inside a Qt call that takes Qt's locks (moveToThread, a
    # queued emit) deadlocks against the GUI thread destroying a Python-wrapped object,
    # which holds those locks and waits for the GIL. So the job side touches no Qt.
    threads = WorkerThreads()
    answers: list[Any] = []
    failures: list[ExporterError] = []

    def fails(_client: object) -> None:
        raise ExporterError("refused")

    threads.call(connection, lambda _client: 42, answers.append, failures.append)
    threads.call(connection, fails, answers.append, failures.append)
    qtbot.waitUntil(lambda: not threads.busy(), timeout=5_000)
    assert answers == [42]
    assert [f.message for f in failures] == ["refused"]
    assert "python" in qt_calls_in_job_threads  # the profile did watch the job threads
    assert [call for call in qt_calls_in_job_threads if call != "python"] == []


def _reachable_qt_objects(root: object) -> list[QObject]:
    """QObjects reachable by references from `root`, modules and classes not followed."""
    module_dicts = {id(vars(m)) for m in list(sys.modules.values()) if m is not None}
    seen: set[int] = set()
    found: list[QObject] = []
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, (types.ModuleType, type)) or (
                id(obj) in module_dicts):
            continue
        seen.add(id(obj))
        if isinstance(obj, QObject):
            found.append(obj)
            continue
        todo.extend(gc.get_referents(obj))
    return found


def test_a_job_thread_holds_no_qt_object(qtbot: QtBot, connection: Connection) -> None:
    # Were a job thread to drop the last reference to a QObject (the worker, the window's
    # threads, a panel in a callback), Qt would destroy it in that thread.
    threads = WorkerThreads()
    release = threading.Event()
    request = ExportRequest("ws", ReportKind.DETAILED, ExportFormat.JSON, date(2026, 1, 1),
                            date(2026, 1, 2), Path("x.json"))
    worker = ExportWorker(connection, request)
    answers: list[Any] = []
    threads.call(connection, lambda _client: release.wait(10), answers.append, print)
    threads.start(worker.job, worker.receive, worker.done.emit)
    job_threads = [t for t in threading.enumerate() if t.name in ("CallJob", "ExportJob")]
    assert len(job_threads) == 2
    for thread in job_threads:
        assert _reachable_qt_objects(thread) == []
    assert _reachable_qt_objects(worker.receive) == [worker]  # the check does find them
    worker.cancel()
    release.set()
    qtbot.waitUntil(lambda: not threads.busy(), timeout=10_000)
    assert answers == [True]


def test_messages_keep_their_order_and_a_failing_receiver_strands_none(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    threads = WorkerThreads()
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, _exc, _tb: hooked.append(kind))
    received: list[tuple[str, Any, bool]] = []

    class Chatty(Job):
        def run(self) -> None:
            for n in range(2_000):  # more wake-up bytes than a socket buffer holds unread
                self.tell("n", n)

    def receive(what: str, payload: Any) -> None:
        received.append((what, payload, threading.current_thread() is threading.main_thread()))
        if payload == 10:
            raise ValueError("a receiver's bug")

    ended: list[bool] = []
    threads.start(Chatty(), receive, lambda: ended.append(True))
    qtbot.waitUntil(lambda: ended == [True], timeout=5_000)
    assert received == [("n", n, True) for n in range(2_000)]
    assert hooked == [ValueError]


def test_wait_all_gives_up_on_a_thread_that_does_not_stop(connection: Connection) -> None:
    threads = WorkerThreads()
    release = threading.Event()
    threads.call(connection, lambda _client: release.wait(10), print, print)
    threads.cancel_all()  # the call ignores it, as a stuck request would
    assert not threads.wait_all(50)
    assert threads.busy()
    release.set()
    assert threads.wait_all(10_000)
    assert not threads.busy()
