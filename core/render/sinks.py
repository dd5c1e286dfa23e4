"""The renderers as the engine sees them: an item sink (`add` / `close`) for the paged
reports and a document sink (`write`) for summary and weekly.

A sink writes into an open binary file (an `AtomicFile`'s file object): rows go out as
they arrive, and before the last byte is written the file's totals are compared with the
report's, so a file that does not add up is never committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any, Protocol

from core.render.context import ReportContext
from core.render.items import ItemLayout
from core.render.table import Column, Kind, Row, Section
from core.render.totals import Expected, Tally, check, expected_from
from core.reports import ExportFormat


class TableWriter(Protocol):
    def begin(self, columns: Sequence[Column]) -> None: ...
    def section(self, section: Section) -> None: ...
    def row(self, row: Row) -> None: ...
    def finish(self, totals: Sequence[tuple[str, Any, Kind]]) -> None: ...


def table_writer(fmt: ExportFormat, out: IO[bytes], ctx: ReportContext) -> TableWriter:
    """The writer of one format; the libraries load only when that format is built."""
    if fmt is ExportFormat.CSV:
        from core.render.csv_writer import CsvTableWriter

        return CsvTableWriter(out, ctx)
    if fmt is ExportFormat.XLSX:
        from core.render.xlsx_writer import XlsxTableWriter

        return XlsxTableWriter(out, ctx)
    if fmt is ExportFormat.PDF:
        from core.render.pdf_writer import PdfTableWriter

        return PdfTableWriter(out, ctx)
    raise ValueError(f"{fmt.label} is not built by the renderers")


def totals_lines(ctx: ReportContext, tally: Tally, *, with_count: bool = True,
                 with_time: bool = True) -> list[tuple[str, Any, Kind]]:
    """The totals a file shows (XLSX totals sheet, PDF title block)."""
    lines: list[tuple[str, Any, Kind]] = []
    if with_count:
        noun = {"expenses": "Expenses", "attendance": "Rows"}.get(ctx.kind.value, "Entries")
        lines.append((noun, tally.count, Kind.NUMBER))
    if with_time:
        lines.append(("Total time", tally.seconds, Kind.DURATION))
        if ctx.kind.value != "attendance":
            lines.append(("Billable time", tally.billable_seconds, Kind.DURATION))
    money = ctx.kind.value == "expenses" or (ctx.shows_amounts and ctx.kind.value != "attendance")
    if money:  # attendance has no amounts
        currencies = sorted(tally.cents) or [ctx.currency]
        for code in currencies:
            lines.append((f"Amount ({code})", tally.cents.get(code, 0.0), Kind.MONEY))
    return lines


class RenderItemSink:
    """Detailed, attendance and expense items → one CSV, XLSX or PDF file."""

    def __init__(self, fmt: ExportFormat, out: IO[bytes], ctx: ReportContext) -> None:
        self.fmt = fmt
        self.ctx = ctx
        self.writer = table_writer(fmt, out, ctx)
        self.layout: ItemLayout | None = None
        self.tally = Tally()

    @property
    def count(self) -> int:
        return self.tally.count

    def _begin(self, first: dict[str, Any] | None) -> ItemLayout:
        self.layout = ItemLayout(self.ctx, first, printed=self.fmt is ExportFormat.PDF)
        self.writer.begin(self.layout.columns)
        return self.layout

    def add(self, item: dict[str, Any]) -> None:
        layout = self.layout or self._begin(item)
        self.writer.row(Row(layout.row(item, self.tally)))

    def close(self, totals: dict[str, Any]) -> None:
        """Check the rows written against the report's `totals`, then end the file."""
        if self.layout is None:
            self._begin(None)
        # Attendance has no totals of its own: the engine's count is all there is.
        expected = expected_from(totals) if totals else Expected()
        check(self.tally, expected, f"{self.fmt.label} file", rounded_rows=self.tally.count)
        kind = self.ctx.kind.value
        self.writer.finish(totals_lines(self.ctx, self.tally,
                                        with_time=kind != "expenses"))


class RenderDocumentSink:
    """A merged summary or weekly document → one CSV, XLSX or PDF file."""

    def __init__(self, fmt: ExportFormat, out: IO[bytes], ctx: ReportContext) -> None:
        self.fmt = fmt
        self.ctx = ctx
        self.writer = table_writer(fmt, out, ctx)
        self.tally = Tally()
        self.rows = 0

    def write(self, document: dict[str, Any]) -> None:
        from core.render.grouped import SummaryTable, WeeklyTable

        # CSV stays a flat table of leaf rows; XLSX and PDF show groups with subtotals.
        tree = self.fmt is not ExportFormat.CSV
        expected = expected_from(document)
        if self.ctx.kind.value == "summary":
            summary = SummaryTable(self.ctx, document)
            self.writer.begin(summary.columns)
            for row in summary.rows(tree, self.tally):
                self.writer.row(row)
            self.rows = summary.leaves
            if summary.additive:
                check(self.tally, _without_billable(expected), f"{self.fmt.label} file",
                      counts_rows=False, rounded_rows=summary.leaves)
        else:
            weekly = WeeklyTable(self.ctx, document)
            sections = self.fmt is ExportFormat.PDF
            if not sections:
                self.writer.begin(weekly.columns(None))
            for start in weekly.starts:
                if sections:
                    self.writer.section(weekly.section(start))
                for row in weekly.week_rows(start, tree, not sections, self.tally):
                    self.writer.row(row)
            if not weekly.starts:
                self.writer.begin(weekly.columns(None))
            self.rows = weekly.rows_written
            check(self.tally, _without_billable(expected), f"{self.fmt.label} file",
                  counts_rows=False, rounded_rows=weekly.rows_written * 7)
        totals = _totals_of(expected, self.tally)
        self.writer.finish(totals_lines(self.ctx, totals))


def _without_billable(expected: Expected) -> Expected:
    """Group rows carry no billable time: that total cannot be checked from them."""
    return Expected(count=expected.count, seconds=expected.seconds, cents=expected.cents,
                    cents_by_currency=expected.cents_by_currency)


def _totals_of(expected: Expected, tally: Tally) -> Tally:
    """The totals to show: the report's own (entry count and billable time are not in
    the group rows), with the file's amounts per currency."""
    return Tally(count=expected.count or 0, seconds=tally.seconds,
                 billable_seconds=expected.billable_seconds or 0.0, cents=dict(tally.cents))
