"""File exports: CSV, XLSX and PDF bytes, headers, plan refusals and the PDF row cap."""

from __future__ import annotations

import csv
import io
import re
import zlib
from collections.abc import Iterator
from datetime import date
from typing import Any

import openpyxl
import pytest
import requests

from core.demo import DEMO_MANAGER_KEY, DemoConfig, DemoServer

TODAY = date(2026, 11, 28)
DETAILED_HEADER = ["Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags",
                   "Billable", "Start Date", "Start Time", "End Date", "End Time",
                   "Duration (h)", "Duration (decimal)", "Billable Rate (EUR)",
                   "Billable Amount (EUR)"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(entries_per_workspace=4000, today=TODAY)) as server:
        yield server


def report(srv: DemoServer, kind: str, payload: dict[str, Any], ws: str | None = None,
           key: str | None = None) -> requests.Response:
    return requests.post(
        f"{srv.root_url}/report/v1/workspaces/{ws or srv.paid_workspace_id}/reports/{kind}",
        json=payload, headers={"X-Api-Key": key or srv.api_key}, timeout=60)


def detailed_body(start: str = "2026-03-01", end: str = "2026-03-31", **extra: Any,
                  ) -> dict[str, Any]:
    return {"dateRangeStart": f"{start}T00:00:00", "dateRangeEnd": f"{end}T23:59:59.999",
            "timeZone": "Europe/Berlin", "detailedFilter": {"page": 1, "pageSize": 1000},
            **extra}


def parse_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def check_pdf(data: bytes) -> list[bytes]:
    """Validate the xref table; return the decompressed page content streams."""
    assert data.startswith(b"%PDF-1.4\n")
    assert data.endswith(b"%%EOF")
    start = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[start:start + 5] == b"xref\n"
    lines = data[start:].split(b"\n")
    first, count = (int(x) for x in lines[1].split())
    assert first == 0
    table = lines[2:2 + count]
    assert table[0] == b"0000000000 65535 f "
    for number, line in enumerate(table[1:], 1):
        assert len(line) == 19 and line.endswith(b" 00000 n ")
        assert data[int(line[:10]):].startswith(b"%d 0 obj\n" % number)
    assert b"/Size %d" % count in data[start:]
    streams = []
    for match in re.finditer(rb"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n", data):
        raw = data[match.end():match.end() + int(match.group(1))]
        assert data[match.end() + len(raw):].startswith(b"\nendstream")
        streams.append(zlib.decompress(raw))
    pages = int(re.search(rb"/Count (\d+)", data).group(1))  # type: ignore[union-attr]
    assert pages == len(streams) >= 1
    return streams


def test_detailed_csv(srv: DemoServer) -> None:
    json_data = report(srv, "detailed", detailed_body()).json()
    count = json_data["totals"][0]["entriesCount"]
    r = report(srv, "detailed", detailed_body(exportType="CSV"))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv"
    assert r.headers["Content-Disposition"] == (
        "attachment; filename=Clockify_Time_Report_Detailed_03%2F01%2F2026-03%2F31%2F2026.csv")
    assert r.content.startswith(b'"Project","Client","Description"')
    rows = parse_csv(r.content)
    assert rows[0] == DETAILED_HEADER
    assert len(rows) - 1 == count
    by_description = {row[2] for row in rows[1:]}
    assert {e["description"] for e in json_data["timeentries"]} == by_description
    assert any("\n" in d for d in by_description) and any('"' in d for d in by_description)
    for row in rows[1:]:
        assert len(row) == len(DETAILED_HEADER)
        assert re.fullmatch(r"\d\d/\d\d/2026", row[9]) and re.fullmatch(r"\d\d:\d\d:\d\d",
                                                                         row[13])
        assert row[8] in ("Yes", "No")
        h, m, s = (int(x) for x in row[13].split(":"))
        assert float(row[14]) == pytest.approx((h * 3600 + m * 60 + s) / 3600, abs=0.0051)
    for line in r.content.decode("utf-8").split("\r\n")[:5]:
        assert line.startswith('"') and line.endswith('"')


