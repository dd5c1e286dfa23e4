"""Attendance, expenses and several currencies, as this app lays them out."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from core.render.totals import TotalsMismatchError
from core.reports import ExportFormat, ReportKind
from tests.core.render_data import context, detailed_totals, entry, render_items


def rows_of(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def expense(i: int, amount: float, billable: bool = True) -> dict[str, Any]:
    return {"id": f"x{i}", "userName": "Zoë", "userEmail": "z@ex.com",
            "date": "2026-03-05T00:00:00Z", "projectName": "Website", "categoryName": "Travel",
            "categoryUnit": "km", "quantity": 12.5, "amount": amount, "billable": billable,
            "notes": "Taxi\nairport", "locked": False}


def test_expenses_in_currency_units_checked_against_expense_totals(tmp_path: Path) -> None:
    items = [expense(0, 2000.0), expense(1, 1550.0, billable=False)]
    totals = {"totals": {"expensesCount": 2, "totalAmount": 3550.0,
                         "totalAmountBillable": 2000.0}}
    path = render_items(tmp_path / "e.csv", ExportFormat.CSV, items,
                        context(ReportKind.EXPENSES), totals)
    rows = rows_of(path)
    assert list(rows[0]) == ["Date", "Project", "Category", "User", "Email", "Notes",
                             "Quantity", "Unit", "Billable", "Amount (EUR)"]
    assert rows[0]["Date"] == "05/03/2026" and rows[0]["Quantity"] == "12.5"
    assert rows[0]["Notes"] == "Taxi\nairport"
    assert [r["Amount (EUR)"] for r in rows] == ["20.00", "15.50"]
    totals["totals"]["expensesCount"] = 3
    with pytest.raises(TotalsMismatchError):
        render_items(tmp_path / "e2.csv", ExportFormat.CSV, items,
                     context(ReportKind.EXPENSES), totals)


def test_attendance_rows_without_totals_of_their_own(tmp_path: Path) -> None:
    item = {"userId": "u1", "userName": "José", "date": "2026-03-02",
            "startTime": "2026-03-02T08:58:00+01:00", "endTime": "2026-03-02T17:05:00+01:00",
            "totalDuration": 27000, "break": 1800, "capacity": 28800, "overtime": 0,
            "timeOff": 0}
    path = render_items(tmp_path / "a.csv", ExportFormat.CSV, [item],
                        context(ReportKind.ATTENDANCE), {})
    assert rows_of(path) == [{
        "User": "José", "Date": "02/03/2026", "Start": "08:58:00", "End": "17:05:00",
        "Break (h)": "00:30:00", "Work (h)": "07:30:00", "Work (decimal)": "7.50",
        "Capacity (h)": "08:00:00", "Overtime (h)": "00:00:00", "Time off (h)": "00:00:00"}]


def test_several_currencies_get_a_column_and_totals_each(tmp_path: Path) -> None:
    items = [entry(0, amount=1000.0), entry(1, amount=700.0)]
    items[1]["currency"] = "USD"
    totals = detailed_totals(items)
    totals["totals"][0]["totalAmountByCurrency"] = [{"currency": "EUR", "amount": 1000.0},
                                                    {"currency": "USD", "amount": 700.0}]
    path = render_items(tmp_path / "c.csv", ExportFormat.CSV, items,
                        context(several_currencies=True), totals)
    assert [r["Currency"] for r in rows_of(path)] == ["EUR", "USD"]
    totals["totals"][0]["totalAmountByCurrency"][1]["amount"] = 800.0
    with pytest.raises(TotalsMismatchError, match=r"7\.00 USD instead of 8\.00 USD"):
        render_items(tmp_path / "c2.csv", ExportFormat.CSV, items,
                     context(several_currencies=True), totals)


def test_attendance_totals_have_no_amount(tmp_path: Path) -> None:
    import openpyxl

    item = {"userId": "u1", "userName": "José", "date": "2026-03-02", "totalDuration": 3600}
    path = render_items(tmp_path / "a.xlsx", ExportFormat.XLSX, [item],
                        context(ReportKind.ATTENDANCE), {})
    labels = [r[0] for r in openpyxl.load_workbook(path)["Totals"].iter_rows(values_only=True)]
    assert "Total time" in labels and not any(str(x).startswith("Amount") for x in labels)
