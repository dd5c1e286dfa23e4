"""Plans without a request: windows at the edges of the calendar, odd limits, the budget,
the workspace's plan, and the structured progress an export reports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import responses

from core.errors import UsageError
from core.export import ExportJob
from core.limits import Plan, is_free_plan, workspace_plan
from core.planning import ExportRequest, Phase, Progress, plan_export
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind
from core.windows import split_range, weekly_windows
from tests.core.fakes import LOCAL, json_reply, make_client


def request(tmp_path: Path, **kw: Any) -> ExportRequest:
    values: dict[str, Any] = dict(workspace_id="ws", kind=ReportKind.DETAILED,
                                  fmt=ExportFormat.JSON, start=date(2026, 1, 1),
                                  end=date(2026, 12, 31), output=tmp_path / "r.json",
                                  time_zone="UTC",
                                  # Clockify's own files; this app's: test_render_rules.py
                                  renderer=Renderer.CLOCKIFY)
    values.update(kw)
    return ExportRequest(**values)


# ---- the edges of the calendar ------------------------------------------------------------


def test_windows_up_to_the_last_day_a_calendar_has() -> None:
    windows = split_range(date(9999, 11, 1), date(9999, 12, 31), 31)
    assert [(w.start, w.end) for w in windows] == [
        (date(9999, 11, 1), date(9999, 12, 1)), (date(9999, 12, 2), date(9999, 12, 31))]
    assert split_range(date(9999, 12, 1), date(9999, 12, 31), 99_999_999_999)[0].days == 31


def test_weekly_past_year_9999_is_a_usage_error() -> None:
    assert weekly_windows(date(9999, 12, 25), date(9999, 12, 31))[0].end == date(9999, 12, 31)
    with pytest.raises(UsageError, match=r"week from 9999-12-26 would end after .* \(9999-12-31\)"):
        weekly_windows(date(9999, 12, 19), date(9999, 12, 31))


@pytest.mark.parametrize(("changes", "words"), [
    ({"max_days": 0}, "at least 1"),
    ({"max_days": -5}, "at least 1"),
    ({"max_in_flight": 0}, "between 1 and"),
    ({"max_in_flight": 1000}, "between 1 and"),
    ({"kind": ReportKind.WEEKLY, "start": date(9999, 12, 20), "end": date(9999, 12, 31)},
     "9999-12-31"),
])
def test_odd_limits_are_usage_errors(tmp_path: Path, changes: dict[str, Any],
                                     words: str) -> None:
    with pytest.raises(UsageError, match=words):
        plan_export(request(tmp_path, **changes), free_plan=False, time_zone="UTC")


def test_huge_max_days_is_one_window(tmp_path: Path) -> None:
    plan = plan_export(request(tmp_path, start=date(9999, 12, 1), end=date(9999, 12, 31),
                               max_days=99_999_999_999), free_plan=False, time_zone="UTC")
    assert len(plan.windows) == 1


# ---- the budget -----------------------------------------------------------------------------


def test_budget_counts_a_count_request_per_csv_window(tmp_path: Path) -> None:
    csv = plan_export(request(tmp_path, fmt=ExportFormat.CSV, max_days=31), free_plan=False,
                      time_zone="UTC")
    assert len(csv.windows) == 12 and csv.min_requests == 24
    assert csv.budget_text(ReportKind.DETAILED).startswith("24 requests, one more per 1,000")
    free = plan_export(request(tmp_path), free_plan=True, time_zone="UTC")
    assert free.min_requests == 12
    assert free.budget_text(ReportKind.DETAILED).endswith("of the Free plan's 30 per hour")
    pdf = plan_export(request(tmp_path, fmt=ExportFormat.PDF), free_plan=True,
                      time_zone="UTC")
    assert pdf.min_requests == 12 and not pdf.count_probes


@pytest.mark.parametrize(("plan", "expected"), [
    ("FREE", Plan.FREE), ("BUNDLE_YEAR_2024", Plan.PAID), (None, Plan.UNKNOWN),
    ("", Plan.UNKNOWN), ({"addonSubscriptionPlan": None}, Plan.UNKNOWN),
])
def test_workspace_plan(plan: Any, expected: Plan) -> None:
    workspace = {"featureSubscriptionType": plan}
    assert workspace_plan(workspace) is expected
    assert is_free_plan(workspace) is (expected is not Plan.PAID)
    assert workspace_plan({}) is Plan.UNKNOWN


# ---- structured progress ----------------------------------------------------------------------


def test_progress_is_structured(tmp_path: Path) -> None:
    entries = [{"_id": f"{i:024x}", "timeInterval": {"duration": 60}} for i in range(5)]

    def page(body: Any) -> Any:
        number = json.loads(body.body)["detailedFilter"]["page"]
        chunk = entries[(number - 1) * 2: number * 2]
        return json_reply({"timeentries": chunk,
                           "totals": [{"_id": "", "entriesCount": len(entries)}]})

    seen: list[Progress] = []
    with responses.RequestsMock() as rs:
        rs.add_callback("POST", f"{LOCAL.reports_base}/workspaces/ws/reports/detailed",
                        callback=page)
        ExportJob(make_client(), request(tmp_path, page_size=2, max_in_flight=1),
                  seen.append, workspace={"featureSubscriptionType": "PRO"}).run()
    fetching = [p for p in seen if p.phase is Phase.FETCHING]
    last = fetching[-1]
    assert (last.pages_done, last.pages_planned) == (3, 3)
    assert (last.requests_done, last.requests_planned) == (3, 3)
    assert (last.entries_written, last.entries_expected) == (5, 5)
    assert (last.window, last.windows) == (1, 1)
    assert [p.pages_done for p in fetching] == sorted(p.pages_done for p in fetching)
    assert all(p.elapsed >= 0 for p in seen)
    assert "page 2 of 3" in fetching[1].message
    assert seen[-1].phase is Phase.DONE and "5 entries from 3 requests" in seen[-1].message
