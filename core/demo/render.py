"""File exports: a report `Table` rendered as CSV, XLSX (openpyxl) or a small PDF 1.4."""

from __future__ import annotations

import csv
import io
import zlib
from dataclasses import dataclass, field

from openpyxl import Workbook

from core.demo.xlsx import write_xlsx

PDF_MAX_ROWS = 3000
# Above this many rows XLSX is written by the streaming stdlib writer (openpyxl without lxml
# needs about a minute for 200k rows); both produce the same single-sheet workbook.
XLSX_OPENPYXL_MAX_ROWS = 20_000


@dataclass
class Table:
    title: str  # e.g. "Detailed report"
    subtitle: str  # e.g. "03/01/2026 - 03/31/2026"
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = field(default_factory=frozenset)  # decimal columns (XLSX)
    footer: str = ""  # e.g. "Total: 12:34:56"
    total_rows: int | None = None  # rows before a PDF cut (when `rows` was cut already)


def to_csv(table: Table) -> bytes:
    """UTF-8 (no BOM), every field double-quoted, CRLF line ends."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    """A real workbook; decimal columns are written as numbers, everything else as text."""
    if len(table.rows) > XLSX_OPENPYXL_MAX_ROWS:
        return write_xlsx(table.title[:31] or "Report", table.headers, table.rows,
                          table.numeric)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.title[:31] or "Report")
    sheet.append(table.headers)
    numeric = table.numeric
    for row in table.rows:
        if numeric:
            sheet.append([_number(v) if i in numeric else v for i, v in enumerate(row)])
        else:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(value: str) -> float | str:
    try:
        return float(value)
    except ValueError:
        return value


# -- PDF -------------------------------------------------------------------------------

_PAGE_W, _PAGE_H = 842, 595  # A4 landscape, points
_MARGIN = 28
_FONT = 6.5
_LEADING = 9.0
# Helvetica advance widths (1/1000 em) for ASCII 32..126, from the standard AFM metrics.
_HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]


def text_width(value: str, size: float) -> float:
    """Width in points of `value` set in Helvetica at `size` (non-ASCII ≈ 556/1000 em)."""
    units = 0
    for ch in value:
        code = ord(ch) - 32
        units += _HELVETICA[code] if 0 <= code < len(_HELVETICA) else 556
    return units * size / 1000


def pdf_text(value: str) -> bytes:
    """cp1252 bytes for a PDF literal string: outside cp1252 → '?', controls → space."""
    clean = "".join(" " if ord(ch) < 32 else ch for ch in value)
    raw = clean.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _fit(value: str, width_pt: float, size: float) -> str:
    one_line = " ".join(value.split())
    if text_width(one_line, size) <= width_pt:
        return one_line
    while one_line and text_width(one_line + "…", size) > width_pt:
        one_line = one_line[:-1]
    return one_line + "…"


def _column_widths(table: Table, usable: float) -> list[float]:
    """Short columns (dates, times, numbers) keep their natural width; text columns share
    what is left."""
    sample = table.rows[:300]
    pad = 4.0
    fixed, flexible = [], []
    for i, head in enumerate(table.headers):
        data = max([0.0, *(text_width(r[i], _FONT) for r in sample if i < len(r))])
        header = text_width(head, _FONT)
        if data <= 48:  # dates, times, numbers, Yes/No: keep them whole
            fixed.append(max(data, min(header, 62.0), 12.0) + pad)
            flexible.append(0.0)
        else:
            fixed.append(0.0)
            flexible.append(min(max(data, header), 150.0) + pad)
    room = usable - sum(fixed)
    total = sum(flexible)
    if total <= room:
        spare = (room - total) / len(fixed)
        return [f + g + spare for f, g in zip(fixed, flexible, strict=True)]
    scale = max(room, 0.0) / total
    return [f or g * scale for f, g in zip(fixed, flexible, strict=True)]


def to_pdf(table: Table, max_rows: int = PDF_MAX_ROWS) -> bytes:
    """Several pages of Helvetica text; at most `max_rows` rows (Clockify's PDF cap)."""
    rows = table.rows[:max_rows]
    total = max(table.total_rows or 0, len(table.rows))
    widths = _column_widths(table, _PAGE_W - 2 * _MARGIN)
    per_page = int((_PAGE_H - 2 * _MARGIN - 50) / _LEADING)
    chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    streams = []
    for number, chunk in enumerate(chunks, 1):
        ops: list[bytes] = []
        y = float(_PAGE_H - _MARGIN)
        if number == 1:
            ops.append(_line(_MARGIN, y - 12, 14, table.title))
            ops.append(_line(_MARGIN, y - 26, 9, table.subtitle + (
                f"    {table.footer}" if table.footer else "")))
        y -= 44
        ops.append(_row(y, widths, table.headers, bold=True))
        for row in chunk:
            y -= _LEADING
            ops.append(_row(y, widths, row))
        note = f"Page {number} of {len(chunks)}"
        if total > len(rows) and number == len(chunks):
            note += f"  (PDF limited to {len(rows)} of {total} rows)"
        ops.append(_line(_MARGIN, _MARGIN - 10, 7, note))
        streams.append(b"\n".join(ops))
    return _assemble(streams)


def _line(x: float, y: float, size: float, text: str) -> bytes:
    return b"BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET" % (size, x, y, pdf_text(text))


def _row(y: float, widths: list[float], cells: list[str], bold: bool = False) -> bytes:
    font = b"/F2" if bold else b"/F1"
    parts = []
    x = float(_MARGIN)
    for width, cell in zip(widths, cells, strict=False):
        text = pdf_text(_fit(cell, width - 3, _FONT))
        parts.append(b"BT %s %.1f Tf %.2f %.2f Td (%s) Tj ET" % (font, _FONT, x, y, text))
        x += width
    return b"\n".join(parts)


def _assemble(streams: list[bytes]) -> bytes:
    """Objects: 1 catalog, 2 pages, 3-4 fonts, then (page, content) per page."""
    n_pages = len(streams)
    page_ids = [5 + 2 * i for i in range(n_pages)]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % p for p in page_ids), n_pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    for page_id, content in zip(page_ids, streams, strict=True):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (_PAGE_W, _PAGE_H, page_id + 1))
        packed = zlib.compress(content)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
                       % (len(packed), packed))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF" % (
        len(objects) + 1, xref)
    return bytes(out)
