"""Report computation: the detailed and expense reports, the dispatcher and its cache.

Summary, weekly and attendance live in `core.demo.grouped`. Every report returns a
`Result`: a JSON payload, or a `Table` that the server renders as CSV/XLSX/PDF.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.demo.common import hms, money, us_date
from core.demo.data import Dataset, Expense, TimeEntry, User, Workspace
from core.demo.query import (
    FILE_KINDS,
    ReportRequest,
    entry_amount,
    entry_filter,
    entry_rate,
    expense_filter,
    paging,
    parse_request,
    totals_block,
)
from core.demo.render import PDF_MAX_ROWS, Table


@dataclass
class Result:
    req: ReportRequest
    payload: Any = None  # JSON value
    table: Table | None = None

    @property
    def filename(self) -> str:
        ext = self.req.export_type.lower()
        start = self.req.start_local.strftime("%m%%2F%d%%2F%Y")
        end = self.req.end_local.strftime("%m%%2F%d%%2F%Y")
        return f"Clockify_Time_Report_{FILE_KINDS[self.req.kind]}_{start}-{end}.{ext}"


@dataclass
class Limits:
    max_days_free: int = 31
    detailed_max_page_size: int = 1000
    clamp_page_size: bool = False
    files_ignore_paging: bool = True


_DETAILED_SORTS: dict[str, Callable[[TimeEntry, dict[str, str]], Any]] = {
    "ID": lambda e, names: e.id,
    "DATE": lambda e, names: (e.start, e.id),
    "USER": lambda e, names: (names.get(e.user_id, ""), e.start, e.id),
    "DURATION": lambda e, names: (e.end - e.start, e.id),
    "DESCRIPTION": lambda e, names: (e.description.casefold(), e.start, e.id),
}
_SORT_ALIASES = {"ZONED_DATE": "DATE", "NATURAL": "DATE", "USER_DATE": "USER"}
_EXPENSE_SORTS = ("ID", "PROJECT", "USER", "CATEGORY", "DATE", "AMOUNT")


class ReportEngine:
    """Computes reports from a Dataset; caches filtered+sorted rows per dataset version."""

    def __init__(self, data: Dataset, limits: Limits) -> None:
        self.data = data
        self.limits = limits
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def run(self, kind: str, ws: Workspace, body: dict[str, Any], user: User, *,
            empty: bool = False) -> Result:
        from core.demo import grouped

        req = parse_request(kind, ws, body, user, free_max_days=self.limits.max_days_free)
        if kind == "detailed":
            return self.detailed(req, empty)
        if kind == "expenses":
            return self.expenses(req, empty)
        if kind == "summary":
            return grouped.summary(self, req, empty)
        if kind == "weekly":
            return grouped.weekly(self, req, empty)
        return grouped.attendance(self, req, empty)

    # -- shared -------------------------------------------------------------------------
    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > 24:
                self._cache.popitem(last=False)
        return value

    def filtered(self, req: ReportRequest, empty: bool) -> list[TimeEntry]:
        """Entries of the request (range + filters), sorted by (start, id)."""
        if empty:
            return []
        version = self.data.version(req.ws.id)

        def compute() -> list[TimeEntry]:
            accept = entry_filter(req, self.data)
            return [e for e in self.data.entries_between(req.ws.id, req.lo, req.hi) if accept(e)]

        result: list[TimeEntry] = self.cached(req.cache_key("filtered", version), compute)
        return result

    def user_name(self, user_id: str) -> str:
        user = self.data.users.get(user_id)
        return user.name if user else ""

    # -- detailed -----------------------------------------------------------------------
    def detailed(self, req: ReportRequest, empty: bool) -> Result:
        options = req.sub("detailedFilter")
        column = str(options.get("sortColumn") or "DATE").upper()
        column = _SORT_ALIASES.get(column, column)
        if column not in _DETAILED_SORTS:
            column = "DATE"
        descending = (req.sort_order or "DESCENDING") != "ASCENDING"
        totals_opt = options.get("options")
        want_totals = not (isinstance(totals_opt, dict)
                           and str(totals_opt.get("totals", "")).upper() == "EXCLUDE")
        version = self.data.version(req.ws.id)

        def compute() -> tuple[list[TimeEntry], dict[str, Any] | None]:
            names = {uid: u.name.casefold() for uid, u in self.data.users.items()}
            key = _DETAILED_SORTS[column]
            rows = sorted(self.filtered(req, empty), key=lambda e: key(e, names),
                          reverse=descending)
            return rows, totals_block(req, rows)

        rows, totals = compute() if empty else self.cached(
            req.cache_key("detailed", column, descending, version), compute)
        if req.is_file:
            if not self.limits.files_ignore_paging:
                rows = self._page(rows, options, "detailedFilter.")
            return Result(req, table=self.detailed_table(req, rows, totals))
        page_rows = self._page(rows, options, "detailedFilter.")
        return Result(req, {"totals": [totals] if want_totals else [],
                            "timeentries": [self.entry_json(req, e) for e in page_rows]})

    def _page(self, rows: list[Any], container: dict[str, Any], prefix: str) -> list[Any]:
        page, size = paging(container, prefix, max_size=self.limits.detailed_max_page_size,
                            clamp=self.limits.clamp_page_size)
        return rows[(page - 1) * size: page * size]

    def entry_json(self, req: ReportRequest, e: TimeEntry) -> dict[str, Any]:
        ws, clock = req.ws, req.clock
        user = self.data.users.get(e.user_id)
        out: dict[str, Any] = {
            "_id": e.id, "description": e.description, "userId": e.user_id,
            "userName": user.name if user else "", "userEmail": user.email if user else "",
            "timeInterval": {"start": clock.iso(e.start), "end": clock.iso(e.end),
                             "duration": e.end - e.start},
            "billable": e.billable, "projectId": e.project_id,
        }
        project = ws.project_by_id.get(e.project_id or "")
        if project is not None:
            out["projectName"] = project.name
            out["projectColor"] = project.color
            client = ws.client_of(project.id)
            if client is not None:
                out["clientId"] = client.id
                out["clientName"] = client.name
        out["taskId"] = e.task_id
        task = ws.task_by_id.get(e.task_id or "")
        if task is not None:
            out["taskName"] = task.name
        out["approvalRequestId"] = None
        out["isLocked"] = False
        out["tags"] = [{"_id": t, "name": ws.tag_by_id[t].name} for t in e.tag_ids]
        hide = req.hide_amounts
        shown = req.amount_shown if req.amount_shown in ("COST", "PROFIT") else "EARNED"
        out["amount"] = 0.0 if hide else entry_amount(e, shown)
        out["rate"] = 0.0 if hide else entry_rate(e, shown)
        out["earnedAmount"] = 0.0 if hide else e.amount
        out["earnedRate"] = 0.0 if hide else e.rate
        out["costAmount"] = 0.0 if hide else e.cost_amount
        out["costRate"] = 0.0 if hide else e.cost_rate
        out["currency"] = ws.currency
        return out

    def detailed_table(self, req: ReportRequest, rows: list[TimeEntry],
                       totals: dict[str, Any] | None) -> Table:
        ws, clock, cur = req.ws, req.clock, req.currency
        headers = ["Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags",
                   "Billable", "Start Date", "Start Time", "End Date", "End Time",
                   "Duration (h)", "Duration (decimal)"]
        money_columns = not req.hide_amounts
        if money_columns:
            headers += [f"Billable Rate ({cur})", f"Billable Amount ({cur})"]
        total_rows = len(rows)
        if req.export_type == "PDF":
            rows = rows[:PDF_MAX_ROWS]
        users = self.data.users
        people = {uid: (u.name, u.email, ", ".join(ws.groups_of_user.get(uid, [])))
                  for uid, u in users.items()}
        projects = {p.id: (p.name, c.name if (c := ws.client_of(p.id)) else "")
                    for p in ws.projects}
        tag_names = {t.id: t.name for t in ws.tags}
        dates: dict[date, str] = {}
        out = []
        for e in rows:
            project, client = projects.get(e.project_id or "", ("", ""))
            task = ws.task_by_id.get(e.task_id or "")
            name, email, groups = people.get(e.user_id, ("", "", ""))
            start_day, start_secs, _ = clock.parts(e.start)
            end_day, end_secs, _ = clock.parts(e.end)
            for day in (start_day, end_day):
                if day not in dates:
                    dates[day] = us_date(day)
            duration = e.end - e.start
            row = [project, client, e.description, task.name if task else "", name, groups,
                   email, ", ".join(tag_names[t] for t in e.tag_ids),
                   "Yes" if e.billable else "No", dates[start_day], hms(start_secs),
                   dates[end_day], hms(end_secs), hms(duration), f"{duration / 3600:.2f}"]
            if money_columns:
                row += [money(e.rate), money(e.amount)]
            out.append(row)
        total = totals["totalTime"] if totals else 0
        return Table("Detailed report", _range_text(req), headers, out,
                     frozenset({14, 15, 16}), f"Total: {hms(total)}", total_rows)

    # -- expenses -----------------------------------------------------------------------
    def expenses(self, req: ReportRequest, empty: bool) -> Result:
        column = str(req.body.get("sortColumn") or "DATE").upper()
        if column not in _EXPENSE_SORTS:
            column = "DATE"
        descending = (req.sort_order or "DESCENDING") != "ASCENDING"
        version = self.data.version(req.ws.id)

        def compute() -> list[Expense]:
            if empty:
                return []
            accept = expense_filter(req)
            found = [x for x in self.data.expenses_between(req.ws.id, req.lo, req.hi)
                     if accept(x)]
            key = self._expense_key(req.ws, column)
            return sorted(found, key=key, reverse=descending)

        rows: list[Expense] = compute() if empty else self.cached(
            req.cache_key("expenses", column, descending, version), compute)
        totals = {"expensesCount": len(rows),
                  "totalAmount": round(sum(x.amount for x in rows), 2),
                  "totalAmountBillable": round(sum(x.amount for x in rows if x.billable), 2)}
        if req.is_file:
            if not self.limits.files_ignore_paging:
                rows = self._expense_page(req, rows)
            return Result(req, table=self.expense_table(req, rows))
        return Result(req, {"expenses": [self.expense_json(req, x)
                                         for x in self._expense_page(req, rows)],
                            "totals": totals})

    def _expense_page(self, req: ReportRequest, rows: list[Expense]) -> list[Expense]:
        page, size = paging(req.body, "")
        return rows[(page - 1) * size: page * size]

    def _expense_key(self, ws: Workspace, column: str) -> Callable[[Expense], Any]:
        names = {uid: u.name.casefold() for uid, u in self.data.users.items()}
        if column == "ID":
            return lambda x: x.id
        if column == "PROJECT":
            return lambda x: (ws.project_by_id[x.project_id].name.casefold()
                              if x.project_id else "", x.at, x.id)
        if column == "USER":
            return lambda x: (names.get(x.user_id, ""), x.at, x.id)
        if column == "CATEGORY":
            return lambda x: (ws.category_by_id[x.category_id].name.casefold(), x.at, x.id)
        if column == "AMOUNT":
            return lambda x: (x.amount, x.id)
        return lambda x: (x.at, x.id)

    def expense_json(self, req: ReportRequest, x: Expense) -> dict[str, Any]:
        ws = req.ws
        user = self.data.users.get(x.user_id)
        project = ws.project_by_id.get(x.project_id or "")
        cat = ws.category_by_id[x.category_id]
        local = req.clock.day(x.at)
        return {
            "id": x.id, "workspaceId": ws.id, "userId": x.user_id,
            "userName": user.name if user else "", "userEmail": user.email if user else "",
            "userStatus": "ACTIVE", "date": f"{local.isoformat()}T00:00:00Z",
            "time": req.clock.iso(x.at), "projectId": x.project_id,
            "projectName": project.name if project else "",
            "projectColor": project.color if project else "",
            "categoryId": cat.id, "categoryName": cat.name, "categoryUnit": cat.unit,
            "categoryHasUnitPrice": bool(cat.unit_price), "quantity": x.quantity,
            "amount": x.amount, "billable": x.billable, "notes": x.notes, "locked": False,
            "approvalRequestId": None, "fileId": "", "fileName": "", "reportName": "",
            "invoicingInfo": {"invoiceId": None, "manuallyInvoiced": False},
            "exportFields": [],
        }

    def expense_table(self, req: ReportRequest, rows: list[Expense]) -> Table:
        ws, cur = req.ws, req.currency
        headers = ["Date", "Project", "Client", "Category", "User", "Email", "Notes",
                   "Quantity", "Unit", "Billable", f"Amount ({cur})"]
        out = []
        for x in rows:
            user = self.data.users.get(x.user_id)
            project = ws.project_by_id.get(x.project_id or "")
            client = ws.client_of(x.project_id)
            cat = ws.category_by_id[x.category_id]
            out.append([us_date(req.clock.day(x.at)),
                        project.name if project else "", client.name if client else "",
                        cat.name, user.name if user else "", user.email if user else "",
                        x.notes, f"{x.quantity:g}", cat.unit, "Yes" if x.billable else "No",
                        money(x.amount)])
        total = sum(x.amount for x in rows)
        return Table("Expense report", _range_text(req), headers, out, frozenset({7, 10}),
                     f"Total: {money(total)} {cur}")


def _range_text(req: ReportRequest) -> str:
    return (f"{us_date(req.start_local.date())} - {us_date(req.end_local.date())}"
            f" ({req.tz.key})")
