"""CSV built by this app: BOM, delimiters, quoting, line breaks, formula escaping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from core.bodies import ReportOptions
from core.render.settings import CsvSettings
from core.reports import ExportFormat, ReportKind
from core.writers import UTF8_BOM
from tests.core.render_data import (
    context,
    entry,
    render_document,
    render_items,
    summary_document,
)


def read(path: Path, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_round_trip_with_bom_and_either_delimiter(tmp_path: Path, delimiter: str) -> None:
    items = [entry(0, description="Plan; review, then \"ship\"\nsecond line"),
             entry(1, description="Γειά σου, Привет, שלום"), entry(2, billable=False)]
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, items,
                        context(csv=CsvSettings(delimiter=delimiter)))
    data = path.read_bytes()
    assert data.startswith(UTF8_BOM)
    rows = read(path, delimiter)
    header, body = rows[0], rows[1:]
    assert header[:9] == ["Project", "Client", "Description", "Task", "User", "Group", "Email",
                          "Tags", "Billable"]
    assert header[9:] == ["Start Date", "Start Time", "End Date", "End Time", "Duration (h)",
                          "Duration (decimal)", "Billable Rate (EUR)", "Billable Amount (EUR)",
                          "Approval request"]
    assert len(body) == 3 and all(len(r) == len(header) for r in body)
    first = dict(zip(header, body[0], strict=True))
    assert first["Description"] == "Plan; review, then \"ship\"\nsecond line"  # kept whole
    assert first["Tags"] == "urgent, ops" and first["Billable"] == "Yes"
    assert (first["Start Date"], first["Start Time"]) == ("02/03/2026", "09:00:00")
    assert (first["End Time"], first["Duration (h)"], first["Duration (decimal)"]) == (
        "10:30:00", "01:30:00", "1.50")
    assert (first["Billable Rate (EUR)"], first["Billable Amount (EUR)"]) == ("82.30", "123.45")
    assert body[1][2] == "Γειά σου, Привет, שלום"
    assert body[2][8] == "No" and body[2][16] == "0.00"


def test_without_bom(tmp_path: Path) -> None:
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [entry(0)],
                        context(csv=CsvSettings(bom=False)))
    assert path.read_bytes().startswith(b"Project,")


def test_times_are_shown_in_the_report_time_zone(tmp_path: Path) -> None:
    item = entry(0, tz_offset=0)  # 09:00 UTC = 10:00 in Berlin (winter)
    item["timeInterval"]["start"] = item["timeInterval"]["start"].replace("+00:00", "Z")
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [item])
    assert read(path)[1][10] == "10:00:00"


DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


def test_formula_escaping_is_on_by_default(tmp_path: Path) -> None:
    items = [entry(i, description=d) for i, d in enumerate(DANGEROUS)]
    items.append(entry(9, description="plain - text = fine"))
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, items)
    descriptions = [r[2] for r in read(path)[1:]]
    assert descriptions == ["'" + d for d in DANGEROUS] + ["plain - text = fine"]


def test_formula_escaping_leaves_numbers_alone(tmp_path: Path) -> None:
    item = entry(0, amount=-2500.0)  # a negative amount is a number, not a formula
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [item])
    assert read(path)[1][16] == "-25.00"


def test_formula_escaping_can_be_switched_off(tmp_path: Path) -> None:
    items = [entry(i, description=d) for i, d in enumerate(DANGEROUS)]
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, items,
                        context(csv=CsvSettings(formula_escape=False)))
    assert [r[2] for r in read(path)[1:]] == DANGEROUS


def test_fractional_cents_keep_their_precision(tmp_path: Path) -> None:
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [entry(0, amount=4005.5555)])
    assert read(path)[1][16] == "40.055555"


def test_hidden_amounts_drop_the_money_columns(tmp_path: Path) -> None:
    ctx = context(options=ReportOptions(amount_shown="HIDE_AMOUNT", amounts=()))
    item = entry(0, amount=0.0)
    item["rate"] = 0.0
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [item], ctx)
    assert "Billable Amount (EUR)" not in read(path)[0]


def test_empty_report_is_a_header(tmp_path: Path) -> None:
    path = render_items(tmp_path / "r.csv", ExportFormat.CSV, [])
    rows = read(path)
    assert len(rows) == 1 and rows[0][0] == "Project"


def test_summary_csv_has_leaf_rows_with_their_group_path(tmp_path: Path) -> None:
    ctx = context(ReportKind.SUMMARY, options=ReportOptions(summary_groups=("PROJECT", "USER")))
    path = render_document(tmp_path / "s.csv", ExportFormat.CSV, summary_document(), ctx)
    assert read(path) == [
        ["Project", "User", "Time (h)", "Time (decimal)", "Amount (EUR)"],
        ["Website", "Zoë", "05:00:00", "5.00", "400.00"],
        ["Website", "José", "01:00:00", "1.00", "50.00"],
        ["'=cmd|' /C calc'!A0", "Zoë", "04:00:00", "4.00", "150.00"],
    ]
