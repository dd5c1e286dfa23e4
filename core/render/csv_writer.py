"""CSV that opens cleanly in Excel and LibreOffice: UTF-8 with BOM, `,` or `;`, quoted
where needed (embedded line breaks kept), formula-injection escaping of text cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import IO, Any

from core.render.context import ReportContext
from core.render.table import Column, Kind, Row, Section
from core.render.values import FORMULA_STARTS, escape_formula
from core.writers import UTF8_BOM


class CsvTableWriter:
    def __init__(self, out: IO[bytes], ctx: ReportContext) -> None:
        self.ctx = ctx
        settings = ctx.csv
        if settings.bom:
            out.write(UTF8_BOM)
        # The wrapper only encodes; the AtomicFile below stays open and owned by its caller.
        self._text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
        self._csv = csv.writer(self._text, delimiter=settings.delimiter,
                               quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self._escape = settings.formula_escape
        self._typed: list[tuple[int, Callable[[Any], str]]] = []
        self._text_cols: list[int] = []

    def begin(self, columns: Sequence[Column]) -> None:
        converters = self.ctx.formats.converters(columns)
        # Text cells arrive as str; only typed cells need converting.
        self._typed = [(i, f) for i, (c, f) in enumerate(zip(columns, converters, strict=True))
                       if c.kind is not Kind.TEXT]
        # Only text can be a formula; "-1.50" in a number column stays a number.
        self._text_cols = [i for i, c in enumerate(columns) if c.kind is Kind.TEXT]
        header = [c.header for c in columns]
        self._csv.writerow([escape_formula(h) for h in header] if self._escape else header)

    def section(self, section: Section) -> None:
        """CSV keeps one header for the whole file (weekly weeks carry a Week column)."""

    def row(self, row: Row) -> None:
        # Each row's list is made for this file alone, so it is filled in place.
        cells = row.values if isinstance(row.values, list) else list(row.values)
        for i, convert in self._typed:
            cells[i] = convert(cells[i])
        if self._escape:
            for i in self._text_cols:
                cell = cells[i]
                if cell and cell[0] in FORMULA_STARTS:
                    cells[i] = "'" + cell
        self._csv.writerow(cells)

    def finish(self, totals: Sequence[tuple[str, Any, Kind]]) -> None:
        """Clockify's CSV has no totals block; the file stays one clean table."""
        self._text.flush()
        self._text.detach()
