"""Totals and merges for JSON exports that span several requests.

Clockify's `totals` describe one request's result. A paged export recomputes its totals from
the entries it actually wrote (each entry once, even if two windows sent it); summary and
weekly exports add their windows' totals up key by key. Quirks are accepted as Clockify
sends them: `totals: [null]` for an empty result, missing keys, `_id` objects in summary
groups, `totalAmountByCurrency` as an object or as a list, durations in seconds or as
ISO-8601 (`"PT2H54M"`), `totalAmount: null` when amounts are hidden (it stays null). A value
of any other shape (a NaN duration, a string amount) is an error, never a silent 0.
"""

from __future__ import annotations

import copy
import json
import math
import re
from typing import TYPE_CHECKING, Any

from core.errors import DataError
from core.items import ItemFields
from core.reports import ReportKind

if TYPE_CHECKING:
    from core.windows import DateWindow

_DURATION_KEYS = ("duration", "totalTime", "totalBillableTime")
_MONEY_KEYS = ("amount", "totalAmount")
_ISO_DURATION = re.compile(
    r"P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", re.ASCII)
_HUGE = 1e300  # beyond any amount or duration; NaN fails every comparison with it
_HINT = "Nothing was saved. Clockify's answer looks broken; try again later."

Item = dict[str, Any] | ItemFields  # parsed, or read raw (core.items): both have `get`


def duration_seconds(value: Any, where: str) -> float:
    """Seconds of a Clockify duration: a number, or ISO-8601 like `PT2H54M`; None is 0."""
    if value is None:  # a running timer has no duration yet
        return 0
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _finite(value) and value >= 0:
            return value
    elif isinstance(value, str):
        match = _ISO_DURATION.fullmatch(value.strip())
        if match and value.strip() != "P":
            days, hours, minutes, seconds = match.groups()
            total = (int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60
                     + float(seconds or 0))
            return int(total) if total.is_integer() else total
    raise DataError(f"Clockify sent a duration that is not one: {_shown(value)} in {where}.",
                    _HINT)


