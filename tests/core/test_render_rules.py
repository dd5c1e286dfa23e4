"""Rules around locally built files: the totals check, who renders, week starts, values."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from core.bodies import ReportOptions
from core.planning import ExportRequest, plan_export
from core.render.choice import RenderChoice, choose, pdf_fits
from core.render.context import user_group_names, workspace_currency
from core.render.job import pdf_rows
from core.render.settings import Renderer
from core.render.table import Formats, Kind
from core.render.totals import Expected, Tally, TotalsMismatchError, check, expected_from
from core.render.values import date_patterns, hms, money_text
from core.reports import ExportFormat, ReportKind
from core.summaries import merge_weekly
from core.windows import DateWindow
from tests.core.render_data import (
    context,
    detailed_totals,
    entry,
    render_document,
    render_items,
    summary_document,
    weekly_week,
)

# ---- the totals check -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF])
def test_a_file_that_does_not_add_up_is_never_saved(tmp_path: Path, fmt: ExportFormat) -> None:
    items = [entry(i) for i in range(5)]
    claimed = detailed_totals(items)
    claimed["totals"][0]["entriesCount"] = 6  # Clockify says one more than arrived
    target = tmp_path / f"r{fmt.extension}"
    target.write_bytes(b"previous file")
    with pytest.raises(TotalsMismatchError, match="5 rows instead of 6"):
        render_items(target, fmt, items, totals=claimed)
    assert target.read_bytes() == b"previous file"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_check_names_every_difference() -> None:
    tally = Tally()
    tally.add(3600, True, 1000.0, "EUR")
    expected = Expected(count=1, seconds=3600, billable_seconds=0,
                        cents_by_currency={"EUR": 1000.0, "USD": 500.0})
    with pytest.raises(TotalsMismatchError) as caught:
        check(tally, expected, "CSV file")
    message = str(caught.value)
    assert "billable time 01:00:00 instead of 00:00:00" in message
    assert "amount 0.00 USD instead of 5.00 USD" in message and "Nothing was saved" in message


def test_check_allows_clockifys_hundredths_of_a_cent() -> None:
    tally = Tally()
    for _ in range(100):
        tally.add(60, False, 33.333, "EUR")
    check(tally, Expected(count=100, seconds=6000, cents=3333.3), "file", rounded_rows=100)
    with pytest.raises(TotalsMismatchError):
        check(tally, Expected(count=100, seconds=6000, cents=3334.3), "file")


@pytest.mark.parametrize(("data", "count"), [
    ({"totals": [None]}, 0),  # Clockify's "no entries"
    ({"totals": [{"entriesCount": 3, "totalTime": 1}]}, 3),
    ({"totals": {"expensesCount": 2, "totalAmount": 5.0}}, 2),
])
def test_expected_totals_in_every_shape(data: dict[str, object], count: int) -> None:
    assert expected_from(data).count == count


def test_total_amount_by_currency_in_both_shapes() -> None:
    listed = {"totals": [{"totalAmountByCurrency": [{"currency": "EUR", "amount": 5.0}]}]}
    mapped = {"totals": [{"totalAmountByCurrency": {"EUR": 5.0}}]}
    assert expected_from(listed).cents_by_currency == expected_from(mapped).cents_by_currency \
        == {"EUR": 5.0}


def test_summary_by_tag_is_not_checked_by_sums(tmp_path: Path) -> None:
    """An entry with two tags is in two tag groups: group sums exceed the total."""
    document = summary_document()
    document["totals"][0]["totalTime"] = 1  # would fail the check for PROJECT groups
    ctx = context(ReportKind.SUMMARY, options=ReportOptions(summary_groups=("TAG", "USER")))
    render_document(tmp_path / "s.csv", ExportFormat.CSV, document, ctx)
    ctx = context(ReportKind.SUMMARY, options=ReportOptions(summary_groups=("PROJECT", "USER")))
    with pytest.raises(TotalsMismatchError):
        render_document(tmp_path / "s.csv", ExportFormat.CSV, document, ctx)


# ---- who renders ------------------------------------------------------------------------


def test_auto_uses_clockify_only_when_its_file_is_complete() -> None:
    auto = Renderer.AUTO
    csv_, xlsx, pdf = ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF
    detailed, weekly = ReportKind.DETAILED, ReportKind.WEEKLY
    assert choose(auto, csv_, detailed, free_plan=False, windows=1) == RenderChoice(False)
    free = choose(auto, xlsx, detailed, free_plan=True, windows=1)
    assert free.local and "Free plan" in free.note
    split = choose(auto, csv_, detailed, free_plan=False, windows=3)
    assert split.local and "3 requests" in split.note
    assert "53 weeks" in choose(auto, xlsx, weekly, free_plan=False, windows=53).note
    probe = choose(auto, pdf, detailed, free_plan=True, windows=1)
    assert probe.local and probe.pdf_probe  # decided by the row count in the JSON
    assert choose(Renderer.LOCAL, csv_, detailed, free_plan=False, windows=1).local
    assert not choose(Renderer.CLOCKIFY, xlsx, detailed, free_plan=True, windows=12).local
    assert not choose(auto, ExportFormat.JSON, detailed, free_plan=True, windows=12).local


def test_pdf_fits_only_under_clockifys_cap() -> None:
    assert pdf_fits(2999) and not pdf_fits(3000) and not pdf_fits(None)


def test_pdf_rows_from_each_report() -> None:
    assert pdf_rows(ReportKind.DETAILED, {"totals": [{"entriesCount": 4200}]}, 1000) == 4200
    assert pdf_rows(ReportKind.DETAILED, {"totals": [None]}, 1000) == 0
    assert pdf_rows(ReportKind.EXPENSES, {"totals": {"expensesCount": 7}}, 1000) == 7
    assert pdf_rows(ReportKind.ATTENDANCE, {"entities": [{}] * 5}, 1000) == 5
    assert pdf_rows(ReportKind.ATTENDANCE, {"entities": [{}] * 5}, 5) is None  # maybe more
    assert pdf_rows(ReportKind.SUMMARY, summary_document(), 1000) == 5  # 2 groups + 3 rows


def test_local_plan_has_one_file_and_says_why(tmp_path: Path) -> None:
    request = ExportRequest("ws", ReportKind.DETAILED, ExportFormat.XLSX, date(2026, 1, 1),
                            date(2026, 12, 31), tmp_path / "r.xlsx")
    plan = plan_export(request, free_plan=True, time_zone="UTC")
    assert plan.render.local and not plan.per_window_files
    assert any("Free plan" in n for n in plan.notes)
    assert not any("one file per" in n for n in plan.notes)
    clockify = plan_export(ExportRequest(
        "ws", ReportKind.DETAILED, ExportFormat.PDF, date(2026, 1, 1), date(2026, 12, 31),
        tmp_path / "r.pdf", renderer=Renderer.CLOCKIFY), free_plan=True, time_zone="UTC")
    assert clockify.per_window_files and any("3,000 rows" in n for n in clockify.notes)


# ---- weekly weeks, profile formats --------------------------------------------------------


def test_weekly_weeks_start_on_the_profiles_week_start(tmp_path: Path) -> None:
    """Clockify's 7-day windows from a Wednesday are re-cut into Sunday-to-Saturday weeks."""
    first = date(2026, 3, 4)  # a Wednesday
    results = [(DateWindow(first + timedelta(days=7 * w), first + timedelta(days=7 * w + 6)),
                weekly_week(first + timedelta(days=7 * w), lambda d: 3600)) for w in range(2)]
    ctx = context(ReportKind.WEEKLY, start=first, end=date(2026, 3, 17), week_start="SUNDAY",
                  formats=Formats("YYYY-MM-DD"))
    path = render_document(tmp_path / "w.csv", ExportFormat.CSV, merge_weekly(results), ctx)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][3:10] == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert [r[0] for r in rows[1:]] == ["2026-03-01", "2026-03-08", "2026-03-15"]
    assert [r[10] for r in rows[1:]] == ["04:00:00", "07:00:00", "03:00:00"]  # 14 days


