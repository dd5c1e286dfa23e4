"""The filters and options the window and CLI offer, and the error kinds front ends word.

Every body is checked against Clockify's OpenAPI file (tests/openapi.py; only USER and TAG
are added to the summary group enum, API.md §3.5).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.bodies import BodyParams, Filters, IdFilter, ReportOptions, build_body, validate_options
from core.errors import ErrorKind, NetworkError, NotFoundError, OutputError, UsageError
from core.planning import ExportRequest, plan_export
from core.reports import AMOUNT_SHOWN, SUMMARY_GROUPS, ExportFormat, ReportKind
from core.windows import DateWindow, Preset, preset_range
from tests.openapi import check_body

MARCH = DateWindow(date(2026, 3, 1), date(2026, 3, 31))
WEEK = DateWindow(date(2026, 3, 2), date(2026, 3, 8))
WEDNESDAY = date(2024, 5, 15)


NO_FILTERS = Filters()
DEFAULTS = ReportOptions()


def _body(kind: ReportKind, filters: Filters = NO_FILTERS,
          options: ReportOptions = DEFAULTS) -> dict[str, Any]:
    window = WEEK if kind is ReportKind.WEEKLY else MARCH
    body = build_body(BodyParams(kind, window, "Europe/Paris", filters=filters,
                                 options=options))
    check_body(kind, body)
    return body


@pytest.mark.parametrize("mode", ["CONTAINS", "CONTAINS_ONLY", "DOES_NOT_CONTAIN"])
def test_tag_matching_is_sent_as_contained_in_timeentry(mode: str) -> None:
    body = _body(ReportKind.DETAILED, Filters(tags=IdFilter(("t1", "t2"), mode)))
    assert body["tags"] == {"ids": ["t1", "t2"], "contains": mode, "status": "ALL",
                            "containedInTimeentry": mode}


@pytest.mark.parametrize("kind", list(ReportKind))
def test_tasks_groups_and_status_reach_every_report(kind: ReportKind) -> None:
    filters = Filters(tasks=IdFilter(("k1",)), user_groups=IdFilter(("g1",)),
                      approval_state="UNAPPROVED", invoicing_state="INVOICED")
    body = _body(kind, filters)
    assert body["tasks"]["ids"] == ["k1"]
    assert body["userGroups"]["ids"] == ["g1"]
    assert (body["approvalState"], body["invoicingState"]) == ("UNAPPROVED", "INVOICED")


def test_without_project_and_task_use_the_detailed_audit_filter() -> None:
    body = _body(ReportKind.DETAILED, Filters(without_project=True, without_task=True))
    assert body["detailedFilter"]["auditFilter"] == {
        "withoutProject": True, "withoutTask": True}
    assert "auditFilter" not in _body(ReportKind.DETAILED)["detailedFilter"]


@pytest.mark.parametrize("shown", AMOUNT_SHOWN)
def test_each_amount_choice_is_a_valid_body(shown: str) -> None:
    amounts = () if shown == "HIDE_AMOUNT" else (shown,)
    options = ReportOptions(amount_shown=shown, amounts=amounts, rounding=True)
    body = _body(ReportKind.SUMMARY, options=options)
    assert body["amountShown"] == shown and body["rounding"] is True
    assert body.get("amounts", []) == list(amounts)


@pytest.mark.parametrize("group", ["USER", "TAG"])
def test_summary_groups_by_user_and_tag(group: str) -> None:
    assert group in SUMMARY_GROUPS
    body = _body(ReportKind.SUMMARY, options=ReportOptions(summary_groups=(group, "TIMEENTRY")))
    assert body["summaryFilter"]["groups"] == [group, "TIMEENTRY"]


def test_unknown_choices_are_refused_with_a_sentence() -> None:
    assert validate_options(ReportKind.WEEKLY, ReportOptions(week_start="FUNDAY"))
    assert validate_options(ReportKind.DETAILED, ReportOptions(amount_shown="ALL"))
    assert validate_options(ReportKind.DETAILED, ReportOptions(duration_format="ROMAN"))


@pytest.mark.parametrize(
    ("preset", "week_start", "expected"),
    [
        (Preset.PAST_TWO_WEEKS, "MONDAY", (date(2024, 5, 6), date(2024, 5, 19))),
        (Preset.PAST_TWO_WEEKS, "SUNDAY", (date(2024, 5, 5), date(2024, 5, 18))),
        (Preset.LAST_7_DAYS, "MONDAY", (date(2024, 5, 9), WEDNESDAY)),
        (Preset.LAST_30_DAYS, "MONDAY", (date(2024, 4, 16), WEDNESDAY)),
    ],
)
def test_web_app_presets(preset: Preset, week_start: str,
                         expected: tuple[date, date]) -> None:
    window = preset_range(preset, WEDNESDAY, week_start)
    assert (window.start, window.end) == expected


@pytest.mark.parametrize(("week_start", "first"), [("MONDAY", date(2026, 2, 23)),
                                                   ("SUNDAY", date(2026, 3, 1))])
def test_weekly_weeks_start_on_the_chosen_day_and_say_so(week_start: str, first: date) -> None:
    # "Last month" for March 2026: a Sunday to a Tuesday.
    req = ExportRequest("ws", ReportKind.WEEKLY, ExportFormat.JSON, date(2026, 3, 1),
                        date(2026, 3, 31), Path("x.json"),
                        options=ReportOptions(week_start=week_start))
    plan = plan_export(req, free_plan=False, time_zone="UTC")
    assert plan.windows[0].start == first
    assert all(w.start.strftime("%A").upper() == week_start and w.days == 7
               for w in plan.windows)
    assert plan.windows[-1].end >= date(2026, 3, 31)
    assert any(first.isoformat() in note for note in plan.notes)


def test_errors_carry_a_kind_for_front_ends() -> None:
    assert UsageError("x").kind is ErrorKind.USAGE
    assert NetworkError("x", kind=ErrorKind.TIMEOUT).kind is ErrorKind.TIMEOUT
    assert NotFoundError("x", code=3000).kind is ErrorKind.NOT_FOUND
    assert NotFoundError("x", code=None).kind is ErrorKind.MISSING
    error = OutputError("x", path=Path("/a/b.json"), errno=28)
    assert (error.kind, error.path, error.errno) == (ErrorKind.OUTPUT, Path("/a/b.json"), 28)
