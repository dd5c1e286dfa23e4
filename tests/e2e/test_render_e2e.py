"""Files this app builds, end to end against the demo server: golden comparisons with
Clockify's own CSVs, one complete file for a Free-plan year, no PDF cap under `auto`."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from fontTools.ttLib import TTFont

from core.bodies import ReportOptions
from core.cli import run
from core.demo import DemoConfig, DemoServer
from core.errors import EXIT_OK
from core.export import ExportJob
from core.planning import ExportRequest, ExportResult
from core.render.pdf_writer import font_path
from core.render.settings import CsvSettings, Renderer
from core.reports import ExportFormat, ReportKind
from core.writers import UTF8_BOM
from tests.e2e.conftest import TODAY, assert_bodies_valid, make_client

BERLIN = "Europe/Berlin"
YEAR = (date(2025, 12, 1), date(2026, 11, 27))


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    """Enough entries for a > 3,000-row paid PDF; a Free quota that never makes tests wait."""
    config = DemoConfig(seed=5, entries_per_workspace=4200, months=13, today=TODAY,
                        free_quota_per_window=10_000)
    with DemoServer(config) as server:
        yield server


@pytest.fixture
def demo(srv: DemoServer) -> Iterator[DemoServer]:
    first = len(srv.requests)
    yield srv
    assert_bodies_valid(srv, first)


def export(srv: DemoServer, out: Path, kind: ReportKind, fmt: ExportFormat, start: date,
           end: date, *, renderer: Renderer = Renderer.AUTO, workspace: str | None = None,
           options: ReportOptions | None = None,
           csv_settings: CsvSettings | None = None) -> ExportResult:
    request = ExportRequest(workspace_id=workspace or srv.paid_workspace_id, kind=kind,
                            fmt=fmt, start=start, end=end, output=out, time_zone=BERLIN,
                            options=options or ReportOptions(), renderer=renderer,
                            csv=csv_settings or CsvSettings())
    return ExportJob(make_client(srv), request).run()


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def report_types(srv: DemoServer, since: int) -> list[str]:
    return [r.body["exportType"] for r in srv.requests[since:]
            if r.method == "POST" and r.body and "/reports/" in r.path]


# ---- golden comparisons with Clockify's own files -----------------------------------------

def _day(text: str, pattern: str) -> str:
    return datetime.strptime(text, pattern).date().isoformat()


def normalise(header: list[str], row: list[str], date_format: str) -> tuple[str, ...]:
    """Cells compared by meaning: dates as ISO, numbers to two decimals, group sets."""
    out = []
    for name, cell in zip(header, row, strict=True):
        if "Date" in name:
            cell = datetime.strptime(cell, date_format).date().isoformat()
        elif re.fullmatch(r"-?\d+\.\d+", cell):
            cell = f"{float(cell):.2f}"
        elif name == "Group":
            cell = ", ".join(sorted(cell.split(", ")))
        out.append(cell)
    return tuple(out)


def test_detailed_csv_matches_clockifys_csv_cell_by_cell(demo: DemoServer,
                                                         tmp_path: Path) -> None:
    start, end = date(2026, 7, 1), date(2026, 10, 31)
    ours = export(demo, tmp_path / "ours.csv", ReportKind.DETAILED, ExportFormat.CSV, start,
                  end, renderer=Renderer.LOCAL)
    export(demo, tmp_path / "theirs.csv", ReportKind.DETAILED, ExportFormat.CSV, start, end,
           renderer=Renderer.CLOCKIFY)
    mine, theirs = read_csv(tmp_path / "ours.csv"), read_csv(tmp_path / "theirs.csv")
    common = [h for h in theirs[0] if h in mine[0]]
    assert common == theirs[0], "every column of Clockify's CSV, in its order"
    pick_mine = [mine[0].index(h) for h in common]
    # The demo profile's date format is DD/MM/YYYY; Clockify's file uses MM/DD/YYYY.
    mine_rows = Counter(normalise(common, [r[i] for i in pick_mine], "%d/%m/%Y")
                        for r in mine[1:])
    their_rows = Counter(normalise(common, r, "%m/%d/%Y") for r in theirs[1:])
    assert ours.entries is not None and len(theirs) - 1 == ours.entries > 1000
    assert mine_rows == their_rows


def test_summary_csv_matches_clockifys_csv(demo: DemoServer, tmp_path: Path) -> None:
    start, end = date(2026, 6, 1), date(2026, 8, 31)
    for groups in (("PROJECT", "TIMEENTRY"), ("CLIENT", "TASK", "DATE")):
        options = ReportOptions(summary_groups=groups)
        export(demo, tmp_path / "ours.csv", ReportKind.SUMMARY, ExportFormat.CSV, start, end,
               renderer=Renderer.LOCAL, options=options)
        export(demo, tmp_path / "theirs.csv", ReportKind.SUMMARY, ExportFormat.CSV, start,
               end, renderer=Renderer.CLOCKIFY, options=options)
        mine, theirs = read_csv(tmp_path / "ours.csv"), read_csv(tmp_path / "theirs.csv")
        assert mine[0] == theirs[0]
        # Dates as the profile writes them (DD/MM/YYYY) here, as ISO in Clockify's file.
        fix = [(r[:-3] if "DATE" not in groups else [*r[:-4], _day(r[-4], "%d/%m/%Y")])
               + [r[-3], f"{float(r[-2]):.2f}", f"{float(r[-1]):.2f}"] for r in mine[1:]]
        want = [(r[:-3] if "DATE" not in groups else [*r[:-4], _day(r[-4], "%Y-%m-%d")])
                + [r[-3], f"{float(r[-2]):.2f}", f"{float(r[-1]):.2f}"] for r in theirs[1:]]
        assert fix == want and len(fix) > 20


def test_weekly_csv_matches_clockifys_csv(demo: DemoServer, tmp_path: Path) -> None:
    start, end = date(2026, 9, 7), date(2026, 9, 13)  # one Monday-to-Sunday week
    export(demo, tmp_path / "ours.csv", ReportKind.WEEKLY, ExportFormat.CSV, start, end,
           renderer=Renderer.LOCAL)
    export(demo, tmp_path / "theirs.csv", ReportKind.WEEKLY, ExportFormat.CSV, start, end,
           renderer=Renderer.CLOCKIFY)
    mine, theirs = read_csv(tmp_path / "ours.csv"), read_csv(tmp_path / "theirs.csv")
    assert mine[0][0] == "Week" and {r[0] for r in mine[1:]} == {"07/09/2026"}
    assert [h[:3] for h in mine[0][3:10]] == [h[:3] for h in theirs[0][2:9]]
    assert mine[0][10:] == theirs[0][9:]
    money = len(theirs[0]) - 1
    mine_rows = [[*r[1:money + 1], f"{float(r[-1]):.2f}"] for r in mine[1:]]
    their_rows = [[*r[:money], f"{float(r[-1]):.2f}"] for r in theirs[1:]]
    assert mine_rows == their_rows and len(mine_rows) > 5


# ---- one complete file on the Free plan ------------------------------------------------------

@pytest.fixture(scope="module")
def free_year(srv: DemoServer, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[list[dict[str, Any]], Path]:
    """The Free workspace's year as JSON: what every other format must hold."""
    folder = tmp_path_factory.mktemp("free")
    export(srv, folder / "year.json", ReportKind.DETAILED, ExportFormat.JSON, *YEAR,
           workspace=srv.free_workspace_id)
    items = json.loads((folder / "year.json").read_text(encoding="utf-8"))["timeentries"]
    assert len(items) > 1000
    return items, folder


