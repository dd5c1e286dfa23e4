"""Verified exports over loopback: a short, repeated or miscounted page never gives a
shorter file; pages arriving in any order give the same bytes; the manifest; the Free plan's
budget; cancel and failure with requests in flight."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from core.demo import DemoConfig, DemoServer
from core.errors import CancelledError, IncompleteError, NetworkError
from core.export import ExportJob
from core.planning import ExportRequest, ExportResult, Progress
from core.reports import ExportFormat, ReportKind
from tests.e2e.conftest import TODAY, make_client

BERLIN = "Europe/Berlin"
START, END = date(2026, 1, 1), date(2026, 4, 30)  # ~700 entries: pages of 200


def run(srv: DemoServer, out: Path, *, workspace: str | None = None, start: date = START,
        end: date = END, kind: ReportKind = ReportKind.DETAILED, in_flight: int | None = None,
        manifest: bool = False, page_size: int = 200, cancel: threading.Event | None = None,
        on_progress: Callable[[Progress], None] | None = None) -> ExportResult:
    request = ExportRequest(workspace_id=workspace or srv.paid_workspace_id, kind=kind,
                            fmt=ExportFormat.JSON, start=start, end=end, output=out,
                            time_zone=BERLIN, manifest=manifest, max_in_flight=in_flight,
                            page_size=page_size)
    job = ExportJob(make_client(srv), request, on_progress, cancel)
    return job.run()


def expected_ids(srv: DemoServer) -> set[str]:
    return srv.data.entry_ids(srv.paid_workspace_id, START, END, BERLIN)


def ids_in(path: Path) -> list[str]:
    return [e["_id"] for e in json.loads(path.read_bytes())["timeentries"]]


def page_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("clockify-page")]


# ---- no silent loss ----------------------------------------------------------------------


def test_a_short_page_mid_stream_is_an_error_naming_both_numbers(demo: DemoServer,
                                                                 tmp_path: Path) -> None:
    count = len(expected_ids(demo))
    assert count > 600
    demo.faults.short_page = 2  # 199 of 200
    with pytest.raises(IncompleteError) as info:
        run(demo, tmp_path / "out.json")
    assert f"counted {count:,} entries" in info.value.message
    assert f"only {count - 1:,}" in info.value.message
    assert (info.value.expected, info.value.received) == (count, count - 1)
    assert info.value.exit_code != 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("in_flight", [1, 8])
def test_a_server_that_ignores_page_is_caught(demo: DemoServer, tmp_path: Path,
                                              in_flight: int) -> None:
    demo.faults.ignore_paging = True
    with pytest.raises(IncompleteError, match="same page more than once") as info:
        run(demo, tmp_path / "out.json", in_flight=in_flight)
    assert info.value.received == 200
    assert list(tmp_path.iterdir()) == []


def test_a_count_above_what_arrives_is_an_error(demo: DemoServer, tmp_path: Path) -> None:
    count = len(expected_ids(demo))
    demo.faults.count_offset = 5
    with pytest.raises(IncompleteError, match=f"counted {count + 5:,} entries"):
        run(demo, tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []


def test_a_count_below_what_arrives_keeps_paging_to_the_end(demo: DemoServer,
                                                            tmp_path: Path) -> None:
    demo.faults.count_offset = -205  # the last page looks fuller than the count allows
    out = tmp_path / "out.json"
    result = run(demo, out)
    assert sorted(ids_in(out)) == sorted(expected_ids(demo))
    assert result.entries == len(expected_ids(demo))


def test_a_page_failing_after_retries_aborts_cleanly(demo: DemoServer, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("precious", encoding="utf-8")
    demo.faults.error_page = 2
    with pytest.raises(NetworkError, match="kept failing"):
        run(demo, out, in_flight=6)
    assert out.read_text(encoding="utf-8") == "precious"
    assert list(tmp_path.iterdir()) == [out]
    assert page_threads() == [], "no page thread outlives the export"


# ---- order -------------------------------------------------------------------------------


def test_pages_arriving_in_reverse_order_give_the_sequential_bytes(demo: DemoServer,
                                                                   tmp_path: Path) -> None:
    sequential, concurrent = tmp_path / "seq.json", tmp_path / "conc.json"
    run(demo, sequential, in_flight=1, page_size=100)
    pages = -(-len(expected_ids(demo)) // 100)
    # Page 1 first (it tells the count), then the others answer last page first.
    # 0.1 s apart: wide enough that a loaded machine keeps the order the test is about.
    demo.faults.page_latency = {p: 0.1 * (pages - p) for p in range(2, pages + 1)}
    first = len(demo.requests)
    run(demo, concurrent, in_flight=pages, page_size=100)
    answered = [r.body["detailedFilter"]["page"] for r in demo.requests[first:]
                if r.body and "detailedFilter" in r.body]
    assert answered[0] == 1 and answered[1:] == sorted(answered[1:], reverse=True)
    assert concurrent.read_bytes() == sequential.read_bytes()
    assert ids_in(concurrent) and sorted(ids_in(concurrent)) == sorted(expected_ids(demo))


# ---- the manifest ------------------------------------------------------------------------


def test_manifest_records_what_was_verified(demo: DemoServer, tmp_path: Path) -> None:
    out = tmp_path / "Report.json"
    result = run(demo, out, manifest=True)
    manifest = tmp_path / "Report.manifest.json"
    assert result.manifest == manifest and set(result.files) == {out, manifest}
    record = json.loads(manifest.read_bytes())
    count = len(expected_ids(demo))
    assert record["verification"]["entriesWritten"] == count
    assert record["verification"]["entriesCountedByClockify"] == count
    assert record["verification"]["requests"] == result.requests
    data = json.loads(out.read_bytes())
    assert record["verification"]["totals"]["totalTime"] == data["totals"][0]["totalTime"]
    assert set(record["verification"]["totals"]["amountByCurrency"]) == {"EUR"}
    assert record["files"] == [{"name": "Report.json", "bytes": out.stat().st_size,
                                "sha256": hashlib.sha256(out.read_bytes()).hexdigest()}]
    assert record["export"]["report"] == "detailed"
    assert record["export"]["timeZone"] == BERLIN
    assert (record["export"]["start"], record["export"]["end"]) == ("2026-01-01", "2026-04-30")
    assert record["app"]["version"]
    assert result.verification is not None
    assert result.verification.files[0].sha256 == record["files"][0]["sha256"]


def test_no_manifest_when_the_export_fails(demo: DemoServer, tmp_path: Path) -> None:
    demo.faults.short_page = 1
    with pytest.raises(IncompleteError):
        run(demo, tmp_path / "Report.json", manifest=True)
    assert list(tmp_path.iterdir()) == []


# ---- Free plan: the fewest requests, as budgeted -----------------------------------------


@pytest.mark.parametrize("hide_plan", [False, True])
def test_free_plan_year_uses_exactly_the_budget(tmp_path: Path, hide_plan: bool) -> None:
    config = DemoConfig(seed=3, entries_per_workspace=1500, months=13, today=TODAY)
    with DemoServer(config) as srv:
        srv.faults.hide_plan = hide_plan  # a plan Clockify does not state is taken as Free
        start, end = date(2025, 11, 1), date(2026, 10, 31)
        request = ExportRequest(workspace_id=srv.free_workspace_id, kind=ReportKind.DETAILED,
                                fmt=ExportFormat.JSON, start=start, end=end,
                                output=tmp_path / "year.json", time_zone=BERLIN)
        job = ExportJob(make_client(srv), request)
        budget = job.plan().min_requests
        first = len(srv.requests)
        result = job.run()
        reports = [r for r in srv.requests[first:] if "/reports/" in r.path]
        assert budget == 12 == len(job.plan().windows)  # 31-day windows, ≤ 1,000 entries
        assert result.requests == len(reports) == budget
        assert all(r.status == 200 for r in reports), "no refused range, no 429"
        ids = ids_in(tmp_path / "year.json")
        assert sorted(ids) == sorted(srv.data.entry_ids(srv.free_workspace_id, start, end,
                                                        BERLIN))


def test_an_auto_pdf_uses_the_budget_it_announced(demo: DemoServer, tmp_path: Path) -> None:
    """`auto` reads the JSON to see whether Clockify's PDF holds every row, then asks for
    that PDF: two requests, and the budget says two."""
    request = ExportRequest(workspace_id=demo.paid_workspace_id, kind=ReportKind.DETAILED,
                            fmt=ExportFormat.PDF, start=date(2026, 3, 2),
                            end=date(2026, 3, 8), output=tmp_path / "week.pdf",
                            time_zone=BERLIN)
    job = ExportJob(make_client(demo), request)
    budget = job.plan().min_requests
    first = len(demo.requests)
    result = job.run()
    reports = [r for r in demo.requests[first:] if "/reports/" in r.path]
    assert [r.body["exportType"] for r in reports if r.body] == ["JSON", "PDF"]
    assert budget == result.requests == len(reports) == 2


# ---- cancel with requests in flight ------------------------------------------------------


def test_cancel_with_requests_in_flight_leaves_no_file_and_no_thread(
    demo: DemoServer, tmp_path: Path
) -> None:
    cancel = threading.Event()
    demo.faults.page_latency = dict.fromkeys(range(2, 40), 1.0)

    def on_progress(progress: Progress) -> None:
        if progress.pages_done >= 1:
            cancel.set()

    with pytest.raises(CancelledError):
        run(demo, tmp_path / "out.json", page_size=100, in_flight=8, cancel=cancel,
            on_progress=on_progress)
    assert list(tmp_path.iterdir()) == []
    assert page_threads() == [], "no page thread outlives the export"


def test_pages_read_raw_give_the_bytes_of_pages_parsed_and_re_encoded(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's pages over several windows (an entry on a window's edge comes in both):
    each entry as the demo sent it is what parsing and re-encoding it wrote."""
    raw, parsed = tmp_path / "raw.json", tmp_path / "parsed.json"
    long_start = date(2025, 1, 1)  # paid windows of a year: two of them, and their edge
    run(demo, raw, start=long_start)
    monkeypatch.setattr("core.export.read_raw_page", lambda data, kind: None)
    run(demo, parsed, start=long_start)
    assert raw.read_bytes() == parsed.read_bytes()
    assert len(ids_in(raw)) == len(set(ids_in(raw))) > 1000
