"""What the export job needs to build files locally: the context from the request, the
workspace and the profile, and the row count that decides an `auto` PDF."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from core.errors import ClockifyError
from core.render.context import ReportContext, user_group_names, workspace_currency
from core.render.table import Formats
from core.render.totals import first_totals
from core.reports import ReportKind

if TYPE_CHECKING:
    from core.client import ClockifyClient
    from core.planning import ExportPlan, ExportRequest

log = logging.getLogger(__name__)


def render_context(client: ClockifyClient, req: ExportRequest, plan: ExportPlan,
                   workspace: dict[str, Any], settings: dict[str, Any]) -> ReportContext:
    """The context of a locally built file. The detailed report's Group column needs the
    workspace's user groups: one more request, skipped quietly when the role may not list
    them (the column stays empty, as in Clockify's file for users without a group)."""
    groups: dict[str, str] = {}
    if req.kind is ReportKind.DETAILED:
        try:
            groups = user_group_names(client.user_groups(req.workspace_id))
        except ClockifyError as exc:
            log.info("no user groups for the Group column: %s", exc)
    currency, several = workspace_currency(workspace)
    last = plan.windows[-1].end if plan.windows else req.end
    return ReportContext(
        kind=req.kind, workspace_name=str(workspace.get("name") or req.workspace_id),
        start=req.start, end=max(req.end, last), time_zone=plan.time_zone,
        currency=currency, several_currencies=several, options=req.options,
        filters=req.filters,
        formats=Formats(settings.get("dateFormat"), settings.get("timeFormat")),
        week_start=str(settings.get("weekStart") or "MONDAY").upper(), user_groups=groups,
        csv=req.csv)


def pdf_rows(kind: ReportKind, data: dict[str, Any], page_size: int) -> int | None:
    """How many rows Clockify's PDF of this report would need (None: not known)."""
    totals = data.get("totals")
    if kind is ReportKind.EXPENSES:
        count = totals.get("expensesCount") if isinstance(totals, dict) else None
        return count if isinstance(count, int) else None
    if kind is ReportKind.DETAILED:
        first = first_totals(data)
        if first is None:
            return 0
        count = first.get("entriesCount")
        return count if isinstance(count, int) else None
    if kind is ReportKind.ATTENDANCE:
        items = data.get("entities") or []
        return len(items) if len(items) < page_size else None

    def nodes(rows: Any) -> int:
        if not isinstance(rows, list):
            return 0
        return sum(1 + nodes(r.get("children")) for r in rows if isinstance(r, dict))

    return nodes(data.get("groupOne"))

