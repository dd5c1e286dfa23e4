"""The CLI says what it verified, and `--manifest` writes the record beside the export; the
output target is checked by the engine before its first request."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core import __version__
from core.demo import DemoServer
from core.demo.common import day_bounds, zone
from core.errors import EXIT_OK, EXIT_OUTPUT, OutputError
from core.export import ExportJob
from core.planning import ExportRequest
from core.render.values import hms
from core.reports import ExportFormat, ReportKind
from tests.e2e.conftest import make_client
from tests.e2e.test_cli_e2e import cli

RANGE = ("--start", "2026-01-01", "--end", "2026-03-31", "--time-zone", "UTC")


def report_requests(demo: DemoServer, since: int) -> int:
    return sum(1 for r in demo.requests[since:] if "/reports/" in r.path)


def entries_in(path: Path) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(path.read_bytes())["timeentries"]
    return entries


def test_manifest_flag_writes_the_record_beside_the_export(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "Q1.json"
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, "--workspace", "Acme Studio", *RANGE, "--billable",
                       "--manifest", "--output", str(out))
    assert code == EXIT_OK, err
    manifest = tmp_path / "Q1.manifest.json"
    assert set(tmp_path.iterdir()) == {out, manifest}
    assert f"Saved {manifest}" in err
    record = json.loads(manifest.read_bytes())
    entries = entries_in(out)
    lo, hi = day_bounds(date(2026, 1, 1), date(2026, 3, 31), zone("UTC"))
    billable = {e.id for e in demo.data.entries_between(demo.paid_workspace_id, lo, hi - 1e-6)
                if e.billable}
    assert {e["_id"] for e in entries} == billable
    check = record["verification"]
    assert check["entriesWritten"] == check["entriesCountedByClockify"] == len(entries)
    assert check["requests"] == report_requests(demo, first)
    cents: dict[str, float] = {}
    for e in entries:
        cents[str(e["currency"])] = cents.get(str(e["currency"]), 0.0) + float(e["amount"])
    assert check["totals"]["amountByCurrency"] == pytest.approx(cents)
    assert check["totals"]["totalTime"] == sum(e["timeInterval"]["duration"]
                                               for e in entries)
    export = record["export"]
    assert export["workspaceId"] == demo.paid_workspace_id
    assert export["workspaceName"] == "Acme Studio"
    assert (export["report"], export["format"]) == ("detailed", "json")
    assert (export["start"], export["end"], export["timeZone"]) == ("2026-01-01", "2026-03-31",
                                                                    "UTC")
    assert export["filters"]["billable"] is True
    assert record["app"]["version"] == __version__
    assert record["files"] == [{"name": "Q1.json", "bytes": out.stat().st_size,
                                "sha256": hashlib.sha256(out.read_bytes()).hexdigest()}]


def test_the_summary_states_what_was_verified(demo: DemoServer, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "q1.json"
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, *RANGE, "--output", str(out))
    assert code == EXIT_OK, err
    entries = entries_in(out)
    total = sum(e["timeInterval"]["duration"] for e in entries)
    billable = sum(e["timeInterval"]["duration"] for e in entries
                   if e["billable"])
    assert {e["currency"] for e in entries} == {"EUR"}
    euros = sum(float(e["amount"]) for e in entries) / 100
    lines = err.splitlines()
    summary = lines[lines.index(f"Saved {out}") + 1]
    requests = report_requests(demo, first)
    assert summary.startswith(
        f"Verified: {len(entries):,} of {len(entries):,} entries Clockify counted; "
        f"total {hms(total)}, billable {hms(billable)}, amounts ")
    assert summary.endswith(f" EUR; {requests} request{'s' if requests != 1 else ''}.")
    shown = summary.split("amounts ")[1].split(" EUR")[0]
    assert float(shown.replace(",", "")) == pytest.approx(euros, abs=0.005)


def test_the_summary_says_clockify_files_were_not_counted(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "q1.xlsx"
    code, _, err = cli(demo, monkeypatch, *RANGE, "--render", "clockify", "--manifest",
                       "--output", str(out))
    assert code == EXIT_OK, err
    assert ("Not verified: Clockify's own Excel (XLSX) file was saved as sent; it was "
            "checked to have arrived whole, but its entries and totals were not counted; "
            "1 request.") in err.splitlines()
    record = json.loads((tmp_path / "q1.manifest.json").read_bytes())
    assert record["verification"]["entriesWritten"] is None
    assert record["files"][0]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


# ---- the output target, before the first request -----------------------------------------


@pytest.mark.parametrize("where", ["missing", "not-a-folder", "manifest-is-a-folder"])
def test_the_engine_checks_the_output_before_any_request(demo: DemoServer, tmp_path: Path,
                                                         where: str) -> None:
    """The window builds the job with its workspace: plan() then sends nothing, so a bad
    target must be found there, not after the download."""
    out = tmp_path / "no" / "r.json"
    if where == "not-a-folder":
        (tmp_path / "no").write_text("a file", encoding="utf-8")
    elif where == "manifest-is-a-folder":
        out = tmp_path / "r.json"
        (tmp_path / "r.manifest.json").mkdir()
    workspace = next(w for w in make_client(demo).workspaces()
                     if w["id"] == demo.paid_workspace_id)
    request = ExportRequest(workspace_id=demo.paid_workspace_id, kind=ReportKind.DETAILED,
                            fmt=ExportFormat.JSON, start=date(2026, 1, 1),
                            end=date(2026, 1, 31), output=out, time_zone="UTC",
                            manifest=True)
    job = ExportJob(make_client(demo), request, workspace=workspace)
    first = len(demo.requests)
    with pytest.raises(OutputError):
        job.plan()
    with pytest.raises(OutputError):
        job.run()
    assert len(demo.requests) == first, "no request reached the server"
    assert not out.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_fails_before_any_request(demo: DemoServer, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    first = len(demo.requests)
    try:
        code, _, err = cli(demo, monkeypatch, *RANGE, "--manifest",
                           "--output", str(folder / "x.json"))
    finally:
        folder.chmod(0o755)
    assert code == EXIT_OUTPUT and "No permission to write" in err
    assert len(demo.requests) == first
    assert list(folder.iterdir()) == []
