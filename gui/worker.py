"""Background work: export jobs and one-off API calls, each in its own thread.

A job runs in a plain Python thread and is plain Python itself: it never calls Qt, and no
Qt object is within its reach. What it has to say goes into an outbox (a queue, and one
byte on a socket pair that a QSocketNotifier in the GUI thread reads), and the GUI thread
turns it into signals and callbacks. Two deadlocks are designed out that way: a worker
thread holding the GIL inside a Qt call that takes Qt's locks (moveToThread, a queued
emit), while the GUI thread destroys a Python-wrapped object, which holds those locks and
waits for the GIL (seen in the test suite); and a worker thread dropping the last reference
to a QObject, which would destroy it in the wrong thread.

A call job makes its own ClockifyClient, because a requests.Session must not be shared
between threads. The export job runs the export in a child process (core.export_process:
in this process its Python work would keep the GUI thread waiting for the GIL) and relays
what the child says. Cancellation is cooperative. The export job reports progress at most
about ten times a second, however fast pages arrive, so the GUI thread is never flooded.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from core.errors import CancelledError, ExporterError, unexpected_error

if TYPE_CHECKING:  # the first paint needs none of these modules (queue: ~1.5 ms)
    import queue
    import socket

    from PySide6.QtCore import QSocketNotifier

    from core.client import ClockifyClient
    from core.connection import Connection
    from core.export_process import ExportProcess
    from core.planning import ExportRequest, Phase, Progress

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1  # seconds between two progress reports while pages come in

Tell = Callable[[str, Any], None]  # what a job says, and its payload, to the GUI thread
_ENDED = "\0ended"  # told by _run after the job, whatever the job told before


def _nobody(what: str, _payload: Any) -> None:
    raise RuntimeError(f"a job told {what!r} before WorkerThreads.start gave it an outbox")


class Job:
    """The part of a background task that runs in its thread: plain Python, no Qt."""

    def __init__(self) -> None:
        self.cancel_event = threading.Event()
        self.tell: Tell = _nobody

    def cancel(self) -> None:  # any thread
        self.cancel_event.set()

    def run(self) -> None:
        raise NotImplementedError


class ExportJob(Job):
    """Runs one export in a child process and tells its progress, waits and outcome:
    "started", "progress" (Progress), "waiting" (WaitInfo), then "finished" (ExportResult),
    "failed" (ExporterError) or "cancelled"."""

    def __init__(self, connection: Connection, request: ExportRequest,
                 workspace: dict[str, Any] | None = None,
                 profile_time_zone: str | None = None) -> None:
        super().__init__()
        self.connection = connection
        self.request = request
        self.workspace = workspace
        self.profile_time_zone = profile_time_zone
        self.clock = time.monotonic
        self._sent_at = -PROGRESS_INTERVAL
        self._sent_phase: Phase | None = None
        self._wait_sent_at = -PROGRESS_INTERVAL
        self._held: Progress | None = None  # the newest progress not yet told
        self._process: ExportProcess | None = None

    def cancel(self) -> None:  # any thread
        super().cancel()
        process = self._process
        if process is not None:
            process.cancel()

    def run(self) -> None:
        from core.export_process import ExportProcess, ExportSpec

        self.tell("started", None)
        try:
            spec = ExportSpec(self.connection, self.request, self.workspace,
                              self.profile_time_zone, logging.getLogger().getEffectiveLevel())
            self._process = ExportProcess(spec, self.on_progress)
            if self.cancel_event.is_set():  # cancelled before the process existed
                self._process.cancel()
            result = self._process.run()
        except CancelledError:
            log.info("export cancelled")
            self.flush()
            self.tell("cancelled", None)
        except ExporterError as exc:
            log.info("export failed: %s (%s)", type(exc).__name__, exc.message)
            self.flush()
            self.tell("failed", exc)
        except Exception as exc:
            log.exception("export crashed")
            self.flush()
            self.tell("failed", unexpected_error(exc))
        else:
            log.info("export finished: %d file(s), %d request(s)", len(result.files),
                     result.requests)
            self.flush()
            self.tell("finished", result)

    def on_progress(self, progress: Progress) -> None:  # in the job's thread
        # Imported here: the window's first paint does without core.planning, and by the
        # time an export reports, the module is long loaded.
        from core.planning import Phase

        now = self.clock()
        # Each page thread's pacer reports its wait once a second, so many threads in flight
        # report many a second: at most ten go out (a newer report follows a dropped one).
        if (progress.phase is Phase.WAITING and progress.wait is not None
                and now - self._wait_sent_at >= PROGRESS_INTERVAL):
            self._wait_sent_at = now
            self.tell("waiting", progress.wait)
        # Fetching and waiting alternate when page threads wait: one budget for both, so
        # phase changes cannot flood the GUI thread. Planning, writing and done (a few each
        # per export) go out at once, so the status never lags behind what is done.
        steady_phases = (Phase.FETCHING, Phase.WAITING)  # reported many times a second
        steady = progress.phase in steady_phases and self._sent_phase in steady_phases
        if steady and now - self._sent_at < PROGRESS_INTERVAL:
            self._held = progress  # told with the next one due, or at the end
            return
        self._send(progress, now)

    def _send(self, progress: Progress, now: float) -> None:
        self._held = None
        self._sent_at = now
        self._sent_phase = progress.phase
        self.tell("progress", progress)

    def flush(self) -> None:
        """Tell the held progress: the last word on progress comes before the outcome."""
        if self._held is not None:
            self._send(self._held, self.clock())


class ExportWorker(QObject):
    """The GUI thread's side of an export job: what the job tells, as signals."""

    started = Signal()
    progress_changed = Signal(object)  # core.planning.Progress
    waiting = Signal(object)  # core.limits.WaitInfo
    export_finished = Signal(object)  # core.planning.ExportResult
    export_failed = Signal(object)  # core.errors.ExporterError
    export_cancelled = Signal()
    done = Signal()  # the last signal of every run, whatever the outcome

    def __init__(self, connection: Connection, request: ExportRequest,
                 workspace: dict[str, Any] | None = None,
                 profile_time_zone: str | None = None) -> None:
        super().__init__()
        self.job = ExportJob(connection, request, workspace, profile_time_zone)

    def cancel(self) -> None:
        self.job.cancel()

    def receive(self, what: str, payload: Any) -> None:
        if what == "started":
            self.started.emit()
        elif what == "progress":
            self.progress_changed.emit(payload)
        elif what == "waiting":
            self.waiting.emit(payload)
        elif what == "finished":
            self.export_finished.emit(payload)
        elif what == "failed":
            self.export_failed.emit(payload)
        elif what == "cancelled":
            self.export_cancelled.emit()


