"""What an export is asked to do, and its plan: pure data and rules, no network.

The window computes a plan (date windows, request budget, notes) from what it already knows
about the workspace without sending a request; the export job makes the same plan before it
fetches. Keeping this apart from `core.export` also lets the window start without loading
the HTTP stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from core.bodies import Filters, ReportOptions, validate_options
from core.errors import UsageError
from core.limits import FREE_HOURLY_QUOTA, WaitInfo
from core.render.choice import CLOCKIFY_PDF_NOTE, RenderChoice, choose
from core.render.settings import CsvSettings, Renderer
from core.reports import MAX_PAGE_SIZE, ExportFormat, ReportKind
from core.windows import (
    FREE_PLAN_MAX_DAYS,
    PAID_PLAN_MAX_DAYS,
    DateWindow,
    check_range,
    check_time_zone,
    split_range,
    week_start_of,
    weekly_windows,
)


class Phase(StrEnum):
    PLANNING = "planning"
    FETCHING = "fetching"
    WAITING = "waiting"
    WRITING = "writing"
    DONE = "done"


@dataclass(frozen=True)
class Progress:
    """Where an export stands; the front ends word it (`message` is plain English)."""

    phase: Phase
    message: str
    requests_done: int = 0
    requests_planned: int = 0  # grows as Clockify's counts tell how many pages there are
    entries_written: int = 0
    entries_expected: int | None = None  # Clockify's count (None: not known, or not yet)
    pages_done: int = 0
    pages_planned: int = 0
    window: int = 0  # 1-based index of the window being written
    windows: int = 0
    elapsed: float = 0.0  # seconds since the export started
    wait: WaitInfo | None = None


@dataclass(frozen=True)
class ExportRequest:
    """Everything one export needs; built by the window, the CLI or a test."""

    workspace_id: str
    kind: ReportKind
    fmt: ExportFormat
    start: date
    end: date  # inclusive
    output: Path
    time_zone: str | None = None  # None: the user's Clockify profile zone
    filters: Filters = field(default_factory=Filters)
    options: ReportOptions = field(default_factory=ReportOptions)
    max_days: int | None = None  # None: what the workspace's plan allows
    max_wait: float | None = None  # longest single rate-limit wait; None: as long as needed
    page_size: int = MAX_PAGE_SIZE
    manifest: bool = False  # also write a sidecar `<name>.manifest.json` (core.manifest)
    # Requests at once on a paid plan, fixed; None: what the rate limit needs at the latency
    # measured, up to DEFAULT_IN_FLIGHT.
    max_in_flight: int | None = None
    renderer: Renderer = Renderer.AUTO  # who lays out CSV/XLSX/PDF: Clockify or this app
    csv: CsvSettings = field(default_factory=CsvSettings)  # files this app builds


@dataclass(frozen=True)
class ExportPlan:
    windows: tuple[DateWindow, ...]
    time_zone: str
    free_plan: bool
    max_days: int
    per_window_files: bool
    notes: tuple[str, ...]
    count_probes: bool = False  # each window also asks for Clockify's count (CSV)
    render: RenderChoice = field(default_factory=RenderChoice)

    @property
    def min_requests(self) -> int:
        """Requests when every window fits one page: exactly what the export then sends.
        An `auto` PDF reads the JSON first: then Clockify's PDF is a second request, or
        the report is over 3,000 rows and its JSON pages are more than two anyway."""
        probes = 1 if self.count_probes or self.render.pdf_probe else 0
        return len(self.windows) * (1 + probes)

    def budget_text(self, kind: ReportKind) -> str:
        count = self.min_requests
        text = f"{count} request{'s' if count != 1 else ''}"
        if kind.paged:
            text = f"{text}, one more per 1,000 entries beyond the first 1,000 in a window"
        if self.free_plan:
            text += f" of the Free plan's {FREE_HOURLY_QUOTA} per hour"
        return text


@dataclass(frozen=True)
class SavedFile:
    path: Path
    size: int
    sha256: str


@dataclass(frozen=True)
class Verification:
    """What the export checked, for the result banner, the CLI summary and the manifest."""

    entries_written: int | None  # None: Clockify's own files (XLSX, PDF) are not read
    entries_expected: int | None  # Clockify's count over every window (None: not stated)
    totals: dict[str, Any]  # totalTime / totalBillableTime (s), amountByCurrency (cents)
    requests: int
    files: tuple[SavedFile, ...]
    # Entries two date windows both sent (each window's count includes them), written once.
    repeats: int = 0


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    entries: int | None  # items written (JSON, CSV); None for XLSX and PDF
    requests: int
    windows: int
    notes: tuple[str, ...]
    verification: Verification | None = None
    manifest: Path | None = None  # the sidecar file, when asked for (also in `files`)


ProgressCallback = Callable[[Progress], None]

# The ceiling of requests at once on a paid plan; below it the paginator keeps as many in
# flight as Clockify's 50 a second need at the latency it measures (core.paging). Sixteen
# reach the limit up to ~250 ms a page; more would only hold more pages in memory.
DEFAULT_IN_FLIGHT = 16
MAX_IN_FLIGHT = 32


def check_request(req: ExportRequest) -> None:
    """Raise UsageError for a request that cannot be right whatever Clockify says."""
    check_range(req.start, req.end)
    problems = validate_options(req.kind, req.options)
    if problems:
        raise UsageError(" ".join(problems))
    if not 1 <= req.page_size <= MAX_PAGE_SIZE:
        raise UsageError(f"The page size must be between 1 and {MAX_PAGE_SIZE}.")
    if req.max_days is not None and req.max_days < 1:
        raise UsageError(f"The days per request must be at least 1 (got {req.max_days}).")
    if req.max_in_flight is not None and not 1 <= req.max_in_flight <= MAX_IN_FLIGHT:
        raise UsageError(f"Requests at once must be between 1 and {MAX_IN_FLIGHT}.")
    if req.time_zone:
        check_time_zone(req.time_zone)


def plan_export(req: ExportRequest, *, free_plan: bool, time_zone: str) -> ExportPlan:
    """The date windows, files and notes of an export; sends nothing."""
    check_request(req)
    max_days = req.max_days or (FREE_PLAN_MAX_DAYS if free_plan else PAID_PLAN_MAX_DAYS)
    notes = []
    if req.kind is ReportKind.WEEKLY:
        # Whole weeks, starting on the profile's (or the chosen) first day of the week.
        windows = weekly_windows(week_start_of(req.start, req.options.week_start), req.end)
        if (windows[0].start, windows[-1].end) != (req.start, req.end):
            notes.append(
                f"Weekly reports cover whole weeks starting on "
                f"{req.options.week_start.capitalize()}: the export runs from "
                f"{windows[0].start.isoformat()} to {windows[-1].end.isoformat()}."
            )
    else:
        windows = split_range(req.start, req.end, max_days)
    render = choose(req.renderer, req.fmt, req.kind, free_plan=free_plan,
                    windows=len(windows))
    if render.note:
        notes.append(render.note)
    if req.renderer is Renderer.CLOCKIFY and req.fmt is ExportFormat.PDF:
        notes.append(CLOCKIFY_PDF_NOTE)
    per_window = not render.local and len(windows) > 1 and (
        req.fmt in (ExportFormat.XLSX, ExportFormat.PDF)
        or (req.fmt is ExportFormat.CSV and req.kind is ReportKind.WEEKLY)
    )
    probes = (req.fmt is ExportFormat.CSV and not per_window and not render.local
              and req.kind in (ReportKind.DETAILED, ReportKind.EXPENSES))
    if per_window:
        notes.append(
            f"The range needs {len(windows)} requests, and Clockify's "
            f"{req.fmt.label} files cannot be joined, so there is one file per "
            "date range, named after it."
        )
    return ExportPlan(tuple(windows), time_zone, free_plan, max_days, per_window, tuple(notes),
                      probes, render)
