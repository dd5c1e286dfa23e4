"""Rows of the summary and weekly reports from their merged JSON documents.

Summary: one column per group level, then time and amount. Spreadsheet-style files (CSV)
get the leaf rows with their whole group path, as Clockify's CSV does, so column sums
equal the totals; XLSX and PDF show the tree as Clockify's report does: a bold subtotal
row per group above its children (XLSX outline levels, PDF indentation).

Weekly: any range in one table. Days are re-bucketed into weeks that start on the
profile's week start; CSV and XLSX keep one header with a Week column and weekday
columns (one table sorts, filters and pivots; 53 sheets or repeated headers do not),
the PDF prints the weeks one after another, each with its dated header.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from core.render.context import ReportContext
from core.render.table import Column, Kind, Row, Section, Style
from core.render.totals import Tally
from core.render.values import num, parse_day
from core.windows import week_start_of

GROUP_LABELS = {"CLIENT": "Client", "PROJECT": "Project", "USER": "User", "TAG": "Tag",
                "TASK": "Task", "DATE": "Date", "WEEK": "Week", "MONTH": "Month",
                "TIMEENTRY": "Description", "USER_GROUP": "User group"}
# Clockify's names for a group without a value (an empty description stays empty).
_WITHOUT = {"CLIENT": "Without client", "PROJECT": "Without project", "TASK": "Without task",
            "TAG": "Without tag"}


def _children(row: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in row.get("children") or [] if isinstance(c, dict)]


def _amount(row: dict[str, Any]) -> float:
    if isinstance(row.get("amount"), int | float):
        return num(row.get("amount"))
    amounts = row.get("amounts")
    if isinstance(amounts, list) and amounts and isinstance(amounts[0], dict):
        return num(amounts[0].get("value"))
    return 0.0


def _money_columns(ctx: ReportContext, name: str = "Amount") -> list[Column]:
    if not ctx.shows_amounts:
        return []
    return [Column(f"{name} ({ctx.currency})", Kind.MONEY, 12, ctx.currency)]


# ---- summary ----------------------------------------------------------------------------

class SummaryTable:
    def __init__(self, ctx: ReportContext, document: dict[str, Any]) -> None:
        self.ctx = ctx
        self.groups = list(ctx.options.summary_groups)
        self.document = document
        self.columns = [Column(GROUP_LABELS.get(g, g.title()),
                               Kind.DATE if g == "DATE" else Kind.TEXT,
                               30 if g == "TIMEENTRY" else 18) for g in self.groups]
        self.columns += [Column("Time (h)", Kind.DURATION, 10),
                         Column("Time (decimal)", Kind.HOURS, 9), *_money_columns(ctx)]
        self.leaves = 0
        # An entry with two tags counts in both tag groups: group sums then exceed the total.
        self.additive = "TAG" not in self.groups

    def _name(self, level: int, row: dict[str, Any]) -> Any:
        group = self.groups[level]
        name = row.get("name")
        if group == "DATE":
            return parse_day(name) or parse_day(row.get("_id")) or name
        return str(name) if name else _WITHOUT.get(group, "")

    def _values(self, path: list[Any], row: dict[str, Any]) -> list[Any]:
        blanks = [""] * (len(self.groups) - len(path))
        values = [*path, *blanks, num(row.get("duration")), num(row.get("duration"))]
        if self.ctx.shows_amounts:
            values.append(_amount(row))
        return values

    def rows(self, tree: bool, tally: Tally) -> Iterator[Row]:
        """Leaf rows with their path (tree=False), or subtotals above children."""
        yield from self._walk(self.document.get("groupOne") or [], [], tree, tally)
        if tree:
            totals = _first(self.document)
            values: list[Any] = ["Total", *[""] * (len(self.groups) - 1),
                                 num(totals.get("totalTime")), num(totals.get("totalTime"))]
            if self.ctx.shows_amounts:
                values.append(num(totals.get("totalAmount")))
            yield Row(values, Style.TOTAL)

    def _walk(self, rows: list[Any], path: list[Any], tree: bool,
              tally: Tally) -> Iterator[Row]:
        level = len(path)
        for row in rows:
            if not isinstance(row, dict):
                continue
            here = [*path, self._name(level, row)]
            children = _children(row) if level + 1 < len(self.groups) else []
            if not children:
                self.leaves += 1
                tally.add(num(row.get("duration")), False,
                          _amount(row) if self.ctx.shows_amounts else 0.0,
                          str(row.get("currency") or self.ctx.currency))
                shown = [""] * level + [here[-1]] if tree else here
                yield Row(self._values(shown, row), level=level if tree else 0)
                continue
            if tree:
                shown = [""] * level + [here[-1]]
                yield Row(self._values(shown, row), Style.GROUP, level)
            yield from self._walk(children, here, tree, tally)


def _first(document: dict[str, Any]) -> dict[str, Any]:
    totals = document.get("totals")
    if isinstance(totals, list):
        totals = totals[0] if totals else None
    return totals if isinstance(totals, dict) else {}


# ---- weekly -----------------------------------------------------------------------------

@dataclass
class _Line:
    name: str
    days: dict[date, list[float]] = field(default_factory=dict)  # day → [seconds, cents]
    children: dict[str, _Line] = field(default_factory=dict)


class WeeklyTable:
    def __init__(self, ctx: ReportContext, document: dict[str, Any]) -> None:
        self.ctx = ctx
        group = ctx.options.weekly_group
        sub = "PROJECT" if group == "USER" else "USER"
        self.labels = (GROUP_LABELS[group], GROUP_LABELS[sub])
        self.without = (_WITHOUT.get(group, ""), _WITHOUT.get(sub, ""))
        self.lines: dict[str, _Line] = {}
        self.document = document
        weeks = document.get("weeks")
        for week in weeks if isinstance(weeks, list) else [document]:
            if isinstance(week, dict):
                self._add_week(week)
        first = ctx.week_start
        self.starts = sorted({week_start_of(day, first) for line in self.lines.values()
                              for child in line.children.values() for day in child.days})
        start_day = week_start_of(ctx.start, first)
        self.weekday_names = [(start_day + timedelta(days=i)).strftime("%a") for i in range(7)]
        self.rows_written = 0

    def _add_week(self, week: dict[str, Any]) -> None:
        for top in week.get("groupOne") or []:
            if not isinstance(top, dict):
                continue
            key = str(top.get("_id") or top.get("name") or "")
            line = self.lines.setdefault(
                key, _Line(str(top.get("name") or "") or self.without[0]))
            for child in _children(top):
                child_key = str(child.get("_id") or child.get("name") or "")
                name = str(child.get("name") or "") or self.without[1]
                target = line.children.setdefault(child_key, _Line(name))
                for day in child.get("days") or []:
                    when = parse_day(day.get("date")) if isinstance(day, dict) else None
                    if when is None or not (num(day.get("duration")) or num(day.get("amount"))):
                        continue
                    slot = target.days.setdefault(when, [0.0, 0.0])
                    slot[0] += num(day.get("duration"))
                    slot[1] += num(day.get("amount"))

    def columns(self, dated: date | None) -> list[Column]:
        """With a week's first day: dated day headers (PDF); else a Week column."""
        fmt = self.ctx.formats
        if dated is None:
            days = [Column(name, Kind.DURATION, 8) for name in self.weekday_names]
            lead = [Column("Week", Kind.DATE, 10)]
        else:
            days = [Column(f"{d:%a} {fmt.day(d)}", Kind.DURATION, 8)
                    for d in (dated + timedelta(days=i) for i in range(7))]
            lead = []
        return [*lead, Column(self.labels[0], width=18), Column(self.labels[1], width=18),
                *days, Column("Total (h)", Kind.DURATION, 9),
                Column("Total (decimal)", Kind.HOURS, 8), *_money_columns(self.ctx)]

    def section(self, start: date) -> Section:
        end = start + timedelta(days=6)
        fmt = self.ctx.formats
        return Section(f"Week {fmt.day(start)} – {fmt.day(end)}", self.columns(start))

    def week_rows(self, start: date, tree: bool, with_week: bool, tally: Tally
                  ) -> Iterator[Row]:
        days = [start + timedelta(days=i) for i in range(7)]
        lead: list[Any] = [start] if with_week else []
        week_total = [0.0] * 7
        week_cents = 0.0
        for line in sorted(self.lines.values(), key=lambda x: x.name.casefold()):
            children = [c for c in sorted(line.children.values(),
                                          key=lambda x: x.name.casefold())
                        if any(d in c.days for d in days)]
            if not children:
                continue
            if tree:
                sums = [sum(c.days.get(d, [0.0, 0.0])[0] for c in children) for d in days]
                cents = sum(c.days[d][1] for c in children for d in days if d in c.days)
                yield Row(self._values(lead, line.name, "", sums, cents, tree), Style.GROUP)
            for child in children:
                seconds = [child.days.get(d, [0.0, 0.0])[0] for d in days]
                cents = sum(child.days[d][1] for d in days if d in child.days)
                tally.add(sum(seconds), False, cents if self.ctx.shows_amounts else 0.0,
                          self.ctx.currency)
                self.rows_written += 1
                week_total = [a + b for a, b in zip(week_total, seconds, strict=True)]
                week_cents += cents
                yield Row(self._values(lead, "" if tree else line.name, child.name, seconds,
                                       cents, tree), level=1 if tree else 0)
        if tree:
            yield Row(self._values(lead, "Total", "", week_total, week_cents, tree),
                      Style.TOTAL)

    def _values(self, lead: list[Any], top: str, child: str, seconds: list[float],
                cents: float, tree: bool) -> list[Any]:
        # Clockify's CSV writes 00:00:00 for a day without time; a sheet or page reads
        # better with the cell left empty.
        days = [s or None for s in seconds] if tree else seconds
        values = [*lead, top, child, *days, sum(seconds), sum(seconds)]
        if self.ctx.shows_amounts:
            values.append(cents)
        return values
