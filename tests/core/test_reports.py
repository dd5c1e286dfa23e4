"""Report request bodies, validated against Clockify's own OpenAPI file (API.md §3.3–3.8)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from core.bodies import (
    BodyParams,
    Filters,
    IdFilter,
    Page,
    ReportOptions,
    build_body,
    validate_options,
)
from core.reports import SUMMARY_GROUPS, ExportFormat, ReportKind
from core.windows import DateWindow
from tests.openapi import BODY_SCHEMAS, check_body, openapi, schema_validator, unknown_keys

MARCH = DateWindow(date(2026, 3, 1), date(2026, 3, 31))
WEEK = DateWindow(date(2026, 3, 2), date(2026, 3, 8))

FULL_FILTERS = Filters(
    users=IdFilter(("u1", "u2", "u1")),  # a repeated id: the spec's `ids` are uniqueItems
    user_groups=IdFilter(("g1",), "DOES_NOT_CONTAIN"),
    clients=IdFilter(("c1",)),
    projects=IdFilter(("p1", "p2"), "CONTAINS_ONLY"),
    tasks=IdFilter(("t1",)),
    tags=IdFilter(("tag1", "tag2"), "CONTAINS_ONLY"),
    billable=False,
    description="meeting",
    without_description=True,
    approval_state="APPROVED",
    invoicing_state="UNINVOICED",
)
FULL_OPTIONS = ReportOptions(
    sort_order="ASCENDING",
    detailed_sort_column="USER",
    summary_groups=("CLIENT", "PROJECT", "TIMEENTRY"),
    summary_sort_column="DURATION",
    summary_chart_type="PROJECT",
    weekly_group="PROJECT",
    amount_shown="COST",
    amounts=("EARNED", "COST", "PROFIT"),
    rounding=True,
)


def body_for(kind: ReportKind, **kw: Any) -> dict[str, Any]:
    window = kw.pop("window", WEEK if kind is ReportKind.WEEKLY else MARCH)
    return build_body(BodyParams(kind=kind, window=window, time_zone=kw.pop("tz", "Europe/Berlin"),
                                 **kw))


# ---- the validator itself must be able to fail -------------------------------------------


def test_schema_validation_is_not_vacuous() -> None:
    good = body_for(ReportKind.SUMMARY)
    check_body(ReportKind.SUMMARY, good)
    validator = schema_validator("SummaryReportFilterV1")
    too_many = {**good, "summaryFilter": {"groups": ["PROJECT", "CLIENT", "DATE", "TASK"]}}
    assert list(validator.iter_errors(too_many))
    bad_enum = {**good, "amountShown": "EVERYTHING"}
    assert list(validator.iter_errors(bad_enum))
    missing = {k: v for k, v in good.items() if k != "summaryFilter"}
    assert list(validator.iter_errors(missing))
    dup_ids = {**good, "users": {"ids": ["a", "a"], "contains": "CONTAINS", "status": "ALL"}}
    assert list(validator.iter_errors(dup_ids))
    # …and keys that Clockify would silently ignore are caught too.
    misplaced = {**good, "page": 1}
    assert unknown_keys(misplaced, {"$ref": "#/components/schemas/SummaryReportFilterV1"}) == [
        "page"]


# ---- every kind, every format, with and without filters ----------------------------------


@pytest.mark.parametrize(
    ("kind", "fmt", "full", "paged", "stable"),
    [
        (kind, fmt, full, paged, stable)
        for kind, fmt, full, paged, stable in itertools.product(
            ReportKind, ExportFormat, (False, True), (False, True), (False, True))
        if not (paged and not kind.paged) and not (stable and kind is not ReportKind.DETAILED)
    ],
)
def test_every_body_validates_against_openapi(
    kind: ReportKind, fmt: ExportFormat, full: bool, paged: bool, stable: bool
) -> None:
    body = body_for(
        kind,
        export_type=fmt.export_type,
        page=Page(2, 50) if paged else None,
        filters=FULL_FILTERS if full else Filters(),
        options=FULL_OPTIONS if full else ReportOptions(),
        stable_order=stable,
    )
    check_body(kind, body)
    assert body["exportType"] == fmt.export_type
    assert body["timeZone"] == "Europe/Berlin"
    assert body["dateRangeType"] == "ABSOLUTE"


@pytest.mark.parametrize("kind", list(ReportKind))
def test_bounds_are_wall_clock_days(kind: ReportKind) -> None:
    body = body_for(kind)
    window = WEEK if kind is ReportKind.WEEKLY else MARCH
    assert body["dateRangeStart"] == f"{window.start.isoformat()}T00:00:00.000"
    assert body["dateRangeEnd"] == f"{window.end.isoformat()}T23:59:59.999"


def test_detailed_body_with_filters() -> None:
    body = body_for(ReportKind.DETAILED, filters=FULL_FILTERS, options=FULL_OPTIONS,
                    page=Page(3, 200))
    check_body(ReportKind.DETAILED, body)
    assert body["users"] == {"ids": ["u1", "u2"], "contains": "CONTAINS", "status": "ALL"}
    assert body["userGroups"]["contains"] == "DOES_NOT_CONTAIN"
    assert body["projects"] == {"ids": ["p1", "p2"], "contains": "CONTAINS_ONLY",
                                "status": "ALL"}
    assert body["tags"]["ids"] == ["tag1", "tag2"]
    assert body["tags"]["containedInTimeentry"] == "CONTAINS_ONLY"
    assert body["clients"]["ids"] == ["c1"] and body["tasks"]["ids"] == ["t1"]
    assert body["billable"] is False  # False means "non-billable only", not "omit"
    assert body["description"] == "meeting"
    assert body["withoutDescription"] is True
    assert body["approvalState"] == "APPROVED"
    assert body["invoicingState"] == "UNINVOICED"
    assert body["amountShown"] == "COST"
    assert body["amounts"] == ["EARNED", "COST", "PROFIT"]
    assert body["rounding"] is True
    assert body["sortOrder"] == "ASCENDING"
    assert body["detailedFilter"]["sortColumn"] == "USER"
    assert body["detailedFilter"]["options"] == {"totals": "CALCULATE"}


def test_empty_filters_are_left_out() -> None:
    body = body_for(ReportKind.DETAILED)
    for key in ("users", "userGroups", "clients", "projects", "tasks", "tags", "billable",
                "description", "withoutDescription"):
        assert key not in body
    assert body["approvalState"] == "ALL" and body["invoicingState"] == "ALL"


# ---- paging in the right place -----------------------------------------------------------


def test_detailed_paging_lives_in_detailed_filter() -> None:
    body = body_for(ReportKind.DETAILED, page=Page(4, 1000))
    assert body["detailedFilter"]["page"] == 4
    assert body["detailedFilter"]["pageSize"] == 1000
    assert "page" not in body and "pageSize" not in body


def test_attendance_paging_lives_in_attendance_filter() -> None:
    body = body_for(ReportKind.ATTENDANCE, page=Page(2, 100))
    check_body(ReportKind.ATTENDANCE, body)
    assert body["attendanceFilter"]["page"] == 2
    assert body["attendanceFilter"]["pageSize"] == 100
    assert "page" not in body and "detailedFilter" not in body


def test_expense_paging_is_top_level() -> None:
    body = body_for(ReportKind.EXPENSES, page=Page(5, 50))
    check_body(ReportKind.EXPENSES, body)
    assert body["page"] == 5 and body["pageSize"] == 50
    assert "detailedFilter" not in body


@pytest.mark.parametrize("kind", [ReportKind.SUMMARY, ReportKind.WEEKLY])
def test_unpaged_kinds_carry_no_paging(kind: ReportKind) -> None:
    body = body_for(kind, page=Page(2, 10))
    flat = repr(body)
    assert "'page'" not in flat and "pageSize" not in flat


@pytest.mark.parametrize("kind", list(ReportKind))
def test_only_the_matching_sub_filter_is_sent(kind: ReportKind) -> None:
    body = body_for(kind, page=Page(1, 10) if kind.paged else None)
    subs = {"detailedFilter", "summaryFilter", "weeklyFilter", "attendanceFilter"}
    expected = {
        ReportKind.DETAILED: {"detailedFilter"},
        ReportKind.SUMMARY: {"summaryFilter"},
        ReportKind.WEEKLY: {"weeklyFilter"},
        ReportKind.ATTENDANCE: {"attendanceFilter"},
        ReportKind.EXPENSES: set(),
    }[kind]
    assert subs & set(body) == expected


# ---- ordering and amounts ----------------------------------------------------------------


def test_stable_order_sorts_by_id_ascending() -> None:
    options = ReportOptions(sort_order="DESCENDING", detailed_sort_column="DATE")
    body = body_for(ReportKind.DETAILED, options=options, stable_order=True, page=Page(1, 10))
    check_body(ReportKind.DETAILED, body)
    assert body["detailedFilter"]["sortColumn"] == "ID"
    assert body["sortOrder"] == "ASCENDING"


def test_without_stable_order_the_user_sort_is_kept() -> None:
    options = ReportOptions(sort_order="DESCENDING", detailed_sort_column="DURATION")
    body = body_for(ReportKind.DETAILED, options=options)
    assert body["detailedFilter"]["sortColumn"] == "DURATION"
    assert body["sortOrder"] == "DESCENDING"


@pytest.mark.parametrize(
    "kind", [ReportKind.DETAILED, ReportKind.SUMMARY, ReportKind.WEEKLY, ReportKind.ATTENDANCE])
def test_hide_amount_drops_amounts(kind: ReportKind) -> None:
    options = ReportOptions(amount_shown="HIDE_AMOUNT", amounts=("EARNED", "COST"))
    body = body_for(kind, options=options)
    check_body(kind, body)
    assert body["amountShown"] == "HIDE_AMOUNT"
    assert "amounts" not in body


def test_no_amount_types_means_no_amounts_key() -> None:
    assert "amounts" not in body_for(ReportKind.DETAILED, options=ReportOptions(amounts=()))


def test_expense_body_has_no_time_entry_fields() -> None:
    body = body_for(ReportKind.EXPENSES, filters=FULL_FILTERS, options=FULL_OPTIONS,
                    page=Page(1, 50))
    check_body(ReportKind.EXPENSES, body)
    for key in ("amountShown", "amounts", "rounding", "tags", "description",
                "withoutDescription"):
        assert key not in body
    assert body["sortOrder"] == "ASCENDING"
    assert body["users"]["ids"] == ["u1", "u2"]
    assert body["billable"] is False


def test_summary_and_weekly_sub_filters() -> None:
    summary = body_for(ReportKind.SUMMARY, options=FULL_OPTIONS)
    assert summary["summaryFilter"] == {"groups": ["CLIENT", "PROJECT", "TIMEENTRY"],
                                        "sortColumn": "DURATION", "summaryChartType": "PROJECT"}
    weekly = body_for(ReportKind.WEEKLY, options=FULL_OPTIONS)
    assert weekly["weeklyFilter"] == {"group": "PROJECT", "subgroup": "TIME"}


def test_each_kind_has_a_schema() -> None:
    assert set(BODY_SCHEMAS) == set(ReportKind)


# ---- options -----------------------------------------------------------------------------


def test_default_options_are_valid_for_every_kind() -> None:
    for kind in ReportKind:
        assert validate_options(kind, ReportOptions()) == []


@pytest.mark.parametrize("groups", [(), ("PROJECT", "CLIENT", "DATE", "TASK")])
def test_summary_needs_one_to_three_groups(groups: tuple[str, ...]) -> None:
    problems = validate_options(ReportKind.SUMMARY, ReportOptions(summary_groups=groups))
    assert problems and "one to three" in problems[0]


def test_summary_groups_must_differ() -> None:
    problems = validate_options(ReportKind.SUMMARY,
                                ReportOptions(summary_groups=("PROJECT", "PROJECT")))
    assert problems == ["Each summary group level must be different."]


@pytest.mark.parametrize("group", ["USER_GROUP", "project", "COLOR"])
def test_unknown_summary_group(group: str) -> None:
    problems = validate_options(ReportKind.SUMMARY,
                                ReportOptions(summary_groups=("PROJECT", group)))
    assert len(problems) == 1 and group in problems[0]


def test_every_allowed_summary_group_is_in_the_spec_enum() -> None:
    body = body_for(ReportKind.SUMMARY, options=ReportOptions(summary_groups=SUMMARY_GROUPS[:3]))
    check_body(ReportKind.SUMMARY, body)
    for group in SUMMARY_GROUPS:
        one = body_for(ReportKind.SUMMARY, options=ReportOptions(summary_groups=(group,)))
        check_body(ReportKind.SUMMARY, one)
        assert validate_options(ReportKind.SUMMARY, ReportOptions(summary_groups=(group,))) == []


def test_summary_group_checks_ignore_other_kinds() -> None:
    bad = ReportOptions(summary_groups=())
    assert validate_options(ReportKind.DETAILED, bad) == []


def test_weekly_group_must_be_user_or_project() -> None:
    assert validate_options(ReportKind.WEEKLY, ReportOptions(weekly_group="CLIENT"))
    assert validate_options(ReportKind.WEEKLY, ReportOptions(weekly_group="PROJECT")) == []


# ---- kinds and formats -------------------------------------------------------------------


def test_kind_paths_and_paging() -> None:
    assert {k: k.path for k in ReportKind} == {
        ReportKind.DETAILED: "reports/detailed",
        ReportKind.SUMMARY: "reports/summary",
        ReportKind.WEEKLY: "reports/weekly",
        ReportKind.ATTENDANCE: "reports/attendance",
        ReportKind.EXPENSES: "reports/expenses/detailed",
    }
    assert {k for k in ReportKind if k.paged} == {
        ReportKind.DETAILED, ReportKind.ATTENDANCE, ReportKind.EXPENSES}
    assert ReportKind.DETAILED.items_key == "timeentries"
    assert ReportKind.ATTENDANCE.items_key == "entities"
    assert ReportKind.EXPENSES.items_key == "expenses"
    assert ReportKind.SUMMARY.items_key is None


def test_format_export_types_are_in_the_spec() -> None:
    schemas = openapi()["components"]["schemas"]
    enum = set(schemas["DetailedReportFilterV1"]["properties"]["exportType"]["enum"])
    for fmt in ExportFormat:
        assert fmt.export_type in enum
        assert fmt.extension == f".{fmt.value}"
    assert ExportFormat.XLSX.label == "Excel (XLSX)"