class CallJob(Job):
    """Runs `call(client)` once: sign-in, workspaces, pick-lists. Tells "succeeded" with
    the answer or "failed" with the error; nothing when cancelled."""

    def __init__(self, connection: Connection, call: Callable[[ClockifyClient], Any]) -> None:
        super().__init__()
        self.connection = connection
        self.call = call

    def run(self) -> None:
        client: ClockifyClient | None = None
        try:
            client = self.connection.client(self.cancel_event)
            result = self.call(client)
        except CancelledError:
            pass  # whoever cancelled no longer wants the answer
        except ExporterError as exc:
            self.tell("failed", exc)
        except Exception as exc:
            log.exception("background call crashed")
            self.tell("failed", unexpected_error(exc))
        else:
            self.tell("succeeded", result)
        finally:
            if client is not None:
                client.close()


class _Outbox:
    """The jobs' end of the way to the GUI thread: a queue and a wake-up byte. No Qt."""

    def __init__(self, writer: socket.socket) -> None:
        import queue

        self.messages: queue.SimpleQueue[tuple[int, str, Any]] = queue.SimpleQueue()
        self._writer = writer

    def put(self, key: int, what: str, payload: Any) -> None:  # any thread
        self.messages.put((key, what, payload))
        # Buffer full: a wake-up is pending anyway. Closed: nobody is listening any more.
        with contextlib.suppress(OSError):
            self._writer.send(b"\0")


