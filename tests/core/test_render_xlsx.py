"""XLSX built by this app: opens in openpyxl normal and read-only mode, typed cells."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from core.bodies import ReportOptions
from core.reports import ExportFormat, ReportKind
from tests.core.render_data import (
    context,
    entry,
    render_document,
    render_items,
    summary_document,
    weekly_week,
)


@pytest.fixture
def detailed(tmp_path: Path) -> Path:
    items = [entry(i, amount=4005.5555) for i in range(40)]
    items.append(entry(40, description="=HYPERLINK(\"x\")\nline two", billable=False))
    return render_items(tmp_path / "r.xlsx", ExportFormat.XLSX, items)


def test_opens_in_normal_mode_with_typed_cells(detailed: Path) -> None:
    book = openpyxl.load_workbook(detailed)
    assert book.sheetnames == ["Detailed", "Totals"]
    sheet = book["Detailed"]
    assert sheet.dimensions == "A1:R42"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:R42"
    assert all(c.font.b for c in sheet[1])
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["Start Date"].value == datetime(2026, 3, 2)
    assert row["Start Date"].number_format == "dd/mm/yyyy"
    assert row["Start Time"].value == time(9, 0)
    assert row["Duration (h)"].value == timedelta(hours=1, minutes=30)
    assert row["Duration (h)"].number_format == "[h]:mm:ss"
    assert row["Duration (decimal)"].value == pytest.approx(1.5)
    # Full precision, two decimals only in the format: Excel sums match the report.
    assert row["Billable Amount (EUR)"].value == pytest.approx(40.055555)
    assert row["Billable Amount (EUR)"].number_format == '#,##0.00 "EUR"'
    last = {h: c.value for h, c in zip(header, sheet[42], strict=True)}
    # No formula in a spreadsheet cell: text stays text (no escape needed, none added).
    assert last["Description"] == "=HYPERLINK(\"x\")\nline two"
    assert sheet["C42"].data_type == "s"
    # Widths from the text: "Acme" is narrow, descriptions wider, dates as a date needs.
    widths = {k: sheet.column_dimensions[k].width for k in "BCJ"}
    assert widths["B"] < 10 < widths["C"] and widths["J"] >= 10


def test_opens_in_read_only_mode(detailed: Path) -> None:
    book = openpyxl.load_workbook(detailed, read_only=True)
    sheet = book["Detailed"]
    assert sheet.calculate_dimension() == "A1:R42"
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    assert len(rows) == 42 and rows[1][2] == "Task number 0"


def test_totals_sheet_has_totals_and_parameters(detailed: Path) -> None:
    book = openpyxl.load_workbook(detailed)
    values = {r[0]: r[1] for r in book["Totals"].iter_rows(values_only=True) if r[0]}
    assert values["Entries"] == 41
    assert values["Total time"] == timedelta(hours=1.5 * 41)
    assert values["Billable time"] == timedelta(hours=1.5 * 40)
    assert values["Amount (EUR)"] == pytest.approx(40 * 40.055555)
    assert values["Workspace"] == "Acme Ünïcode"
    assert values["Range"] == "01/03/2026 – 31/03/2026"
    assert values["Time zone"] == "Europe/Berlin"
    assert values["Generated at"] == "2026-04-01 12:00:00 UTC"
    assert "App version" in values


def test_summary_is_a_tree_with_subtotals_and_outline(tmp_path: Path) -> None:
    ctx = context(ReportKind.SUMMARY, options=ReportOptions(summary_groups=("PROJECT", "USER")))
    path = render_document(tmp_path / "s.xlsx", ExportFormat.XLSX, summary_document(), ctx)
    sheet = openpyxl.load_workbook(path)["Summary"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[:2] for r in rows] == [["Website", None], [None, "Zoë"], [None, "José"],
                                     ["=cmd|' /C calc'!A0", None], [None, "Zoë"],
                                     ["Total", None]]
    assert rows[0][2] == timedelta(hours=6) and rows[-1][2] == timedelta(hours=10)
    assert sheet["A2"].font.b and not sheet["B3"].font.b
    assert sheet.row_dimensions[3].outline_level == 1
    assert sheet["A5"].data_type == "s"  # text, never a formula


def test_weekly_any_range_is_one_sheet_with_a_week_column(tmp_path: Path) -> None:
    weeks = [weekly_week(date(2026, 3, 2) + timedelta(days=7 * w), lambda d: 3600 * (d + 1))
             for w in range(3)]
    from core.summaries import merge_weekly
    from core.windows import DateWindow

    document = merge_weekly([(DateWindow(date(2026, 3, 2) + timedelta(days=7 * w),
                                         date(2026, 3, 8) + timedelta(days=7 * w)), week)
                             for w, week in enumerate(weeks)])
    ctx = context(ReportKind.WEEKLY, start=date(2026, 3, 2), end=date(2026, 3, 22))
    path = render_document(tmp_path / "w.xlsx", ExportFormat.XLSX, document, ctx)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Weekly", "Totals"]
    rows = list(book["Weekly"].iter_rows(values_only=True))
    book.close()
    assert rows[0][:4] == ("Week", "User", "Project", "Mon")
    assert rows[0][9:] == ("Sun", "Total (h)", "Total (decimal)", "Amount (EUR)")
    week_starts = [r[0] for r in rows[1:] if r[1] == "Zoë"]
    assert week_starts == [datetime(2026, 3, 2), datetime(2026, 3, 9), datetime(2026, 3, 16)]
    child = next(r for r in rows[1:] if r[2] == "Website")
    assert child[3] == timedelta(hours=1) and child[9] == timedelta(hours=7)
    assert child[10] == timedelta(hours=28)


def test_plain_rows_written_directly_are_the_sheet_xlsxwriter_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fast path for plain rows (`_RowXml`) against XlsxWriter's own cell calls: the
    # same sheet XML byte for byte, for the texts XlsxWriter escapes in its own ways.
    import zipfile

    from core.render import xlsx_writer

    texts = [" leading", "trailing ", "tab\tinside", "a & b < c > d \"q\"", "two\nlines",
             "ctrl \x01\x1f", "_x0041_ literal", "<r>rich?</r>", "Zoë Ελληνικά עברית 😀",
             "x" * 20_000, "", "\ufffe\uffff", "=1+1"]
    items = [entry(i, description=text, billable=i % 2 == 0)
             for i, text in enumerate(texts * 3)]

    def sheet_xml(path: Path) -> bytes:
        with zipfile.ZipFile(path) as book:
            return book.read("xl/worksheets/sheet1.xml")

    direct = []
    original = xlsx_writer._RowXml.write

    def counted(self: xlsx_writer._RowXml, index: int, values: list[object]) -> bool:
        done = original(self, index, values)
        direct.append(done)
        return done

    monkeypatch.setattr(xlsx_writer._RowXml, "write", counted)
    fast = render_items(tmp_path / "fast.xlsx", ExportFormat.XLSX, items)
    assert direct.count(True) >= len(items) - 6, "most rows took the direct path"
    assert False in direct, "the long text and the rich look-alike went through XlsxWriter"
    monkeypatch.setattr(xlsx_writer._RowXml, "write", lambda self, index, values: False)
    slow = render_items(tmp_path / "slow.xlsx", ExportFormat.XLSX, items)
    assert sheet_xml(fast) == sheet_xml(slow)
    assert b"<v>" in sheet_xml(fast) and b"inlineStr" in sheet_xml(fast)
