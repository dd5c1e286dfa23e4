"""The PDF table: title block, a header repeated on every page, wrapped text cells,
right-aligned numbers, page numbers; landscape A4 for wide tables. No row cap.

Rows are laid out and written page by page (`PdfDocument`), so memory stays flat however
long the report is. The totals and the page count, known only at the end, are form
XObjects drawn on the pages and written last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from pathlib import Path
from typing import IO, Any

from core.render.bidi import visual
from core.render.context import ReportContext
from core.render.pdf_doc import PdfDocument
from core.render.pdf_font import PdfFont
from core.render.table import NUMERIC, Column, Kind, Row, Section, Style
from core.resources import resource_path

PORTRAIT = (595.28, 841.89)  # A4 in points
MARGIN = 30.0
SIZE = 7.0  # table text
LEADING = 8.6
PAD = 2.5
TITLE_SIZE = 14.0
META_SIZE = 8.0
FOOTER_SIZE = 7.0
_WIDE = 100  # tables wider than this many characters (width hints) go landscape
_SAMPLES: dict[Kind, Any] = {
    Kind.DATE: date(2026, 12, 28), Kind.TIME: time(23, 59, 59), Kind.DURATION: 3_599_999,
    Kind.HOURS: 3_599_999, Kind.MONEY: 9_999_999.99, Kind.NUMBER: 99999,
}
_TOTALS_WIDTH = 230.0
_WIDTH_CACHE_MAX = 50_000
_SHORT_TEXT = 8  # width hint up to which a text column is as wide as its header
_SAMPLE_ROWS = 200  # rows held back to size the columns
_CONTROLS = dict.fromkeys(range(32), " ")  # a tab would print as the missing-glyph box


def _flexible(column: Column) -> bool:
    """Text columns share the page's width; short ones (Yes/No) keep their own."""
    return column.kind is Kind.TEXT and column.width > _SHORT_TEXT


def _water_fill(wanted: list[float], least: list[float], room: float) -> list[float]:
    """Widths no wider than wanted nor narrower than least, capped alike to fill `room`."""
    def fill(cap: float) -> list[float]:
        return [max(lo, min(w, cap)) if w else 0.0 for w, lo in zip(wanted, least, strict=True)]

    low, high = 0.0, max(wanted)
    for _ in range(40):
        cap = (low + high) / 2
        if sum(fill(cap)) > room:
            high = cap
        else:
            low = cap
    return fill(low)


def font_path(bold: bool) -> Path:
    return resource_path(f"fonts/DejaVuSans{'-Bold' if bold else ''}.ttf")