def _key(description: str, user: str, start: str) -> tuple[str, str, str]:
    return " ".join(description.split()), user, start


def _entries(items: list[dict[str, Any]]) -> Counter[tuple[str, str, str]]:
    """Each JSON entry as (description, user, local start): what a file row must show."""
    return Counter(_key(i["description"], i["userName"], i["timeInterval"]["start"][:19])
                   for i in items)


def _free_year(demo: DemoServer, folder: Path, fmt: ExportFormat) -> tuple[Path, ExportResult]:
    out = folder / f"year{fmt.extension}"
    return out, export(demo, out, ReportKind.DETAILED, fmt, *YEAR,
                       workspace=demo.free_workspace_id)


def test_free_year_csv_is_one_file_with_every_entry_once(
        demo: DemoServer, free_year: tuple[list[dict[str, Any]], Path]) -> None:
    items, folder = free_year
    out, result = _free_year(demo, folder, ExportFormat.CSV)
    assert result.files == (out,) and result.windows == 12 and result.entries == len(items)
    assert any("Free plan" in n for n in result.notes)
    rows = read_csv(out)
    got = Counter(_key(r[2], r[4], f"{_day(r[9], '%d/%m/%Y')}T{r[10]}") for r in rows[1:])
    assert got == _entries(items)