class _Running:  # a plain class: a dataclass costs the first paint its creation
    __slots__ = ("done", "job", "receive", "thread")

    def __init__(self, job: Job, thread: threading.Thread,
                 receive: Callable[[str, Any], None], done: Callable[[], None]) -> None:
        self.job = job
        self.thread = thread
        self.receive = receive
        self.done = done


class WorkerThreads(QObject):
    """Starts jobs in their own threads, hands what they tell to the GUI thread, in the
    order told, and cancels and waits for them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[int, _Running] = {}
        self._keys = itertools.count()
        # The sockets and the notifier come with the first job: not for the first paint.
        self._outbox: _Outbox | None = None
        self._reader: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None

    def start(self, job: Job, receive: Callable[[str, Any], None],
              done: Callable[[], None] = lambda: None) -> None:
        """Run `job` in a new thread; `receive(what, payload)` and then `done()` are called
        in the GUI thread for what it tells and when it has ended."""
        outbox = self._open_outbox()
        key = next(self._keys)
        job.tell = lambda what, payload: outbox.put(key, what, payload)
        thread = threading.Thread(target=_run, args=(job, outbox, key),
                                  name=type(job).__name__, daemon=True)
        self._running[key] = _Running(job, thread, receive, done)
        thread.start()

    def call(self, connection: Connection, call: Callable[[ClockifyClient], Any],
             on_success: Callable[[Any], None],
             on_failure: Callable[[ExporterError], None]) -> CallJob:
        """Run `call(client)` in the background; the callbacks run in the GUI thread."""

        def receive(what: str, payload: Any) -> None:
            (on_success if what == "succeeded" else on_failure)(payload)

        job = CallJob(connection, call)
        self.start(job, receive)
        return job

    def _open_outbox(self) -> _Outbox:
        if self._outbox is None:
            import socket

            from PySide6.QtCore import QSocketNotifier

            self._reader, writer = socket.socketpair()
            self._reader.setblocking(False)
            writer.setblocking(False)
            self._outbox = _Outbox(writer)
            # A child: destroyed with this object, before its sockets are closed.
            self._notifier = QSocketNotifier(self._reader.fileno(),
                                             QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.on_notifier_activated)
        return self._outbox

    @Slot()
    def on_notifier_activated(self) -> None:
        # Wake-ups first, then messages: a message put after the queue ran empty brings a
        # wake-up of its own, so none is stranded.
        assert self._reader is not None and self._outbox is not None
        with contextlib.suppress(OSError):  # drained (BlockingIOError), or closed
            while self._reader.recv(4096):
                pass
        self._deliver()

    def _deliver(self) -> None:
        """Hand every message told so far to its receiver."""
        if self._outbox is None:
            return
        messages = self._outbox.messages
        while not messages.empty():  # the GUI thread is the only reader: get() cannot block
            key, what, payload = messages.get()
            running = self._running.get(key)
            if running is None:
                continue  # given up on at shutdown
            try:
                if what == _ENDED:
                    del self._running[key]
                    running.done()
                else:
                    running.receive(what, payload)
            except Exception:  # as Qt does for a slot, but the messages after it still go
                exc_type, exc, tb = sys.exc_info()
                assert exc_type is not None and exc is not None
                sys.excepthook(exc_type, exc, tb)

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for running in self._running.values():
            running.job.cancel()

    def wait_all(self, timeout_ms: int = 10_000) -> bool:
        """Block until every thread has ended (for shutdown); False if one did not."""
        deadline = time.monotonic() + timeout_ms / 1000
        for running in list(self._running.values()):
            running.thread.join(max(0.0, deadline - time.monotonic()))
        # Shutting down: what the ended threads told is not wanted.
        for key in [k for k, r in self._running.items() if not r.thread.is_alive()]:
            del self._running[key]
        return not self._running


def _run(job: Job, outbox: _Outbox, key: int) -> None:  # the job's thread
    try:
        job.run()
    finally:
        outbox.put(key, _ENDED, None)
