"""Background work: the export worker and a small worker for one-off API calls.

Workers are QObjects moved to their own QThread. They never touch widgets: they only emit
signals, which Qt delivers to the GUI thread through queued connections. A call worker
makes its own ClockifyClient, because a requests.Session must not be shared between
threads. The export worker runs the export in a child process (core.export_process: in
this process its Python work would keep the GUI thread waiting for the GIL) and relays
what the child says. Cancellation is cooperative; QThread.terminate() is never used. The
export worker sends at most about ten progress signals a second, however fast pages
arrive, so the GUI thread is never flooded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from core.errors import CancelledError, ExporterError, unexpected_error

if TYPE_CHECKING:  # the first paint needs neither these modules nor Qt's thread class
    from PySide6.QtCore import QThread

    from core.client import ClockifyClient
    from core.connection import Connection
    from core.export_process import ExportProcess
    from core.planning import ExportRequest, Phase, Progress

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1  # seconds between two progress signals while pages come in


class _Worker(QObject):
    """Shared plumbing: the cancel flag and the hand-back to the GUI thread when done."""

    done = Signal()  # the last signal of every run, whatever the outcome

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        # Back to the GUI thread so the object can be deleted there once its thread ends.
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        self.done.emit()


class ExportWorker(_Worker):
    """Runs one export in a child process; relays progress, waits and the outcome as signals."""

    started = Signal()
    progress_changed = Signal(object)  # core.planning.Progress
    waiting = Signal(object)  # core.limits.WaitInfo
    export_finished = Signal(object)  # core.planning.ExportResult
    export_failed = Signal(object)  # core.errors.ExporterError
    export_cancelled = Signal()

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
        self._held: Progress | None = None  # the newest progress not yet sent
        self._process: ExportProcess | None = None

    def cancel(self) -> None:  # any thread
        super().cancel()
        process = self._process
        if process is not None:
            process.cancel()

    @Slot()
    def run(self) -> None:
        from core.export_process import ExportProcess, ExportSpec

        self.started.emit()
        try:
            spec = ExportSpec(self.connection, self.request, self.workspace,
                              self.profile_time_zone, logging.getLogger().getEffectiveLevel())
            self._process = ExportProcess(spec, self._on_progress)
            if self.cancel_event.is_set():  # cancelled before the process existed
                self._process.cancel()
            result = self._process.run()
        except CancelledError:
            log.info("export cancelled")
            self._flush()
            self.export_cancelled.emit()
        except ExporterError as exc:
            log.info("export failed: %s (%s)", type(exc).__name__, exc.message)
            self._flush()
            self.export_failed.emit(exc)
        except Exception as exc:
            log.exception("export crashed")
            self._flush()
            self.export_failed.emit(unexpected_error(exc))
        else:
            log.info("export finished: %d file(s), %d request(s)", len(result.files),
                     result.requests)
            self._flush()
            self.export_finished.emit(result)
        finally:
            self._finish()

    def _on_progress(self, progress: Progress) -> None:  # in the worker thread
        # Imported here: the window's first paint does without core.planning, and by the
        # time an export reports, the module is long loaded.
        from core.planning import Phase

        now = self.clock()
        # Each page thread's pacer reports its wait once a second, so many threads in flight
        # report many a second: at most ten go out (a newer report follows a dropped one).
        if (progress.phase is Phase.WAITING and progress.wait is not None
                and now - self._wait_sent_at >= PROGRESS_INTERVAL):
            self._wait_sent_at = now
            self.waiting.emit(progress.wait)
        # Fetching and waiting alternate when page threads wait: one budget for both, so
        # phase changes cannot flood the GUI thread. Planning, writing and done (a few each
        # per export) go out at once, so the status never lags behind what is done.
        steady_phases = (Phase.FETCHING, Phase.WAITING)  # reported many times a second
        steady = progress.phase in steady_phases and self._sent_phase in steady_phases
        if steady and now - self._sent_at < PROGRESS_INTERVAL:
            self._held = progress  # sent with the next one due, or at the end
            return
        self._send(progress, now)

    def _send(self, progress: Progress, now: float) -> None:
        self._held = None
        self._sent_at = now
        self._sent_phase = progress.phase
        self.progress_changed.emit(progress)

    def _flush(self) -> None:
        """Send the held progress: the last word on progress comes before the outcome."""
        if self._held is not None:
            self._send(self._held, self.clock())


class CallWorker(_Worker):
    """Runs `call(client)` once in the background: sign-in, workspaces, pick-lists."""

    call_succeeded = Signal(object)
    call_failed = Signal(object)  # core.errors.ExporterError

    def __init__(self, connection: Connection, call: Callable[[ClockifyClient], Any]) -> None:
        super().__init__()
        self.connection = connection
        self.call = call

    @Slot()
    def run(self) -> None:
        client: ClockifyClient | None = None
        try:
            client = self.connection.client(self.cancel_event)
            result = self.call(client)
        except CancelledError:
            pass  # whoever cancelled no longer wants the answer
        except ExporterError as exc:
            self.call_failed.emit(exc)
        except Exception as exc:
            log.exception("background call crashed")
            self.call_failed.emit(unexpected_error(exc))
        else:
            self.call_succeeded.emit(result)
        finally:
            if client is not None:
                client.close()
            self._finish()


class _CallRelay(QObject):
    """Lives in the GUI thread and hands a CallWorker's answer to plain callbacks there."""

    def __init__(self, on_success: Callable[[Any], None],
                 on_failure: Callable[[ExporterError], None]) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure

    @Slot(object)
    def on_worker_call_succeeded(self, result: Any) -> None:
        self._on_success(result)

    @Slot(object)
    def on_worker_call_failed(self, error: ExporterError) -> None:
        self._on_failure(error)