def test_free_year_csv_is_newest_first_across_its_twelve_windows(
        demo: DemoServer, free_year: tuple[list[dict[str, Any]], Path]) -> None:
    """JSON pages come in creation order, window after window; the file is in the
    window's default order (newest first) or the one chosen, over the whole year."""
    items, folder = free_year

    def starts(out: Path) -> list[datetime]:
        return [datetime.strptime(f"{r[9]} {r[10]}", "%d/%m/%Y %H:%M:%S")
                for r in read_csv(out)[1:]]

    newest = starts(_free_year(demo, folder, ExportFormat.CSV)[0])
    assert len(newest) == len(items) and newest == sorted(newest, reverse=True)
    oldest = folder / "oldest.csv"
    export(demo, oldest, ReportKind.DETAILED, ExportFormat.CSV, *YEAR,
           workspace=demo.free_workspace_id, options=ReportOptions(sort_order="ASCENDING"))
    assert starts(oldest) == sorted(newest)
    by_user = folder / "by-user.csv"
    export(demo, by_user, ReportKind.DETAILED, ExportFormat.CSV, *YEAR,
           workspace=demo.free_workspace_id,
           options=ReportOptions(detailed_sort_column="USER", sort_order="ASCENDING"))
    users = [r[4].casefold() for r in read_csv(by_user)[1:]]
    assert users == sorted(users) and len(set(users)) > 1


def test_free_year_xlsx_is_one_file_with_every_entry_once(
        demo: DemoServer, free_year: tuple[list[dict[str, Any]], Path]) -> None:
    items, folder = free_year
    out, result = _free_year(demo, folder, ExportFormat.XLSX)
    assert result.files == (out,)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    totals = {r[0]: r[1] for r in book["Totals"].iter_rows(values_only=True) if r[0]}
    book.close()
    got = Counter(_key(str(r[2] or ""), str(r[4]),
                       datetime.combine(r[9].date(), r[10]).isoformat()) for r in rows)
    assert got == _entries(items)
    assert totals["Entries"] == len(items)
    seconds = sum(i["timeInterval"]["duration"] for i in items)
    assert totals["Total time"].total_seconds() == pytest.approx(seconds)


