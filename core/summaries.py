"""Totals and merges for JSON exports that span several requests.

Clockify's `totals` describe one request's result; when an export joins several date windows
the totals are recomputed for the whole file. Quirks are accepted as Clockify sends them:
`totals: [null]` for an empty result, missing keys, `_id` objects in summary groups.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from core.reports import ReportKind

if TYPE_CHECKING:
    from core.windows import DateWindow

_ADDITIVE = ("duration", "amount", "totalTime", "totalBillableTime", "entriesCount",
             "totalAmount")


def _num(value: Any) -> float:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _first_total(data: dict[str, Any]) -> dict[str, Any] | None:
    totals = data.get("totals")
    if isinstance(totals, list):
        totals = totals[0] if totals else None
    return totals if isinstance(totals, dict) else None


def _merge_amounts(into: list[dict[str, Any]], more: Any) -> None:
    """Add `amounts: [{type, value}]` lists together by type."""
    if not isinstance(more, list):
        return
    for amount in more:
        if not isinstance(amount, dict):
            continue
        same = next((a for a in into if a.get("type") == amount.get("type")), None)
        if same is None:
            into.append({"type": amount.get("type"), "value": _num(amount.get("value"))})
        else:
            same["value"] = _num(same.get("value")) + _num(amount.get("value"))


class JsonTotals:
    """Recomputes a paged report's totals from the items actually written."""

    def __init__(self, kind: ReportKind) -> None:
        self.kind = kind
        self.count = 0
        self.time = 0.0
        self.billable_time = 0.0
        self.amount = 0.0
        self.billable_amount = 0.0
        self.amounts: list[dict[str, Any]] = []

    def window_count(self, data: dict[str, Any]) -> int | None:
        """How many items Clockify says the whole window holds (None: it does not say)."""
        totals = data.get("totals")
        if self.kind is ReportKind.EXPENSES and isinstance(totals, dict):
            count = totals.get("expensesCount")
        elif self.kind is ReportKind.DETAILED:
            if isinstance(totals, list) and totals and totals[0] is None:
                return 0
            first = _first_total(data)
            count = first.get("entriesCount") if first else None
        else:
            return None
        return count if isinstance(count, int) else None

    def add_window(self, data: dict[str, Any]) -> None:
        first = _first_total(data) if self.kind is ReportKind.DETAILED else None
        if first:
            _merge_amounts(self.amounts, first.get("amounts"))

    def add_item(self, item: dict[str, Any]) -> None:
        self.count += 1
        if self.kind is ReportKind.DETAILED:
            interval = item.get("timeInterval") or {}
            duration = _num(interval.get("duration") if isinstance(interval, dict) else 0)
            self.time += duration
            if item.get("billable"):
                self.billable_time += duration
            self.amount += _num(item.get("amount"))
        elif self.kind is ReportKind.EXPENSES:
            amount = _num(item.get("amount"))
            self.amount += amount
            if item.get("billable"):
                self.billable_amount += amount

    def trailer(self) -> dict[str, Any]:
        """The keys written after the item list."""
        if self.kind is ReportKind.DETAILED:
            if self.count == 0:
                return {"totals": [None]}
            return {"totals": [{
                "_id": "",
                "totalTime": int(self.time),
                "totalBillableTime": int(self.billable_time),
                "entriesCount": self.count,
                "totalAmount": self.amount,
                "amounts": self.amounts,
            }]}
        if self.kind is ReportKind.EXPENSES:
            return {"totals": {"expensesCount": self.count, "totalAmount": self.amount,
                               "totalAmountBillable": self.billable_amount}}
        return {}


def _row_key(row: dict[str, Any]) -> str:
    return json.dumps(row.get("_id"), sort_keys=True) + "|" + str(row.get("name"))


def _merge_rows(into: list[dict[str, Any]], rows: Any) -> None:
    """Merge summary group rows by `_id`: add numbers up, merge children recursively."""
    if not isinstance(rows, list):
        return
    index = {_row_key(r): r for r in into}
    for row in rows:
        if not isinstance(row, dict):
            continue
        same = index.get(_row_key(row))
        if same is None:
            copy = json.loads(json.dumps(row))
            into.append(copy)
            index[_row_key(copy)] = copy
            continue
        for key in _ADDITIVE:
            if key in row or key in same:
                same[key] = _num(same.get(key)) + _num(row.get(key))
        amounts = same.setdefault("amounts", [])
        if isinstance(amounts, list):
            _merge_amounts(amounts, row.get("amounts"))
        children = same.setdefault("children", [])
        if isinstance(children, list):
            _merge_rows(children, row.get("children"))


def _merge_totals(results: list[dict[str, Any]]) -> list[Any]:
    merged: dict[str, Any] | None = None
    for data in results:
        first = _first_total(data)
        if first is None:
            continue
        if merged is None:
            merged = json.loads(json.dumps(first))
            continue
        for key in _ADDITIVE:
            if key in first:
                merged[key] = _num(merged.get(key)) + _num(first.get(key))
        amounts = merged.setdefault("amounts", [])
        if isinstance(amounts, list):
            _merge_amounts(amounts, first.get("amounts"))
    return [merged]


def merge_summaries(results: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary document for several date windows (a single one is kept as sent)."""
    if len(results) == 1:
        return results[0]
    groups: list[dict[str, Any]] = []
    donut: list[dict[str, Any]] = []
    for data in results:
        _merge_rows(groups, data.get("groupOne"))
        _merge_rows(donut, data.get("donutChart"))
    return {
        "totals": _merge_totals(results),
        "groupOne": groups,
        "donutChart": donut,
        "groupTotals": {"groupOneTotalCount": len(groups)},
    }


def merge_weekly(results: list[tuple[DateWindow, dict[str, Any]]]) -> dict[str, Any]:
    """Weekly reports are per week: several weeks become a list under `weeks`."""
    if len(results) == 1:
        return results[0][1]
    return {
        "totals": _merge_totals([r for _, r in results]),
        "weeks": [
            {"dateRangeStart": w.start.isoformat(), "dateRangeEnd": w.end.isoformat(), **r}
            for w, r in results
        ],
    }
