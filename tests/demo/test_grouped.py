"""Summary (nested groups), weekly (7-day rule), attendance and expense reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from core.demo import DemoConfig, DemoServer

TODAY = date(2026, 11, 28)
ROW_KEYS = {"_id", "name", "nameLowerCase", "duration", "amount", "amounts"}


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(entries_per_workspace=3000, today=TODAY)) as server:
        yield server


def report(srv: DemoServer, kind: str, payload: dict[str, Any], ws: str | None = None,
           ) -> requests.Response:
    return requests.post(
        f"{srv.root_url}/report/v1/workspaces/{ws or srv.paid_workspace_id}/reports/{kind}",
        json=payload, headers={"X-Api-Key": srv.api_key}, timeout=30)


def span(start: str, end: str, **extra: Any) -> dict[str, Any]:
    return {"dateRangeStart": f"{start}T00:00:00", "dateRangeEnd": f"{end}T23:59:59.999",
            "timeZone": "Europe/Berlin", **extra}


def march_entries(srv: DemoServer) -> list[Any]:
    ids = srv.data.entry_ids(srv.paid_workspace_id, date(2026, 3, 1), date(2026, 3, 31),
                             "Europe/Berlin")
    return [e for e in srv.data.entries(srv.paid_workspace_id) if e.id in ids]


def summary(srv: DemoServer, groups: list[str], **extra: Any) -> dict[str, Any]:
    options = {"groups": groups, **extra.pop("options", {})}
    r = report(srv, "summary", span("2026-03-01", "2026-03-31", summaryFilter=options,
                                    **extra))
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def test_summary_one_group(srv: DemoServer) -> None:
    expected = march_entries(srv)
    data = summary(srv, ["USER"])
    assert set(data) >= {"totals", "groupOne", "donutChart", "groupTotals"}
    assert data["donutChart"] == []
    totals = data["totals"][0]
    assert totals["totalTime"] == sum(e.duration for e in expected)
    assert totals["entriesCount"] == len(expected)
    rows = data["groupOne"]
    assert all(set(r) >= ROW_KEYS and "children" not in r for r in rows)
    assert sum(r["duration"] for r in rows) == totals["totalTime"]
    assert [r["nameLowerCase"] for r in rows] == sorted(r["name"].casefold() for r in rows)
    assert data["groupTotals"] == {"groupOneTotalCount": len(rows)}
    by_user: dict[str, int] = {}
    for e in expected:
        by_user[e.user_id] = by_user.get(e.user_id, 0) + e.duration
    assert {r["_id"]: r["duration"] for r in rows} == by_user


def test_summary_two_groups(srv: DemoServer) -> None:
    data = summary(srv, ["PROJECT", "USER"])
    rows = data["groupOne"]
    for row in rows:
        assert {"color", "clientName"} <= set(row)
        assert row["children"] and sum(c["duration"] for c in row["children"]) == \
            row["duration"]
        assert all(isinstance(c["_id"], str) and "children" not in c for c in row["children"])
    without = [r for r in rows if r["_id"] == ""]
    assert without and without[0]["name"] == "Without project"
    assert data["groupTotals"]["groupTwoTotalCount"] == sum(len(r["children"]) for r in rows)


def test_summary_three_groups_with_timeentry_ids(srv: DemoServer) -> None:
    data = summary(srv, ["PROJECT", "USER", "TIMEENTRY"])
    leaf_count = 0
    for project in data["groupOne"]:
        for user in project["children"]:
            assert sum(t["duration"] for t in user["children"]) == user["duration"]
            for leaf in user["children"]:
                leaf_count += 1
                assert leaf["_id"] == {"PROJECT": project["_id"], "USER": user["_id"],
                                       "TIMEENTRY": leaf["name"]}
                assert "children" not in leaf
    assert leaf_count == data["groupTotals"]["groupThreeTotalCount"]


def test_summary_date_tag_and_amount_groups(srv: DemoServer) -> None:
    dates = summary(srv, ["DATE"])["groupOne"]
    names = [r["_id"] for r in dates]
    assert names == sorted(names) and all(n.startswith("2026-03-") for n in names)
    tags = summary(srv, ["TAG"])
    assert sum(r["duration"] for r in tags["groupOne"]) >= tags["totals"][0]["totalTime"]
    assert "Without tag" in {r["name"] for r in tags["groupOne"]}
    months = summary(srv, ["MONTH", "WEEK", "CLIENT"])
    assert [r["name"] for r in months["groupOne"]] == ["March 2026"]
    by_amount = summary(srv, ["PROJECT"], options={"sortColumn": "AMOUNT"})
    amounts = [r["amount"] for r in by_amount["groupOne"]]
    assert amounts == sorted(amounts, reverse=True)


@pytest.mark.parametrize("groups", [[], ["USER", "PROJECT", "DATE", "TAG"], ["PLANET"], None])
def test_summary_group_count_errors(srv: DemoServer, groups: list[str] | None) -> None:
    r = report(srv, "summary", span("2026-03-01", "2026-03-31",
                                    summaryFilter={"groups": groups}))
    assert r.status_code == 400
    assert r.json()["code"] == 501


def test_summary_empty(srv: DemoServer) -> None:
    data = report(srv, "summary", span("2026-03-01", "2026-03-31", summaryFilter={
        "groups": ["USER"]}), srv.empty_workspace_id).json()
    assert data["totals"] == [None] and data["groupOne"] == []


@pytest.mark.parametrize(("start", "end"), [
    ("2026-03-02T00:00:00", "2026-03-08T23:59:59.999"),
    ("2026-03-02T00:00:00", "2026-03-08T23:59:59"),
    ("2026-03-02T00:00:00", "2026-03-09T00:00:00"),
    ("2026-08-01T00:00:00Z", "2026-08-07T23:59:59Z"),
])
def test_weekly_accepts_exactly_seven_days(srv: DemoServer, start: str, end: str) -> None:
    r = report(srv, "weekly", {"dateRangeStart": start, "dateRangeEnd": end,
                               "weeklyFilter": {"group": "USER", "subgroup": "TIME"}})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("end", ["2026-03-07T23:59:59.999", "2026-03-09T23:59:59.999",
                                 "2026-03-15T23:59:59.999", "2026-03-31T23:59:59.999"])
def test_weekly_rejects_other_lengths(srv: DemoServer, end: str) -> None:
    r = report(srv, "weekly", {"dateRangeStart": "2026-03-02T00:00:00", "dateRangeEnd": end,
                               "weeklyFilter": {"group": "USER"}})
    assert r.status_code == 400
    assert r.json() == {"message": "Please select date range of exactly 7 days for weekly "
                                   "report", "code": 501}


@pytest.mark.parametrize("group", ["USER", "PROJECT"])
def test_weekly_shape(srv: DemoServer, group: str) -> None:
    data = report(srv, "weekly", span("2026-03-02", "2026-03-08",
                                      weeklyFilter={"group": group})).json()
    total = data["totals"][0]["totalTime"]
    assert [d["date"] for d in data["totalsByDay"]] == [f"2026-03-0{i}" for i in range(2, 9)]
    assert sum(d["duration"] for d in data["totalsByDay"]) == total
    assert sum(r["duration"] for r in data["groupOne"]) == total
    for row in data["groupOne"]:
        assert len(row["days"]) == 7
        assert sum(d["duration"] for d in row["days"]) == row["duration"]
        assert sum(c["duration"] for c in row["children"]) == row["duration"]
        if group == "PROJECT":
            assert {"color", "clientName"} <= set(row)
    assert {"decimalFormat", "trackTimeDownToSeconds", "includeUsersWithoutTime",
            "usersWithoutTime"} <= set(data)
    bad = report(srv, "weekly", span("2026-03-02", "2026-03-08", weeklyFilter={"group": "TAG"}))
    assert (bad.status_code, bad.json()["code"]) == (400, 501)


def test_attendance(srv: DemoServer) -> None:
    expected = march_entries(srv)
    tz = ZoneInfo("Europe/Berlin")
    days = {(e.user_id, datetime.fromtimestamp(e.start, tz).date()) for e in expected}
    payload = span("2026-03-01", "2026-03-31", attendanceFilter={"page": 1, "pageSize": 1000})
    rows = report(srv, "attendance", payload).json()["entities"]
    assert len(rows) == len(days)
    assert sum(r["totalDuration"] for r in rows) == sum(e.duration for e in expected)
    first = rows[0]
    assert set(first) >= {"userId", "userName", "date", "startTime", "endTime",
                          "totalDuration", "break", "capacity", "overtime", "timeOff"}
    paged: list[dict[str, Any]] = []
    for page in (1, 2, 3, 4, 5, 6):
        payload["attendanceFilter"] = {"page": page, "pageSize": 25}
        paged += report(srv, "attendance", payload).json()["entities"]
    assert paged == rows[:150]
    r = report(srv, "attendance", span("2026-03-01", "2026-03-31"))
    assert (r.status_code, r.json()["code"]) == (400, 501)


def test_expenses(srv: DemoServer) -> None:
    expected = srv.data.expense_ids(srv.paid_workspace_id, date(2026, 1, 1),
                                    date(2026, 6, 30), "Europe/Berlin")
    assert expected
    got: list[dict[str, Any]] = []
    page = 1
    while True:
        data = report(srv, "expenses/detailed", span("2026-01-01", "2026-06-30", page=page,
                                                     pageSize=10)).json()
        assert data["totals"]["expensesCount"] == len(expected)
        got += data["expenses"]
        if len(data["expenses"]) < 10:
            break
        page += 1
    assert {x["id"] for x in got} == expected and len(got) == len(expected)
    first = got[0]
    assert set(first) >= {"id", "userName", "date", "categoryName", "quantity", "amount",
                          "billable", "notes", "projectId"}
    assert data["totals"]["totalAmount"] == pytest.approx(sum(x["amount"] for x in got))
    cat = first["categoryId"]
    only = report(srv, "expenses/detailed", span("2026-01-01", "2026-06-30", pageSize=1000,
                                                 categories={"ids": [cat]})).json()
    assert only["expenses"] and {x["categoryId"] for x in only["expenses"]} == {cat}
    empty = report(srv, "expenses/detailed", span("2026-01-01", "2026-01-31"),
                   srv.empty_workspace_id).json()
    assert empty == {"expenses": [], "totals": {"expensesCount": 0, "totalAmount": 0,
                                                "totalAmountBillable": 0}}