def test_files_ignore_paging_by_default(srv: DemoServer) -> None:
    body = detailed_body(exportType="CSV", detailedFilter={"page": 2, "pageSize": 10})
    total = report(srv, "detailed", detailed_body()).json()["totals"][0]["entriesCount"]
    assert len(parse_csv(report(srv, "detailed", body).content)) - 1 == total
    cfg = DemoConfig(entries_per_workspace=4000, today=TODAY, files_ignore_paging=False)
    with DemoServer(cfg) as paged:
        assert len(parse_csv(report(paged, "detailed", body).content)) - 1 == 10


def test_detailed_xlsx(srv: DemoServer) -> None:
    count = report(srv, "detailed", detailed_body()).json()["totals"][0]["entriesCount"]
    r = report(srv, "detailed", detailed_body(exportType="XLSX"))
    assert r.headers["Content-Type"] == XLSX
    assert r.headers["Content-Disposition"].endswith(".xlsx")
    assert r.content.startswith(b"PK\x03\x04")
    book = openpyxl.load_workbook(io.BytesIO(r.content), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == DETAILED_HEADER
    assert len(rows) - 1 == count
    assert all(isinstance(row[14], int | float) for row in rows[1:])


def test_detailed_pdf_is_valid_and_capped(srv: DemoServer) -> None:
    r = report(srv, "detailed", detailed_body(exportType="PDF"))
    assert r.headers["Content-Type"] == "application/pdf"
    assert r.headers["Content-Disposition"].endswith(".pdf")
    streams = check_pdf(r.content)
    assert len(streams) > 1
    text = b"".join(streams)
    assert b"Detailed report" in text
    assert b"Zo\xeb M\xfcller" in text  # WinAnsi bytes
    assert b"(?ukasz W" in text  # outside cp1252 → "?"
    everything = detailed_body("2025-05-28", "2026-11-28", exportType="PDF")
    big = report(srv, "detailed", everything)
    streams = check_pdf(big.content)
    assert b"\\(PDF limited to 3000 of 4000 rows\\)" in streams[-1]
    rows = sum(s.count(b"/F1 6.5 Tf") for s in streams)  # one cell op per column per row
    assert rows == 3000 * len(DETAILED_HEADER)


def test_manager_csv_hides_money_columns(srv: DemoServer) -> None:
    r = report(srv, "detailed", detailed_body(exportType="CSV", amountShown="HIDE_AMOUNT"),
               key=DEMO_MANAGER_KEY)
    assert parse_csv(r.content)[0] == DETAILED_HEADER[:-2]


def test_free_plan_refuses_csv_and_xlsx(srv: DemoServer) -> None:
    ws = srv.free_workspace_id
    for kind, body in (("detailed", detailed_body()), ("summary", detailed_body(
            summaryFilter={"groups": ["PROJECT"]}))):
        for export in ("CSV", "XLSX"):
            r = report(srv, kind, dict(body, exportType=export), ws)
            assert r.status_code == 403
            assert r.json() == {"message": f"Exporting to {export} is not available on the "
                                           "FREE plan.", "code": 403}
    srv.reset()
    pdf = report(srv, "detailed", detailed_body(exportType="PDF"), ws)
    assert pdf.status_code == 200
    check_pdf(pdf.content)
    srv.reset()


@pytest.mark.parametrize(("kind", "extra", "name", "header"), [
    ("summary", {"summaryFilter": {"groups": ["PROJECT", "USER"]}}, "Summary",
     ["Project", "User", "Time (h)", "Time (decimal)", "Amount (EUR)"]),
    ("attendance", {"attendanceFilter": {"page": 1, "pageSize": 5}}, "Attendance",
     ["User", "Date", "Start", "End", "Break (h)", "Work (h)", "Work (decimal)",
      "Capacity (h)", "Overtime (h)", "Time off (h)"]),
    ("expenses/detailed", {}, "Expenses",
     ["Date", "Project", "Client", "Category", "User", "Email", "Notes", "Quantity", "Unit",
      "Billable", "Amount (EUR)"]),
])
def test_other_report_files(srv: DemoServer, kind: str, extra: dict[str, Any], name: str,
                            header: list[str]) -> None:
    body = {"dateRangeStart": "2026-03-01T00:00:00", "dateRangeEnd": "2026-03-31T23:59:59",
            "timeZone": "Europe/Berlin", **extra}
    for export, ext in (("CSV", "csv"), ("XLSX", "xlsx"), ("PDF", "pdf")):
        r = report(srv, kind, dict(body, exportType=export))
        assert r.status_code == 200, r.text
        assert r.headers["Content-Disposition"] == (
            f"attachment; filename=Clockify_Time_Report_{name}_03%2F01%2F2026-03%2F31%2F2026."
            f"{ext}")
        if export == "CSV":
            rows = parse_csv(r.content)
            assert rows[0] == header and len(rows) > 3
        elif export == "XLSX":
            sheet = openpyxl.load_workbook(io.BytesIO(r.content), read_only=True).worksheets[0]
            assert list(next(sheet.iter_rows(values_only=True))) == header
        else:
            check_pdf(r.content)


def test_summary_csv_matches_json(srv: DemoServer) -> None:
    body = detailed_body(summaryFilter={"groups": ["USER"]})
    data = report(srv, "summary", body).json()
    rows = parse_csv(report(srv, "summary", dict(body, exportType="CSV")).content)
    assert rows[0] == ["User", "Time (h)", "Time (decimal)", "Amount (EUR)"]
    assert [r[0] for r in rows[1:]] == [g["name"] for g in data["groupOne"]]
    assert [r[3] for r in rows[1:]] == [f"{g['amount'] / 100:.2f}" for g in data["groupOne"]]


def test_weekly_csv(srv: DemoServer) -> None:
    body = {"dateRangeStart": "2026-03-02T00:00:00", "dateRangeEnd": "2026-03-08T23:59:59.999",
            "timeZone": "Europe/Berlin", "weeklyFilter": {"group": "USER"}, "exportType": "CSV"}
    r = report(srv, "weekly", body)
    rows = parse_csv(r.content)
    assert rows[0][:3] == ["User", "Project", "Mon 03/02/2026"]
    assert rows[0][-3:] == ["Total (h)", "Total (decimal)", "Amount (EUR)"]
    assert "Weekly_03%2F02%2F2026-03%2F08%2F2026.csv" in r.headers["Content-Disposition"]


def test_zip_and_unknown_export_types_are_rejected(srv: DemoServer) -> None:
    for export in ("ZIP", "DOCX"):
        r = report(srv, "detailed", detailed_body(exportType=export))
        assert (r.status_code, r.json()["code"]) == (400, 501)


def test_large_xlsx_uses_the_streaming_writer(srv: DemoServer,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from core.demo import render

    monkeypatch.setattr(render, "XLSX_OPENPYXL_MAX_ROWS", 10)
    body = detailed_body(exportType="XLSX")
    csv_rows = parse_csv(report(srv, "detailed", dict(body, exportType="CSV")).content)
    r = report(srv, "detailed", body)
    assert r.status_code == 200 and r.content.startswith(b"PK\x03\x04")
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    sheet = book.worksheets[0]
    assert sheet.title == "Detailed report"
    rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == DETAILED_HEADER and len(rows) == len(csv_rows)
    for got, want in zip(rows[1:], csv_rows[1:], strict=True):
        assert [str(v) for v in got[:14]] == want[:14]
        assert got[14] == pytest.approx(float(want[14]))
