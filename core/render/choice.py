"""Who builds a CSV, XLSX or PDF file: Clockify, or this app from the JSON report.

`auto` takes Clockify's file only when it is complete: the plan allows the format, the
whole range fits one request, and a PDF stays under Clockify's 3,000-row cap. Whether it
does is known only from the report itself, so for a PDF the export first reads the JSON
(which it needs anyway if it builds the file) and decides from its row count.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.limits import CLOCKIFY_PDF_MAX_ROWS, clockify_exports
from core.notes import Note, NoteKind
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind


@dataclass(frozen=True)
class RenderChoice:
    local: bool = False  # this app builds the file from the JSON report
    pdf_probe: bool = False  # auto PDF: read the JSON first, then decide by its row count
    note: str = ""  # why the file is built locally (shown with the plan and the result)


def choose(renderer: Renderer, fmt: ExportFormat, kind: ReportKind, *, free_plan: bool,
           windows: int) -> RenderChoice:
    if fmt is ExportFormat.JSON or renderer is Renderer.CLOCKIFY:
        return RenderChoice(local=False)
    if renderer is Renderer.LOCAL:
        return RenderChoice(local=True)
    if not clockify_exports(fmt.value, free_plan):
        return RenderChoice(True, note=(
            f"Clockify does not export {fmt.label} on the Free plan, so this app builds the "
            "file from the JSON report."))
    if windows > 1:
        parts = "weeks" if kind is ReportKind.WEEKLY else "requests"
        return RenderChoice(True, note=(
            f"The range needs {windows} {parts}, so this app builds one {fmt.label} file "
            "from the JSON report instead of one Clockify file per part."))
    if fmt is ExportFormat.PDF:
        return RenderChoice(True, pdf_probe=True)
    return RenderChoice(local=False)


def pdf_fits(rows: int | None) -> bool:
    """Whether Clockify's PDF holds all `rows` (None: not known, so it may not)."""
    return rows is not None and rows < CLOCKIFY_PDF_MAX_ROWS


def pdf_note(rows: int | None) -> Note:
    size = (f"this report has {rows:,}" if rows is not None
            else "Clockify did not say how many this report has")
    return Note(NoteKind.PDF_TOO_LONG,
                f"Clockify's PDF stops at {CLOCKIFY_PDF_MAX_ROWS:,} rows and {size}, so this "
                "app builds the complete PDF from the JSON report.", rows=rows)


CLOCKIFY_PDF_NOTE = (f"Clockify's own PDFs stop at {CLOCKIFY_PDF_MAX_ROWS:,} rows; a longer "
                     "report is cut there (use the app's layout for every row).")
