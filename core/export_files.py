"""Clockify's own files: CSV joined into one file, and XLSX, PDF or CSV one file per window.

The same paginator as for JSON fetches them, concurrently on a paid plan. A joined CSV of a
report Clockify counts (detailed, expenses) also asks each window for its count with a
one-entry JSON request, so that the rows written can be checked against it; whether
Clockify pages CSV exports is not documented, so a page that repeats the one before means
page 1 held everything.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING

from core.bodies import Page
from core.errors import IncompleteError
from core.paging import Fetched
from core.sinks import FileSink
from core.summaries import window_count
from core.writers import (
    AtomicFile,
    AtomicGroup,
    CsvJoiner,
    csv_record_count,
    file_digest,
    numbered_paths,
    output_error,
)

if TYPE_CHECKING:
    from core.export import ExportJob
    from core.planning import ExportPlan
    from core.windows import DateWindow


def download(job: ExportJob, window: DateWindow, page: Page | None, sink: IO[bytes],
             target: Path) -> None:
    req = job.request
    fmt = req.fmt
    job.send(window, lambda options: job.client.download(
        req.workspace_id, req.kind.path, job.body(window, fmt.export_type, page, options),
        FileSink(sink, target, fmt.value)))


def _spool(job: ExportJob) -> IO[bytes]:
    try:
        return tempfile.TemporaryFile(dir=job.request.output.parent)
    except OSError as exc:
        raise output_error(exc, job.request.output) from None


def run_csv(job: ExportJob, plan: ExportPlan, group: AtomicGroup) -> None:
    """Every window's CSV under one header; rows checked against Clockify's count."""
    req = job.request
    kind = req.kind
    joiner = CsvJoiner(group.open(req.output))
    digests: dict[DateWindow, set[str]] = {}
    counts: dict[DateWindow, int | None] = {}  # page 1's probe, before any later page

    def fetch(window: DateWindow, page: int) -> Fetched[tuple[IO[bytes], str]]:
        count = None
        if page == 1 and plan.count_probes:
            count = counts[window] = window_count(kind, job.report_json(window, Page(1, 1)))
        spool = _spool(job)
        try:
            download(job, window, Page(page, req.page_size) if kind.paged else None, spool,
                     req.output)
            rows = csv_record_count(spool)
            _check_rows(job, window, page, rows, counts.get(window))
            digest = file_digest(spool)
        except BaseException:
            spool.close()
            raise
        return Fetched((spool, digest), rows=rows, count=count,
                       last=None if kind.paged else True)

    def deliver(window: DateWindow, page: int,
                fetched: Fetched[tuple[IO[bytes], str]]) -> int:
        spool, digest = fetched.payload
        with spool:
            seen = digests.setdefault(window, set())
            if digest in seen or (page > 1 and fetched.rows == 0):
                return 0
            seen.add(digest)
            joiner.add(spool)
        job.entries = joiner.records
        return fetched.rows

    job.emit_fetching()
    job.paginator(fetch, deliver, repeat_ends=True).run(plan.windows)
    job.entries = joiner.records


def _check_rows(job: ExportJob, window: DateWindow, page: int, rows: int,
                count: int | None) -> None:
    """A CSV page with fewer rows than Clockify's count leaves for it was cut short between
    two records (which no framing shows), or entries were deleted meanwhile: either way the
    file would be short, and a later page could not be told apart from a repeat."""
    size = job.request.page_size
    if count is None or rows >= min(size, count - (page - 1) * size):
        return
    raise IncompleteError(
        f"Clockify counted {count:,} {job.noun()} for {window.text()}, but page {page} of its "
        f"CSV file held only {rows:,}: the download was cut short, or entries were deleted "
        "meanwhile.", "Nothing was saved. Try again.", expected=count, received=rows)


def run_files(job: ExportJob, plan: ExportPlan, group: AtomicGroup) -> None:
    """One Clockify file per window (XLSX, PDF; weekly CSV), or one file for one window."""
    req = job.request
    page = Page(1, req.page_size) if req.kind.paged else None
    lock = threading.Lock()  # the group's list of files, from the page threads

    def fetch(window: DateWindow, number: int) -> Fetched[None]:
        pager = job.pager
        # A window split after Clockify refused its range also gets files of its own.
        per_window = plan.per_window_files or (pager is not None and len(pager.windows) > 1)
        target = numbered_paths(req.output, [window.label()])[0] if per_window else req.output
        with lock:
            out: AtomicFile = group.open(target)
        try:
            download(job, window, page, out.file, target)
        except BaseException:
            out.abort()
            with lock:
                group.files.remove(out)
            raise
        return Fetched(None, rows=0, last=True)

    def deliver(window: DateWindow, number: int, fetched: Fetched[None]) -> int:
        return 0

    job.emit_fetching()
    job.paginator(fetch, deliver).run(plan.windows)
    group.files.sort(key=lambda f: str(f.target))  # window order, whatever came first