def money(value: Any, where: str) -> float | None:
    """An amount in cents; None stays None (amounts hidden)."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and _finite(value):
        return value
    raise DataError(f"Clockify sent an amount that is not a number: {_shown(value)} in "
                    f"{where}.", _HINT)


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _tidy(value: float) -> float:
    """Float sums without the noise of binary fractions (cents may be fractional)."""
    return round(value, 6) + 0.0


def first_total(data: dict[str, Any]) -> dict[str, Any] | None:
    totals = data.get("totals")
    if isinstance(totals, list):
        totals = totals[0] if totals else None
    return totals if isinstance(totals, dict) else None


def window_count(kind: ReportKind, data: dict[str, Any]) -> int | None:
    """How many items Clockify says a whole window holds (None: it does not say)."""
    totals = data.get("totals")
    if kind is ReportKind.EXPENSES and isinstance(totals, dict):
        count = totals.get("expensesCount")
    elif kind is ReportKind.DETAILED:
        if isinstance(totals, list) and totals and totals[0] is None:
            return 0
        first = first_total(data)
        count = first.get("entriesCount") if first else None
    else:
        return None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _where(item: Item) -> str:
    return f"entry {item.get('_id', item.get('id', '?'))}"


# The per-item checks below run for every entry of a 200,000-entry export: the common case
# (a plain finite number) is decided without a function call, everything else by the
# careful parsers above, which also name the entry when they refuse a value.

def _figure(value: Any, item: Item) -> float | None:
    if value.__class__ is float or value.__class__ is int:
        if -_HUGE < value < _HUGE:
            return value
    elif value is None:
        return None
    return money(value, _where(item))


def _seconds(value: Any, item: Item) -> float:
    if (value.__class__ is int or value.__class__ is float) and 0 <= value < _HUGE:
        return value
    return duration_seconds(value, _where(item))


class JsonTotals:
    """Recomputes a paged report's totals from the items actually written."""

    def __init__(self, kind: ReportKind, amount_types: tuple[str, ...] = (),
                 amount_shown: str = "EARNED") -> None:
        self.kind = kind
        self.amount_types = amount_types if amount_shown != "HIDE_AMOUNT" else ()
        self.amount_shown = amount_shown
        self.count = 0
        self.time = 0.0
        self.billable_time = 0.0
        self.amount = 0.0
        self.billable_amount = 0.0
        self.amount_hidden = amount_shown == "HIDE_AMOUNT"
        self.by_currency: dict[str, float] = {}
        self.by_type: dict[str, float] | None = dict.fromkeys(self.amount_types, 0.0)
        self._window_amounts: list[dict[str, Any]] = []  # when entries lack the figures

    def add_window(self, data: dict[str, Any]) -> None:
        """Page 1 of a window: what only Clockify's own totals can tell."""
        first = first_total(data) if self.kind is ReportKind.DETAILED else None
        if first is None:
            return
        if "totalAmount" in first and first["totalAmount"] is None:
            self.amount_hidden = True
        _merge_amounts(self._window_amounts, first.get("amounts"), "totals")

    def add_item(self, item: dict[str, Any]) -> None:
        """A parsed item."""
        interval = item.get("timeInterval")
        self._add(item, item.get("amount"),
                  interval.get("duration") if interval.__class__ is dict else None,
                  item.get("billable"), item.get("currency"))

    def add_fields(self, fields: ItemFields) -> None:
        """An item read raw: the same sums from the fields it was read for."""
        self._add(fields, fields.amount, fields.duration, fields.billable, fields.currency)

    def _add(self, item: Item, amount_value: Any, duration_value: Any, billable: Any,
             currency_value: Any) -> None:
        self.count += 1
        shown = _figure(amount_value, item)
        amount = shown or 0.0
        if self.kind is ReportKind.DETAILED:
            duration = _seconds(duration_value, item)
            self.time += duration
            if billable is True:
                self.billable_time += duration
            if self.amount_types and self.by_type is not None:
                self._add_amounts(item, shown)
        elif self.kind is ReportKind.EXPENSES:
            if billable is True:
                self.billable_amount += amount
        else:
            return
        self.amount += amount
        currency = str(currency_value or "")
        self.by_currency[currency] = self.by_currency.get(currency, 0.0) + amount

    def _add_amounts(self, item: Item, shown: float | None) -> None:
        """The entry's amount of each requested type (EARNED, COST, PROFIT)."""
        assert self.by_type is not None
        earned = _figure(item.get("earnedAmount"), item)
        cost = _figure(item.get("costAmount"), item)
        if earned is None and self.amount_shown == "EARNED":
            earned = shown
        if cost is None and self.amount_shown == "COST":
            cost = shown
        for kind in self.amount_types:
            if kind == "EARNED":
                value = earned
            elif kind == "COST":
                value = cost
            else:
                value = None if earned is None or cost is None or kind != "PROFIT" \
                    else earned - cost
            if value is None:  # the entry does not tell: Clockify's own sums are used
                self.by_type = None
                return
            self.by_type[kind] += value

    def _amounts(self) -> list[dict[str, Any]]:
        if self.by_type is None:  # entries without per-type figures: Clockify's own sums
            return self._window_amounts
        return [{"type": kind, "value": _tidy(value)} for kind, value in self.by_type.items()]

    def trailer(self) -> dict[str, Any]:
        """The keys written after the item list, in Clockify's shape."""
        if self.kind is ReportKind.DETAILED:
            if self.count == 0:
                return {"totals": [None]}
            return {"totals": [{
                "_id": "",
                "totalTime": _whole(self.time),
                "totalBillableTime": _whole(self.billable_time),
                "entriesCount": self.count,
                "totalAmount": None if self.amount_hidden else _tidy(self.amount),
                "amounts": self._amounts(),
            }]}
        if self.kind is ReportKind.EXPENSES:
            return {"totals": {"expensesCount": self.count, "totalAmount": _tidy(self.amount),
                               "totalAmountBillable": _tidy(self.billable_amount)}}
        return {}

    def figures(self) -> dict[str, Any]:
        """The totals a person checks: time, billable time, amount per currency."""
        out: dict[str, Any] = {}
        if self.kind is ReportKind.DETAILED:
            out["totalTime"] = _whole(self.time)
            out["totalBillableTime"] = _whole(self.billable_time)
        if self.kind in (ReportKind.DETAILED, ReportKind.EXPENSES):
            out["amountByCurrency"] = (None if self.amount_hidden else
                                       {k: _tidy(v) for k, v in self.by_currency.items()})
        return out


def document_figures(document: dict[str, Any]) -> dict[str, Any]:
    """The totals a person checks of a merged summary or weekly report, under the keys of
    `JsonTotals.figures` (amounts per currency in cents; None: amounts hidden), and
    Clockify's `entriesCount`."""
    totals = first_total(document)
    if totals is None:
        return {}
    out: dict[str, Any] = {key: _whole(duration_seconds(totals[key], "totals"))
                           for key in ("totalTime", "totalBillableTime") if key in totals}
    if "entriesCount" in totals:
        out["entriesCount"] = totals["entriesCount"]
    if "totalAmount" in totals and totals["totalAmount"] is None:
        out["amountByCurrency"] = None
    elif "totalAmountByCurrency" in totals:
        out["amountByCurrency"] = _currency_map(totals["totalAmountByCurrency"], "totals")
    return out


