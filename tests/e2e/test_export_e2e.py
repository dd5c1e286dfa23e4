"""Every report kind × format through the real engine, over loopback, against the demo."""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.bodies import ReportOptions
from core.demo import DEMO_MANAGER_KEY, DemoConfig, DemoServer
from core.errors import CancelledError, NetworkError, PlanLimitError
from core.export import ExportJob
from core.planning import ExportRequest, Progress
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind
from tests.e2e.conftest import TODAY, assert_bodies_valid, make_client

BERLIN = "Europe/Berlin"
Q1 = (date(2026, 1, 1), date(2026, 3, 31))


def export(srv: DemoServer, tmp_path: Path, kind: ReportKind, fmt: ExportFormat,
           start: date, end: date, *, workspace: str | None = None, tz: str = BERLIN,
           key: str | None = None, options: ReportOptions | None = None,
           cancel: threading.Event | None = None,
           progress: list[Progress] | None = None,
           renderer: Renderer = Renderer.CLOCKIFY) -> tuple[Path, Any]:
    """Clockify's own files by default; files this app builds: test_render_e2e.py."""
    out = tmp_path / f"report{fmt.extension}"
    request = ExportRequest(workspace_id=workspace or srv.paid_workspace_id, kind=kind,
                            fmt=fmt, start=start, end=end, output=out, time_zone=tz,
                            options=options or ReportOptions(), renderer=renderer)
    client = make_client(srv, key)
    job = ExportJob(client, request, progress.append if progress is not None else None,
                    cancel)
    return out, job.run()


def detailed_ids(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [e["_id"] for e in data["timeentries"]]


@pytest.mark.parametrize("kind", list(ReportKind))
@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_every_kind_and_format_parses(demo: DemoServer, tmp_path: Path, kind: ReportKind,
                                      fmt: ExportFormat) -> None:
    start, end = Q1 if kind is not ReportKind.WEEKLY else (date(2026, 3, 2), date(2026, 3, 8))
    out, result = export(demo, tmp_path, kind, fmt, start, end)
    assert result.files == (out,)
    data = out.read_bytes()
    if fmt is ExportFormat.JSON:
        doc = json.loads(data)
        if kind is ReportKind.DETAILED:
            ids = [e["_id"] for e in doc["timeentries"]]
            assert sorted(ids) == sorted(demo.data.entry_ids(demo.paid_workspace_id, start,
                                                             end, BERLIN))
            assert doc["totals"][0]["entriesCount"] == len(ids)
        elif kind is ReportKind.EXPENSES:
            ids = [e["id"] for e in doc["expenses"]]
            assert sorted(ids) == sorted(demo.data.expense_ids(demo.paid_workspace_id, start,
                                                               end, BERLIN))
            assert doc["totals"]["expensesCount"] == len(ids)
        elif kind is ReportKind.ATTENDANCE:
            assert doc["entities"], "the demo workspace has attendance in Q1"
        else:
            count = len(demo.data.entry_ids(demo.paid_workspace_id, start, end, BERLIN))
            assert doc["totals"][0]["entriesCount"] == count
            assert doc["groupOne"]
    elif fmt is ExportFormat.CSV:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
        if kind is ReportKind.DETAILED:
            expected = demo.data.entry_ids(demo.paid_workspace_id, start, end, BERLIN)
            assert len(rows) - 1 == len(expected) == result.entries
    elif fmt is ExportFormat.XLSX:
        workbook = openpyxl.load_workbook(out, read_only=True)
        row_count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        assert row_count > 1
    else:
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert not [p for p in tmp_path.iterdir() if p != out], "no temporary files left"


def test_full_year_paid_detailed_json_has_every_entry_once(demo: DemoServer,
                                                           tmp_path: Path) -> None:
    start, end = date(2025, 11, 1), date(2026, 10, 31)
    progress: list[Progress] = []
    out, result = export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.JSON, start, end,
                         progress=progress)
    ids = detailed_ids(out)
    expected = demo.data.entry_ids(demo.paid_workspace_id, start, end, BERLIN)
    assert len(expected) > 1000, "needs several pages"
    assert len(ids) == len(set(ids)) and set(ids) == expected
    assert result.requests == -(-len(expected) // 1000)  # exactly the pages needed
    assert progress[-1].requests_done == result.requests


def test_free_workspace_three_months_splits_into_31_day_windows(demo: DemoServer,
                                                                tmp_path: Path) -> None:
    start, end = date(2026, 6, 1), date(2026, 8, 31)
    out, result = export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.JSON, start, end,
                         workspace=demo.free_workspace_id)
    ids = detailed_ids(out)
    expected = demo.data.entry_ids(demo.free_workspace_id, start, end, BERLIN)
    assert expected and len(ids) == len(set(ids)) and set(ids) == expected
    assert result.windows == 3


@pytest.mark.parametrize("tz", ["UTC", "Pacific/Auckland", "America/Los_Angeles"])
def test_time_zone_decides_which_entries_fall_in_range(demo: DemoServer, tmp_path: Path,
                                                       tz: str) -> None:
    start, end = date(2026, 3, 28), date(2026, 3, 29)  # the EU DST weekend
    out, _ = export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.JSON, start, end, tz=tz)
    assert set(detailed_ids(out)) == demo.data.entry_ids(demo.paid_workspace_id, start, end,
                                                         tz)


def test_summary_over_free_windows_is_merged(demo: DemoServer, tmp_path: Path) -> None:
    start, end = date(2026, 5, 1), date(2026, 7, 31)
    out, result = export(demo, tmp_path, ReportKind.SUMMARY, ExportFormat.JSON, start, end,
                         workspace=demo.free_workspace_id)
    doc = json.loads(out.read_text(encoding="utf-8"))
    expected = demo.data.entry_ids(demo.free_workspace_id, start, end, BERLIN)
    assert result.windows == 3
    assert doc["totals"][0]["entriesCount"] == len(expected)
    assert sum(g["duration"] for g in doc["groupOne"]) == doc["totals"][0]["totalTime"]


