"""The export process's plumbing, in this process: messages, errors as pickles, the child's loop."""

from __future__ import annotations

import io
import logging
import os
import pickle
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core import errors
from core.client import ClockifyClient
from core.connection import Connection
from core.errors import ErrorKind, ExporterError
from core.export import ExportJob
from core.export_process import (
    CANCELLED,
    FAILED,
    LOG,
    START,
    ExportSpec,
    read_message,
    serve,
    write_message,
)
from core.planning import ExportRequest
from core.reports import ExportFormat, ReportKind
from core.servers import custom_server, make_server

EVERY_SHAPE_OF_ERROR = [
    ExporterError("plain", "a hint", details="more"),
    errors.CancelledError(),
    errors.NotFoundError("gone", code=3000, status=404, server=make_server("region", "eu")),
    errors.IncompleteError("short", "again", expected=1000, received=999),
    errors.OutputError("full", "free some", path=Path("/x/y.csv"), errno=28),
    errors.NetworkError("down", kind=ErrorKind.TIMEOUT, status=None,
                        server=make_server("region", "us")),
    errors.RateLimitError("slow", status=429, code=None, server_message="Too many"),
]


@pytest.mark.parametrize("error", EVERY_SHAPE_OF_ERROR, ids=lambda e: type(e).__name__)
def test_every_error_crosses_as_a_pickle_with_all_it_says(error: ExporterError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert vars(copy) == vars(error)  # message, hint, details, kind, status, path, counts…
    assert str(copy) == str(error) and copy.kind == error.kind


def test_messages_arrive_whole_and_a_cut_one_is_refused() -> None:
    stream = io.BytesIO()
    write_message(stream, ("a", 1))
    write_message(stream, ("b", [2, 3]))
    whole = stream.getvalue()
    reader = io.BytesIO(whole)
    assert read_message(reader) == ("a", 1)
    assert read_message(reader) == ("b", [2, 3])
    assert read_message(reader) is None  # ended between two messages: a clean end
    for cut in (2, 6, len(whole) - 1):  # inside a header, inside a body
        reader = io.BytesIO(whole[:cut])
        with pytest.raises(EOFError):
            while True:
                if read_message(reader) is None:
                    break


def test_a_header_announcing_a_huge_message_is_refused_before_reading_it() -> None:
    with pytest.raises(ValueError):
        read_message(io.BytesIO(b"\xff\xff\xff\xff" + b"x" * 10))


def test_the_child_turns_a_crash_into_an_unexpected_error_with_its_traceback(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def explode(self: ExportJob) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(ExportJob, "run", explode)
    request = ExportRequest("ws", ReportKind.DETAILED, ExportFormat.JSON, date(2026, 1, 1),
                            date(2026, 1, 31), tmp_path / "x.json")
    spec = ExportSpec(Connection(custom_server("http://127.0.0.1:9"), "key"), request,
                      log_level=logging.INFO)
    commands_r, commands_w = (os.fdopen(fd, mode) for fd, mode in
                              zip(os.pipe(), ("rb", "wb"), strict=True))
    messages = io.BytesIO()
    write_message(commands_w, spec)
    child = threading.Thread(target=serve, args=(commands_r, messages))
    child.start()
    child.join(10)
    commands_w.close()  # the watcher thread ends with the pipe
    assert not child.is_alive()
    received: list[Any] = []
    reader = io.BytesIO(messages.getvalue())
    while (message := read_message(reader)) is not None:
        received.append(message)
    kind, error = received[-1]
    assert kind == FAILED and isinstance(error, ExporterError)
    assert error.kind is ErrorKind.UNEXPECTED
    assert "RuntimeError: boom" in error.details and "Traceback" in error.details
    logged = [value for kind, value in received if kind == LOG]
    assert any(name == "core.export_process" and "export crashed" in text
               for _level, name, text in logged)
    assert not (tmp_path / "x.json").exists()
    commands_r.close()


def test_a_parent_that_sends_nothing_ends_the_child_quietly() -> None:
    messages = io.BytesIO()
    serve(io.BytesIO(b""), messages)  # the window went away before it asked for anything
    assert messages.getvalue() == b""


def test_the_child_counts_the_windows_requests_before_and_during_its_export(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    noted: list[tuple[str, float]] = []
    told = threading.Event()

    def note_start(self: ClockifyClient, workspace_id: str, ago: float = 0.0) -> None:
        noted.append((workspace_id, ago))
        if len(noted) == 5:
            told.set()

    def run_until_told(self: ExportJob) -> None:
        assert told.wait(10)  # the export runs while the window tells of its requests
        raise errors.CancelledError()

    monkeypatch.setattr(ClockifyClient, "note_start", note_start)
    monkeypatch.setattr(ExportJob, "run", run_until_told)
    request = ExportRequest("ws", ReportKind.DETAILED, ExportFormat.JSON, date(2026, 1, 1),
                            date(2026, 1, 31), tmp_path / "x.json")
    spec = ExportSpec(Connection(custom_server("http://127.0.0.1:9"), "key"), request,
                      window_starts=(12.5, 0.25))
    commands_r, commands_w = (os.fdopen(fd, mode) for fd, mode in
                              zip(os.pipe(), ("rb", "wb"), strict=True))
    messages = io.BytesIO()
    write_message(commands_w, spec)
    commands_w.write(START * 3)
    commands_w.flush()
    child = threading.Thread(target=serve, args=(commands_r, messages))
    child.start()
    child.join(10)
    commands_w.close()
    assert not child.is_alive()
    assert noted == [("ws", 12.5), ("ws", 0.25), ("ws", 0.0), ("ws", 0.0), ("ws", 0.0)]
    reader = io.BytesIO(messages.getvalue())
    outcomes = []
    while (message := read_message(reader)) is not None:
        outcomes.append(message)
    assert outcomes[-1] == (CANCELLED, None)
    commands_r.close()
