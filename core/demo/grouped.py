"""Grouped reports: summary (1–3 nested groups), weekly (7 days) and attendance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import product
from typing import TYPE_CHECKING, Any

from core.demo.common import bad_request, hms, money, us_date
from core.demo.query import (
    ReportRequest,
    entry_amount,
    local_day_bounds_ok,
    paging,
    shown_amount,
    totals_block,
)
from core.demo.render import Table

if TYPE_CHECKING:
    from core.demo.data import TimeEntry
    from core.demo.reports import ReportEngine, Result

SUMMARY_GROUPS = ("CLIENT", "PROJECT", "USER", "TAG", "TASK", "DATE", "WEEK", "MONTH",
                  "TIMEENTRY")
GROUP_LABELS = {"CLIENT": "Client", "PROJECT": "Project", "USER": "User", "TAG": "Tag",
                "TASK": "Task", "DATE": "Date", "WEEK": "Week", "MONTH": "Month",
                "TIMEENTRY": "Description"}
_ENTITY_GROUPS = ("CLIENT", "PROJECT", "USER", "TAG", "TASK")
_WEEKDAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")


@dataclass
class Node:
    key: str
    name: str
    duration: int = 0
    billable: int = 0
    amounts: dict[str, float] = field(default_factory=dict)
    amount: float = 0.0
    children: dict[str, Node] = field(default_factory=dict)
    days: list[list[float]] = field(default_factory=list)  # weekly: [duration, amount] × 7

    def add(self, req: ReportRequest, e: TimeEntry) -> None:
        self.duration += e.end - e.start
        self.amount += shown_amount(req, e)
        for kind in req.amount_types:
            self.amounts[kind] = self.amounts.get(kind, 0.0) + entry_amount(e, kind)


def _amounts(req: ReportRequest, node: Node) -> list[dict[str, Any]]:
    return [{"type": t, "value": round(node.amounts.get(t, 0.0), 2),
             "amountByCurrency": [{"currency": req.currency,
                                   "amount": round(node.amounts.get(t, 0.0), 2)}]}
            for t in req.amount_types]


class _Keys:
    """Group keys of an entry: [(id, name)] per group (several for TAG)."""

    def __init__(self, engine: ReportEngine, req: ReportRequest) -> None:
        self.engine, self.req, self.ws = engine, req, req.ws
        start = str(req.body.get("weekStart") or engine.data.user.week_start).upper()
        self.week_start = _WEEKDAYS.index(start) if start in _WEEKDAYS else 0

    def __call__(self, group: str, e: TimeEntry, day: date) -> list[tuple[str, str]]:
        ws = self.ws
        if group == "PROJECT":
            p = ws.project_by_id.get(e.project_id or "")
            return [(p.id, p.name) if p else ("", "Without project")]
        if group == "CLIENT":
            c = ws.client_of(e.project_id)
            return [(c.id, c.name) if c else ("", "Without client")]
        if group == "USER":
            return [(e.user_id, self.engine.user_name(e.user_id))]
        if group == "TAG":
            return [(t, ws.tag_by_id[t].name) for t in e.tag_ids] or [("", "Without tag")]
        if group == "TASK":
            t = ws.task_by_id.get(e.task_id or "")
            return [(t.id, t.name) if t else ("", "Without task")]
        if group == "DATE":
            return [(day.isoformat(), day.isoformat())]
        if group == "WEEK":
            first = day - timedelta(days=(day.weekday() - self.week_start) % 7)
            return [(first.isoformat(), f"{first.isoformat()} - "
                                        f"{(first + timedelta(days=6)).isoformat()}")]
        if group == "MONTH":
            return [(day.strftime("%Y-%m"), day.strftime("%B %Y"))]
        return [(e.description, e.description)]  # TIMEENTRY


def _sort_nodes(req: ReportRequest, group: str, nodes: list[Node]) -> list[Node]:
    column = str(req.sub("summaryFilter").get("sortColumn") or "GROUP").upper()
    if column == "DURATION":
        key: Any = lambda n: (n.duration, n.key)  # noqa: E731
    elif column in ("AMOUNT", "EARNED", "COST", "PROFIT"):
        key = lambda n: (n.amount, n.key)  # noqa: E731
    elif group in ("DATE", "WEEK", "MONTH"):
        key = lambda n: n.key  # noqa: E731
    else:
        key = lambda n: (n.name.casefold(), n.key)  # noqa: E731
    default = "ASCENDING" if column == "GROUP" else "DESCENDING"
    return sorted(nodes, key=key, reverse=(req.sort_order or default) == "DESCENDING")


def summary(engine: ReportEngine, req: ReportRequest, empty: bool) -> Result:
    from core.demo.reports import Result

    groups = req.sub("summaryFilter").get("groups")
    if not isinstance(groups, list) or not 1 <= len(groups) <= 3:
        raise bad_request("summaryFilter.groups: size must be between 1 and 3")
    groups = [str(g).upper() for g in groups]
    for g in groups:
        if g not in SUMMARY_GROUPS:
            raise bad_request(f"summaryFilter.groups: invalid group '{g}'")

    def compute() -> tuple[list[dict[str, Any]], dict[str, Any] | None, dict[str, int]]:
        entries = engine.filtered(req, empty)
        keys = _Keys(engine, req)
        root = Node("", "")
        for e in entries:
            day = req.clock.day(e.start)
            for path in product(*(keys(g, e, day) for g in groups)):
                node = root
                for key, name in path:
                    child = node.children.get(key)
                    if child is None:
                        child = node.children[key] = Node(key, name)
                    child.add(req, e)
                    node = child

        counts: dict[str, int] = {}
        names = ("groupOneTotalCount", "groupTwoTotalCount", "groupThreeTotalCount")

        def rows(node: Node, level: int, path: dict[str, str]) -> list[dict[str, Any]]:
            group = groups[level]
            out = []
            children = _sort_nodes(req, group, list(node.children.values()))
            counts[names[level]] = counts.get(names[level], 0) + len(children)
            for child in children:
                here = {**path, group: child.key}
                row: dict[str, Any] = {
                    "_id": dict(here) if group == "TIMEENTRY" else child.key,
                    "name": child.name, "nameLowerCase": child.name.lower(),
                    "duration": child.duration,
                    "amount": round(child.amount, 2), "amounts": _amounts(req, child)}
                if group in _ENTITY_GROUPS:
                    row["currency"] = req.currency
                    row["workspaceCurrencyCode"] = req.currency
                if group == "PROJECT":
                    project = req.ws.project_by_id.get(child.key)
                    client = req.ws.client_of(child.key)
                    row["color"] = project.color if project else "#757575"
                    row["clientName"] = client.name if client else ""
                    row["clientId"] = client.id if client else ""
                if level + 1 < len(groups):
                    row["children"] = rows(child, level + 1, here)
                out.append(row)
            return out

        group_one = rows(root, 0, {})
        totals = totals_block(req, entries)
        if totals is not None:
            totals["totalAmountByCurrency"] = [{"currency": req.currency,
                                                "amount": totals["totalAmount"]}]
            totals["numOfCurrencies"] = 1
        return group_one, totals, counts

    version = engine.data.version(req.ws.id)
    group_one, totals, counts = compute() if empty else engine.cached(
        req.cache_key("summary", version), compute)
    if req.is_file:
        return Result(req, table=_summary_table(req, groups, group_one, totals))
    return Result(req, {"totals": [totals], "groupOne": group_one, "donutChart": [],
                        "groupTotals": counts})


def _summary_table(req: ReportRequest, groups: list[str], group_one: list[dict[str, Any]],
                   totals: dict[str, Any] | None) -> Table:
    headers = [GROUP_LABELS[g] for g in groups] + ["Time (h)", "Time (decimal)"]
    if not req.hide_amounts:
        headers.append(f"Amount ({req.currency})")
    out: list[list[str]] = []

    def walk(rows: list[dict[str, Any]], names: list[str]) -> None:
        for row in rows:
            here = [*names, row["name"]]
            if "children" in row:
                walk(row["children"], here)
                continue
            line = [*here, hms(row["duration"]), f"{row['duration'] / 3600:.2f}"]
            if not req.hide_amounts:
                line.append(money(row["amount"]))
            out.append(line)

    walk(group_one, [])
    n = len(groups)
    total = totals["totalTime"] if totals else 0
    return Table("Summary report", _range(req), headers, out, frozenset({n + 1, n + 2}),
                 f"Total: {hms(total)}")


def weekly(engine: ReportEngine, req: ReportRequest, empty: bool) -> Result:
    from core.demo.reports import Result

    group = str(req.sub("weeklyFilter").get("group") or "").upper()
    if group not in ("USER", "PROJECT"):
        raise bad_request("weeklyFilter.group: must be USER or PROJECT")
    local_day_bounds_ok(req)
    first = req.start_local.date()
    days = [first + timedelta(days=i) for i in range(7)]
    entries = engine.filtered(req, empty)
    keys = _Keys(engine, req)
    sub = "PROJECT" if group == "USER" else "USER"
    root = Node("", "", days=[[0, 0.0] for _ in days])
    for e in entries:
        day = req.clock.day(e.start)
        index = min(max((day - first).days, 0), 6)
        (k1, n1), (k2, n2) = keys(group, e, day)[0], keys(sub, e, day)[0]
        top = root.children.get(k1) or root.children.setdefault(
            k1, Node(k1, n1, days=[[0, 0.0] for _ in days]))
        child = top.children.get(k2) or top.children.setdefault(
            k2, Node(k2, n2, days=[[0, 0.0] for _ in days]))
        for node in (root, top, child):
            node.add(req, e)
            node.days[index][0] += e.end - e.start
            node.days[index][1] += shown_amount(req, e)

    def day_list(node: Node) -> list[dict[str, Any]]:
        return [{"date": d.isoformat(), "duration": int(v[0]), "amount": round(v[1], 2)}
                for d, v in zip(days, node.days, strict=True)]

    def row(node: Node, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {"_id": node.key, "name": node.name,
                               "nameLowerCase": node.name.lower(), "duration": node.duration,
                               "amount": round(node.amount, 2), "amounts": _amounts(req, node),
                               "days": day_list(node)}
        if kind == "PROJECT":
            project = req.ws.project_by_id.get(node.key)
            client = req.ws.client_of(node.key)
            out["color"] = project.color if project else "#757575"
            out["clientName"] = client.name if client else ""
        return out

    group_one = []
    for top in sorted(root.children.values(), key=lambda n: (n.name.casefold(), n.key)):
        item = row(top, group)
        item["children"] = [row(c, sub) for c in sorted(
            top.children.values(), key=lambda n: (n.name.casefold(), n.key))]
        group_one.append(item)
    if req.is_file:
        return Result(req, table=_weekly_table(req, group, sub, days, group_one))
    return Result(req, {
        "totals": [totals_block(req, entries)], "totalsByDay": day_list(root),
        "groupOne": group_one, "decimalFormat": False, "trackTimeDownToSeconds": True,
        "includeUsersWithoutTime": False, "usersWithoutTime": []})


def _weekly_table(req: ReportRequest, group: str, sub: str, days: list[date],
                  group_one: list[dict[str, Any]]) -> Table:
    headers = [GROUP_LABELS[group], GROUP_LABELS[sub],
               *(d.strftime("%a %m/%d/%Y") for d in days), "Total (h)", "Total (decimal)"]
    if not req.hide_amounts:
        headers.append(f"Amount ({req.currency})")
    out = []
    grand = 0
    for top in group_one:
        grand += top["duration"]
        for child in top["children"]:
            line = [top["name"], child["name"], *(hms(d["duration"]) for d in child["days"]),
                    hms(child["duration"]), f"{child['duration'] / 3600:.2f}"]
            if not req.hide_amounts:
                line.append(money(child["amount"]))
            out.append(line)
    return Table("Weekly report", _range(req), headers, out, frozenset({10, 11}),
                 f"Total: {hms(grand)}")


def attendance(engine: ReportEngine, req: ReportRequest, empty: bool) -> Result:
    from core.demo.reports import Result

    options = req.sub("attendanceFilter")
    column = str(options.get("sortColumn") or "DATE").upper()
    ascending = (req.sort_order or "ASCENDING") != "DESCENDING"

    def compute() -> list[dict[str, Any]]:
        days: dict[tuple[str, date], list[TimeEntry]] = {}
        for e in engine.filtered(req, empty):
            days.setdefault((e.user_id, req.clock.day(e.start)), []).append(e)
        out = []
        for (uid, day), items in days.items():
            first = min(e.start for e in items)
            last = max(e.end for e in items)
            work = sum(e.end - e.start for e in items)
            capacity = 28800 if day.weekday() < 5 else 0
            out.append({
                "userId": uid, "userName": engine.user_name(uid), "imageUrl": "",
                "date": day.isoformat(), "startTime": req.clock.iso(first),
                "endTime": req.clock.iso(last), "totalDuration": work,
                "break": max(0, last - first - work), "capacity": capacity,
                "overtime": max(0, work - capacity),
                "remainingCapacity": max(0, capacity - work), "timeOff": 0,
                "hasRunningEntry": False})
        sort_key = {"USER": "userName", "START": "startTime", "END": "endTime",
                    "BREAK": "break", "WORK": "totalDuration", "CAPACITY": "capacity",
                    "OVERTIME": "overtime", "TIME_OFF": "timeOff"}.get(column, "date")
        out.sort(key=lambda r: (r[sort_key], r["date"], str(r["userName"]).casefold(),
                                r["userId"]), reverse=not ascending)
        return out

    version = engine.data.version(req.ws.id)
    rows: list[dict[str, Any]] = compute() if empty else engine.cached(
        req.cache_key("attendance", column, ascending, version), compute)
    if req.is_file:
        if not engine.limits.files_ignore_paging:
            page, size = paging(options, "attendanceFilter.")
            rows = rows[(page - 1) * size: page * size]
        return Result(req, table=_attendance_table(req, rows))
    page, size = paging(options, "attendanceFilter.")
    return Result(req, {"entities": rows[(page - 1) * size: page * size]})


def _attendance_table(req: ReportRequest, rows: list[dict[str, Any]]) -> Table:
    headers = ["User", "Date", "Start", "End", "Break (h)", "Work (h)", "Work (decimal)",
               "Capacity (h)", "Overtime (h)", "Time off (h)"]
    out = [[r["userName"], us_date(date.fromisoformat(r["date"])), r["startTime"][11:16],
            r["endTime"][11:16], hms(r["break"]), hms(r["totalDuration"]),
            f"{r['totalDuration'] / 3600:.2f}", hms(r["capacity"]), hms(r["overtime"]),
            hms(r["timeOff"])] for r in rows]
    return Table("Attendance report", _range(req), headers, out, frozenset({6}))


def _range(req: ReportRequest) -> str:
    return (f"{us_date(req.start_local.date())} - {us_date(req.end_local.date())}"
            f" ({req.tz.key})")
