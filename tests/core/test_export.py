"""The export job end to end against a `responses` fake of Clockify at http://127.0.0.1:9."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
import responses

from core.bodies import ReportOptions
from core.client import ClockifyClient, RetryPolicy
from core.errors import (
    CancelledError,
    IncompleteError,
    NetworkError,
    PermissionDeniedError,
    PlanLimitError,
    RateLimitError,
    RequestRejectedError,
    UsageError,
)
from core.export import ExportJob
from core.planning import ExportRequest, Phase, Progress
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind
from core.windows import DateWindow
from tests.core.fakes import (
    LOCAL,
    FakeClock,
    Reply,
    error_reply,
    json_reply,
    make_client,
)
from tests.openapi import check_body

WS = "ws1"
API = LOCAL.api_base
REPORTS = f"{LOCAL.reports_base}/workspaces/{WS}/"
PAID = "BUNDLE_YEAR_2024"
FREE = "FREE"
CSV_HEADER = '"Project","Description","Duration (h)"\r\n'
NO_WAIT = RetryPolicy(attempts=2, rate_limit_attempts=3, base_delay=0.0, max_delay=0.0)


@dataclass
class Entry:
    eid: str
    day: date
    seconds: int
    billable: bool = True
    amount: float = 0.0

    def json(self) -> dict[str, Any]:
        return {
            "_id": self.eid,
            "description": f"work {self.eid}",
            "timeInterval": {"start": f"{self.day.isoformat()}T09:00:00+01:00",
                             "end": f"{self.day.isoformat()}T10:00:00+01:00",
                             "duration": self.seconds},
            "billable": self.billable,
            "amount": self.amount,
            "tags": [],
        }

    def csv_row(self) -> str:
        return f'"Project","work {self.eid}","{self.seconds}"\r\n'


def make_entries(start: date, days: list[int]) -> list[Entry]:
    """One entry per offset in `days`, ids in creation (= sort) order."""
    return [Entry(f"e{i:04d}", start + timedelta(days=d), 600 * (i + 1), i % 3 != 0, 100.0 * i)
            for i, d in enumerate(days)]


def window_of(body: dict[str, Any]) -> DateWindow:
    return DateWindow(date.fromisoformat(body["dateRangeStart"][:10]),
                      date.fromisoformat(body["dateRangeEnd"][:10]))


@dataclass
class FakeClockify:
    """Just enough of Clockify: one workspace, the user, and the report endpoints."""

    rs: responses.RequestsMock
    plan: str = PAID
    profile_tz: str = "Europe/Berlin"
    entries: list[Entry] = field(default_factory=list)
    honour_csv_paging: bool = True
    with_totals: bool = True
    # A hook that may answer a report request instead of the normal handler.
    intercept: Callable[[ReportKind, dict[str, Any]], Reply | None] | None = None
    calls: list[str] = field(default_factory=list)
    reports: list[tuple[ReportKind, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rs.add_callback("GET", f"{API}/workspaces", callback=self._workspace)
        self.rs.add_callback("GET", f"{API}/user", callback=self._user)
        self.rs.add_callback("POST", re.compile(re.escape(REPORTS) + r"reports/.+"),
                             callback=self._report)

    def _workspace(self, request: Any) -> Any:
        self.calls.append("workspace")
        return json_reply([{"id": "other", "name": "Other", "featureSubscriptionType": None},
                           {"id": WS, "name": "Acme", "featureSubscriptionType": self.plan}])

    def _user(self, request: Any) -> Any:
        self.calls.append("user")
        return json_reply({"id": "u1", "settings": {"timeZone": self.profile_tz}})

    def _report(self, request: Any) -> Any:
        path = request.url.split(REPORTS, 1)[1]
        kind = next(k for k in ReportKind if k.path == path)
        body = json.loads(request.body)
        check_body(kind, body)  # every body the job sends is valid per Clockify's OpenAPI
        self.calls.append(f"report:{kind.value}")
        self.reports.append((kind, body))
        if self.intercept is not None:
            answer = self.intercept(kind, body)
            if answer is not None:
                return answer
        window = window_of(body)
        rows = [e for e in self.entries if window.start <= e.day <= window.end]
        rows.sort(key=lambda e: e.eid)
        fmt = body.get("exportType", "JSON")
        if fmt == "CSV":
            return self._csv(kind, body, rows)
        if fmt in ("PDF", "XLSX"):
            return (200, {"Content-Type": "application/pdf"},
                    f"%PDF-1.5\nwindow {window.label()}\n%%EOF\n".encode())
        if kind is ReportKind.SUMMARY:
            return json_reply(self._summary(rows))
        if kind is ReportKind.WEEKLY:
            assert window.days == 7, "Clockify takes exactly 7 days for a weekly report"
            return json_reply({"totals": [self._totals(rows)] if rows else [None],
                               "groupOne": [{"_id": "u1", "name": "Jane",
                                             "duration": sum(e.seconds for e in rows)}]})
        page = body["detailedFilter"]
        number, size = page["page"], page["pageSize"]
        chunk = rows[(number - 1) * size: number * size]
        data: dict[str, Any] = {"timeentries": [e.json() for e in chunk]}
        if self.with_totals:
            data["totals"] = [self._totals(rows)] if rows else [None]
        return json_reply(data)

    def _totals(self, rows: list[Entry]) -> dict[str, Any]:
        return {"_id": "", "totalTime": sum(e.seconds for e in rows),
                "totalBillableTime": sum(e.seconds for e in rows if e.billable),
                "entriesCount": len(rows), "totalAmount": sum(e.amount for e in rows),
                "amounts": [{"type": "EARNED", "value": sum(e.amount for e in rows)}]}

    def _summary(self, rows: list[Entry]) -> dict[str, Any]:
        return {"totals": [self._totals(rows)] if rows else [None],
                "groupOne": [{"_id": "p1", "name": "Website",
                              "duration": sum(e.seconds for e in rows),
                              "amount": sum(e.amount for e in rows), "children": []}]
                if rows else [],
                "donutChart": []}

    def _csv(self, kind: ReportKind, body: dict[str, Any], rows: list[Entry]) -> Reply:
        page = body.get("detailedFilter", {})
        if self.honour_csv_paging and "page" in page:
            number, size = page["page"], page["pageSize"]
            rows = rows[(number - 1) * size: number * size]
        text = CSV_HEADER + "".join(e.csv_row() for e in rows)
        return 200, {"Content-Type": "text/csv"}, text.encode()

    def report_count(self) -> int:
        return len(self.reports)


@pytest.fixture
def rs() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def client() -> ClockifyClient:
    return make_client(clock=FakeClock(), retry=NO_WAIT)


def request(tmp_path: Path, fmt: ExportFormat = ExportFormat.JSON,
            kind: ReportKind = ReportKind.DETAILED, start: date = date(2026, 3, 1),
            end: date = date(2026, 3, 20), **kw: Any) -> ExportRequest:
    kw.setdefault("time_zone", "Europe/Berlin")
    # These tests are about Clockify's own files; files this app builds: test_render_*.
    kw.setdefault("renderer", Renderer.CLOCKIFY)
    return ExportRequest(workspace_id=WS, kind=kind, fmt=fmt, start=start, end=end,
                         output=tmp_path / f"Report{fmt.extension}", **kw)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


# ---- planning ----------------------------------------------------------------------------


@pytest.mark.parametrize(("plan", "free", "windows", "max_days"),
                         [(FREE, True, 12, 31), (PAID, False, 1, 366)])
def test_plan_windows_follow_the_workspace_plan(
    rs: responses.RequestsMock, tmp_path: Path, plan: str, free: bool, windows: int,
    max_days: int
) -> None:
    fake = FakeClockify(rs, plan=plan)
    job = ExportJob(client(), request(tmp_path, start=date(2025, 1, 1), end=date(2025, 12, 31)))
    result = job.plan()
    assert result.free_plan is free
    assert result.max_days == max_days
    assert len(result.windows) == windows
    assert all(w.days <= max_days for w in result.windows)
    assert result.windows[0].start == date(2025, 1, 1)
    assert result.windows[-1].end == date(2025, 12, 31)
    assert ("30 per hour" in result.budget_text(ReportKind.DETAILED)) is free
    assert fake.calls == ["workspace"]  # time zone given: the profile is not asked
    assert job.plan() is result  # planned once
    assert fake.calls == ["workspace"]


def test_plan_uses_max_days_when_given(rs: responses.RequestsMock, tmp_path: Path) -> None:
    FakeClockify(rs)
    plan = ExportJob(client(), request(tmp_path, max_days=7)).plan()
    assert [w.days for w in plan.windows] == [7, 7, 6]


def test_plan_with_known_workspace_sends_nothing(rs: responses.RequestsMock, tmp_path: Path
                                                 ) -> None:
    fake = FakeClockify(rs)
    job = ExportJob(client(), request(tmp_path), workspace={"featureSubscriptionType": FREE},
                    profile_time_zone="Asia/Tokyo")
    assert job.plan().free_plan
    assert fake.calls == []


def test_profile_time_zone_is_used_and_sent_in_every_body(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    fake = FakeClockify(rs, profile_tz="America/New_York",
                        entries=make_entries(date(2026, 3, 1), list(range(0, 20, 2))))
    req = request(tmp_path, time_zone=None, max_days=10, page_size=3)
    job = ExportJob(client(), req)
    assert job.plan().time_zone == "America/New_York"
    job.run()
    assert fake.calls[:2] == ["workspace", "user"]
    assert len(fake.reports) >= 2
    assert {body["timeZone"] for _, body in fake.reports} == {"America/New_York"}


def test_given_time_zone_wins(rs: responses.RequestsMock, tmp_path: Path) -> None:
    fake = FakeClockify(rs, profile_tz="America/New_York", entries=[])
    ExportJob(client(), request(tmp_path, time_zone="Pacific/Auckland")).run()
    assert "user" not in fake.calls
    assert {body["timeZone"] for _, body in fake.reports} == {"Pacific/Auckland"}


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"time_zone": "Mars/Base"}, "time zone"),
        ({"start": date(2026, 3, 5), "end": date(2026, 3, 1)}, "before the start"),
        ({"page_size": 0}, "page size"),
        ({"page_size": 1001}, "page size"),
        ({"kind": ReportKind.SUMMARY, "options": ReportOptions(summary_groups=())}, "group"),
    ],
)
def test_bad_requests_are_usage_errors(rs: responses.RequestsMock, tmp_path: Path,
                                       changes: dict[str, Any], words: str) -> None:
    fake = FakeClockify(rs)
    with pytest.raises(UsageError, match=words):
        ExportJob(client(), request(tmp_path, **changes)).run()
    assert fake.reports == []
    assert files_in(tmp_path) == []


def test_unknown_workspace_is_a_usage_error(rs: responses.RequestsMock, tmp_path: Path) -> None:
    rs.add("GET", f"{API}/workspaces", json=[{"id": "ws1", "name": "Acme"}])
    req = ExportRequest(workspace_id="nope", kind=ReportKind.DETAILED, fmt=ExportFormat.JSON,
                        start=date(2026, 3, 1), end=date(2026, 3, 2), output=tmp_path / "r.json",
                        time_zone="UTC")
    with pytest.raises(UsageError, match="no workspace 'nope'"):
        ExportJob(client(), req).plan()


def test_weekly_plan_extends_the_last_week(rs: responses.RequestsMock, tmp_path: Path) -> None:
    FakeClockify(rs)
    plan = ExportJob(client(), request(tmp_path, kind=ReportKind.WEEKLY, start=date(2026, 3, 2),
                                       end=date(2026, 3, 10))).plan()
    assert [w.days for w in plan.windows] == [7, 7]
    assert plan.windows[-1].end == date(2026, 3, 15)
    assert any("2026-03-15" in note for note in plan.notes)


# ---- detailed JSON -----------------------------------------------------------------------


def test_detailed_json_over_two_windows_and_several_pages(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    start = date(2026, 3, 1)
    # Window 1 (Mar 1–10): 7 entries → pages of 3, 3, 1. Window 2 (Mar 11–20): 6 → 3, 3.
    entries = make_entries(start, [0, 1, 1, 2, 5, 9, 9, 10, 11, 12, 15, 18, 19])
    fake = FakeClockify(rs, entries=entries)
    progress: list[Progress] = []
    req = request(tmp_path, max_days=10, page_size=3)
    result = ExportJob(client(), req, on_progress=progress.append).run()

    data = json.loads(req.output.read_text(encoding="utf-8"))
    ids = [e["_id"] for e in data["timeentries"]]
    assert sorted(ids) == sorted(e.eid for e in entries)
    assert len(ids) == len(set(ids)) == 13
    assert data["totals"] == [{
        "_id": "",
        "totalTime": sum(e.seconds for e in entries),
        "totalBillableTime": sum(e.seconds for e in entries if e.billable),
        "entriesCount": 13,
        "totalAmount": sum(e.amount for e in entries),
        "amounts": [{"type": "EARNED", "value": sum(e.amount for e in entries)}],
    }]
    # 3 pages + 2 pages: the count in `totals` spares the empty page after a full one.
    assert fake.report_count() == 5
    pages = [(window_of(b).start.day, b["detailedFilter"]["page"]) for _, b in fake.reports]
    assert sorted(pages) == [(1, 1), (1, 2), (1, 3), (11, 1), (11, 2)]  # in any order
    assert all(b["detailedFilter"]["pageSize"] == 3 for _, b in fake.reports)
    # Creation order for paging, so entries added meanwhile cannot shift pages.
    assert all(b["detailedFilter"]["sortColumn"] == "ID" and b["sortOrder"] == "ASCENDING"
               for _, b in fake.reports)
    assert result.requests == 5 and result.windows == 2 and result.entries == 13
    assert len(rs.calls) == 6  # the workspace, then the five report pages: nothing else
    assert result.files == (req.output,)
    assert files_in(tmp_path) == ["Report.json"]


def test_without_totals_paging_stops_at_the_first_short_page(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    entries = make_entries(date(2026, 3, 1), [0, 1, 2, 3, 4, 5])  # exactly two full pages
    fake = FakeClockify(rs, entries=entries, with_totals=False)
    req = request(tmp_path, page_size=3)
    result = ExportJob(client(), req).run()
    assert fake.report_count() == 3  # the third page is empty: that is how the end shows
    assert result.entries == 6
    data = json.loads(req.output.read_text(encoding="utf-8"))
    assert data["totals"][0]["entriesCount"] == 6
    assert data["totals"][0]["totalTime"] == sum(e.seconds for e in entries)


def test_duplicates_across_pages_and_windows_are_written_once(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    a, b, c, d, e = (Entry(f"x{i}", date(2026, 3, 1 + i), 60 * (i + 1)).json() for i in range(5))
    answers = iter([
        {"timeentries": [a, b, c]},
        {"timeentries": [c, d]},  # page 2 repeats c (rows shifted on Clockify's side)
        {"timeentries": [d, e]},  # window 2 repeats d
    ])
    fake = FakeClockify(rs, intercept=lambda kind, body: json_reply(next(answers)))
    req = request(tmp_path, max_days=10, page_size=3, max_in_flight=1)  # answers in order
    result = ExportJob(client(), req).run()
    data = json.loads(req.output.read_text(encoding="utf-8"))
    assert [x["_id"] for x in data["timeentries"]] == ["x0", "x1", "x2", "x3", "x4"]
    assert data["totals"][0]["entriesCount"] == 5
    assert data["totals"][0]["totalTime"] == 60 * (1 + 2 + 3 + 4 + 5)
    assert result.entries == 5 and fake.report_count() == 3


def test_old_spelling_and_null_totals_are_accepted(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    one = Entry("y1", date(2026, 3, 2), 3600, amount=250.0).json()
    answers = iter([
        {"totals": [None], "timeentries": []},
        {"totals": [{"_id": "", "entriesCount": 1, "amounts": []}], "timeEntries": [one]},
    ])
    FakeClockify(rs, intercept=lambda kind, body: json_reply(next(answers)))
    req = request(tmp_path, max_days=10, max_in_flight=1)  # answers in order
    ExportJob(client(), req).run()
    data = json.loads(req.output.read_text(encoding="utf-8"))
    assert data["timeentries"] == [one]
    assert data["totals"][0]["totalTime"] == 3600
    assert data["totals"][0]["totalAmount"] == 250.0


def compact_reply(data: Any) -> Reply:
    """What Clockify sends: compact UTF-8 (json_reply is Python's spaced, escaped JSON)."""
    return 200, {"Content-Type": "application/json"}, orjson.dumps(data)


def test_json_read_raw_is_byte_for_byte_the_re_encoded_export(
    rs: responses.RequestsMock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages read raw write what parsing and re-encoding every entry wrote, duplicates
    across pages and windows, totals and manifest digest included."""
    entries = [Entry(f"6650c0de{i:016x}", date(2026, 3, 1 + i), 60 * i + 1, i % 2 == 0,
                     12.25 * i).json() | {"description": f"Zürich 📱 \"{i}\"\n"}
               for i in range(8)]
    pages = [[0, 1, 2], [2, 3, 4], [5], [4, 5, 6], [7]]  # page 2 and window 2 repeat some

    def answer(kind: ReportKind, body: dict[str, Any]) -> Reply:
        window = 0 if window_of(body).start.day == 1 else 1
        number = body["detailedFilter"]["page"]
        rows = pages[[0, 1, 2][number - 1] if window == 0 else [3, 4][number - 1]]
        count = 6 if window == 0 else 4  # different entries in each window
        return compact_reply({"timeentries": [entries[i] for i in rows],
                              "totals": [{"_id": "", "entriesCount": count}]})

    outputs = []
    for raw in (True, False):
        if not raw:  # every page parsed in full, as before pages were read raw
            monkeypatch.setattr("core.export.read_raw_page", lambda data, kind: None)
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            FakeClockify(mock, intercept=answer)
            req = request(tmp_path / str(raw), max_days=10, page_size=3, manifest=True)
            req.output.parent.mkdir()
            result = ExportJob(client(), req).run()
        assert result.verification is not None
        outputs.append((req.output.read_bytes(), result.entries, result.verification.files[0]))
    (raw_bytes, raw_count, raw_file), (parsed_bytes, parsed_count, parsed_file) = outputs
    assert raw_bytes == parsed_bytes and raw_count == parsed_count == 8
    assert (raw_file.size, raw_file.sha256) == (parsed_file.size, parsed_file.sha256)
    assert json.loads(raw_bytes)["totals"][0]["entriesCount"] == 8


def test_a_lone_surrogate_is_kept_as_u_fffd_as_before(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    body = (b'{"timeentries":[{"_id":"6650c0de0000000000000001","description":"a\\ud800b",'
            b'"timeInterval":{"duration":60}}],"totals":[{"_id":"","entriesCount":1}]}')
    FakeClockify(rs, intercept=lambda kind, _: (200, {"Content-Type": "application/json"},
                                               body))
    req = request(tmp_path, max_days=31)
    ExportJob(client(), req).run()
    assert json.loads(req.output.read_bytes())["timeentries"][0]["description"] == "a\ufffdb"


def test_invalid_utf8_is_refused_as_before(rs: responses.RequestsMock, tmp_path: Path) -> None:
    body = (b'{"timeentries":[{"_id":"6650c0de0000000000000001","description":"\xff"}],'
            b'"totals":[{"_id":"","entriesCount":1}]}')
    fake = FakeClockify(rs, intercept=lambda kind, _: (200, {"Content-Type":
                                                             "application/json"}, body))
    req = request(tmp_path, max_days=31)
    with pytest.raises(NetworkError, match="incomplete or garbled"):
        ExportJob(client(), req).run()
    assert fake.report_count() == NO_WAIT.attempts  # a broken body is fetched again
    assert files_in(tmp_path) == []


def test_all_empty_export_has_null_totals(rs: responses.RequestsMock, tmp_path: Path) -> None:
    FakeClockify(rs, entries=[])
    req = request(tmp_path, max_days=10)
    result = ExportJob(client(), req).run()
    assert json.loads(req.output.read_bytes()) == {"timeentries": [], "totals": [None]}
    assert result.entries == 0


def test_summary_json_over_two_windows_is_merged(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    entries = make_entries(date(2026, 3, 1), [0, 3, 12, 15])
    fake = FakeClockify(rs, entries=entries)
    req = request(tmp_path, kind=ReportKind.SUMMARY, max_days=10)
    result = ExportJob(client(), req).run()
    data = json.loads(req.output.read_text(encoding="utf-8"))
    assert data["groupOne"][0]["duration"] == sum(e.seconds for e in entries)
    assert data["totals"][0]["entriesCount"] == 4
    assert fake.report_count() == 2 and result.entries == 1
    assert all("summaryFilter" in body for _, body in fake.reports)


def test_weekly_json_over_two_weeks(rs: responses.RequestsMock, tmp_path: Path) -> None:
    entries = make_entries(date(2026, 3, 2), [0, 1, 8])
    fake = FakeClockify(rs, entries=entries)
    req = request(tmp_path, kind=ReportKind.WEEKLY, start=date(2026, 3, 2), end=date(2026, 3, 12))
    result = ExportJob(client(), req).run()
    data = json.loads(req.output.read_bytes())
    assert [(w["dateRangeStart"], w["dateRangeEnd"]) for w in data["weeks"]] == [
        ("2026-03-02", "2026-03-08"), ("2026-03-09", "2026-03-15")]
    assert data["totals"][0]["entriesCount"] == 3
    assert fake.report_count() == 2
    assert any("2026-03-15" in note for note in result.notes)


def test_weekly_csv_over_two_weeks_is_one_file_per_week(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    FakeClockify(rs, entries=make_entries(date(2026, 3, 2), [0, 9]))
    req = request(tmp_path, fmt=ExportFormat.CSV, kind=ReportKind.WEEKLY,
                  start=date(2026, 3, 2), end=date(2026, 3, 15))
    ExportJob(client(), req).run()
    assert files_in(tmp_path) == ["Report_2026-03-02_2026-03-08.csv",
                                  "Report_2026-03-09_2026-03-15.csv"]
    week2 = read_csv(tmp_path / "Report_2026-03-09_2026-03-15.csv")
    assert [r[1] for r in week2[1:]] == ["work e0001"]


# ---- amounts, plans and range errors -----------------------------------------------------


def forbid_amounts(kind: ReportKind, body: dict[str, Any]) -> Reply | None:
    if body.get("amountShown") != "HIDE_AMOUNT":
        return error_reply(403, "You do not have access to amounts", 403)
    return None


def test_403_retries_once_without_amounts(rs: responses.RequestsMock, tmp_path: Path) -> None:
    entries = make_entries(date(2026, 3, 1), [0, 1, 2, 3, 11, 12])  # pages: 3+1, then 2
    fake = FakeClockify(rs, entries=entries, intercept=forbid_amounts)
    req = request(tmp_path, max_days=10, page_size=3)
    result = ExportJob(client(), req).run()
    shown = [body.get("amountShown") for _, body in fake.reports]
    # The paginator starts with two requests in flight (both windows' first pages), so one
    # or two are refused before the first refusal is known; each is retried once without
    # amounts, and the remaining requests (all pages of both windows) hide amounts.
    refused = shown.count("EARNED")
    assert 1 <= refused <= 2
    assert shown[0] == "EARNED"
    assert shown.count("HIDE_AMOUNT") == 3 and len(shown) == 3 + refused
    assert all("amounts" not in body for _, body in fake.reports if
               body.get("amountShown") == "HIDE_AMOUNT")
    assert any("amounts" in note for note in result.notes)
    assert result.entries == 6
    assert len(json.loads(req.output.read_bytes())["timeentries"]) == 6


def test_403_even_without_amounts_is_raised(rs: responses.RequestsMock, tmp_path: Path) -> None:
    fake = FakeClockify(rs, intercept=lambda kind, body: error_reply(403, "Forbidden", 403))
    with pytest.raises(PermissionDeniedError):
        ExportJob(client(), request(tmp_path)).run()
    assert fake.report_count() == 2
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.XLSX])
def test_free_plan_csv_is_refused_before_any_request(rs: responses.RequestsMock,
                                                      tmp_path: Path, fmt: ExportFormat) -> None:
    fake = FakeClockify(rs, plan=FREE)
    with pytest.raises(PlanLimitError) as info:
        ExportJob(client(), request(tmp_path, fmt=fmt)).plan()
    assert fmt.label in info.value.message and "Free plan" in info.value.message
    assert "JSON or PDF" in info.value.hint
    assert fake.report_count() == 0  # the plan is known: no request spent on a refusal
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.XLSX])
def test_unknown_plan_csv_403_is_a_plan_limit(rs: responses.RequestsMock, tmp_path: Path,
                                              fmt: ExportFormat) -> None:
    fake = FakeClockify(rs, plan=None,  # type: ignore[arg-type]
                        intercept=lambda kind, body: error_reply(403, "Feature not available",
                                                                 403))
    with pytest.raises(PlanLimitError) as info:
        ExportJob(client(), request(tmp_path, fmt=fmt)).run()
    assert fmt.label in info.value.message and "Free plan" in info.value.message
    assert fake.report_count() == 1  # no pointless retry without amounts
    assert files_in(tmp_path) == []


def range_limit(kind: ReportKind, body: dict[str, Any]) -> Reply | None:
    if window_of(body).days > 31:
        return error_reply(400, "Report data is limited to a maximum interval length of one "
                                "month (31 days)", 501)
    return None


def test_range_error_on_a_paid_looking_workspace_splits_and_succeeds(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    start, end = date(2026, 1, 1), date(2026, 3, 31)
    entries = make_entries(start, [0, 20, 31, 40, 58, 62, 89])
    fake = FakeClockify(rs, plan=PAID, entries=entries, intercept=range_limit)
    req = request(tmp_path, start=start, end=end)
    job = ExportJob(client(), req)
    assert len(job.plan().windows) == 1
    result = job.run()
    windows = [window_of(body) for _, body in fake.reports]
    assert windows[0] == DateWindow(start, end)  # refused
    assert windows[1:] == [DateWindow(date(2026, 1, 1), date(2026, 1, 31)),
                           DateWindow(date(2026, 2, 1), date(2026, 3, 3)),
                           DateWindow(date(2026, 3, 4), date(2026, 3, 31))]
    data = json.loads(req.output.read_bytes())
    assert sorted(e["_id"] for e in data["timeentries"]) == [e.eid for e in entries]
    assert result.windows == 3
    assert any("31 days" in note for note in result.notes)


def test_range_error_on_a_short_window_is_raised(rs: responses.RequestsMock, tmp_path: Path
                                                 ) -> None:
    fake = FakeClockify(rs, intercept=lambda kind, body: error_reply(
        400, "Date range too long for your plan", 501))
    with pytest.raises(RequestRejectedError, match="range"):
        ExportJob(client(), request(tmp_path)).run()
    assert fake.report_count() == 1


def test_csv_range_error_splits_and_joins(rs: responses.RequestsMock, tmp_path: Path) -> None:
    start, end = date(2026, 1, 1), date(2026, 2, 28)
    entries = make_entries(start, [0, 30, 31, 58])
    fake = FakeClockify(rs, entries=entries, intercept=range_limit)
    req = request(tmp_path, fmt=ExportFormat.CSV, start=start, end=end)
    result = ExportJob(client(), req).run()
    rows = read_csv(req.output)
    assert rows[0] == ["Project", "Description", "Duration (h)"]
    assert [r[1] for r in rows[1:]] == [f"work {e.eid}" for e in entries]
    # The refused range was the count request's; then a count and a CSV per part.
    assert len(csv_bodies(fake)) == 2 and fake.report_count() == 5 and result.entries == 4


def test_pdf_range_error_split_writes_one_file_per_part(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    start, end = date(2026, 1, 1), date(2026, 3, 31)
    FakeClockify(rs, entries=[], intercept=range_limit)
    req = request(tmp_path, fmt=ExportFormat.PDF, start=start, end=end)
    result = ExportJob(client(), req).run()
    expected = ["Report_2026-01-01_2026-01-31.pdf", "Report_2026-02-01_2026-03-03.pdf",
                "Report_2026-03-04_2026-03-31.pdf"]
    assert files_in(tmp_path) == expected
    assert [p.name for p in result.files] == expected


# ---- CSV ---------------------------------------------------------------------------------


def test_csv_over_two_windows_has_one_header(rs: responses.RequestsMock, tmp_path: Path) -> None:
    entries = make_entries(date(2026, 3, 1), [0, 4, 9, 10, 19])
    fake = FakeClockify(rs, entries=entries)
    req = request(tmp_path, fmt=ExportFormat.CSV, max_days=10)
    result = ExportJob(client(), req).run()
    text = req.output.read_text(encoding="utf-8")
    assert text.count('"Project","Description"') == 1
    rows = read_csv(req.output)
    assert [r[1] for r in rows[1:]] == [f"work {e.eid}" for e in entries]
    assert len(csv_bodies(fake)) == 2
    # Each window's count, asked with a one-entry JSON page, checks the rows.
    probes = [b for _, b in fake.reports if b["exportType"] == "JSON"]
    assert [b["detailedFilter"]["pageSize"] for b in probes] == [1, 1]
    assert result.entries == 5 and result.files == (req.output,)
    assert result.verification is not None
    assert result.verification.entries_expected == 5


def csv_bodies(fake: FakeClockify) -> list[dict[str, Any]]:
    return [b for _, b in fake.reports if b["exportType"] == "CSV"]


@pytest.mark.parametrize(
    ("count", "honour", "requests"),
    [
        (5, True, 2),   # count 5: full page 1 → page 2 (short) → 5 rows
        (3, True, 1),   # count 3: page 1 holds all 3; no empty page 2
        (3, False, 1),  # paging ignored, page 1 holds the count
        (2, True, 1),   # short page 1
        (7, False, 1),  # more rows than the page size: paging ignored, all 7 there
        (9, True, 3),   # 3 + 3 + 3 = the count: no empty page
    ],
)
def test_csv_paging_follows_the_count(rs: responses.RequestsMock, tmp_path: Path, count: int,
                                      honour: bool, requests: int) -> None:
    entries = make_entries(date(2026, 3, 1), list(range(count)))
    fake = FakeClockify(rs, entries=entries, honour_csv_paging=honour)
    req = request(tmp_path, fmt=ExportFormat.CSV, page_size=3)
    result = ExportJob(client(), req).run()
    # Pages after the first are in flight at once: they may arrive in any order.
    pages = sorted(b["detailedFilter"]["page"] for b in csv_bodies(fake))
    assert pages == list(range(1, requests + 1))
    got = [r[1] for r in read_csv(req.output)[1:]]
    assert got == [f"work {e.eid}" for e in entries]
    assert result.entries == count
    assert result.requests == requests + 1  # and the count


def test_csv_that_ignores_paging_below_the_count_fails(rs: responses.RequestsMock,
                                                       tmp_path: Path) -> None:
    """Clockify capping a CSV at the page size and ignoring `page` loses rows: an error."""
    entries = make_entries(date(2026, 3, 1), list(range(7)))

    def capped(kind: ReportKind, body: dict[str, Any]) -> Reply | None:
        if body["exportType"] != "CSV":
            return None
        return 200, {}, (CSV_HEADER + "".join(e.csv_row() for e in entries[:3])).encode()

    FakeClockify(rs, entries=entries, intercept=capped)
    req = request(tmp_path, fmt=ExportFormat.CSV, page_size=3)
    with pytest.raises(IncompleteError, match=r"counted 7 entries .* only 3") as info:
        ExportJob(client(), req).run()
    assert (info.value.expected, info.value.received) == (7, 3)
    assert files_in(tmp_path) == []


def test_csv_cut_between_two_records_is_an_error_not_a_longer_file(
        rs: responses.RequestsMock, tmp_path: Path) -> None:
    """No framing shows a cut at a record boundary; page 1 short of the count then fetched
    page 2 (the whole file again, paging ignored) and joined both: 8 rows of 5."""
    entries = make_entries(date(2026, 3, 1), list(range(5)))

    def cut(kind: ReportKind, body: dict[str, Any]) -> Reply | None:
        if body["exportType"] != "CSV":
            return None
        rows = entries[:3] if body["detailedFilter"]["page"] == 1 else entries
        return 200, {}, (CSV_HEADER + "".join(e.csv_row() for e in rows)).encode()

    FakeClockify(rs, entries=entries, intercept=cut)
    req = request(tmp_path, fmt=ExportFormat.CSV)
    with pytest.raises(IncompleteError, match=r"counted 5 entries .* page 1 of its CSV file "
                                              r"held only 3") as info:
        ExportJob(client(), req).run()
    assert (info.value.expected, info.value.received) == (5, 3)
    assert files_in(tmp_path) == []


def test_csv_of_a_report_without_count_stops_at_a_repeated_page(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    page = (CSV_HEADER + "".join(f'"P","day {i}","1"\r\n' for i in range(3))).encode()
    fake = FakeClockify(rs, intercept=lambda kind, body: (200, {}, page))
    req = request(tmp_path, fmt=ExportFormat.CSV, kind=ReportKind.ATTENDANCE, page_size=3)
    result = ExportJob(client(), req).run()
    assert len(csv_bodies(fake)) == 2  # page 2 = page 1: paging ignored, page 1 was all
    assert result.entries == 3


# ---- PDF / XLSX --------------------------------------------------------------------------


def test_pdf_over_several_windows_one_file_each(rs: responses.RequestsMock, tmp_path: Path
                                                ) -> None:
    fake = FakeClockify(rs, plan=FREE)
    req = request(tmp_path, fmt=ExportFormat.PDF, start=date(2026, 1, 1), end=date(2026, 3, 15))
    result = ExportJob(client(), req).run()
    labels = ["2026-01-01_2026-01-31", "2026-02-01_2026-03-03", "2026-03-04_2026-03-15"]
    assert files_in(tmp_path) == [f"Report_{label}.pdf" for label in labels]
    for label in labels:
        assert f"window {label}".encode() in (tmp_path / f"Report_{label}.pdf").read_bytes()
    assert [p.name for p in result.files] == [f"Report_{label}.pdf" for label in labels]
    assert result.entries is None
    assert any("one file per" in note for note in result.notes)
    assert fake.report_count() == 3
    assert {b["exportType"] for _, b in fake.reports} == {"PDF"}


def test_pdf_single_window_uses_the_given_name(rs: responses.RequestsMock, tmp_path: Path
                                               ) -> None:
    FakeClockify(rs)
    req = request(tmp_path, fmt=ExportFormat.PDF)
    ExportJob(client(), req).run()
    assert files_in(tmp_path) == ["Report.pdf"]
    assert req.output.read_bytes().startswith(b"%PDF")


def test_truncated_pdf_is_fetched_again(rs: responses.RequestsMock, tmp_path: Path) -> None:
    answers: Iterator[Reply | None] = iter([(200, {}, b"%PDF-1.5\nhalf"), None])
    fake = FakeClockify(rs, intercept=lambda kind, body: next(answers))
    req = request(tmp_path, fmt=ExportFormat.PDF)
    ExportJob(client(), req).run()
    assert fake.report_count() == 2
    assert req.output.read_bytes().rstrip().endswith(b"%%EOF")


# ---- failure, cancel and progress --------------------------------------------------------


def fail_window_2(kind: ReportKind, body: dict[str, Any]) -> Reply | None:
    return (503, {}, "down") if window_of(body).start.day == 11 else None


@pytest.mark.parametrize(("fmt", "before"), [(ExportFormat.JSON, 1), (ExportFormat.CSV, 2),
                                             (ExportFormat.PDF, 1)])
@pytest.mark.parametrize("in_flight", [1, 4])
def test_failure_mid_export_leaves_no_file(rs: responses.RequestsMock, tmp_path: Path,
                                           fmt: ExportFormat, before: int,
                                           in_flight: int) -> None:
    entries = make_entries(date(2026, 3, 1), [0, 1, 15])
    fake = FakeClockify(rs, entries=entries, intercept=fail_window_2)
    req = request(tmp_path, fmt=fmt, max_days=10, max_in_flight=in_flight)
    req.output.write_bytes(b"the previous export")
    with pytest.raises(NetworkError):
        ExportJob(client(), req).run()
    assert req.output.read_bytes() == b"the previous export"
    assert files_in(tmp_path) == [req.output.name]
    if in_flight == 1:  # window 1's requests, then window 2's first one and its retry
        assert fake.report_count() == before + NO_WAIT.attempts


def test_cancel_from_progress_leaves_no_file(rs: responses.RequestsMock, tmp_path: Path) -> None:
    entries = make_entries(date(2026, 3, 1), list(range(10)))
    fake = FakeClockify(rs, entries=entries)
    cancel = threading.Event()
    req = request(tmp_path, page_size=3, max_in_flight=1)
    req.output.write_bytes(b"keep me")

    def on_progress(p: Progress) -> None:
        if p.phase is Phase.FETCHING and "page 2" in p.message:
            cancel.set()

    with pytest.raises(CancelledError):
        ExportJob(client(), req, on_progress=on_progress, cancel=cancel).run()
    assert fake.report_count() == 1  # nothing after the cancel
    assert req.output.read_bytes() == b"keep me"
    assert files_in(tmp_path) == ["Report.json"]


def test_progress_counts_up_to_the_final_request_count(
    rs: responses.RequestsMock, tmp_path: Path
) -> None:
    entries = make_entries(date(2026, 3, 1), [0, 1, 2, 3, 4, 11, 12])
    FakeClockify(rs, entries=entries)
    seen: list[Progress] = []
    result = ExportJob(client(), request(tmp_path, max_days=10, page_size=3),
                       on_progress=seen.append).run()
    done = [p.requests_done for p in seen]
    assert done == sorted(done)
    assert done[-1] == result.requests == 3  # 5 entries: 2 pages; 2 entries: 1 page
    assert seen[0].phase is Phase.PLANNING
    assert seen[-1].phase is Phase.DONE and "7 entries" in seen[-1].message
    assert Phase.WRITING in {p.phase for p in seen}
    assert all(p.requests_planned >= p.requests_done for p in seen)
    assert {p.windows for p in seen if p.phase is Phase.FETCHING} == {2}
    assert [p.window for p in seen if p.phase is Phase.FETCHING] == sorted(
        p.window for p in seen if p.phase is Phase.FETCHING)
    entries_seen = [p.entries_written for p in seen]
    assert entries_seen == sorted(entries_seen) and entries_seen[-1] == 7


def test_max_wait_reaches_the_client(rs: responses.RequestsMock, tmp_path: Path) -> None:
    fake = FakeClockify(rs, intercept=lambda kind, body: (429, {"Retry-After": "600"}, ""))
    with pytest.raises(RateLimitError):
        ExportJob(client(), request(tmp_path, max_wait=60)).run()
    assert fake.report_count() == 1
    assert files_in(tmp_path) == []


def test_job_keeps_the_clients_injected_sleep(rs: responses.RequestsMock, tmp_path: Path
                                               ) -> None:
    clock = FakeClock()
    retry = RetryPolicy(attempts=3, base_delay=0.02, max_delay=0.02)
    http = make_client(clock=clock, retry=retry)
    answers: Iterator[Reply | None] = iter([(503, {}, "busy"), None])
    FakeClockify(rs, intercept=lambda kind, body: next(answers, None))
    cancel = threading.Event()
    waits: list[Progress] = []

    def on_progress(p: Progress) -> None:
        if p.phase is Phase.WAITING:
            waits.append(p)
            if len(waits) > 3:  # the injected clock is not moving: stop the endless wait
                cancel.set()

    ExportJob(http, request(tmp_path), on_progress=on_progress, cancel=cancel).run()
    assert clock.sleeps, "the wait used the injected sleep"
