"""The window's export, run in a process of its own.

Why a process: an export at Clockify's full speed keeps one CPU core busy with Python work
(parsing pages, totals, writing) that holds the GIL. Run in a thread of the window's
process, it made the GUI thread wait up to ~200 ms for its turn (issue 10, benchmark 4).
In a child process the window's process only relays progress, and its event loop stays
free. The child runs the same `ExportJob` the CLI runs: one export path to the file.

The protocol, over the child's standard streams (never its command line, which other
users can read): the parent writes one `ExportSpec` (with the API key) to the child's
stdin, then `START` each time the window itself starts a request to the export's
workspace (Clockify counts those against the same limits), and any other byte to cancel;
the end of stdin cancels too, so an export whose window is gone stops and removes its
temporary file. The child writes its messages to what was its stdout (fd 1 is pointed at
stderr first, so that a stray print cannot corrupt the stream): progress, log records for
the window's log, then one outcome. Messages are length-prefixed pickles between two
copies of this same program.

At the top this module imports only the standard library and core.errors: the child loads
no more than it needs before it reads its spec.
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from core import CHILD_FLAG
from core.errors import CancelledError, ExporterError, unexpected_error

if TYPE_CHECKING:
    import subprocess

    from core.client import ClockifyClient
    from core.connection import Connection
    from core.planning import ExportRequest, ExportResult, Progress

log = logging.getLogger(__name__)

CANCEL = b"x"  # parent to child, after the spec: stop now
START = b"s"  # parent to child: the window started a request to the export's workspace
KILL_AFTER = 10.0  # seconds a cancelled child has to clean up before it is killed
_HEADER = struct.Struct(">I")
_MAX_MESSAGE = 64 * 1024 * 1024  # a longer one is not a message of ours: refuse to read it

# What the child sends: (PROGRESS, Progress), (LOG, (level, logger name, text)), then one
# outcome: (FINISHED, ExportResult), (FAILED, ExporterError) or (CANCELLED, None).
PROGRESS, LOG, FINISHED, FAILED, CANCELLED = "progress", "log", "finished", "failed", "cancelled"


@dataclass(frozen=True)
class ExportSpec:
    """Everything the child needs to run the export the window asked for."""

    connection: Connection
    request: ExportRequest
    workspace: dict[str, Any] | None = None
    profile_time_zone: str | None = None
    log_level: int = logging.INFO  # the window's: the child logs what the window would
    # How many seconds before the spec was sent the window's requests to the export's
    # workspace started (the last hour's): the child's limits count them as Clockify does.
    window_starts: tuple[float, ...] = ()


def write_message(stream: IO[bytes], message: object) -> None:
    # pickle is imported where messages are made or read, not at the top: the window
    # imports this module before its first paint, which needs no pickle (~2 ms frozen).
    import pickle

    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_message(stream: IO[bytes]) -> object | None:
    """The next message, or None when the stream ended cleanly between two messages."""
    import pickle

    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    if size > _MAX_MESSAGE:
        raise ValueError(f"a message of {size} bytes")
    data = _read_exactly(stream, size)
    if data is None:
        raise EOFError("the stream ended inside a message")
    return pickle.loads(data)


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    missing = size
    while missing:
        chunk = stream.read(missing)
        if not chunk:
            if chunks:
                raise EOFError("the stream ended inside a message")
            return None
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def child_command() -> list[str]:
    """How to start this program as the export child."""
    if _frozen():  # the bundle's own executable: build_scripts/entry_gui.py
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-c",
            "import sys; from core.export_process import child_main; sys.exit(child_main())"]


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _source_root() -> Path:
    """The folder holding the `core` package: the child imports this same code."""
    return Path(__file__).resolve().parent.parent


class ExportProcess:
    """One export in a child process. `run()` answers as `ExportJob.run()` would.

    `run()` blocks its thread (the window's worker thread) while it relays the child's
    progress to `on_progress`; `cancel()` may be called from any thread, at any time.
    """

    def __init__(self, spec: ExportSpec,
                 on_progress: Callable[[Progress], None] | None = None) -> None:
        # The child starts in the source folder: a relative path would land elsewhere.
        request = spec.request
        if not request.output.is_absolute():
            spec = replace(spec, request=replace(request, output=request.output.absolute()))
        self.spec = spec
        self._on_progress = on_progress
        self._lock = threading.Lock()  # the child's stdin, once the spec is written
        self._child: subprocess.Popen[bytes] | None = None
        self._cancelled = False
        self._killer: threading.Timer | None = None
        self._unsent_starts = 0  # the window's, before the child could be told of them

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._child is not None:
                self._tell_child_to_stop(self._child)

    def _window_started(self, workspace_id: str) -> None:
        """A request of the window's own (any thread): the child counts it too."""
        if workspace_id != self.spec.request.workspace_id:
            return
        with self._lock:
            if self._child is None:
                self._unsent_starts += 1
            elif not self._cancelled:
                self._tell_child(self._child, START)

    def run(self) -> ExportResult:
        import subprocess
        import tempfile

        from core.atomic import remove_unused_parts, temp_parts
        from core.connection import STARTS
        from core.planning import ExportResult

        folder = self.spec.request.output.parent
        parts_before = set(temp_parts(folder))
        flags = 0
        if sys.platform == "win32":  # no console window flashing up from python.exe
            flags = subprocess.CREATE_NO_WINDOW
        # The child's stderr goes to a file, read only if the child dies: a pipe nobody
        # reads while it fills would block the child.
        with tempfile.TemporaryFile() as errors, STARTS.listening(self._window_started):
            try:
                child = subprocess.Popen(child_command(), stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=errors,
                                         cwd=None if _frozen() else _source_root(),
                                         creationflags=flags)
            except OSError as exc:
                raise unexpected_error(exc) from exc
            assert child.stdin is not None and child.stdout is not None
            try:
                # The window's requests so far go in the spec; later ones are counted
                # until the child is known, then sent (one may be both: the child then
                # waits a little longer than it must, never less).
                spec = replace(self.spec, window_starts=STARTS.ages(
                    self.spec.request.workspace_id))
                # Outside the lock: a large spec blocks until the child reads it, and
                # cancel() (the GUI thread) must not wait for that. If the child died at
                # once, its exit code and stderr say why (below).
                with contextlib.suppress(OSError):
                    write_message(child.stdin, spec)
                with self._lock:  # from now on cancel() writes to the child itself
                    self._child = child
                    if self._cancelled:
                        self._tell_child_to_stop(child)
                    else:
                        self._tell_child(child, START * self._unsent_starts)
                outcome = self._relay(child.stdout)
            finally:
                with self._lock:
                    self._child = None
                    with contextlib.suppress(OSError):
                        child.stdin.close()  # the child's end of input: it stops if busy
                self._end(child)
            if outcome is None:
                # A child that died (killed, crashed) could not remove its temporary
                # files: the new ones nobody holds are its own.
                remove_unused_parts(sorted(set(temp_parts(folder)) - parts_before))
                errors.seek(0)
                raise _died(child.returncode, errors.read())
        kind, value = outcome
        if kind == FINISHED and isinstance(value, ExportResult):
            return value
        if kind == FAILED and isinstance(value, ExporterError):
            raise value
        raise CancelledError()

    def _relay(self, messages: IO[bytes]) -> tuple[str, object] | None:
        """Pass progress and log records on; the outcome, or None if the child died."""
        import pickle

        from core.planning import Progress

        while True:
            try:
                message = read_message(messages)
            except (OSError, EOFError, ValueError, pickle.UnpicklingError):
                return None
            if not isinstance(message, tuple) or len(message) != 2:
                return None
            kind, value = message
            if kind == PROGRESS and isinstance(value, Progress):
                if self._on_progress is not None:
                    self._on_progress(value)
            elif kind == LOG:
                level, name, text = value
                logging.getLogger(name).log(level, "%s", text)
            elif kind in (FINISHED, FAILED, CANCELLED):
                return kind, value
            else:
                return None

    @staticmethod
    def _tell_child(child: subprocess.Popen[bytes], command: bytes) -> None:
        assert child.stdin is not None
        if command:
            with contextlib.suppress(OSError, ValueError):  # ended, or stdin closed
                child.stdin.write(command)
                child.stdin.flush()

    def _tell_child_to_stop(self, child: subprocess.Popen[bytes]) -> None:
        self._tell_child(child, CANCEL)
        if self._killer is None:
            # A child that does not stop in time (a hung system call) is killed: the
            # window must be able to quit. run() then removes its temporary files.
            self._killer = threading.Timer(KILL_AFTER, child.kill)
            self._killer.daemon = True
            self._killer.start()

    def _end(self, child: subprocess.Popen[bytes]) -> None:
        import subprocess

        try:
            child.wait(KILL_AFTER)
        except subprocess.TimeoutExpired:  # it said all it had to say, then hung
            child.kill()
            child.wait()
        finally:
            if self._killer is not None:
                self._killer.cancel()
            if child.stdout is not None:
                child.stdout.close()


def _died(returncode: int | None, stderr: bytes) -> ExporterError:
    tail = stderr[-4000:].decode("utf-8", "replace").strip()
    details = f"The export process ended with exit code {returncode} before it finished."
    if tail:
        details += "\n\n" + tail
    # Kind UNEXPECTED: the window words it; the exit code and stderr go to "copy details".
    return ExporterError("The export stopped unexpectedly.", details=details)


# ---- the child ---------------------------------------------------------------------


def child_main() -> int:
    """The child's program: read the spec, run the export, report, exit."""
    import signal

    messages = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # print() and C libraries writing to fd 1 now land in the error file
    sys.stdout = sys.stderr
    # Ctrl+C in a terminal reaches the whole process group: the window decides, and
    # cancels its export through stdin, so the child must not die half-way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    commands = open(0, "rb", closefd=False)  # noqa: SIM115 (the process's own stdin)
    serve(commands, messages)
    return 0


def serve(commands: IO[bytes], messages: IO[bytes]) -> None:
    """Run the export that `commands` asks for; everything it says goes to `messages`."""
    import pickle

    try:
        spec = read_message(commands)
    except (EOFError, ValueError, pickle.UnpicklingError):
        return
    if not isinstance(spec, ExportSpec):
        return  # the window went away before it asked for anything
    send_lock = threading.Lock()

    def send(message: tuple[str, object]) -> None:
        with send_lock:  # page threads report too
            write_message(messages, message)

    cancel = threading.Event()
    client = spec.connection.client(cancel)
    workspace_id = spec.request.workspace_id
    for ago in spec.window_starts:
        client.note_start(workspace_id, ago)
    threading.Thread(target=_watch, args=(commands, cancel,
                                          lambda: client.note_start(workspace_id)),
                     daemon=True, name="cancel-watch").start()
    relay = _LogRelay(send)
    root = logging.getLogger()
    root.addHandler(relay)
    root.setLevel(spec.log_level)
    try:
        send(_export(spec, client, cancel, lambda p: send((PROGRESS, p))))
    finally:
        root.removeHandler(relay)
        client.close()


def _export(spec: ExportSpec, client: ClockifyClient, cancel: threading.Event,
            on_progress: Callable[[Progress], None]) -> tuple[str, object]:
    from core.export import ExportJob

    try:
        job = ExportJob(client, spec.request, on_progress, cancel, workspace=spec.workspace,
                        profile_time_zone=spec.profile_time_zone)
        return FINISHED, job.run()
    except CancelledError:
        return CANCELLED, None
    except ExporterError as exc:
        return FAILED, exc
    except Exception as exc:
        log.exception("export crashed")
        return FAILED, unexpected_error(exc)


def _watch(commands: IO[bytes], cancel: threading.Event,
           window_started: Callable[[], None]) -> None:
    """Count the window's requests as it tells of them; cancel on its word, or when its end
    of the pipe closes (it quit or died)."""
    with contextlib.suppress(OSError, ValueError):
        while commands.read(1) == START:
            window_started()
    cancel.set()


class _LogRelay(logging.Handler):
    """Sends the child's log records to the window, which writes them to its log."""

    def __init__(self, send: Callable[[tuple[str, object]], None]) -> None:
        super().__init__()
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
            if record.exc_info:
                text += "\n" + "".join(traceback.format_exception(*record.exc_info))
            self._send((LOG, (record.levelno, record.name, text)))
        except Exception:  # logging must never break the export
            self.handleError(record)