def test_weekly_over_three_weeks_lists_each_week(demo: DemoServer, tmp_path: Path) -> None:
    out, result = export(demo, tmp_path, ReportKind.WEEKLY, ExportFormat.JSON,
                         date(2026, 3, 2), date(2026, 3, 20))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [w["dateRangeStart"] for w in doc["weeks"]] == ["2026-03-02", "2026-03-09",
                                                           "2026-03-16"]
    assert result.notes and "2026-03-22" in result.notes[0]


def test_pdf_over_several_free_windows_writes_one_file_per_window(demo: DemoServer,
                                                                 tmp_path: Path) -> None:
    out, result = export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.PDF,
                         date(2026, 1, 1), date(2026, 2, 15), workspace=demo.free_workspace_id)
    names = sorted(p.name for p in result.files)
    assert names == ["report_2026-01-01_2026-01-31.pdf", "report_2026-02-01_2026-02-15.pdf"]
    assert not out.exists()
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.files)


def test_csv_on_free_plan_is_refused_plainly(demo: DemoServer, tmp_path: Path) -> None:
    with pytest.raises(PlanLimitError, match="Free plan"):
        export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.CSV, date(2026, 1, 1),
               date(2026, 1, 31), workspace=demo.free_workspace_id)
    assert list(tmp_path.iterdir()) == []


def test_manager_without_amounts_gets_report_without_amounts(demo: DemoServer,
                                                             tmp_path: Path) -> None:
    first = len(demo.requests)
    out, result = export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.JSON,
                         date(2026, 2, 1), date(2026, 2, 28), key=DEMO_MANAGER_KEY)
    assert any("amounts" in note for note in result.notes)
    # This export's requests only (February): the demo server is shared by the module's
    # tests, and a request of an earlier test's export can still arrive after `first`.
    sent = [r.body for r in demo.requests[first:] if r.path.endswith("/reports/detailed")
            and r.body is not None and r.body["dateRangeStart"].startswith("2026-02-01")]
    assert sent[0] is not None and sent[0]["amountShown"] == "EARNED"
    assert sent[-1] is not None and sent[-1]["amountShown"] == "HIDE_AMOUNT"
    assert detailed_ids(out)


def test_empty_workspace_gives_clockify_shaped_empty_document(demo: DemoServer,
                                                              tmp_path: Path) -> None:
    out, result = export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.JSON,
                         date(2026, 1, 1), date(2026, 1, 31), workspace=demo.empty_workspace_id)
    assert json.loads(out.read_text(encoding="utf-8")) == {"timeentries": [], "totals": [None]}
    assert result.entries == 0


def test_failing_server_leaves_no_file_and_keeps_existing(demo: DemoServer,
                                                         tmp_path: Path) -> None:
    existing = tmp_path / "report.json"
    existing.write_text("precious", encoding="utf-8")
    demo.faults.server_error_next = 1000
    with pytest.raises(NetworkError, match="kept failing"):
        export(demo, tmp_path, ReportKind.DETAILED, ExportFormat.JSON, date(2026, 1, 1),
               date(2026, 1, 31))
    assert existing.read_text(encoding="utf-8") == "precious"
    assert list(tmp_path.iterdir()) == [existing]


def test_cancel_mid_export_leaves_no_file(demo: DemoServer, tmp_path: Path) -> None:
    cancel = threading.Event()
    progress: list[Progress] = []

    def on_progress(p: Progress) -> None:
        progress.append(p)
        if p.requests_done >= 1:
            cancel.set()

    out = tmp_path / "year.json"
    request = ExportRequest(workspace_id=demo.paid_workspace_id, kind=ReportKind.DETAILED,
                            fmt=ExportFormat.JSON, start=date(2025, 11, 1),
                            end=date(2026, 10, 31), output=out, time_zone=BERLIN)
    with pytest.raises(CancelledError):
        ExportJob(make_client(demo), request, on_progress, cancel).run()
    assert list(tmp_path.iterdir()) == []


def test_entries_added_while_paging_are_not_duplicated_or_lost(tmp_path: Path) -> None:
    with DemoServer(DemoConfig(seed=5, entries_per_workspace=3000, months=6,
                               today=TODAY)) as srv:
        start, end = date(2026, 6, 1), date(2026, 11, 28)
        before = srv.data.entry_ids(srv.paid_workspace_id, start, end, BERLIN)
        assert len(before) > 2000
        srv.faults.insert_entries_between_pages = 7
        out, _ = export(srv, tmp_path, ReportKind.DETAILED, ExportFormat.JSON, start, end)
        ids = detailed_ids(out)
        after = srv.data.entry_ids(srv.paid_workspace_id, start, end, BERLIN)
        assert len(ids) == len(set(ids)), "no entry twice"
        assert before <= set(ids) <= after, "every entry that existed is there"
        assert_bodies_valid(srv)


def test_weekly_csv_over_several_weeks_is_one_file_per_week(demo: DemoServer,
                                                             tmp_path: Path) -> None:
    out, result = export(demo, tmp_path, ReportKind.WEEKLY, ExportFormat.CSV,
                         date(2026, 3, 2), date(2026, 3, 15))
    assert sorted(p.name for p in result.files) == ["report_2026-03-02_2026-03-08.csv",
                                                    "report_2026-03-09_2026-03-15.csv"]
    assert result.entries is None, "rows are not counted in files Clockify renders"
    assert not out.exists(), "only the per-week files"
    for path in result.files:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
        assert len(rows) > 1