class PdfTableWriter:
    def __init__(self, out: IO[bytes], ctx: ReportContext) -> None:
        self.ctx = ctx
        self.regular = PdfFont(font_path(False), "CREAAA")
        self.bold = PdfFont(font_path(True), "CREAAB")
        self.doc = PdfDocument(out, [self.regular, self.bold], ["Np", "Tt"])
        self.width, self.height = PORTRAIT
        self.columns: Sequence[Column] = ()
        self.widths: list[float] = []
        self.lefts: list[float] = []
        self.convert: list[Callable[[Any], str]] = []
        self.section_title = ""
        self._pending: list[Row] | None = None
        self.ops: list[bytes] = []
        self.y = 0.0
        self.page_rows = 0
        self.pages = 0
        self._cache: dict[tuple[str, bool], float] = {}
        self._meta_lines = self._title_lines()

    # ---- text ------------------------------------------------------------------------

    def _width(self, text: str, bold: bool = False, size: float = SIZE) -> float:
        if size != SIZE:
            return (self.bold if bold else self.regular).width(text, size)
        key = (text, bold)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > _WIDTH_CACHE_MAX:
                self._cache.clear()
            found = self._cache[key] = (self.bold if bold else self.regular).width(text, SIZE)
        return found

    def _text(self, x: float, y: float, text: str, bold: bool = False,
              size: float = SIZE) -> None:
        font = self.bold if bold else self.regular
        text = visual(text.translate(_CONTROLS))
        self.ops.append(b"BT /F%d %.1f Tf %.2f %.2f Td %s Tj ET"
                        % (2 if bold else 1, size, x, y, font.encode(text)))

    def _wrap(self, text: str, width: float, bold: bool, max_lines: int) -> list[str]:
        if "\n" not in text and "\r" not in text and self._width(text, bold) <= width:
            return [text]
        font = self.bold if bold else self.regular
        lines: list[str] = []
        space = font.width(" ", SIZE)
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            current, used = "", 0.0
            for word in paragraph.split(" "):
                size = font.width(word, SIZE)
                if current and used + space + size <= width:
                    current, used = f"{current} {word}", used + space + size
                    continue
                if current:
                    lines.append(current)
                while size > width:  # a word wider than the column is cut
                    cut, taken = 0, 0.0
                    for w in font.char_widths(word, SIZE):
                        if taken + w > width and cut:
                            break
                        cut, taken = cut + 1, taken + w
                    lines.append(word[:cut])
                    word = word[cut:]
                    size = font.width(word, SIZE)
                current, used = word, size
            lines.append(current)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][:-1] + "…" if lines[-1] else "…"
        return lines

    # ---- layout ----------------------------------------------------------------------

    def _title_lines(self) -> list[str]:
        ctx = self.ctx
        params = dict(ctx.parameters())
        filters = [text for label, text in ctx.parameters() if label == "Filter"]
        return [
            f"Workspace: {ctx.workspace_name}",
            f"Range: {params['Range']}    Time zone: {ctx.time_zone}",
            "Filters: " + ("; ".join(filters) if filters else "none"),
            f"Generated {params['Generated at']} by Clockify Report Exporter "
            f"{ctx.app_version}",
        ]

    def _layout(self, columns: Sequence[Column], sample: Sequence[Row] = ()) -> None:
        """Numbers, dates and times keep their natural width; text columns share the rest,
        each by how wide its text is in the first rows (by its width hint without rows)."""
        hint = sum(c.width for c in columns)
        self.width, self.height = (PORTRAIT[1], PORTRAIT[0]) if hint > _WIDE else PORTRAIT
        usable = self.width - 2 * MARGIN
        converters = self.ctx.formats.converters(columns)
        fixed, least, wanted = [], [], []
        for index, column in enumerate(columns):
            words = max(self._width(w, True) for w in column.header.split(" ")) + 2 * PAD
            texts = [str(converters[index](row.values[index])) for row in sample]
            if not _flexible(column):
                # As wide as the widest value seen (bold: subtotals), or a typical one.
                values = texts or [converters[index](_SAMPLES.get(column.kind, "Yes"))]
                widest = max(self._width(v, True) for v in values)
                fixed.append(max(widest + 2 * PAD + 2, words))
                least.append(0.0)
                wanted.append(0.0)
                continue
            fixed.append(0.0)
            # Wide enough for most rows' longest word where the page allows, so names and
            # words like "Documentation" wrap between words instead of being cut.
            longest = sorted(max(self._width(w) for w in text.split())
                             for text in texts if text.strip())
            typical = longest[int(len(longest) * 0.9)] + 2 * PAD if longest else 0.0
            floor = max(words, min(typical, usable * 0.08))
            least.append(floor)
            widths = sorted(max(self._width(line) for line in text.split("\n"))
                            for text in texts)
            natural = widths[int(len(widths) * 0.9)] if widths else column.width * SIZE * 0.55
            wanted.append(min(max(natural + 2 * PAD, floor), usable * 0.35))
        room = max(usable - sum(fixed), 0.0)
        total = sum(wanted) or 1.0
        if total <= room:  # everything fits: spread what is left in proportion
            flexible = [w * room / total for w in wanted]
        else:  # narrow columns keep their width, the widest are cut to a common cap
            flexible = _water_fill(wanted, least, room)
        self.widths = [x if _flexible(c) else f
                       for c, f, x in zip(columns, fixed, flexible, strict=True)]
        if sum(self.widths) > usable:  # too many number columns: shrink all alike
            scale = usable / sum(self.widths)
            self.widths = [w * scale for w in self.widths]
        self.lefts = []
        x = MARGIN
        for width in self.widths:
            self.lefts.append(x)
            x += width
        self.columns = columns
        self.convert = converters

    def _start_page(self) -> None:
        self.ops = []
        self.pages += 1
        self.page_rows = 0
        top = self.height - MARGIN
        if self.pages == 1:
            self._text(MARGIN, top - TITLE_SIZE, self.ctx.title, True, TITLE_SIZE)
            y = top - TITLE_SIZE - 6
            for line in self._meta_lines:
                y -= META_SIZE + 3
                self._text(MARGIN, y, line, size=META_SIZE)
            # The totals are only known at the end: a form XObject drawn here, written last.
            self.ops.append(b"q 1 0 0 1 %.2f %.2f cm /Tt Do Q"
                            % (self.width - MARGIN - _TOTALS_WIDTH, y))
            top = y - 10
        self.y = top
        self._footer()
        if self.section_title:
            self._section_heading()
        self._header()

    def _footer(self) -> None:
        ctx = self.ctx
        left = f"{ctx.workspace_name} · {ctx.title} · {ctx.range_text()}"
        self._text(MARGIN, MARGIN - 14, left, size=FOOTER_SIZE)
        label = f"Page {self.pages} of "
        x = self.width - MARGIN - 60
        self._text(x, MARGIN - 14, label, size=FOOTER_SIZE)
        x += self.regular.width(label, FOOTER_SIZE)
        self.ops.append(b"q 1 0 0 1 %.2f %.2f cm /Np Do Q" % (x, MARGIN - 14))

    def _section_heading(self) -> None:
        self.y -= 12
        self._text(MARGIN, self.y, self.section_title, True, 9.0)
        self.y -= 4

    def _header(self) -> None:
        cells = [self._wrap(c.header, w - 2 * PAD, True, 3)
                 for c, w in zip(self.columns, self.widths, strict=True)]
        lines = max(len(c) for c in cells)
        self._draw_cells(cells, lines, True)
        self._rule(1.0)

    def _rule(self, width: float) -> None:
        y = self.y - 2
        self.ops.append(b"%.2f w %.2f %.2f m %.2f %.2f l S"
                        % (width * 0.5, MARGIN, y, self.width - MARGIN, y))
        self.y -= 3

    def _draw_cells(self, cells: list[list[str]], lines: int, bold: bool,
                    indent: float = 0.0) -> None:
        top = self.y
        for index, (column, text_lines) in enumerate(zip(self.columns, cells, strict=True)):
            numeric = column.kind in NUMERIC
            for n, line in enumerate(text_lines):
                if not line:
                    continue
                y = top - SIZE - n * LEADING
                if numeric:
                    x = self.lefts[index] + self.widths[index] - PAD - self._width(line, bold)
                else:
                    x = self.lefts[index] + PAD + (indent if index == 0 else 0.0)
                self._text(x, y, line, bold)
        self.y = top - lines * LEADING - 1.5

    def _end_page(self) -> None:
        self.doc.add_page(b"\n".join(self.ops), self.width, self.height)
        self.ops = []

    # ---- the writer interface ---------------------------------------------------------

    def begin(self, columns: Sequence[Column]) -> None:
        # The first rows are held back to size the columns by their text.
        self.columns = columns
        self._pending = []

    def _flush(self) -> None:
        if self._pending is None:
            return
        rows, self._pending = self._pending, None
        self._layout(self.columns, rows)
        self._start_page()
        for row in rows:
            self._draw_row(row)

    def section(self, section: Section) -> None:
        """A new part (a weekly week): its title and header, on a new page if needed."""
        self._flush()
        self.section_title = section.title
        if not self.ops:
            self._layout(section.columns)
            self._start_page()
            return
        self._layout(section.columns)
        if self.y - 60 < MARGIN:
            self._end_page()
            self._start_page()
            return
        self.y -= 6
        self._section_heading()
        self._header()

    def row(self, row: Row) -> None:
        if self._pending is None:
            self._draw_row(row)
            return
        self._pending.append(row)
        if len(self._pending) >= _SAMPLE_ROWS:
            self._flush()

    def _draw_row(self, row: Row) -> None:
        bold = row.style is not Style.ROW
        max_lines = int((self.height - 2 * MARGIN - 80) / LEADING)
        cells = []
        for convert, value, column, width in zip(self.convert, row.values, self.columns,
                                                 self.widths, strict=True):
            text = convert(value)
            if column.kind in NUMERIC or not text:
                cells.append([text])
            else:
                indent = 8.0 * row.level if not cells else 0.0
                cells.append(self._wrap(text, width - 2 * PAD - indent, bold, max_lines))
        lines = max(len(c) for c in cells)
        if self.y - lines * LEADING - 2 < MARGIN:
            self._end_page()
            self._start_page()
        if row.style is Style.TOTAL:
            self._rule(0.8)
        elif row.style is Style.GROUP and row.level == 0 and self.page_rows:
            self.ops.append(b"0.2 w %.2f %.2f m %.2f %.2f l S"
                            % (MARGIN, self.y, self.width - MARGIN, self.y))
        self._draw_cells(cells, lines, bold, 8.0 * row.level)
        self.page_rows += 1

    def finish(self, totals: Sequence[tuple[str, Any, Kind]]) -> None:
        self._flush()
        if not self.ops:  # nothing begun: an empty report still gets its title page
            self._layout(self.columns or [Column("")])
            self._start_page()
        if self.page_rows == 0 and self.pages == 1:
            self._text(MARGIN, self.y - SIZE - 4, "No data in this range.")
        self._end_page()
        number = str(self.pages).encode()
        self.doc.write_form("Np", b"BT /F1 %.1f Tf 0 0 Td %s Tj ET"
                            % (FOOTER_SIZE, self.regular.encode(number.decode())),
                            (0, -2, 40, FOOTER_SIZE + 2))
        self.doc.write_form("Tt", self._totals_form(totals),
                            (0, -2, _TOTALS_WIDTH, 70))
        ctx = self.ctx
        self.doc.close(f"{ctx.title} – {ctx.workspace_name}", ctx.range_text(),
                       f"Clockify Report Exporter {ctx.app_version}")

    def _totals_form(self, totals: Sequence[tuple[str, Any, Kind]]) -> bytes:
        self.ops = []
        y = 60.0
        for label, value, kind in totals[:6]:
            text = self.ctx.formats.converter(kind)(value) if kind is not Kind.TEXT \
                else str(value)
            self._text(0, y, f"{label}:", True, META_SIZE)
            width = self.regular.width(text, META_SIZE)
            self._text(_TOTALS_WIDTH - width, y, text, size=META_SIZE)
            y -= META_SIZE + 3
        return b"\n".join(self.ops)
