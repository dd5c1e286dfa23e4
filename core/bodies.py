"""Filters, report options and the request bodies Clockify expects.

Each body is built by one function from plain dataclasses, and every body validates against
Clockify's own OpenAPI file (the tests check it). Paging lives in a different place per
report: `detailedFilter.page` for detailed, `attendanceFilter.page` for attendance and the top
level for expenses; summary and weekly are not paged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from core.reports import (
    AMOUNT_SHOWN,
    DURATION_FORMATS,
    SUMMARY_GROUPS,
    WEEK_STARTS,
    WEEKLY_GROUPS,
    ReportKind,
)
from core.windows import DateWindow


@dataclass(frozen=True)
class IdFilter:
    """A set of ids and whether entries must (not) contain them."""

    ids: tuple[str, ...] = ()
    contains: str = "CONTAINS"

    def __bool__(self) -> bool:
        return bool(self.ids)


@dataclass(frozen=True)
class Filters:
    users: IdFilter = IdFilter()
    user_groups: IdFilter = IdFilter()
    clients: IdFilter = IdFilter()
    projects: IdFilter = IdFilter()
    tasks: IdFilter = IdFilter()
    tags: IdFilter = IdFilter()
    billable: bool | None = None  # None: both
    description: str = ""
    without_description: bool = False
    approval_state: str = "ALL"
    invoicing_state: str = "ALL"
    # Detailed reports only (Clockify's detailedFilter.auditFilter, API.md §3.4).
    without_project: bool = False
    without_task: bool = False


@dataclass(frozen=True)
class ReportOptions:
    """Options of each report kind; a kind reads only its own fields."""

    sort_order: str = "DESCENDING"
    detailed_sort_column: str = "DATE"
    summary_groups: tuple[str, ...] = ("PROJECT", "TIMEENTRY")
    summary_sort_column: str = "GROUP"
    summary_chart_type: str = "BILLABILITY"
    weekly_group: str = "USER"
    amount_shown: str = "EARNED"
    amounts: tuple[str, ...] = ("EARNED",)
    rounding: bool = False
    # Weekly reports: the day weeks start on (the Clockify profile's, unless chosen).
    week_start: str = "MONDAY"
    # Not sent to Clockify: how files rendered here write durations.
    duration_format: str = "FULL"


@dataclass(frozen=True)
class Page:
    number: int
    size: int


@dataclass(frozen=True)
class BodyParams:
    """Everything that varies between the requests of one export."""

    kind: ReportKind
    window: DateWindow
    time_zone: str
    export_type: str = "JSON"
    page: Page | None = None
    filters: Filters = field(default_factory=Filters)
    options: ReportOptions = field(default_factory=ReportOptions)
    # The engine fetches JSON pages in creation order so that entries added while it pages
    # cannot shift later pages (Clockify's ids grow with creation time).
    stable_order: bool = False


class OptionProblem(StrEnum):
    """What is wrong with report options, for front ends that word it themselves."""

    GROUP_COUNT = "group-count"
    GROUP_UNKNOWN = "group-unknown"
    GROUP_REPEATED = "group-repeated"
    WEEKLY_GROUP = "weekly-group"
    WEEK_START = "week-start"
    AMOUNTS = "amounts"
    DURATION_FORMAT = "duration-format"


def option_problems(kind: ReportKind, options: ReportOptions) -> dict[OptionProblem, str]:
    """Problems with the options for `kind`, each with its English sentence (empty: fine)."""
    problems: dict[OptionProblem, str] = {}
    if kind is ReportKind.SUMMARY:
        groups = options.summary_groups
        if not 1 <= len(groups) <= 3:
            problems[OptionProblem.GROUP_COUNT] = (
                "A summary report needs one to three group levels.")
        unknown = [g for g in groups if g not in SUMMARY_GROUPS]
        if unknown:
            problems[OptionProblem.GROUP_UNKNOWN] = (
                f"Unknown summary group {', '.join(unknown)}; choose from "
                f"{', '.join(SUMMARY_GROUPS)}.")
        if len(set(groups)) != len(groups):
            problems[OptionProblem.GROUP_REPEATED] = "Each summary group level must be different."
    if kind is ReportKind.WEEKLY and options.weekly_group not in WEEKLY_GROUPS:
        problems[OptionProblem.WEEKLY_GROUP] = "A weekly report groups by USER or PROJECT."
    if kind is ReportKind.WEEKLY and options.week_start not in WEEK_STARTS:
        problems[OptionProblem.WEEK_START] = f"Weeks start on one of {', '.join(WEEK_STARTS)}."
    if options.amount_shown not in AMOUNT_SHOWN:
        problems[OptionProblem.AMOUNTS] = f"Amounts are one of {', '.join(AMOUNT_SHOWN)}."
    if options.duration_format not in DURATION_FORMATS:
        problems[OptionProblem.DURATION_FORMAT] = (
            f"Durations are written as {' or '.join(DURATION_FORMATS)}.")
    return problems


def validate_options(kind: ReportKind, options: ReportOptions) -> list[str]:
    """Problems with the options for `kind`, as sentences (empty when fine)."""
    return list(option_problems(kind, options).values())


def build_body(params: BodyParams) -> dict[str, Any]:
    """The JSON body of one report request."""
    start, end = params.window.bounds()
    body: dict[str, Any] = {
        "dateRangeStart": start,
        "dateRangeEnd": end,
        "dateRangeType": "ABSOLUTE",
        "timeZone": params.time_zone,
        "exportType": params.export_type,
    }
    if params.kind is ReportKind.EXPENSES:
        body.update(_expense_fields(params))
        return body
    body.update(_common_fields(params))
    opts = params.options
    kind = params.kind
    if kind is ReportKind.DETAILED:
        detailed: dict[str, Any] = {"options": {"totals": "CALCULATE"}}
        if params.stable_order:
            detailed["sortColumn"] = "ID"
            body["sortOrder"] = "ASCENDING"
        else:
            detailed["sortColumn"] = opts.detailed_sort_column
        if params.page:
            detailed.update(page=params.page.number, pageSize=params.page.size)
        audit = {key: True for key, wanted in (("withoutProject", params.filters.without_project),
                                               ("withoutTask", params.filters.without_task))
                 if wanted}
        if audit:
            detailed["auditFilter"] = audit
        body["detailedFilter"] = detailed
    elif kind is ReportKind.SUMMARY:
        body["summaryFilter"] = {
            "groups": list(opts.summary_groups),
            "sortColumn": opts.summary_sort_column,
            "summaryChartType": opts.summary_chart_type,
        }
    elif kind is ReportKind.WEEKLY:
        body["weeklyFilter"] = {"group": opts.weekly_group, "subgroup": "TIME"}
    elif kind is ReportKind.ATTENDANCE:
        attendance: dict[str, Any] = {"sortColumn": "DATE"}
        if params.page:
            attendance.update(page=params.page.number, pageSize=params.page.size)
        body["attendanceFilter"] = attendance
    return body


def _id_filter(flt: IdFilter, status: str) -> dict[str, Any]:
    return {"ids": list(dict.fromkeys(flt.ids)), "contains": flt.contains, "status": status}


def _id_filters(f: Filters) -> dict[str, Any]:
    """The id filters every report takes alike (tags differ: expenses have none)."""
    chosen = {"users": f.users, "userGroups": f.user_groups, "clients": f.clients,
              "projects": f.projects, "tasks": f.tasks}
    return {key: _id_filter(flt, "ALL") for key, flt in chosen.items() if flt}


def _common_fields(params: BodyParams) -> dict[str, Any]:
    f, opts = params.filters, params.options
    out: dict[str, Any] = {
        "sortOrder": opts.sort_order,
        "amountShown": opts.amount_shown,
        "rounding": opts.rounding,
        "approvalState": f.approval_state,
        "invoicingState": f.invoicing_state,
    }
    if opts.amount_shown != "HIDE_AMOUNT" and opts.amounts:
        out["amounts"] = list(opts.amounts)
    if f.billable is not None:
        out["billable"] = f.billable
    if f.description:
        out["description"] = f.description
    if f.without_description:
        out["withoutDescription"] = True
    out.update(_id_filters(f))
    if f.tags:
        tags = _id_filter(f.tags, "ALL")
        tags["containedInTimeentry"] = f.tags.contains
        out["tags"] = tags
    return out


def _expense_fields(params: BodyParams) -> dict[str, Any]:
    """Expenses take a smaller filter: no tags, no description, no amounts."""
    f = params.filters
    out: dict[str, Any] = {
        "sortColumn": "DATE",
        "sortOrder": params.options.sort_order,
        "approvalState": f.approval_state,
        "invoicingState": f.invoicing_state,
    }
    if params.page:
        out.update(page=params.page.number, pageSize=params.page.size)
    if f.billable is not None:
        out["billable"] = f.billable
    out.update(_id_filters(f))
    return out
