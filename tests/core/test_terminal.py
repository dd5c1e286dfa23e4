"""Server text made safe for a terminal, and progress lines that report every wait once."""

from __future__ import annotations

import io
import logging
from datetime import datetime, timedelta

import pytest

from core.limits import WaitInfo, WaitReason
from core.planning import Phase, Progress
from core.terminal import CleanFormatter, ProgressPrinter, clean_text


@pytest.mark.parametrize(("raw", "shown"), [
    ("Acme Studio", "Acme Studio"),
    ("Zürich 東京 café", "Zürich 東京 café"),
    ("\x1b[31mred\x1b[0m", "red"),  # colours
    ("\x1b]0;new title\x07name", "name"),  # window title (OSC … BEL)
    ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # hyperlink (OSC … ST)
    ("a\x1b[2Kb\x1b[1A", "ab"),  # erase line, cursor up
    ("\x9b31mC1 CSI", "C1 CSI"),
    ("bell\x07 null\x00 del\x7f", "bell null del"),
    ("one\ntwo\r\nthree\u2028four\x85five", "one two three four five"),
    ("tab\there", "tab here"),
    ("\u202eevil\u202c and \u2066iso\u2069", "evil and iso"),  # bidi overrides
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("  spaced   out  ", "spaced out"),
    ("emoji 👩‍💻 stays", "emoji 👩‍💻 stays"),  # ZWJ sequences are not controls
])
def test_clean_text(raw: str, shown: str) -> None:
    assert clean_text(raw) == shown


def test_clean_text_keeps_newlines_for_logs_only_when_asked() -> None:
    assert clean_text("line one\nline two\r\x1b[31m", one_line=False) == "line one\nline two"


def test_cleaned_text_can_be_written_to_a_utf8_stream() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stream.write(clean_text("bad \udcff byte"))  # raw, this raises UnicodeEncodeError
    stream.flush()


def test_log_lines_are_cleaned() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "server said %s",
                               ("\x1b[2Jgone",), None)
    assert CleanFormatter("%(message)s").format(record) == "server said gone"


def waiting(reason: str, seconds_left: float, resume_at: datetime) -> Progress:
    info = WaitInfo(reason, seconds_left, resume_at, f"resuming in {seconds_left:.0f} s")
    return Progress(Phase.WAITING, info.message, wait=info)


def test_a_log_gets_each_wait_once_not_every_second() -> None:
    err = io.StringIO()
    printer = ProgressPrinter(err)
    first = datetime.now() + timedelta(seconds=5)
    for left in (5, 4, 3, 2, 1):
        printer(waiting(WaitReason.RATE_LIMIT, left, first))
    second = first + timedelta(seconds=30)
    for left in (3, 2, 1):
        printer(waiting(WaitReason.RATE_LIMIT, left, second))
    assert err.getvalue().splitlines() == ["resuming in 5 s", "resuming in 3 s"]


def test_waits_of_several_threads_interleaving_are_each_printed_once() -> None:
    err = io.StringIO()
    printer = ProgressPrinter(err)
    a = datetime.now() + timedelta(seconds=2)
    b = a + timedelta(milliseconds=3)  # another page's 429, a moment later, same words
    for left in (2, 1):
        printer(waiting(WaitReason.RATE_LIMIT, left, a))
        printer(waiting(WaitReason.RATE_LIMIT, left, b))
    printer(Progress(Phase.FETCHING, "Fetching…"))
    assert err.getvalue().splitlines() == ["resuming in 2 s", "resuming in 2 s", "Fetching…"]


def test_wait_outside_an_export_is_printed() -> None:
    err = io.StringIO()
    printer = ProgressPrinter(err)
    printer.wait(WaitInfo(WaitReason.RATE_LIMIT, 2, datetime.now(),
                          "Clockify asked to slow down; resuming in 2 s."))
    assert err.getvalue() == "Clockify asked to slow down; resuming in 2 s.\n"


def test_progress_text_from_the_server_is_cleaned() -> None:
    err = io.StringIO()
    ProgressPrinter(err)(Progress(Phase.FETCHING, "Note: \x1b[31mred\nsecond"))
    assert err.getvalue() == "Note: red second\n"
