"""Signals to a real CLI process in the middle of an export against the demo server.

SIGTERM (service managers, `kill`) and SIGHUP (a closed terminal) must unwind like Ctrl+C:
the temp file is removed, an existing file at the target stays as it was, and the exit code
is 128 + the signal number. A SIGKILL cannot be handled; its temp file is removed by the next
export to that folder once it is stale.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.atomic import STALE_AFTER_SECONDS
from core.demo import DemoServer
from tests.e2e.test_cli_e2e import cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

ROOT = Path(__file__).resolve().parents[2]
GUARD_SECONDS = 60.0  # only a guard against a hang; nothing here is timed


def export_command(demo: DemoServer, target: Path) -> list[str]:
    return [sys.executable, "-m", "core.cli", "export", "--server", demo.root_url,
            "--start", "2026-01-01", "--end", "2026-01-31", "--time-zone", "UTC",
            "--output", str(target)]


def child_env(demo: DemoServer) -> dict[str, str]:
    return {**os.environ, "CLOCKIFY_API_KEY": demo.api_key, "PYTHONPATH": str(ROOT)}


class Running:
    """A CLI export in a child process; its stderr is collected line by line."""

    def __init__(self, demo: DemoServer, target: Path) -> None:
        self.proc = subprocess.Popen(
            export_command(demo, target), cwd=ROOT, env=child_env(demo),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        self.lines: list[str] = []
        assert self.proc.stderr is not None
        stream = self.proc.stderr
        self._reader = threading.Thread(target=lambda: self.lines.extend(stream), daemon=True)
        self._reader.start()

    def wait_until(self, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + GUARD_SECONDS
        while not condition():
            assert self.proc.poll() is None, "".join(self.lines)
            assert time.monotonic() < deadline, "".join(self.lines)
            time.sleep(0.02)

    def finish(self) -> tuple[int, str]:
        code = self.proc.wait(timeout=GUARD_SECONDS)
        self._reader.join(timeout=GUARD_SECONDS)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return code, "".join(self.lines)


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.fixture
def slow_export(demo: DemoServer, tmp_path: Path) -> Iterator[tuple[Running, Path]]:
    """An export whose report request hangs in the demo server, its temp file open."""
    demo.faults.report_latency = 5.0
    target = tmp_path / "report.json"
    target.write_bytes(b"the previous export")
    running = Running(demo, target)
    # The plan is printed, then the temp file is opened and the report requested.
    running.wait_until(lambda: any(line.startswith("Exporting") for line in running.lines)
                       and bool(temp_files(tmp_path)))
    yield running, target
    if running.proc.poll() is None:
        running.proc.kill()
        running.finish()


@pytest.mark.parametrize(("signum", "code", "word"), [
    (signal.SIGTERM, 143, "SIGTERM"),
    (signal.SIGHUP, 129, "SIGHUP"),
    (signal.SIGINT, 130, "Cancelled"),
])
def test_signal_removes_the_temp_file_and_keeps_the_old_file(
        slow_export: tuple[Running, Path], signum: int, code: int, word: str) -> None:
    running, target = slow_export
    running.proc.send_signal(signum)
    exit_code, err = running.finish()
    assert exit_code == code, err
    assert word in err and "Traceback" not in err
    assert temp_files(target.parent) == []
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]
    assert target.read_bytes() == b"the previous export"


def test_sigkill_leftover_is_removed_by_a_later_export(
        slow_export: tuple[Running, Path], demo: DemoServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    running, target = slow_export
    running.proc.kill()  # no handler runs: the temp file stays behind
    running.finish()
    [left] = temp_files(target.parent)
    then = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(left, (then, then))
    demo.faults.report_latency = 0.0
    code, _, err = cli(demo, monkeypatch, "--start", "2026-01-01", "--end", "2026-01-31",
                       "--output", str(target.with_name("february.json")))
    assert code == 0, err
    assert not left.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["february.json", "report.json"]


def test_sigterm_during_a_rate_limit_wait(demo: DemoServer, tmp_path: Path) -> None:
    demo.faults.rate_limit_next = 1
    demo.faults.rate_limit_retry_after = 30
    target = tmp_path / "report.json"
    running = Running(demo, target)
    running.wait_until(lambda: any("slow down" in line for line in running.lines))
    running.proc.send_signal(signal.SIGTERM)
    code, err = running.finish()
    assert code == 143, err
    assert list(tmp_path.iterdir()) == []


def test_sighup_after_the_terminal_went_away(demo: DemoServer, tmp_path: Path) -> None:
    # A closed terminal: stderr is a pty whose other end is gone, so the last words fail.
    demo.faults.report_latency = 5.0
    master, slave = pty.openpty()
    proc = subprocess.Popen(export_command(demo, tmp_path / "r.json"), cwd=ROOT,
                            env=child_env(demo), stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave)
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + GUARD_SECONDS
    while b"Fetching" not in shown or not temp_files(tmp_path):
        assert proc.poll() is None and time.monotonic() < deadline, shown
        if select.select([master], [], [], 0.05)[0]:
            shown += os.read(master, 4096)
    os.close(master)
    proc.send_signal(signal.SIGHUP)
    assert proc.wait(timeout=GUARD_SECONDS) == 129
    assert list(tmp_path.iterdir()) == []
