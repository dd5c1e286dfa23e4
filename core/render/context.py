"""What a locally built file says about its export: workspace, range, zone, filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from core import __version__
from core.bodies import Filters, ReportOptions
from core.render.settings import CsvSettings
from core.render.table import Formats
from core.reports import ReportKind

AMOUNT_LABELS = {"EARNED": "Billable", "COST": "Cost", "PROFIT": "Profit"}


@dataclass(frozen=True)
class ReportContext:
    kind: ReportKind
    workspace_name: str
    start: date
    end: date
    time_zone: str
    currency: str = "USD"  # the workspace's default currency
    several_currencies: bool = False  # the workspace has more than one: add a column
    options: ReportOptions = field(default_factory=ReportOptions)
    filters: Filters = field(default_factory=Filters)
    formats: Formats = field(default_factory=Formats)
    week_start: str = "MONDAY"
    user_groups: Mapping[str, str] = field(default_factory=dict)  # user id → group names
    csv: CsvSettings = field(default_factory=CsvSettings)
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    app_version: str = __version__

    @property
    def shows_amounts(self) -> bool:
        return self.options.amount_shown != "HIDE_AMOUNT"

    @property
    def amount_label(self) -> str:
        return AMOUNT_LABELS.get(self.options.amount_shown, "Billable")

    @property
    def title(self) -> str:
        return f"{self.kind.label} report"

    def range_text(self) -> str:
        return f"{self.formats.day(self.start)} – {self.formats.day(self.end)}"

    def parameters(self) -> list[tuple[str, str]]:
        """The export's parameters, as the XLSX totals sheet and the PDF title show them."""
        rows = [("Workspace", self.workspace_name), ("Report", self.title),
                ("Range", self.range_text()), ("Time zone", self.time_zone)]
        rows += [("Filter", text) for text in describe_filters(self.filters)]
        if self.kind is ReportKind.SUMMARY:
            rows.append(("Groups", ", ".join(self.options.summary_groups)))
        if self.kind is ReportKind.WEEKLY:
            rows.append(("Group", self.options.weekly_group))
        if self.shows_amounts and self.kind is not ReportKind.ATTENDANCE:
            rows.append(("Amounts", f"{self.amount_label} ({self.currency})"))
        rows += [("Generated at", self.generated_at.astimezone(UTC).strftime(
            "%Y-%m-%d %H:%M:%S UTC")), ("App version", self.app_version)]
        return rows


def describe_filters(filters: Filters) -> list[str]:
    """The filters an export used, in words (empty: no filter)."""
    out = []
    for label, flt in (("Users", filters.users), ("User groups", filters.user_groups),
                       ("Clients", filters.clients), ("Projects", filters.projects),
                       ("Tasks", filters.tasks), ("Tags", filters.tags)):
        if flt:
            how = {"CONTAINS": "only", "DOES_NOT_CONTAIN": "all but",
                   "CONTAINS_ONLY": "exactly"}.get(flt.contains, flt.contains)
            out.append(f"{label}: {how} {len(flt.ids)} selected")
    if filters.billable is not None:
        out.append("Billable only" if filters.billable else "Non-billable only")
    if filters.description:
        out.append(f"Description contains “{filters.description}”")
    if filters.without_description:
        out.append("Without description")
    if filters.approval_state != "ALL":
        out.append(f"Approval: {filters.approval_state.lower()}")
    if filters.invoicing_state != "ALL":
        out.append(f"Invoicing: {filters.invoicing_state.lower()}")
    return out


def workspace_currency(workspace: Mapping[str, Any]) -> tuple[str, bool]:
    """(default currency code, whether the workspace has several) from GET /workspaces."""
    currencies = [c for c in workspace.get("currencies") or [] if isinstance(c, dict)]
    default = next((c.get("code") for c in currencies if c.get("isDefault")), None)
    rate = workspace.get("hourlyRate")
    if default is None and isinstance(rate, dict):
        default = rate.get("currency")
    return str(default or "USD"), len(currencies) > 1


def user_group_names(groups: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """user id → "Group A, Group B" from GET /user-groups, as Clockify's Group column."""
    names: dict[str, list[str]] = {}
    for group in groups:
        for uid in group.get("userIds") or []:
            names.setdefault(str(uid), []).append(str(group.get("name") or ""))
    return {uid: ", ".join(values) for uid, values in names.items()}