def _whole(seconds: float) -> int | float:
    return int(seconds) if float(seconds).is_integer() else _tidy(seconds)


# ---- summary and weekly merges ----------------------------------------------------------


def _add(into: dict[str, Any], row: dict[str, Any], where: str) -> None:
    """Add the numbers of `row` to `into`: durations, counts, amounts (null stays null)."""
    for key in _DURATION_KEYS:
        if key in row or key in into:
            into[key] = _whole(duration_seconds(into.get(key), where)
                               + duration_seconds(row.get(key), where))
    if "entriesCount" in row or "entriesCount" in into:
        into["entriesCount"] = int(into.get("entriesCount") or 0) + int(
            row.get("entriesCount") or 0)
    for key in _MONEY_KEYS:
        if key in row or key in into:
            a, b = money(into.get(key), where), money(row.get(key), where)
            into[key] = None if a is None or b is None else _tidy(a + b)
    if isinstance(into.get("amounts"), list) or isinstance(row.get("amounts"), list):
        merged: list[dict[str, Any]] = into.get("amounts") or []
        _merge_amounts(merged, row.get("amounts"), where)
        into["amounts"] = merged


def _merge_amounts(into: list[dict[str, Any]], more: Any, where: str) -> None:
    """Add `amounts: [{type, value, amountByCurrency?}]` lists together by type."""
    if not isinstance(more, list):
        return
    for amount in more:
        if not isinstance(amount, dict):
            continue
        same = next((a for a in into if a.get("type") == amount.get("type")), None)
        if same is None:
            into.append(copy.deepcopy(amount))
            continue
        a, b = money(same.get("value"), where), money(amount.get("value"), where)
        same["value"] = None if a is None or b is None else _tidy(a + b)
        if "amountByCurrency" in amount or "amountByCurrency" in same:
            same["amountByCurrency"] = _merge_by_currency(
                same.get("amountByCurrency"), amount.get("amountByCurrency"), where)


def _currency_map(value: Any, where: str) -> dict[str, float | None]:
    """`{"EUR": 12.0}` or `[{"currency": "EUR", "amount": 12.0}]` as one mapping."""
    if isinstance(value, dict):
        return {str(k): money(v, where) for k, v in value.items()}
    out: dict[str, float | None] = {}
    for row in value if isinstance(value, list) else []:
        if isinstance(row, dict):
            code = str(row.get("currency") or row.get("currencyCode") or "")
            out[code] = money(row.get("amount", row.get("value")), where)
    return out


def _merge_by_currency(a: Any, b: Any, where: str) -> Any:
    """Sum per currency, in the shape the first one came in (object or list)."""
    merged = _currency_map(a, where)
    for code, value in _currency_map(b, where).items():
        old = merged.get(code, 0.0)
        merged[code] = None if old is None or value is None else _tidy(old + value)
    if isinstance(a if a is not None else b, dict):
        return merged
    return [{"currency": code, "amount": value} for code, value in merged.items()]


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
            copied = copy.deepcopy(row)
            into.append(copied)
            index[_row_key(copied)] = copied
            continue
        _add(same, row, f"group {row.get('name')!r}")
        if isinstance(same.get("children"), list) or isinstance(row.get("children"), list):
            children = same.setdefault("children", [])
            _merge_rows(children, row.get("children"))


def _merge_totals(results: list[dict[str, Any]]) -> list[Any]:
    merged: dict[str, Any] | None = None
    currencies: list[int] = []
    for data in results:
        first = first_total(data)
        if first is None:
            continue
        if isinstance(first.get("numOfCurrencies"), int):
            currencies.append(first["numOfCurrencies"])
        if merged is None:
            merged = copy.deepcopy(first)
            continue
        _add(merged, first, "totals")
        if "totalAmountByCurrency" in first or "totalAmountByCurrency" in merged:
            merged["totalAmountByCurrency"] = _merge_by_currency(
                merged.get("totalAmountByCurrency"), first.get("totalAmountByCurrency"),
                "totals")
    if merged is not None and "numOfCurrencies" in merged:
        # The currencies of the whole range, not of the first window.
        known = _currency_map(merged.get("totalAmountByCurrency"), "totals")
        merged["numOfCurrencies"] = len(known) if known else max(currencies, default=0)
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
