"""Background calls: every answer reaches the GUI thread, however threads finish."""

from __future__ import annotations

import queue
from typing import Any

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from core.connection import Connection
from core.errors import ExporterError
from core.servers import custom_server
from gui.worker import WorkerThreads


def test_answers_of_threads_that_finished_together_are_all_delivered(qtbot: QtBot) -> None:
    # A sign-in's answer starts the workspace call; on loopback that call can finish before
    # the GUI thread hears that the sign-in thread ended. Arrange exactly that order: the
    # first thread's "finished" is queued before the later threads' answers.
    threads = WorkerThreads()
    connection = Connection(custom_server("http://127.0.0.1:9"), "key")  # never contacted
    answers: list[Any] = []
    failures: list[ExporterError] = []

    def run(n: int) -> None:
        # The call names its own thread: asking the worker afterwards is a race, because a
        # finished worker has already moved back to the GUI thread (and wait() on the GUI
        # thread from the GUI thread would wait on itself).
        ran_in: queue.Queue[QThread] = queue.Queue()

        def call(_client: object) -> int:
            ran_in.put(QThread.currentThread())
            return n

        threads.call(connection, call, answers.append, failures.append)
        thread = ran_in.get(timeout=10)
        assert thread.wait(10_000)

    for n in range(3):
        run(n)  # each thread ends before the next starts; nothing is delivered yet
    assert answers == []
    qtbot.waitUntil(lambda: sorted(answers) == [0, 1, 2], timeout=5_000)
    assert failures == []
    assert threads.wait_all(1_000)