class WorkerThreads(QObject):
    """Starts workers in their own QThreads, keeps them alive, cancels and waits for them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QThread, tuple[_Worker, QObject | None]] = {}

    def start(self, worker: _Worker, relay: QObject | None = None) -> None:
        from PySide6.QtCore import Qt, QThread  # here: loading `Qt` costs the first paint ~20 ms

        thread = QThread()
        thread.setObjectName(type(worker).__name__)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Direct: quit() is thread-safe, and the GUI thread may be blocked in wait_all().
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self.on_thread_finished)
        self._running[thread] = (worker, relay)
        thread.start()

    def call(self, connection: Connection, call: Callable[[ClockifyClient], Any],
             on_success: Callable[[Any], None],
             on_failure: Callable[[ExporterError], None]) -> CallWorker:
        """Run `call(client)` in the background; the callbacks run in the GUI thread."""
        worker = CallWorker(connection, call)
        relay = _CallRelay(on_success, on_failure)
        worker.call_succeeded.connect(relay.on_worker_call_succeeded)
        worker.call_failed.connect(relay.on_worker_call_failed)
        self.start(worker, relay)
        return worker

    @Slot()
    def on_thread_finished(self) -> None:
        # Forget only the thread that finished. Another thread may have finished too, but
        # its answer can still be queued for its relay; dropping that relay now would
        # destroy it with the answer undelivered (a sign-in that never loads workspaces).
        from PySide6.QtCore import QThread

        thread = self.sender()
        if isinstance(thread, QThread):
            self._running.pop(thread, None)

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for worker, _relay in self._running.values():
            worker.cancel()

    def wait_all(self, timeout_ms: int = 10_000) -> bool:
        """Block until every thread has ended (for shutdown); False if one did not."""
        ok = all(thread.wait(timeout_ms) for thread in list(self._running))
        for thread in [t for t in self._running if t.isFinished()]:
            self._running.pop(thread)  # shutting down: their answers are not wanted
        return ok
