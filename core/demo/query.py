"""Parsing and validating report request bodies, and filtering entries and expenses."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from core.demo.common import (
    ApiError,
    LocalClock,
    as_int,
    bad_request,
    local_to_epoch,
    parse_wall_clock,
    zone,
)
from core.demo.data import Dataset, Expense, TimeEntry, User, Workspace

EXPORT_TYPES = ("JSON", "JSON_V1", "CSV", "XLSX", "PDF", "ZIP")
AMOUNT_TYPES = ("EARNED", "COST", "PROFIT")
FILE_KINDS = {"detailed": "Detailed", "summary": "Summary", "weekly": "Weekly",
              "attendance": "Attendance", "expenses": "Expenses"}


@dataclass
class ReportRequest:
    kind: str  # detailed | summary | weekly | attendance | expenses
    ws: Workspace
    body: dict[str, Any]
    tz: ZoneInfo
    start_local: datetime
    end_local: datetime
    lo: float  # epoch bounds, inclusive
    hi: float
    export_type: str
    amount_shown: str
    amount_types: tuple[str, ...]
    sort_order: str | None  # None → the report's default
    clock: LocalClock  # epoch → wall clock in `tz`

    @property
    def is_file(self) -> bool:
        return self.export_type in ("CSV", "XLSX", "PDF")

    @property
    def hide_amounts(self) -> bool:
        return self.amount_shown == "HIDE_AMOUNT"

    @property
    def currency(self) -> str:
        return self.ws.currency

    def sub(self, name: str) -> dict[str, Any]:
        value = self.body.get(name)
        return value if isinstance(value, dict) else {}

    def cache_key(self, *extra: object) -> str:
        skip = {"exportType", "page", "pageSize", "detailedFilter", "attendanceFilter"}
        core = {k: v for k, v in self.body.items() if k not in skip}
        return json.dumps([self.kind, self.ws.id, self.tz.key, self.lo, self.hi, core,
                           *extra], sort_keys=True, default=str)


def parse_request(kind: str, ws: Workspace, body: dict[str, Any], user: User, *,
                  free_max_days: int) -> ReportRequest:
    """Validate the common fields; raise ApiError (400 code 501 / 403) like Clockify."""
    tz = zone(str(body.get("timeZone") or user.time_zone))
    start_local = parse_wall_clock(body.get("dateRangeStart"), "dateRangeStart")
    end_local = parse_wall_clock(body.get("dateRangeEnd"), "dateRangeEnd")
    if end_local < start_local:
        raise bad_request("dateRangeEnd must not be before dateRangeStart.")
    sub_filter = {"detailed": "detailedFilter", "summary": "summaryFilter",
                  "weekly": "weeklyFilter", "attendance": "attendanceFilter"}.get(kind)
    if sub_filter and not isinstance(body.get(sub_filter), dict):
        raise bad_request(f"{sub_filter}: must not be null")
    export_type = str(body.get("exportType") or "JSON").upper()
    if export_type not in EXPORT_TYPES:
        raise bad_request(f"Invalid export type: '{body.get('exportType')}'.")
    if export_type == "ZIP":
        raise bad_request("Export type ZIP is not supported for this report.")
    if ws.is_free and export_type in ("CSV", "XLSX"):
        raise ApiError(403, f"Exporting to {export_type} is not available on the FREE plan.",
                       403)
    if ws.is_free and end_local - start_local > timedelta(days=free_max_days):
        raise bad_request("The date range is too long for your plan: reports are limited to "
                          f"{free_max_days} days.")
    amount_shown = str(body.get("amountShown") or "EARNED").upper()
    raw_types = body.get("amounts")
    if amount_shown == "HIDE_AMOUNT":
        types: tuple[str, ...] = ()
    elif isinstance(raw_types, list) and raw_types:
        types = tuple(t for t in (str(x).upper() for x in raw_types) if t in AMOUNT_TYPES)
    else:
        types = (amount_shown if amount_shown in AMOUNT_TYPES else "EARNED",)
    order = body.get("sortOrder")
    return ReportRequest(
        kind, ws, body, tz, start_local, end_local,
        local_to_epoch(start_local, tz), local_to_epoch(end_local, tz), export_type,
        amount_shown, types, str(order).upper() if order else None, LocalClock(tz),
    )


def paging(container: dict[str, Any], prefix: str, *, default_size: int = 50,
           max_size: int | None = None, clamp: bool = False) -> tuple[int, int]:
    page = as_int(container.get("page"), f"{prefix}page", 1)
    size = as_int(container.get("pageSize"), f"{prefix}pageSize", default_size)
    if page < 1:
        raise bad_request(f"{prefix}page: must be greater than or equal to 1")
    if size < 1:
        raise bad_request(f"{prefix}pageSize: must be greater than or equal to 1")
    if max_size is not None and size > max_size:
        if not clamp:
            raise bad_request(f"Page size cannot be larger than {max_size:,}.")
        size = max_size
    return page, size


# -- filters ---------------------------------------------------------------------------

def _ids_filter(spec: object) -> tuple[set[str], str] | None:
    """`{"ids": [...], "contains": ...}` → (ids, mode); None when it filters nothing."""
    if not isinstance(spec, dict):
        return None
    ids = spec.get("ids")
    mode = str(spec.get("contains") or "CONTAINS").upper()
    if not isinstance(ids, list) or not ids:
        return None
    return {str(i) for i in ids}, mode


def _match(value: str | None, ids: set[str], mode: str) -> bool:
    inside = value is not None and value in ids
    return not inside if mode == "DOES_NOT_CONTAIN" else inside


def entry_filter(req: ReportRequest, data: Dataset) -> Callable[[TimeEntry], bool]:
    body, ws = req.body, req.ws
    checks: list[Callable[[TimeEntry], bool]] = []
    users = _ids_filter(body.get("users"))
    if users:
        u_ids, u_mode = users
        checks.append(lambda e: _match(e.user_id, u_ids, u_mode))
    groups = _ids_filter(body.get("userGroups"))
    if groups:
        members = {uid for g in ws.groups if g.id in groups[0] for uid in g.user_ids}
        g_mode = groups[1]
        checks.append(lambda e: _match(e.user_id, members, g_mode))
    projects = _ids_filter(body.get("projects"))
    if projects:
        p_ids, p_mode = projects
        checks.append(lambda e: _match(e.project_id, p_ids, p_mode))
    clients = _ids_filter(body.get("clients"))
    if clients:
        c_ids, c_mode = clients
        client_of = {p.id: p.client_id for p in ws.projects}
        checks.append(lambda e: _match(client_of.get(e.project_id or ""), c_ids, c_mode))
    tasks = _ids_filter(body.get("tasks"))
    if tasks:
        t_ids, t_mode = tasks
        checks.append(lambda e: _match(e.task_id, t_ids, t_mode))
    tags = _ids_filter(body.get("tags"))
    if tags:
        g_ids, g_mode = tags
        if g_mode == "DOES_NOT_CONTAIN":
            checks.append(lambda e: not g_ids.intersection(e.tag_ids))
        elif g_mode == "CONTAINS_ONLY":
            checks.append(lambda e: bool(e.tag_ids) and set(e.tag_ids) <= g_ids)
        else:
            checks.append(lambda e: bool(g_ids.intersection(e.tag_ids)))
    billable = body.get("billable")
    if isinstance(billable, bool):
        checks.append(lambda e: e.billable is billable)
    text = body.get("description")
    if isinstance(text, str) and text:
        needle = text.casefold()
        checks.append(lambda e: needle in e.description.casefold())
    if body.get("withoutDescription") is True:
        checks.append(lambda e: not e.description)

    def accept(entry: TimeEntry) -> bool:
        return all(check(entry) for check in checks)

    return accept


def _attr_check(attr: str, ids: set[str], mode: str) -> Callable[[Expense], bool]:
    return lambda x: _match(getattr(x, attr), ids, mode)


def expense_filter(req: ReportRequest) -> Callable[[Expense], bool]:
    body, ws = req.body, req.ws
    checks: list[Callable[[Expense], bool]] = []
    for key, attr in (("users", "user_id"), ("projects", "project_id"),
                      ("categories", "category_id")):
        spec = _ids_filter(body.get(key))
        if spec:
            ids, mode = spec
            checks.append(_attr_check(attr, ids, mode))
    clients = _ids_filter(body.get("clients"))
    if clients:
        c_ids, c_mode = clients
        client_of = {p.id: p.client_id for p in ws.projects}
        checks.append(lambda x: _match(client_of.get(x.project_id or ""), c_ids, c_mode))
    billable = body.get("billable")
    if isinstance(billable, bool):
        checks.append(lambda x: x.billable is billable)
    note = body.get("note")
    if isinstance(note, str) and note:
        needle = note.casefold()
        checks.append(lambda x: needle in x.notes.casefold())
    if body.get("withoutNote") is True:
        checks.append(lambda x: not x.notes)

    def accept(expense: Expense) -> bool:
        return all(check(expense) for check in checks)

    return accept


# -- money -----------------------------------------------------------------------------

def entry_amount(entry: TimeEntry, kind: str) -> float:
    if kind == "COST":
        return entry.cost_amount
    if kind == "PROFIT":
        return round(entry.amount - entry.cost_amount, 2)
    return entry.amount


def entry_rate(entry: TimeEntry, kind: str) -> float:
    if kind == "COST":
        return entry.cost_rate
    if kind == "PROFIT":
        return entry.rate - entry.cost_rate
    return entry.rate


def shown_amount(req: ReportRequest, entry: TimeEntry) -> float:
    return 0.0 if req.hide_amounts else entry_amount(entry, req.amount_shown)


def totals_block(req: ReportRequest, entries: list[TimeEntry]) -> dict[str, Any] | None:
    """The one-element `totals` item over all `entries` (None when there are none)."""
    if not entries:
        return None
    total = sum(e.end - e.start for e in entries)
    billable = sum(e.end - e.start for e in entries if e.billable)
    amounts = [{"type": t, "value": round(sum(entry_amount(e, t) for e in entries), 2)}
               for t in req.amount_types]
    total_amount = 0.0 if req.hide_amounts else round(
        sum(entry_amount(e, req.amount_shown) for e in entries), 2)
    return {"_id": "", "totalTime": total, "totalBillableTime": billable,
            "entriesCount": len(entries), "totalAmount": total_amount, "amounts": amounts}


def local_day_bounds_ok(req: ReportRequest) -> None:
    """Weekly: exactly 7 days, inclusive (…+6d 23:59:59[.999]) or exclusive (…+7d 00:00)."""
    span = req.end_local - req.start_local
    if not timedelta(days=7) - timedelta(seconds=1) <= span <= timedelta(days=7):
        raise bad_request("Please select date range of exactly 7 days for weekly report")


def epoch_local(req: ReportRequest, local: datetime) -> float:
    return local_to_epoch(local, req.tz)