def test_profile_date_and_time_formats() -> None:
    assert date_patterns("MM/DD/YYYY") == ("%m/%d/%Y", "mm/dd/yyyy")
    assert date_patterns("DD.MM.YYYY") == ("%d.%m.%Y", "dd.mm.yyyy")
    assert date_patterns("nonsense") == ("%m/%d/%Y", "mm/dd/yyyy")
    twelve = Formats("YYYY-MM-DD", "HOUR12")
    assert twelve.converter(Kind.TIME)(time(15, 4, 5)) == "03:04:05 PM"
    assert twelve.converter(Kind.DATE)(date(2026, 1, 2)) == "2026-01-02"


def test_values_as_clockify_writes_them() -> None:
    assert hms(0) == "00:00:00" and hms(360000) == "100:00:00" and hms(-61) == "-00:01:01"
    assert money_text(4321.0) == "43.21" and money_text(40055.5555) == "400.555555"


def test_workspace_currency_and_user_groups() -> None:
    assert workspace_currency({"currencies": [{"code": "EUR", "isDefault": True}]}) == (
        "EUR", False)
    assert workspace_currency({"hourlyRate": {"currency": "CZK"}}) == ("CZK", False)
    groups = [{"name": "Design", "userIds": ["u1", "u2"]}, {"name": "Ops", "userIds": ["u1"]}]
    assert user_group_names(groups) == {"u1": "Design, Ops", "u2": "Design"}


def test_group_column_uses_the_workspaces_user_groups(tmp_path: Path) -> None:
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [entry(1)],
                        context(user_groups={"u1": "Design, Ops"}))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[1][5] == "Design, Ops"


def test_weekly_rows_without_a_project_are_named_as_clockify_names_them(tmp_path: Path) -> None:
    week = weekly_week(date(2026, 3, 2), lambda d: 3600)
    week["groupOne"][0]["children"][0]["name"] = None  # an entry without project
    ctx = context(ReportKind.WEEKLY, start=date(2026, 3, 2), end=date(2026, 3, 8))
    path = render_document(tmp_path / "w.csv", ExportFormat.CSV, week, ctx)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[1][1:3] == ["Zoë", "Without project"]
    by_project = context(ReportKind.WEEKLY, start=date(2026, 3, 2), end=date(2026, 3, 8),
                         options=ReportOptions(weekly_group="PROJECT"))
    week["groupOne"][0]["name"] = ""
    path = render_document(tmp_path / "p.csv", ExportFormat.CSV, week, by_project)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][1:3] == ["Project", "User"] and rows[1][1] == "Without project"