def test_free_year_pdf_is_one_file_with_every_entry_once(
        demo: DemoServer, free_year: tuple[list[dict[str, Any]], Path]) -> None:
    items, folder = free_year
    since = len(demo.requests)
    out, result = _free_year(demo, folder, ExportFormat.PDF)
    assert result.files == (out,) and "PDF" not in report_types(demo, since)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    # Each row shows its start and end as "date time": two per entry.
    assert len(re.findall(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", text)) == 2 * len(items)
    flat = re.sub(r"\s+", "", text)
    # Characters the bundled font lacks (emoji, CJK) print as its placeholder glyph.
    known = TTFont(str(font_path(False))).getBestCmap()
    for item in items:
        shown = "".join(ch if ord(ch) in known else "\n" for ch in item["description"])
        for part in re.sub(r"[^\S\n]+", "", shown).split("\n"):
            assert part in flat


def test_weekly_year_is_one_file(demo: DemoServer, tmp_path: Path) -> None:
    out = tmp_path / "weekly.xlsx"
    result = export(demo, out, ReportKind.WEEKLY, ExportFormat.XLSX, *YEAR)
    assert result.files == (out,) and result.windows == 52
    book = openpyxl.load_workbook(out, read_only=True)
    weeks = {r[0] for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    total = {r[0]: r[1] for r in book["Totals"].iter_rows(values_only=True) if r[0]}
    book.close()
    assert len(weeks) == 52 and all(w.weekday() == 0 for w in weeks)  # Mondays
    export(demo, tmp_path / "year.json", ReportKind.SUMMARY, ExportFormat.JSON, *YEAR)
    summary = json.loads((tmp_path / "year.json").read_text(encoding="utf-8"))
    assert total["Total time"].total_seconds() == summary["totals"][0]["totalTime"]


# ---- PDFs: no cap under auto ------------------------------------------------------------------

def test_paid_pdf_over_3000_rows_is_built_here_and_complete(demo: DemoServer,
                                                            tmp_path: Path) -> None:
    start, end = YEAR
    expected = demo.data.entry_ids(demo.paid_workspace_id, start, end, BERLIN)
    assert len(expected) > 3000
    since = len(demo.requests)
    out = tmp_path / "big.pdf"
    result = export(demo, out, ReportKind.DETAILED, ExportFormat.PDF, start, end)
    assert result.files == (out,) and result.entries == len(expected)
    assert any("3,000 rows" in n for n in result.notes)
    # Clockify's PDF was never asked for, and the first JSON page was not asked twice.
    assert report_types(demo, since) == ["JSON"] * -(-len(expected) // 1000)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert len(re.findall(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", text)) == 2 * len(expected)


def test_auto_pdf_whose_range_clockify_refuses_is_split_and_built_here(
        demo: DemoServer, tmp_path: Path) -> None:
    """Asked for more days than the Free plan allows, Clockify refuses the JSON that would
    tell the row count: the range is split as usual and the PDF built here."""
    start, end = date(2026, 6, 1), date(2026, 8, 31)
    out = tmp_path / "r.pdf"
    request = ExportRequest(workspace_id=demo.free_workspace_id, kind=ReportKind.DETAILED,
                            fmt=ExportFormat.PDF, start=start, end=end, output=out,
                            time_zone=BERLIN, max_days=400)
    result = ExportJob(make_client(demo), request).run()
    expected = demo.data.entry_ids(demo.free_workspace_id, start, end, BERLIN)
    assert result.files == (out,) and result.entries == len(expected) and result.windows == 3
    assert any("did not say" in n for n in result.notes)


def test_small_pdf_under_auto_is_clockifys(demo: DemoServer, tmp_path: Path) -> None:
    since = len(demo.requests)
    out = tmp_path / "small.pdf"
    result = export(demo, out, ReportKind.DETAILED, ExportFormat.PDF, date(2026, 10, 1),
                    date(2026, 10, 7))
    assert report_types(demo, since) == ["JSON", "PDF"]
    assert result.files == (out,) and out.read_bytes().startswith(b"%PDF-1.4")


def test_paid_single_window_csv_under_auto_is_clockifys(demo: DemoServer,
                                                        tmp_path: Path) -> None:
    since = len(demo.requests)
    export(demo, tmp_path / "r.csv", ReportKind.DETAILED, ExportFormat.CSV, date(2026, 10, 1),
           date(2026, 10, 7))
    assert "CSV" in report_types(demo, since)  # with the engine's one-entry count probe
    assert not (tmp_path / "r.csv").read_bytes().startswith(UTF8_BOM)  # Clockify's has none


@pytest.mark.parametrize("kind", [ReportKind.ATTENDANCE, ReportKind.EXPENSES,
                                  ReportKind.SUMMARY])
@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF])
def test_every_kind_builds_locally(demo: DemoServer, tmp_path: Path, kind: ReportKind,
                                   fmt: ExportFormat) -> None:
    out = tmp_path / f"r{fmt.extension}"
    result = export(demo, out, kind, fmt, date(2026, 1, 1), date(2026, 3, 31),
                    renderer=Renderer.LOCAL)
    assert result.files == (out,) and out.stat().st_size > 500
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


# ---- the command line ---------------------------------------------------------------------

def test_cli_builds_a_semicolon_csv_without_escaping(demo: DemoServer, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOCKIFY_API_KEY", demo.api_key)
    target = tmp_path / "r.csv"
    err = io.StringIO()
    code = run(["export", "--server", demo.root_url, "--workspace", "Side Projects",
                "--start", "2026-01-01", "--end", "2026-02-28", "--render", "local",
                "--csv-delimiter", "semicolon", "--no-formula-escape", "--no-bom",
                "--output", str(target)], out=io.StringIO(), err=err)
    assert code == EXIT_OK, err.getvalue()
    data = target.read_bytes()
    assert data.startswith(b"Project;Client;Description")
    assert "Saved" in err.getvalue()
