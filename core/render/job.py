"""What the export job needs to build files locally: the context from the request, the
workspace and the profile, and the row count that decides an `auto` PDF."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from core.errors import ClockifyError
from core.render.context import ReportContext, user_group_names, workspace_currency
from core.render.table import Formats
from core.render.totals import first_totals
from core.render.values import num
from core.reports import ReportKind
from core.summaries import JsonTotals
from core.writers import entry_id

if TYPE_CHECKING:
    from core.client import ClockifyClient
    from core.planning import ExportPlan, ExportRequest
    from core.render.sinks import RenderItemSink

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


class UniqueItems:
    """Feeds each report item once to a render sink, as `JsonListWriter` writes each once."""

    def __init__(self, sink: RenderItemSink) -> None:
        self.sink = sink
        self.count = 0
        self._seen: set[str] = set()

    def add(self, item: dict[str, Any], identity: str | None = None) -> bool:
        ident = identity if identity is not None else entry_id(item)
        if ident is not None:
            if ident in self._seen:
                return False
            self._seen.add(ident)
        self.sink.add(item)
        self.count += 1
        return True


class ReportedTotals(JsonTotals):
    """The engine's totals plus Clockify's own, added up over the date windows: a locally
    built file is checked against what Clockify reported, not against itself."""

    def __init__(self, kind: ReportKind) -> None:
        super().__init__(kind)
        self.reported: dict[str, float] = {}
        self.windows = 0

    def add_window(self, data: dict[str, Any]) -> None:
        super().add_window(data)
        self.windows += 1
        totals = data.get("totals")
        if self.kind is ReportKind.EXPENSES:
            keys: tuple[str, ...] = ("expensesCount", "totalAmount")
            found = totals if isinstance(totals, dict) else {}
        else:
            keys = ("entriesCount", "totalTime", "totalBillableTime", "totalAmount")
            found = first_totals(data) or {key: 0 for key in keys}
        for key in keys:
            if key in found:
                self.reported[key] = self.reported.get(key, 0) + num(found[key])

    def expected(self) -> dict[str, Any]:
        """Clockify's totals in its own shape, for `RenderItemSink.close`."""
        if self.kind is ReportKind.ATTENDANCE or not self.windows:
            return {}
        totals = {k: int(v) if k.endswith("Count") else v for k, v in self.reported.items()}
        return {"totals": totals if self.kind is ReportKind.EXPENSES else [totals]}
