"""What the CLI prints and how it stops: text made safe for a terminal, progress lines,
and SIGTERM/SIGHUP handled like Ctrl+C.
"""

from __future__ import annotations

import io
import logging
import re
import signal
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from core.limits import WaitInfo
from core.planning import Phase, Progress

# Line breaks, including the Unicode ones a terminal or log viewer may honour.
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Bidirectional overrides and isolates reorder what is shown ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Whole escape sequences (CSI like ESC[31m, OSC like ESC]0;title BEL), so no "[31m" is left.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, erase
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: window title, links
)


def clean_text(text: str, *, one_line: bool = True) -> str:
    """Text from a server, safe to print: no control or escape characters (an ESC would
    let a server recolour, retitle or rewrite the terminal), no bidi overrides, lone
    surrogates shown as U+FFFD. With `one_line`, line breaks and tabs become spaces, so a
    one-line error stays one line; otherwise newlines are kept (logs, tracebacks).
    """
    out = []
    for char in _ESCAPES.sub("", text):
        if char in _LINE_BREAKS or char == "\t":
            if one_line:
                out.append(" ")
            elif char == "\n":
                out.append(char)
            continue
        category = unicodedata.category(char)
        if category == "Cs":
            out.append("\ufffd")
        elif category != "Cc" and char not in _BIDI_CONTROLS:
            out.append(char)
    result = "".join(out)
    return " ".join(result.split()) if one_line else result


class SafeStream(io.TextIOBase):
    """stderr that a vanished terminal (SIGHUP) or a closed pipe cannot turn into a crash:
    progress and messages are then dropped, and the exit code still says what happened."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self.stream.write(text)
            except (OSError, ValueError):
                self.broken = True
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                self.broken = True

    def isatty(self) -> bool:
        try:
            return self.stream.isatty()
        except (OSError, ValueError):
            return False


class CleanFormatter(logging.Formatter):
    """Log lines carry server text (error bodies, URLs) too."""

    def format(self, record: logging.LogRecord) -> str:
        return clean_text(super().format(record), one_line=False)


class ProgressPrinter:
    """Progress on stderr: one live line on a terminal, plain lines otherwise.

    Each wait is reported: on a terminal as a live countdown, in a log once per wait.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self._last = ""
        self._width = 0
        # Waits already reported in a log, by (reason, resume time): several page threads
        # may wait at once, and their countdowns interleave.
        self._reported_waits: set[tuple[str, object]] = set()

    def __call__(self, progress: Progress) -> None:
        text = progress.message
        if progress.phase in (Phase.FETCHING, Phase.WAITING) and progress.requests_planned:
            text += (f" [{progress.requests_done}/{progress.requests_planned} requests, "
                     f"{progress.entries_written:,} written]")
        wait = progress.wait
        if wait is not None and not self.live:
            key = (wait.reason, wait.resume_at)
            if key in self._reported_waits:
                return  # the countdown would flood a log
            self._reported_waits.add(key)
            text = wait.message
        text = clean_text(text)
        if text == self._last and wait is None:  # another wait is news, even in equal words
            return
        self._last = text
        if self.live:
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
            if progress.phase is Phase.DONE:
                self.stream.write("\n")
                self._width = 0
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def wait(self, info: WaitInfo) -> None:
        """A wait outside an export's own progress (sign-in, workspace and name lookups)."""
        self(Progress(Phase.WAITING, info.message, wait=info))

    def finish(self) -> None:
        if self.live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


# ---- signals -----------------------------------------------------------------------------


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: unwinds like Ctrl+C, so every temp file is removed on the way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum  # the shell's convention: 143 for SIGTERM, 129 SIGHUP
        self.name = signal.Signals(signum).name


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


@contextmanager
def stop_on_signals(cancel: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGHUP raise `Stopped` in the main thread (where a blocked read or wait
    is interrupted too) and set `cancel`; a second signal during clean-up is ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        cancel.set()
        if not stopping:
            stopping = True
            raise Stopped(signum)

    previous = {sig: signal.signal(sig, handler) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
