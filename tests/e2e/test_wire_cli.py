"""The CLI over a hostile loopback server: --max-wait holds from the very first request."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest

from core.cli import run
from core.errors import EXIT_RATE_LIMIT
from tests.e2e.wire_server import WireServer


def test_max_wait_holds_for_the_requests_before_the_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOCKIFY_API_KEY", "wire-test-key-0123456789abcdef")
    cancel = threading.Event()
    stop = threading.Timer(20, cancel.set)  # the old behaviour waited 200 s: end it anyway
    stop.start()
    err = io.StringIO()
    with WireServer(lambda h: h.send(429, b"", {"Retry-After": "200"})) as srv:
        code = run(["export", "--server", srv.url, "--start", "2026-01-01", "--end",
                    "2026-01-31", "--max-wait", "5", "-o", str(tmp_path / "x.json")],
                   out=io.StringIO(), err=err, cancel=cancel)
    stop.cancel()
    assert code == EXIT_RATE_LIMIT, err.getvalue()
    assert "longer than the 5 s allowed" in err.getvalue()
    assert len(srv.seen) == 1  # the first request (the user) already fails at once
    assert list(tmp_path.iterdir()) == []
