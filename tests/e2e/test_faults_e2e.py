"""Each fault switch of the demo server: the export completes with every entry exactly
once, or fails with a clear message and leaves no file. Which one is expected is stated."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.demo import DemoConfig, DemoServer
from core.errors import NetworkError, RateLimitError
from core.export import ExportJob
from core.limits import WaitInfo
from core.planning import ExportRequest, Phase, Progress
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind
from tests.e2e.conftest import TODAY, assert_bodies_valid, make_client

BERLIN = "Europe/Berlin"
START, END = date(2026, 1, 1), date(2026, 4, 30)  # > 1000 entries: several pages


def _run(srv: DemoServer, out: Path, workspace: str, fmt: ExportFormat = ExportFormat.JSON,
         *, max_wait: float | None = None,
         progress: list[Progress] | None = None) -> list[str]:
    request = ExportRequest(workspace_id=workspace, kind=ReportKind.DETAILED, fmt=fmt,
                            start=START, end=END, output=out, time_zone=BERLIN,
                            max_wait=max_wait)
    ExportJob(make_client(srv), request,
              progress.append if progress is not None else None).run()
    if fmt is not ExportFormat.JSON:
        return []
    return [e["_id"] for e in json.loads(out.read_text(encoding="utf-8"))["timeentries"]]


def _complete(srv: DemoServer, ids: list[str], workspace: str) -> None:
    assert len(ids) == len(set(ids))
    assert set(ids) == srv.data.entry_ids(workspace, START, END, BERLIN)


# Faults the engine rides out: the export must complete with every entry exactly once.
RECOVERABLE: dict[str, dict[str, Any]] = {
    "429 with Retry-After": {"rate_limit_next": 2, "rate_limit_retry_after": 0.2},
    "429 without Retry-After": {"rate_limit_next": 2, "rate_limit_retry_after": None},
    "502 then fine": {"server_error_next": 2, "server_error_status": 502},
    "503 then fine": {"server_error_next": 2, "server_error_status": 503},
    "connection dropped mid-response": {"drop_connection_next": 2},
    "truncated JSON body": {"truncate_json_next": 2},
    "slow responses": {"latency": 0.05},
}


@pytest.mark.parametrize("name", list(RECOVERABLE))
def test_recoverable_fault_completes_with_every_entry_once(demo: DemoServer, tmp_path: Path,
                                                           name: str) -> None:
    for field, value in RECOVERABLE[name].items():
        setattr(demo.faults, field, value)
    ids = _run(demo, tmp_path / "out.json", demo.paid_workspace_id)
    _complete(demo, ids, demo.paid_workspace_id)


@pytest.mark.parametrize("fault", ["drop_connection_next", "truncate_json_next",
                                   "server_error_next"])
def test_file_downloads_survive_faults_too(demo: DemoServer, tmp_path: Path,
                                           fault: str) -> None:
    setattr(demo.faults, fault, 2)
    out = tmp_path / "out.pdf"
    _run(demo, out, demo.paid_workspace_id, ExportFormat.PDF)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_permanent_rate_limit_beyond_max_wait_fails_clearly(demo: DemoServer,
                                                            tmp_path: Path) -> None:
    demo.faults.rate_limit_next = 1000
    demo.faults.rate_limit_retry_after = 120
    with pytest.raises(RateLimitError, match="longer than the"):
        _run(demo, tmp_path / "out.json", demo.paid_workspace_id, max_wait=5)
    assert list(tmp_path.iterdir()) == []


def test_free_hourly_quota_is_waited_out_and_the_export_resumes(tmp_path: Path) -> None:
    config = DemoConfig(seed=2, entries_per_workspace=800, months=6, today=TODAY,
                        quota_window_seconds=1.5, quota_retry_after=True)
    with DemoServer(config) as srv:
        srv.faults.exhaust_quota = True
        progress: list[Progress] = []
        ids = _run(srv, tmp_path / "free.json", srv.free_workspace_id, progress=progress)
        _complete(srv, ids, srv.free_workspace_id)
        waits = [p.wait for p in progress if p.phase is Phase.WAITING]
        assert waits and isinstance(waits[0], WaitInfo)
        assert "hourly" in waits[0].message and "resuming at" in waits[0].message
        assert_bodies_valid(srv)


def test_empty_fault_gives_empty_export(demo: DemoServer, tmp_path: Path) -> None:
    demo.faults.empty = True
    assert _run(demo, tmp_path / "out.json", demo.paid_workspace_id) == []


# ---- a CSV download cut short where no framing shows it ----------------------------------


def _clockify_csv(srv: DemoServer, out: Path, kind: ReportKind) -> bytes:
    request = ExportRequest(workspace_id=srv.paid_workspace_id, kind=kind,
                            fmt=ExportFormat.CSV, start=START, end=END, output=out,
                            time_zone=BERLIN, renderer=Renderer.CLOCKIFY)
    ExportJob(make_client(srv), request).run()
    return out.read_bytes()


@pytest.mark.parametrize("kind", [ReportKind.DETAILED, ReportKind.EXPENSES,
                                  ReportKind.SUMMARY])
def test_a_csv_cut_short_without_content_length_is_fetched_again(
        demo: DemoServer, tmp_path: Path, kind: ReportKind) -> None:
    """The server sends no Content-Length and closes the connection halfway through the
    file (consistently framed for HTTP): the cut record shows it, the file is asked again."""
    whole = _clockify_csv(demo, tmp_path / "whole.csv", kind)
    demo.faults.truncate_without_length = True
    demo.faults.truncate_files_only = True
    demo.faults.truncate_json_next = 2
    assert _clockify_csv(demo, tmp_path / "cut.csv", kind) == whole
    assert demo.faults.truncate_json_next == 0, "both cuts were served"


def test_a_csv_always_cut_short_fails_and_saves_nothing(demo: DemoServer,
                                                        tmp_path: Path) -> None:
    demo.faults.truncate_without_length = True
    demo.faults.truncate_files_only = True
    demo.faults.truncate_json_next = 1000
    with pytest.raises(NetworkError, match="incomplete"):
        _clockify_csv(demo, tmp_path / "cut.csv", ReportKind.DETAILED)
    assert list(tmp_path.iterdir()) == []
