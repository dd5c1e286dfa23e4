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

# One item → its row's values, adding what the row holds to the file's tally.
RowMaker = Callable[[dict[str, Any], Tally], list[Any]]


def _yes(value: Any) -> str:
    return "Yes" if value else "No"


def _invoiced(item: dict[str, Any]) -> bool:
    info = item.get("invoicingInfo")
    if isinstance(info, dict):
        return bool(info.get("invoiceId") or info.get("manuallyInvoiced"))
    return bool(item.get("invoiced"))


class ItemLayout:
    """Columns and rows of one paged report kind; each row is added to the tally."""

    def __init__(self, ctx: ReportContext, first: dict[str, Any] | None, *,
                 printed: bool = False) -> None:
        self.ctx = ctx
        self.printed = printed  # a PDF: a page to read, not data to process
        self.tz = zone(ctx.time_zone)
        first = first or {}
        self.with_approval = "approvalRequestId" in first
        self.with_invoiced = "invoicingInfo" in first or "invoiced" in first
        build = {ReportKind.DETAILED: self._detailed, ReportKind.ATTENDANCE: self._attendance,
                 ReportKind.EXPENSES: self._expenses}[ctx.kind]
        self.columns, self.row = build()

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

    def _detailed(self) -> tuple[list[Column], RowMaker]:
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
        # On a printed page every column takes width from the description: leave out the
        # e-mail (the user's name is there) and a group column that can only be empty.
        dropped = ({"Email"} | (set() if groups else {"Group"})) if self.printed else set()
        shown = [i for i, c in enumerate(columns) if c.header not in dropped]
        columns = [columns[i] for i in shown]

        currency = ctx.currency

        def row(item: dict[str, Any], into: Tally) -> list[Any]:
            # Called for every entry of the report: lookups are kept local and few.
            get = item.get
            interval = get("timeInterval") or {}
            start = local_time(interval.get("start"), tz)
            end = local_time(interval.get("end"), tz)
            tags = get("tags")
            duration = num(interval.get("duration"))
            billable = bool(get("billable"))
            values: list[Any] = [
                get("projectName") or "", get("clientName") or "",
                get("description") or "", get("taskName") or "",
                get("userName") or "", groups.get(str(get("userId")), "") if groups else "",
                get("userEmail") or "",
                ", ".join(str(t.get("name", "")) for t in tags if isinstance(t, dict))
                if tags else "",
                "Yes" if billable else "No",
                start.date() if start else None, start.time() if start else None,
                end.date() if end else None, end.time() if end else None,
                duration, duration,
            ]
            amount = 0.0
            code = str(get("currency") or currency)
            if money:
                amount = num(get("amount"))
                values += [num(get("rate")), amount]
                if several:
                    values.append(code)
            if self.with_approval or self.with_invoiced:
                values += self._states(item)
            into.add(duration, billable, amount, code)
            return [values[i] for i in shown] if dropped else values

        return columns, row

    # ---- attendance ---------------------------------------------------------------------

    def _attendance(self) -> tuple[list[Column], RowMaker]:
        columns = [Column("User", width=18), Column("Date", Kind.DATE, 10),
                   Column("Start", Kind.TIME, 9), Column("End", Kind.TIME, 9),
                   Column("Break (h)", Kind.DURATION, 9), Column("Work (h)", Kind.DURATION, 9),
                   Column("Work (decimal)", Kind.HOURS, 9),
                   Column("Capacity (h)", Kind.DURATION, 9),
                   Column("Overtime (h)", Kind.DURATION, 9),
                   Column("Time off (h)", Kind.DURATION, 9)]
        tz = self.tz

        def row(item: dict[str, Any], into: Tally) -> list[Any]:
            start = local_time(item.get("startTime"), tz)
            end = local_time(item.get("endTime"), tz)
            work = num(item.get("totalDuration"))
            into.add(work, False, 0.0, "")
            return [item.get("userName") or "", parse_day(item.get("date")),
                    start.time() if start else None, end.time() if end else None,
                    num(item.get("break")), work, work, num(item.get("capacity")),
                    num(item.get("overtime")), num(item.get("timeOff"))]

        return columns, row

    # ---- expenses -----------------------------------------------------------------------

    def _expenses(self) -> tuple[list[Column], RowMaker]:
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

        def row(item: dict[str, Any], into: Tally) -> list[Any]:
            amount = num(item.get("amount"))
            values: list[Any] = [
                parse_day(item.get("date")), item.get("projectName") or "",
                item.get("categoryName") or "", item.get("userName") or "",
                item.get("userEmail") or "", item.get("notes") or "",
                num(item.get("quantity")), item.get("categoryUnit") or "",
                _yes(item.get("billable")), amount]
            if several:
                values.append(self._currency(item))
            into.add(0.0, bool(item.get("billable")), amount, self._currency(item))
            return values + self._states(item)

        return columns, row
