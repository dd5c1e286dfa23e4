"""Detailed report: paging, totals, sorting, time-zone semantics, filters and validation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from core.demo import DemoConfig, DemoServer, TimeEntry

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(entries_per_workspace=3000, today=TODAY)) as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh(srv: DemoServer) -> None:
    srv.reset()


def body(start: str = "2026-03-01", end: str = "2026-03-31", tz: str | None = "Europe/Berlin",
         **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"dateRangeStart": f"{start}T00:00:00",
                           "dateRangeEnd": f"{end}T23:59:59.999",
                           "detailedFilter": {"page": 1, "pageSize": 1000}}
    if tz is not None:
        out["timeZone"] = tz
    out.update(extra)
    return out


def detailed(srv: DemoServer, payload: dict[str, Any], ws: str | None = None,
             ) -> requests.Response:
    return requests.post(
        f"{srv.root_url}/report/v1/workspaces/{ws or srv.paid_workspace_id}/reports/detailed",
        json=payload, headers={"X-Api-Key": srv.api_key}, timeout=30)


def entries_in(srv: DemoServer, start: date, end: date, tz: str) -> list[TimeEntry]:
    ids = srv.data.entry_ids(srv.paid_workspace_id, start, end, tz)
    return [e for e in srv.data.entries(srv.paid_workspace_id) if e.id in ids]


def test_pages_are_exact_and_totals_cover_everything(srv: DemoServer) -> None:
    expected = entries_in(srv, date(2026, 3, 1), date(2026, 3, 31), "Europe/Berlin")
    assert len(expected) > 120
    seen: list[str] = []
    page = 1
    while True:
        payload = body(sortOrder="ASCENDING",
                       detailedFilter={"page": page, "pageSize": 50, "sortColumn": "DATE"})
        data = detailed(srv, payload).json()
        totals = data["totals"]
        assert len(totals) == 1
        assert totals[0]["entriesCount"] == len(expected)
        assert totals[0]["totalTime"] == sum(e.duration for e in expected)
        assert totals[0]["totalBillableTime"] == sum(e.duration for e in expected if e.billable)
        assert totals[0]["_id"] == ""
        assert totals[0]["amounts"][0]["type"] == "EARNED"
        assert totals[0]["totalAmount"] == pytest.approx(sum(e.amount for e in expected))
        seen += [e["_id"] for e in data["timeentries"]]
        if len(data["timeentries"]) < 50:
            break
        page += 1
    assert page == len(expected) // 50 + 1
    assert seen == [e.id for e in sorted(expected, key=lambda e: (e.start, e.id))]
    past = detailed(srv, body(detailedFilter={"page": 99, "pageSize": 50})).json()
    assert past["timeentries"] == [] and past["totals"][0]["entriesCount"] == len(expected)


def test_default_sort_is_newest_first(srv: DemoServer) -> None:
    data = detailed(srv, body(detailedFilter={"page": 1, "pageSize": 20})).json()
    starts = [e["timeInterval"]["start"] for e in data["timeentries"]]
    assert len(starts) == 20
    as_dt = [datetime.fromisoformat(s) for s in starts]
    assert as_dt == sorted(as_dt, reverse=True)


@pytest.mark.parametrize(("column", "order"), [("ID", "ASCENDING"), ("DURATION", "DESCENDING"),
                                               ("USER", "ASCENDING"),
                                               ("DESCRIPTION", "DESCENDING")])
def test_sort_columns(srv: DemoServer, column: str, order: str) -> None:
    data = detailed(srv, body(sortOrder=order, detailedFilter={
        "page": 1, "pageSize": 1000, "sortColumn": column})).json()["timeentries"]
    key = {"ID": lambda e: e["_id"], "DURATION": lambda e: e["timeInterval"]["duration"],
           "USER": lambda e: e["userName"].casefold(),
           "DESCRIPTION": lambda e: e["description"].casefold()}[column]
    values = [key(e) for e in data]
    assert values == sorted(values, reverse=order == "DESCENDING")


def test_empty_results_have_null_totals(srv: DemoServer) -> None:
    empty_range = detailed(srv, body("2020-01-01", "2020-01-31")).json()
    assert empty_range == {"totals": [None], "timeentries": []}
    empty_ws = detailed(srv, body(), srv.empty_workspace_id).json()
    assert empty_ws == {"totals": [None], "timeentries": []}


def test_page_size_over_1000_is_rejected(srv: DemoServer) -> None:
    r = detailed(srv, body(detailedFilter={"page": 1, "pageSize": 1001}))
    assert r.status_code == 400
    assert r.json() == {"message": "Page size cannot be larger than 1,000.", "code": 501}
    r = detailed(srv, body(detailedFilter={"page": 0, "pageSize": 10}))
    assert (r.status_code, r.json()["code"]) == (400, 501)


def test_page_size_can_be_clamped() -> None:
    cfg = DemoConfig(entries_per_workspace=3000, today=TODAY, clamp_page_size=True,
                     detailed_max_page_size=100)
    with DemoServer(cfg) as server:
        r = detailed(server, body(detailedFilter={"page": 1, "pageSize": 5000}))
        assert r.status_code == 200
        assert len(r.json()["timeentries"]) == 100


def test_same_range_differs_by_time_zone(srv: DemoServer) -> None:
    results = {}
    for tz in ("UTC", "Pacific/Auckland", "Europe/Berlin"):
        data = detailed(srv, body(tz=tz)).json()
        ids = {e["_id"] for e in data["timeentries"]}
        assert ids == srv.data.entry_ids(srv.paid_workspace_id, date(2026, 3, 1),
                                         date(2026, 3, 31), tz)
        results[tz] = (ids, data["timeentries"])
    assert results["UTC"][0] != results["Pacific/Auckland"][0]
    assert {e["timeInterval"]["start"][-6:] for e in results["Pacific/Auckland"][1]} <= {
        "+13:00", "+12:00"}
    assert all(e["timeInterval"]["start"].endswith("Z") for e in results["UTC"][1])
    assert {e["timeInterval"]["start"][-6:] for e in results["Europe/Berlin"][1]} == {
        "+01:00", "+02:00"}
    for e in results["Pacific/Auckland"][1]:
        start = datetime.fromisoformat(e["timeInterval"]["start"])
        end = datetime.fromisoformat(e["timeInterval"]["end"])
        assert (end - start).total_seconds() == e["timeInterval"]["duration"]
        assert isinstance(e["timeInterval"]["duration"], int)


def test_default_zone_is_the_profile_zone(srv: DemoServer) -> None:
    without = detailed(srv, body(tz=None)).json()
    berlin = detailed(srv, body(tz="Europe/Berlin")).json()
    assert without == berlin


@pytest.mark.parametrize("suffix", ["Z", "+05:00", ".000Z"])
def test_a_z_or_offset_suffix_is_ignored(srv: DemoServer, suffix: str) -> None:
    plain = body(tz="Pacific/Auckland")
    suffixed = dict(plain, dateRangeStart=f"2026-03-01T00:00:00{suffix}",
                    dateRangeEnd=f"2026-03-31T23:59:59{suffix}")
    a = {e["_id"] for e in detailed(srv, plain).json()["timeentries"]}
    b = {e["_id"] for e in detailed(srv, suffixed).json()["timeentries"]}
    assert a == b
    utc = {e["_id"] for e in detailed(srv, body(tz="UTC")).json()["timeentries"]}
    assert b != utc


def test_dst_switch_entries_render_both_offsets(srv: DemoServer) -> None:
    data = detailed(srv, body("2026-03-29", "2026-03-29")).json()["timeentries"]
    by_start = {e["timeInterval"]["start"]: e for e in data}
    crossing = by_start["2026-03-29T01:30:00+01:00"]
    assert crossing["timeInterval"]["end"] == "2026-03-29T04:30:00+02:00"
    assert crossing["timeInterval"]["duration"] == 7200
    autumn = detailed(srv, body("2026-10-25", "2026-10-25")).json()["timeentries"]
    starts = {e["timeInterval"]["start"]: e for e in autumn}
    assert starts["2026-10-25T02:30:00+02:00"]["timeInterval"]["end"] == \
        "2026-10-25T03:30:00+01:00"
    assert "2026-10-25T02:30:00+01:00" in starts  # the repeated hour, after the switch


def test_entry_shape_and_optional_keys(srv: DemoServer) -> None:
    entries = detailed(srv, body("2026-01-01", "2026-06-30")).json()["timeentries"]
    without_project = [e for e in entries if e["projectId"] is None]
    with_project = [e for e in entries if e["projectId"] is not None]
    assert without_project and with_project
    for e in without_project:
        assert not {"projectName", "projectColor", "clientId", "clientName"} & set(e)
    assert all({"projectName", "projectColor"} <= set(e) for e in with_project)
    with_task = [e for e in entries if e["taskId"]]
    assert with_task and all("taskName" in e for e in with_task)
    assert all("taskName" not in e for e in entries if not e["taskId"])
    tagged = [e for e in entries if e["tags"]]
    assert tagged and set(tagged[0]["tags"][0]) == {"_id", "name"}
    billable = [e for e in entries if e["billable"]]
    assert all(e["amount"] == pytest.approx(e["rate"] * e["timeInterval"]["duration"] / 3600,
                                            abs=0.01) for e in billable)
    assert all(isinstance(e["amount"], float) for e in entries)
    texts = {e["description"] for e in entries}
    assert any("\n" in t for t in texts) and any('"' in t for t in texts)
    assert any("," in t for t in texts) and any("🚀" in t for t in texts)
    assert "" in texts


def test_filters(srv: DemoServer) -> None:
    ws = srv.data.workspace(srv.paid_workspace_id)
    assert ws is not None
    everything = detailed(srv, body()).json()["timeentries"]
    zoe = srv.data.user.id

    def ids(**extra: Any) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = detailed(srv, body(**extra)).json()["timeentries"]
        return found

    only_zoe = ids(users={"ids": [zoe], "contains": "CONTAINS", "status": "ALL"})
    assert only_zoe and {e["userId"] for e in only_zoe} == {zoe}
    not_zoe = ids(users={"ids": [zoe], "contains": "DOES_NOT_CONTAIN"})
    assert len(only_zoe) + len(not_zoe) == len(everything)
    website = next(p for p in ws.projects if p.name == "Website Relaunch")
    assert {e["projectId"] for e in ids(projects={"ids": [website.id]})} == {website.id}
    assert {e["clientId"] for e in ids(clients={"ids": [website.client_id]})} == {
        website.client_id}
    urgent = next(t for t in ws.tags if t.name == "urgent")
    tagged = ids(tags={"ids": [urgent.id], "contains": "CONTAINS"})
    assert tagged and all(urgent.id in {t["_id"] for t in e["tags"]} for e in tagged)
    untagged = ids(tags={"ids": [urgent.id], "contains": "DOES_NOT_CONTAIN"})
    assert len(tagged) + len(untagged) == len(everything)
    assert all(e["billable"] for e in ids(billable=True))
    assert not any(e["billable"] for e in ids(billable=False))
    login = ids(description="LOGIN")
    assert login and all("login" in e["description"].lower() for e in login)
    blank = ids(withoutDescription=True)
    assert blank and all(e["description"] == "" for e in blank)
    assert ids(users={"ids": [], "contains": "CONTAINS"}) == everything
    assert ids(someUnknownField={"x": 1}, unknown=True) == everything


@pytest.mark.parametrize(("patch", "fragment"), [
    ({"dateRangeStart": None}, "dateRangeStart"),
    ({"dateRangeEnd": "yesterday"}, "dateRangeEnd"),
    ({"detailedFilter": None}, "detailedFilter"),
    ({"timeZone": "Mars/Olympus"}, "time zone"),
    ({"dateRangeStart": "2026-04-01T00:00:00"}, "before"),
])
def test_validation_errors(srv: DemoServer, patch: dict[str, Any], fragment: str) -> None:
    payload = {k: v for k, v in {**body(), **patch}.items() if v is not None}
    r = detailed(srv, payload)
    assert r.status_code == 400
    assert r.json()["code"] == 501
    assert fragment in r.json()["message"]


def test_totals_can_be_excluded(srv: DemoServer) -> None:
    data = detailed(srv, body(detailedFilter={"page": 1, "pageSize": 5,
                                              "options": {"totals": "EXCLUDE"}})).json()
    assert data["totals"] == [] and len(data["timeentries"]) == 5


def test_midnight_crossing_entries_exist(srv: DemoServer) -> None:
    tz = ZoneInfo("Europe/Berlin")
    crossing = [e for e in srv.data.entries(srv.paid_workspace_id)
                if datetime.fromtimestamp(e.start, tz).date()
                != datetime.fromtimestamp(e.end, tz).date()]
    assert len(crossing) >= 10
    entry = crossing[0]
    day = datetime.fromtimestamp(entry.start, tz).date()
    ids = {e["_id"] for e in detailed(srv, body(day.isoformat(), day.isoformat())).json()[
        "timeentries"]}
    assert entry.id in ids
