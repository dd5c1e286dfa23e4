"""The window's export process, for real: a child process exporting from the demo server."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.atomic import temp_parts
from core.connection import Connection
from core.demo import DemoServer
from core.errors import CancelledError, ErrorKind, ExporterError
from core.export import ExportJob
from core.export_process import (
    CANCELLED,
    PROGRESS,
    ExportProcess,
    ExportSpec,
    _source_root,
    child_command,
    read_message,
    write_message,
)
from core.planning import ExportRequest, ExportResult, Phase, Progress
from core.reports import ExportFormat, ReportKind
from core.servers import custom_server
from tests.e2e.conftest import make_client

START, END = date(2025, 1, 1), date(2025, 12, 31)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc to find the child")


def spec_for(demo: DemoServer, out: Path, fmt: ExportFormat = ExportFormat.JSON) -> ExportSpec:
    request = ExportRequest(demo.paid_workspace_id, ReportKind.DETAILED, fmt, START, END, out,
                            page_size=200)
    return ExportSpec(Connection(custom_server(demo.root_url), demo.api_key), request)


def children() -> list[int]:
    """This process's child processes."""
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(int(name))
    return found


class Running:
    """An ExportProcess run in a thread, with the progress it relayed."""

    def __init__(self, process: ExportProcess) -> None:
        self.progress: list[Progress] = []
        self.fetching = threading.Event()
        self.outcome: ExportResult | BaseException | None = None
        self.process = process
        process._on_progress = self._on_progress
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _on_progress(self, progress: Progress) -> None:
        self.progress.append(progress)
        if progress.phase is Phase.FETCHING and progress.requests_done:
            self.fetching.set()

    def _run(self) -> None:
        try:
            self.outcome = self.process.run()
        except BaseException as exc:  # the test looks at it
            self.outcome = exc

    def result(self) -> ExportResult | BaseException | None:
        self.thread.join(30)
        assert not self.thread.is_alive()
        return self.outcome


def fetching(demo: DemoServer, out: Path) -> tuple[Running, int]:
    """An export into `out` whose child is fetching pages (slowly) → it and the child's pid."""
    demo.faults.latency = 0.3
    running = Running(ExportProcess(spec_for(demo, out)))
    assert running.fetching.wait(30)
    [child] = children()
    return running, child


@pytest.mark.parametrize("fmt", [ExportFormat.JSON, ExportFormat.CSV])
def test_the_child_writes_exactly_what_the_job_writes_in_process(
        demo: DemoServer, tmp_path: Path, fmt: ExportFormat) -> None:
    spec = spec_for(demo, tmp_path / f"child.{fmt.value}", fmt)
    seen: list[Progress] = []
    result = ExportProcess(spec, seen.append).run()
    here = tmp_path / f"here.{fmt.value}"
    client = make_client(demo)
    expected = ExportJob(client, replace(spec.request, output=here)).run()
    client.close()
    assert (tmp_path / f"child.{fmt.value}").read_bytes() == here.read_bytes()
    assert result.entries == expected.entries and result.entries
    assert result.requests == expected.requests > 1  # several pages
    assert seen[0].phase is Phase.PLANNING and seen[-1].phase is Phase.DONE
    assert seen[-1].entries_written == result.entries


