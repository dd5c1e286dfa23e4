"""Totals recomputed over several requests, and summary/weekly merges (API.md §3.4–3.6)."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from core.errors import DataError
from core.reports import ReportKind
from core.summaries import (
    JsonTotals,
    duration_seconds,
    merge_summaries,
    merge_weekly,
    money,
    window_count,
)
from core.windows import DateWindow


def entry(eid: str, seconds: int, billable: bool, amount: float | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"_id": eid, "billable": billable,
                            "timeInterval": {"start": "2026-03-02T09:00:00+01:00",
                                             "duration": seconds}}
    if amount is not None:
        item["amount"] = amount
    return item


# ---- JsonTotals --------------------------------------------------------------------------


def money_entry(eid: str, seconds: int | str, billable: bool, earned: float, cost: float,
                currency: str = "EUR") -> dict[str, Any]:
    item = entry(eid, 0, billable, earned)
    item["timeInterval"]["duration"] = seconds
    item.update(earnedAmount=earned, costAmount=cost, currency=currency)
    return item


def test_detailed_totals_are_recomputed_from_items() -> None:
    totals = JsonTotals(ReportKind.DETAILED, ("EARNED", "COST", "PROFIT"))
    # What Clockify said per window is not summed: the entries are.
    totals.add_window({"totals": [{"_id": "", "entriesCount": 99, "totalTime": 1,
                                   "amounts": [{"type": "EARNED", "value": 1000.0}]}]})
    for item in (money_entry("a", 3600, True, 1500.0, 100.0),
                 money_entry("b", "PT30M", False, 0.5, 0.25, "USD"),
                 money_entry("c", 5400, True, 0.0, 0.0)):
        totals.add_item(item)
    trailer = totals.trailer()
    assert trailer == {"totals": [{
        "_id": "",
        "totalTime": 10800,
        "totalBillableTime": 9000,
        "entriesCount": 3,
        "totalAmount": 1500.5,
        "amounts": [{"type": "EARNED", "value": 1500.5}, {"type": "COST", "value": 100.25},
                    {"type": "PROFIT", "value": 1400.25}],
    }]}
    assert isinstance(trailer["totals"][0]["totalTime"], int)
    assert totals.figures() == {"totalTime": 10800, "totalBillableTime": 9000,
                                "amountByCurrency": {"EUR": 1500.0, "USD": 0.5}}


def test_entries_without_per_type_amounts_use_clockifys_sums() -> None:
    totals = JsonTotals(ReportKind.DETAILED, ("EARNED", "COST"))
    totals.add_window({"totals": [{"amounts": [{"type": "EARNED", "value": 10.0},
                                               {"type": "COST", "value": 4.0}]}]})
    totals.add_window({"totals": [{"amounts": [{"type": "COST", "value": 1.0}]}]})
    totals.add_item(entry("a", 60, True, 10.0))  # 2023 shape: `amount` only
    assert totals.trailer()["totals"][0]["amounts"] == [{"type": "EARNED", "value": 10.0},
                                                        {"type": "COST", "value": 5.0}]


def test_hidden_amounts_stay_null() -> None:
    totals = JsonTotals(ReportKind.DETAILED, ("EARNED",))
    totals.add_window({"totals": [{"totalAmount": None, "amounts": []}]})
    totals.add_item(entry("a", 60, True, None))
    assert totals.trailer()["totals"][0]["totalAmount"] is None
    assert totals.figures()["amountByCurrency"] is None
    hidden = JsonTotals(ReportKind.DETAILED, ("EARNED",), "HIDE_AMOUNT")
    hidden.add_item(entry("a", 60, True, 0.0))
    assert hidden.trailer()["totals"][0]["totalAmount"] is None
    assert hidden.trailer()["totals"][0]["amounts"] == []


def test_detailed_totals_when_empty_are_null() -> None:
    totals = JsonTotals(ReportKind.DETAILED)
    totals.add_window({"totals": [None], "timeentries": []})
    assert totals.trailer() == {"totals": [None]}
    assert json.dumps(totals.trailer()) == '{"totals": [null]}'


def test_detailed_totals_tolerate_missing_keys() -> None:
    totals = JsonTotals(ReportKind.DETAILED)
    totals.add_window({})
    totals.add_window({"totals": []})
    totals.add_window({"totals": [{"amounts": None}]})
    totals.add_item({"_id": "a"})  # no interval, no amount, no billable
    totals.add_item({"_id": "b", "timeInterval": None, "amount": None})
    totals.add_item({"_id": "c", "timeInterval": {"duration": None}, "billable": True})
    totals.add_item(entry("e", 60, True, 3))
    total = totals.trailer()["totals"][0]
    assert total["entriesCount"] == 4
    assert total["totalTime"] == 60 and total["totalBillableTime"] == 60
    assert total["totalAmount"] == 3


@pytest.mark.parametrize(("value", "seconds"), [
    (5400, 5400), (1.5, 1.5), ("PT2H54M", 10440), ("PT0S", 0), ("P1DT1S", 86401),
    ("PT1.5S", 1.5), (" PT1M ", 60), (None, 0),
])
def test_durations(value: Any, seconds: float) -> None:
    assert duration_seconds(value, "x") == seconds


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1, True, "P", "PT", "2h",
                                   "PT1H2", {"seconds": 1}, [1]])
def test_odd_durations_are_refused_loudly(value: Any) -> None:
    totals = JsonTotals(ReportKind.DETAILED)
    with pytest.raises(DataError, match=r"duration .* entry e1"):
        totals.add_item({"_id": "e1", "timeInterval": {"duration": value}})


@pytest.mark.parametrize("value", [float("nan"), float("-inf"), "12.5", True, {}])
def test_odd_amounts_are_refused_loudly(value: Any) -> None:
    with pytest.raises(DataError, match="amount"):
        JsonTotals(ReportKind.EXPENSES).add_item({"id": "x1", "amount": value})
    with pytest.raises(DataError, match="amount"):
        money(value, "x")


def test_window_count() -> None:
    detailed = ReportKind.DETAILED
    assert window_count(detailed, {"totals": [{"entriesCount": 171}]}) == 171
    assert window_count(detailed, {"totals": [None]}) == 0
    assert window_count(detailed, {"totals": []}) is None
    assert window_count(detailed, {}) is None
    assert window_count(detailed, {"totals": [{"entriesCount": "171"}]}) is None
    assert window_count(detailed, {"totals": [{"entriesCount": True}]}) is None
    assert window_count(ReportKind.EXPENSES, {"totals": {"expensesCount": 4}}) == 4
    assert window_count(ReportKind.EXPENSES, {"totals": [{"expensesCount": 4}]}) is None
    assert window_count(ReportKind.ATTENDANCE, {"totals": [{"x": 1}]}) is None


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


# ---- summing totals across windows -------------------------------------------------------


def money_totals(by_currency: Any, amount: float | None, currencies: int) -> dict[str, Any]:
    return {"totals": [{"_id": "", "totalTime": "PT1H", "totalBillableTime": 0,
                        "entriesCount": 1, "totalAmount": amount,
                        "totalAmountByCurrency": by_currency,
                        "amounts": [{"type": "EARNED", "value": amount,
                                     "amountByCurrency": by_currency}],
                        "numOfCurrencies": currencies}],
            "groupOne": []}


def test_amount_by_currency_is_summed_per_currency_as_a_list() -> None:
    a = money_totals([{"currency": "EUR", "amount": 10.0}], 10.0, 1)
    b = money_totals([{"currency": "EUR", "amount": 5.0}, {"currency": "USD", "amount": 2.0}],
                     7.0, 2)
    total = merge_summaries([a, b])["totals"][0]
    assert total["totalAmountByCurrency"] == [{"currency": "EUR", "amount": 15.0},
                                              {"currency": "USD", "amount": 2.0}]
    assert total["amounts"][0]["amountByCurrency"] == total["totalAmountByCurrency"]
    assert total["numOfCurrencies"] == 2  # recomputed, not the first window's 1
    assert total["totalTime"] == 7200  # ISO-8601 durations added as seconds
    assert total["totalAmount"] == 17.0


def test_amount_by_currency_as_an_object_stays_an_object() -> None:
    a = money_totals({"EUR": 1.5}, 1.5, 1)
    b = money_totals({"CHF": 3.0, "EUR": 0.25}, 3.25, 2)
    total = merge_summaries([a, b])["totals"][0]
    assert total["totalAmountByCurrency"] == {"EUR": 1.75, "CHF": 3.0}
    assert total["numOfCurrencies"] == 2


def test_empty_currency_objects_keep_clockifys_count() -> None:
    total = merge_summaries([money_totals({}, None, 1), money_totals({}, None, 1)])["totals"][0]
    assert total["totalAmount"] is None and total["amounts"][0]["value"] is None
    assert total["numOfCurrencies"] == 1


def test_a_nan_in_a_summary_is_refused() -> None:
    a = summary([row("p1", "Website", 10)], 10, 1)
    b = summary([row("p1", "Website", 10)], 10, 1)
    b["groupOne"][0]["duration"] = float("nan")
    with pytest.raises(DataError, match="Website"):
        merge_summaries([a, b])
