"""Rows of the paged reports (detailed, attendance, expenses) from their JSON items.

The detailed columns are those of Clockify's detailed CSV (API.md §3.9); attendance and
expenses follow the demo's copies of Clockify's files. Optional columns (approval,
invoiced, currency) are chosen from the first item, before any row is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.render.context import ReportContext
from core.render.table import Column, Kind
from core.render.totals import Tally
from core.render.values import local_time, num, parse_day, zone
from core.reports import ReportKind


def _yes(value: Any) -> str:
    return "Yes" if value else "No"


def _invoiced(item: dict[str, Any]) -> bool:
    info = item.get("invoicingInfo")
    if isinstance(info, dict):
        return bool(info.get("invoiceId") or info.get("manuallyInvoiced"))
    return bool(item.get("invoiced"))


class ItemLayout:
    """Columns, rows and totals of one paged report kind."""

    def __init__(self, ctx: ReportContext, first: dict[str, Any] | None) -> None:
        self.ctx = ctx
        self.tz = zone(ctx.time_zone)
        first = first or {}
        self.with_approval = "approvalRequestId" in first
        self.with_invoiced = "invoicingInfo" in first or "invoiced" in first
        build = {ReportKind.DETAILED: self._detailed, ReportKind.ATTENDANCE: self._attendance,
                 ReportKind.EXPENSES: self._expenses}[ctx.kind]
        self.columns, self.row, self.tally = build()

    def _money_columns(self, *names: str) -> list[Column]:
        if not self.ctx.shows_amounts:
            return []
        cur = self.ctx.currency
        columns = [Column(f"{name} ({cur})", Kind.MONEY, 10, cur) for name in names]
        if self.ctx.several_currencies:
            columns.append(Column("Currency", Kind.TEXT, 6))
        return columns

    def _state_columns(self) -> list[Column]:
        columns = []
        if self.with_approval:
            columns.append(Column("Approval request", Kind.TEXT, 8))
        if self.with_invoiced:
            columns.append(Column("Invoiced", Kind.TEXT, 8))
        return columns

    def _states(self, item: dict[str, Any]) -> list[Any]:
        out = []
        if self.with_approval:
            out.append(_yes(item.get("approvalRequestId")))
        if self.with_invoiced:
            out.append(_yes(_invoiced(item)))
        return out

    def _currency(self, item: dict[str, Any]) -> str:
        return str(item.get("currency") or self.ctx.currency)

    # ---- detailed -----------------------------------------------------------------------

    def _detailed(self) -> tuple[list[Column], Callable[[dict[str, Any]], list[Any]],
                                 Callable[[dict[str, Any], Tally], None]]:
        ctx = self.ctx
        label = ctx.amount_label
        columns = [
            Column("Project", width=22), Column("Client", width=16),
            Column("Description", width=36), Column("Task", width=16),
            Column("User", width=16), Column("Group", width=14), Column("Email", width=22),
            Column("Tags", width=16), Column("Billable", width=7),
            Column("Start Date", Kind.DATE, 10), Column("Start Time", Kind.TIME, 9),
            Column("End Date", Kind.DATE, 10), Column("End Time", Kind.TIME, 9),
            Column("Duration (h)", Kind.DURATION, 10),
            Column("Duration (decimal)", Kind.HOURS, 9),
            *self._money_columns(f"{label} Rate", f"{label} Amount"),
            *self._state_columns(),
        ]
        money = ctx.shows_amounts
        several = ctx.several_currencies
        groups = ctx.user_groups
        tz = self.tz

        def row(item: dict[str, Any]) -> list[Any]:
            interval = item.get("timeInterval") or {}
            start = local_time(interval.get("start"), tz)
            end = local_time(interval.get("end"), tz)
            tags = item.get("tags") or []
            values: list[Any] = [
                item.get("projectName") or "", item.get("clientName") or "",
                item.get("description") or "", item.get("taskName") or "",
                item.get("userName") or "", groups.get(str(item.get("userId")), ""),
                item.get("userEmail") or "",
                ", ".join(str(t.get("name", "")) for t in tags if isinstance(t, dict)),
                _yes(item.get("billable")),
                start.date() if start else None, start.time() if start else None,
                end.date() if end else None, end.time() if end else None,
                num(interval.get("duration")), num(interval.get("duration")),
            ]
            if money:
                values += [num(item.get("rate")), num(item.get("amount"))]
                if several:
                    values.append(self._currency(item))
            if self.with_approval or self.with_invoiced:
                values += self._states(item)
            return values

        def tally(item: dict[str, Any], into: Tally) -> None:
            interval = item.get("timeInterval") or {}
            into.add(num(interval.get("duration")), bool(item.get("billable")),
                     num(item.get("amount")) if money else 0.0, self._currency(item))

        return columns, row, tally

    # ---- attendance ---------------------------------------------------------------------

    def _attendance(self) -> tuple[list[Column], Callable[[dict[str, Any]], list[Any]],
                                   Callable[[dict[str, Any], Tally], None]]:
        columns = [Column("User", width=18), Column("Date", Kind.DATE, 10),
                   Column("Start", Kind.TIME, 9), Column("End", Kind.TIME, 9),
                   Column("Break (h)", Kind.DURATION, 9), Column("Work (h)", Kind.DURATION, 9),
                   Column("Work (decimal)", Kind.HOURS, 9),
                   Column("Capacity (h)", Kind.DURATION, 9),
                   Column("Overtime (h)", Kind.DURATION, 9),
                   Column("Time off (h)", Kind.DURATION, 9)]
        tz = self.tz

        def row(item: dict[str, Any]) -> list[Any]:
            start = local_time(item.get("startTime"), tz)
            end = local_time(item.get("endTime"), tz)
            work = num(item.get("totalDuration"))
            return [item.get("userName") or "", parse_day(item.get("date")),
                    start.time() if start else None, end.time() if end else None,
                    num(item.get("break")), work, work, num(item.get("capacity")),
                    num(item.get("overtime")), num(item.get("timeOff"))]

        def tally(item: dict[str, Any], into: Tally) -> None:
            into.add(num(item.get("totalDuration")), False, 0.0, "")

        return columns, row, tally

    # ---- expenses -----------------------------------------------------------------------

    def _expenses(self) -> tuple[list[Column], Callable[[dict[str, Any]], list[Any]],
                                 Callable[[dict[str, Any], Tally], None]]:
        cur = self.ctx.currency
        columns = [Column("Date", Kind.DATE, 10), Column("Project", width=22),
                   Column("Category", width=14), Column("User", width=16),
                   Column("Email", width=22), Column("Notes", width=30),
                   Column("Quantity", Kind.NUMBER, 8), Column("Unit", width=6),
                   Column("Billable", width=7), Column(f"Amount ({cur})", Kind.MONEY, 10, cur)]
        if self.ctx.several_currencies:
            columns.append(Column("Currency", Kind.TEXT, 6))
        columns += self._state_columns()
        several = self.ctx.several_currencies

        def row(item: dict[str, Any]) -> list[Any]:
            values: list[Any] = [
                parse_day(item.get("date")), item.get("projectName") or "",
                item.get("categoryName") or "", item.get("userName") or "",
                item.get("userEmail") or "", item.get("notes") or "",
                num(item.get("quantity")), item.get("categoryUnit") or "",
                _yes(item.get("billable")), num(item.get("amount"))]
            if several:
                values.append(self._currency(item))
            return values + self._states(item)

        def tally(item: dict[str, Any], into: Tally) -> None:
            into.add(0.0, bool(item.get("billable")), num(item.get("amount")),
                     self._currency(item))

        return columns, row, tally
