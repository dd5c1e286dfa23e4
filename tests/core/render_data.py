"""Synthetic report JSON for the renderer tests, shaped like Clockify's answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from core.bodies import ReportOptions
from core.render.context import ReportContext
from core.render.sinks import RenderDocumentSink, RenderItemSink
from core.render.table import Formats
from core.reports import ExportFormat, ReportKind
from core.writers import AtomicFile

NAMES = ["Zoë Müller", "Γιώργος Παπαδόπουλος", "Наталья Иванова", "דנה כהן", "José Álvarez"]


def entry(i: int, *, description: str | None = None, billable: bool = True,
          amount: float = 12345.0, duration: int = 5400, tz_offset: int = 1) -> dict[str, Any]:
    first = datetime(2026, 3, 2, 9, tzinfo=timezone(timedelta(hours=tz_offset))) \
        + timedelta(hours=3 * i)
    return {
        "_id": f"{i:024x}", "description": description if description is not None
        else f"Task number {i}",
        "userId": f"u{i % 5}", "userName": NAMES[i % 5], "userEmail": f"user{i % 5}@ex.com",
        "timeInterval": {"start": first.isoformat(),
                         "end": (first + timedelta(seconds=duration)).isoformat(),
                         "duration": duration},
        "billable": billable, "projectId": "p1", "projectName": "Website", "clientName": "Acme",
        "taskId": None, "tags": [{"_id": "t1", "name": "urgent"}, {"_id": "t2", "name": "ops"}],
        "approvalRequestId": None, "amount": amount if billable else 0.0,
        "rate": 8230.0 if billable else 0.0, "currency": "EUR",
    }


def detailed_totals(items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    items = list(items)
    if not items:
        return {"totals": [None]}
    seconds = sum(i["timeInterval"]["duration"] for i in items)
    billable = sum(i["timeInterval"]["duration"] for i in items if i["billable"])
    return {"totals": [{"_id": "", "totalTime": seconds, "totalBillableTime": billable,
                        "entriesCount": len(items), "totalAmount": sum(i["amount"] for i in items),
                        "amounts": []}]}


def context(kind: ReportKind = ReportKind.DETAILED, **changes: Any) -> ReportContext:
    values: dict[str, Any] = dict(kind=kind, workspace_name="Acme Ünïcode", start=date(2026, 3, 1),
                                  end=date(2026, 3, 31), time_zone="Europe/Berlin",
                                  currency="EUR", formats=Formats("DD/MM/YYYY"),
                                  options=ReportOptions(),
                                  generated_at=datetime(2026, 4, 1, 12, tzinfo=UTC))
    values.update(changes)
    return ReportContext(**values)


def render_items(path: Path, fmt: ExportFormat, items: list[dict[str, Any]],
                 ctx: ReportContext | None = None,
                 totals: dict[str, Any] | None = None) -> Path:
    """Items → file through an AtomicFile, committed only when the sink closed."""
    out = AtomicFile(path)
    try:
        sink = RenderItemSink(fmt, out.file, ctx or context())
        for item in items:
            sink.add(item)
        sink.close(detailed_totals(items) if totals is None else totals)
    except BaseException:
        out.abort()
        raise
    out.commit()
    return path


def render_document(path: Path, fmt: ExportFormat, document: dict[str, Any],
                    ctx: ReportContext) -> Path:
    out = AtomicFile(path)
    try:
        RenderDocumentSink(fmt, out.file, ctx).write(document)
    except BaseException:
        out.abort()
        raise
    out.commit()
    return path


def summary_document() -> dict[str, Any]:
    """PROJECT → USER, two projects, amounts in cents."""
    def leaf(uid: str, name: str, seconds: int, cents: float) -> dict[str, Any]:
        return {"_id": uid, "name": name, "duration": seconds, "amount": cents,
                "amounts": [{"type": "EARNED", "value": cents}]}

    return {
        "totals": [{"_id": "", "totalTime": 36000, "totalBillableTime": 18000,
                    "entriesCount": 9, "totalAmount": 60000.0,
                    "totalAmountByCurrency": [{"currency": "EUR", "amount": 60000.0}]}],
        "groupOne": [
            {"_id": "p1", "name": "Website", "duration": 21600, "amount": 45000.0,
             "children": [leaf("u1", "Zoë", 18000, 40000.0), leaf("u2", "José", 3600, 5000.0)]},
            {"_id": "p2", "name": "=cmd|' /C calc'!A0", "duration": 14400, "amount": 15000.0,
             "children": [leaf("u1", "Zoë", 14400, 15000.0)]},
        ],
    }


def weekly_week(first: date, seconds: Callable[[int], int]) -> dict[str, Any]:
    """One weekly answer: user u1 on project p1, `seconds(day)` on each of 7 days."""
    days: list[dict[str, Any]] = [
        {"date": (first + timedelta(days=d)).isoformat(), "duration": seconds(d),
         "amount": seconds(d) / 36.0} for d in range(7)]
    total = sum(seconds(d) for d in range(7))
    cents = sum(seconds(d) / 36.0 for d in range(7))
    child = {"_id": "p1", "name": "Website", "duration": total, "amount": cents, "days": days}
    return {"totals": [{"_id": "", "totalTime": total, "totalBillableTime": 0,
                        "entriesCount": 7, "totalAmount": cents}],
            "totalsByDay": days,
            "groupOne": [{"_id": "u1", "name": "Zoë", "duration": total, "amount": cents,
                          "days": days, "children": [child]}]}