def test_a_relative_path_is_saved_where_the_window_means_not_in_the_source_folder(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = ExportProcess(spec_for(demo, Path("relative.json"))).run()
    assert result.files == (tmp_path / "relative.json",)
    assert (tmp_path / "relative.json").stat().st_size > 0
    assert not (_source_root() / "relative.json").exists()


@linux_only
def test_cancel_with_requests_in_flight_stops_the_child_and_saves_nothing(
        demo: DemoServer, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.json"
    running, child = fetching(demo, out)
    running.process.cancel()
    assert isinstance(running.result(), CancelledError)
    assert not out.exists() and not temp_parts(tmp_path)
    assert child not in children()  # no process outlives the export


@linux_only
def test_the_key_is_on_neither_the_command_line_nor_the_environment_of_the_child(
        demo: DemoServer, tmp_path: Path) -> None:
    running, child = fetching(demo, tmp_path / "x.json")
    seen = (Path(f"/proc/{child}/cmdline").read_bytes()
            + Path(f"/proc/{child}/environ").read_bytes())
    running.process.cancel()
    assert isinstance(running.result(), CancelledError)
    assert demo.api_key.encode() not in seen
    assert b"export_process" in seen  # it is the right process


@linux_only
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=lambda s: s.name)
def test_a_child_killed_mid_export_is_an_unexpected_error_and_leaves_no_file(
        demo: DemoServer, tmp_path: Path, how: signal.Signals) -> None:
    out = tmp_path / "killed.json"
    running, child = fetching(demo, out)
    assert temp_parts(tmp_path)  # its file is being written
    os.kill(child, how)
    error = running.result()
    assert isinstance(error, ExporterError) and error.kind is ErrorKind.UNEXPECTED
    assert f"exit code -{how.value}" in error.details
    assert not out.exists()
    assert not temp_parts(tmp_path)  # the parent removed what the child could not


def test_a_child_whose_window_went_away_cancels_and_saves_nothing(
        demo: DemoServer, tmp_path: Path) -> None:
    demo.faults.latency = 0.3
    out = tmp_path / "orphan.json"
    child = subprocess.Popen(child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             cwd=_source_root())
    assert child.stdin is not None and child.stdout is not None
    write_message(child.stdin, spec_for(demo, out))
    while True:  # wait until it is fetching pages
        message: Any = read_message(child.stdout)
        kind, value = message
        if kind == PROGRESS and value.requests_done:
            break
    child.stdin.close()  # what the window's end does when the window dies
    messages = []
    while (message := read_message(child.stdout)) is not None:
        messages.append(message)
    assert messages[-1] == (CANCELLED, None)
    assert child.wait(10) == 0
    child.stdout.close()
    assert not out.exists() and not temp_parts(tmp_path)


def test_a_cancel_that_comes_before_the_child_exists_still_stops_it(
        demo: DemoServer, tmp_path: Path) -> None:
    demo.faults.latency = 0.3
    out = tmp_path / "early.json"
    process = ExportProcess(spec_for(demo, out))
    process.cancel()  # the user pressed Cancel before the worker thread got going
    with pytest.raises(CancelledError):
        process.run()
    assert not out.exists() and not temp_parts(tmp_path)


# A child that only tells, as log records, what the window sent it after the spec.
_LISTENING_CHILD = """
import logging, sys
from core.export_process import CANCELLED, LOG, START, read_message, write_message
spec = read_message(sys.stdin.buffer)
out = sys.stdout.buffer
write_message(out, (LOG, (logging.INFO, "child", f"starts {len(spec.window_starts)}")))
write_message(out, (LOG, (logging.INFO, "child", f"newest {min(spec.window_starts)}")))
while (command := sys.stdin.buffer.read(1)) == START:
    write_message(out, (LOG, (logging.INFO, "child", "window started one")))
write_message(out, (LOG, (logging.INFO, "child", f"then {command!r}")))
write_message(out, (CANCELLED, None))
"""


def test_the_windows_own_requests_to_the_workspace_are_told_to_the_child(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    heard: list[str] = []
    said = threading.Condition()

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            with said:
                heard.append(record.getMessage())
                said.notify_all()

    def wait_for(count: int) -> None:
        with said:
            assert said.wait_for(lambda: len(heard) >= count, timeout=30), heard

    handler = Heard()
    logger = logging.getLogger("child")
    logger.addHandler(handler)
    monkeypatch.setattr(logger, "level", logging.INFO)
    monkeypatch.setattr("core.export_process.child_command",
                        lambda: [sys.executable, "-c", _LISTENING_CHILD])
    spec = spec_for(demo, tmp_path / "x.json")
    window = spec.connection.client()  # the window's own client, as for its pick-lists
    window.projects(demo.paid_workspace_id)  # before the export: in the spec
    running = Running(ExportProcess(spec))
    try:
        try:
            wait_for(2)
            window.tags(demo.paid_workspace_id)  # while it runs: told at once
            window.clients(demo.paid_workspace_id)
            window.projects(demo.free_workspace_id)  # another workspace: not the child's
            wait_for(4)
        finally:
            running.process.cancel()
            window.close()
        # The child's last log line comes just before its outcome: listen until that.
        outcome = running.result()
    finally:
        logger.removeHandler(handler)
    assert isinstance(outcome, CancelledError)
    starts, newest = heard[:2]
    assert int(starts.split()[1]) >= 1 and float(newest.split()[1]) < 30
    assert heard[2:] == ["window started one", "window started one", "then b'x'"]
