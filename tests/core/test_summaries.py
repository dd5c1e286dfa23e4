"""Totals recomputed over several requests, and summary/weekly merges (API.md §3.4–3.6)."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

from core.reports import ReportKind
from core.summaries import JsonTotals, merge_summaries, merge_weekly
from core.windows import DateWindow


def entry(eid: str, seconds: int, billable: bool, amount: float | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"_id": eid, "billable": billable,
                            "timeInterval": {"start": "2026-03-02T09:00:00+01:00",
                                             "duration": seconds}}
    if amount is not None:
        item["amount"] = amount
    return item


# ---- JsonTotals --------------------------------------------------------------------------


def test_detailed_totals_are_recomputed_from_items() -> None:
    totals = JsonTotals(ReportKind.DETAILED)
    totals.add_window({"totals": [{"_id": "", "entriesCount": 99, "totalTime": 1,
                                   "amounts": [{"type": "EARNED", "value": 1000.0}]}]})
    totals.add_window({"totals": [{"_id": "", "amounts": [{"type": "EARNED", "value": 500.5},
                                                          {"type": "COST", "value": 20}]}]})
    for item in (entry("a", 3600, True, 1500.0), entry("b", 1800, False, 0.5),
                 entry("c", 5400, True)):
        totals.add_item(item)
    trailer = totals.trailer()
    assert trailer == {"totals": [{
        "_id": "",
        "totalTime": 10800,
        "totalBillableTime": 9000,
        "entriesCount": 3,
        "totalAmount": 1500.5,
        "amounts": [{"type": "EARNED", "value": 1500.5}, {"type": "COST", "value": 20}],
    }]}
    assert isinstance(trailer["totals"][0]["totalTime"], int)


def test_detailed_totals_when_empty_are_null() -> None:
    totals = JsonTotals(ReportKind.DETAILED)
    totals.add_window({"totals": [None], "timeentries": []})
    assert totals.trailer() == {"totals": [None]}
    assert json.dumps(totals.trailer()) == '{"totals": [null]}'


def test_detailed_totals_tolerate_missing_and_odd_keys() -> None:
    totals = JsonTotals(ReportKind.DETAILED)
    totals.add_window({})
    totals.add_window({"totals": []})
    totals.add_window({"totals": [{"amounts": None}]})
    totals.add_window({"totals": [{"amounts": ["junk", {"type": "EARNED", "value": "x"}]}]})
    totals.add_item({"_id": "a"})  # no interval, no amount, no billable
    totals.add_item({"_id": "b", "timeInterval": None, "amount": None})
    totals.add_item({"_id": "c", "timeInterval": {"duration": None}, "billable": True,
                     "amount": True})  # a bool is not a number
    totals.add_item({"_id": "d", "timeInterval": "garbage", "amount": 7})
    totals.add_item(entry("e", 60, True, 3))
    total = totals.trailer()["totals"][0]
    assert total["entriesCount"] == 5
    assert total["totalTime"] == 60 and total["totalBillableTime"] == 60
    assert total["totalAmount"] == 10
    assert total["amounts"] == [{"type": "EARNED", "value": 0}]


def test_window_count() -> None:
    detailed = JsonTotals(ReportKind.DETAILED)
    assert detailed.window_count({"totals": [{"entriesCount": 171}]}) == 171
    assert detailed.window_count({"totals": [None]}) == 0
    assert detailed.window_count({"totals": []}) is None
    assert detailed.window_count({}) is None
    assert detailed.window_count({"totals": [{"entriesCount": "171"}]}) is None
    expenses = JsonTotals(ReportKind.EXPENSES)
    assert expenses.window_count({"totals": {"expensesCount": 4}}) == 4
    assert expenses.window_count({"totals": [{"expensesCount": 4}]}) is None
    assert JsonTotals(ReportKind.ATTENDANCE).window_count({"totals": [{"x": 1}]}) is None


def test_expense_totals_are_an_object() -> None:
    totals = JsonTotals(ReportKind.EXPENSES)
    totals.add_item({"id": "1", "amount": 2000.0, "billable": True})
    totals.add_item({"id": "2", "amount": 150, "billable": False})
    totals.add_item({"id": "3"})
    assert totals.trailer() == {"totals": {"expensesCount": 3, "totalAmount": 2150.0,
                                           "totalAmountBillable": 2000.0}}


def test_attendance_has_no_totals() -> None:
    totals = JsonTotals(ReportKind.ATTENDANCE)
    totals.add_item({"userId": "u", "date": "2026-03-02", "totalDuration": 3600})
    assert totals.trailer() == {}
    assert totals.count == 1


# ---- merge_summaries ---------------------------------------------------------------------


def summary(groups: list[dict[str, Any]], total_time: int, count: int,
            amount: float | None = 0.0) -> dict[str, Any]:
    return {
        "totals": [{"_id": "", "totalTime": total_time, "totalBillableTime": total_time // 2,
                    "entriesCount": count, "totalAmount": amount,
                    "amounts": [{"type": "EARNED", "value": amount or 0}]}],
        "groupOne": groups,
        "donutChart": [],
        "groupTotals": {"groupOneTotalCount": len(groups)},
    }


def row(rid: Any, name: str, duration: int, amount: float = 0.0,
        children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"_id": rid, "name": name, "duration": duration, "amount": amount,
                           "amounts": [{"type": "EARNED", "value": amount}]}
    if children is not None:
        out["children"] = children
    return out


def test_merge_summaries_adds_nested_rows_by_id() -> None:
    te1 = {"PROJECT": "p1", "TIMEENTRY": "Design"}
    te2 = {"PROJECT": "p1", "TIMEENTRY": "Review"}
    march = summary([
        row("p1", "Website", 3600, 100.0, [row(te1, "Design", 3600, 100.0)]),
        row("p2", "App", 600, 10.0, [row({"PROJECT": "p2", "TIMEENTRY": "x"}, "x", 600, 10.0)]),
    ], 4200, 3, 110.0)
    # Same ids, keys of the `_id` object in another order: still the same row.
    april = summary([
        row("p1", "Website", 1800, 50.0, [row({"TIMEENTRY": "Design", "PROJECT": "p1"},
                                              "Design", 1200, 30.0),
                                          row(te2, "Review", 600, 20.0)]),
        row("p3", "Ops", 60, 1.0, []),
    ], 1860, 2, 51.0)
    before = copy.deepcopy([march, april])
    merged = merge_summaries([march, april])
    assert [march, april] == before  # inputs are not modified

    assert [(r["_id"], r["duration"], r["amount"]) for r in merged["groupOne"]] == [
        ("p1", 5400, 150.0), ("p2", 600, 10.0), ("p3", 60, 1.0)]
    website = merged["groupOne"][0]
    assert website["amounts"] == [{"type": "EARNED", "value": 150.0}]
    assert [(c["_id"], c["duration"]) for c in website["children"]] == [(te1, 4800), (te2, 600)]
    assert merged["totals"] == [{"_id": "", "totalTime": 6060, "totalBillableTime": 2100 + 930,
                                 "entriesCount": 5, "totalAmount": 161.0,
                                 "amounts": [{"type": "EARNED", "value": 161.0}]}]
    assert merged["groupTotals"] == {"groupOneTotalCount": 3}
    assert merged["donutChart"] == []


def test_merge_summaries_keeps_a_single_result_as_sent() -> None:
    only = summary([row("p1", "Website", 1)], 1, 1)
    assert merge_summaries([only]) is only


def test_merge_summaries_all_empty_is_null_totals() -> None:
    empty = {"totals": [None], "groupOne": []}
    merged = merge_summaries([empty, copy.deepcopy(empty)])
    assert merged["totals"] == [None]
    assert merged["groupOne"] == []


def test_merge_summaries_empty_then_full() -> None:
    full = summary([row("p1", "Website", 10)], 10, 1, None)
    merged = merge_summaries([{"totals": [None], "groupOne": []}, full])
    assert merged["totals"][0]["totalTime"] == 10
    assert merged["totals"][0]["totalAmount"] is None  # kept as Clockify sent it
    assert [r["_id"] for r in merged["groupOne"]] == ["p1"]


def test_merge_summaries_tolerates_missing_keys() -> None:
    a = {"groupOne": [{"_id": "d1", "name": "2026-03-01", "duration": 5}]}
    b = {"groupOne": [{"_id": "d1", "name": "2026-03-01"}, "junk", {"_id": None, "name": None,
                                                                    "duration": 2}],
         "totals": "odd"}
    merged = merge_summaries([a, b, {}])
    assert merged["groupOne"][0]["duration"] == 5
    assert merged["groupOne"][1] == {"_id": None, "name": None, "duration": 2}
    assert merged["totals"] == [None]


def test_merge_summaries_merges_donut_chart() -> None:
    a = {"donutChart": [{"_id": "p1", "name": "Website", "duration": 10}]}
    b = {"donutChart": [{"_id": "p1", "name": "Website", "duration": 5},
                        {"_id": "p2", "name": "App", "duration": 1}]}
    merged = merge_summaries([a, b])
    assert [(d["_id"], d["duration"]) for d in merged["donutChart"]] == [("p1", 15), ("p2", 1)]


# ---- merge_weekly ------------------------------------------------------------------------


def weekly(total: int, user: str) -> dict[str, Any]:
    return {
        "totals": [{"_id": "", "totalTime": total, "totalBillableTime": total,
                    "entriesCount": 1, "totalAmount": 0.0, "amounts": []}],
        "totalsByDay": [{"date": "x", "duration": total, "amount": 0.0}],
        "groupOne": [{"_id": user, "name": user, "duration": total}],
    }


def test_merge_weekly_lists_each_week() -> None:
    w1 = DateWindow(date(2026, 3, 2), date(2026, 3, 8))
    w2 = DateWindow(date(2026, 3, 9), date(2026, 3, 15))
    merged = merge_weekly([(w1, weekly(100, "u1")), (w2, weekly(50, "u2"))])
    assert set(merged) == {"totals", "weeks"}
    assert merged["totals"][0]["totalTime"] == 150
    assert merged["totals"][0]["entriesCount"] == 2
    assert [(w["dateRangeStart"], w["dateRangeEnd"]) for w in merged["weeks"]] == [
        ("2026-03-02", "2026-03-08"), ("2026-03-09", "2026-03-15")]
    assert merged["weeks"][0]["groupOne"][0]["_id"] == "u1"
    assert merged["weeks"][1]["totalsByDay"][0]["duration"] == 50


def test_merge_weekly_single_week_kept_as_sent() -> None:
    w1 = DateWindow(date(2026, 3, 2), date(2026, 3, 8))
    only = weekly(10, "u1")
    assert merge_weekly([(w1, only)]) is only


def test_merge_weekly_with_an_empty_week() -> None:
    w1 = DateWindow(date(2026, 3, 2), date(2026, 3, 8))
    w2 = DateWindow(date(2026, 3, 9), date(2026, 3, 15))
    merged = merge_weekly([(w1, {"totals": [None], "groupOne": []}), (w2, weekly(30, "u"))])
    assert merged["totals"][0]["totalTime"] == 30
    assert len(merged["weeks"]) == 2
