"""The export job: plan → fetch → verify → write, the one path from window or CLI to file.

`ExportJob.plan()` learns the workspace's plan and the time zone, then plans the date
windows and the request budget with `core.planning`; `run()` fetches every page of every
window through the one paginator (`core.paging`: concurrently on a paid plan, one by one on
a Free one), checks what arrived against Clockify's counts, and writes the result
atomically, with an optional manifest (`core.manifest`) in the same commit.

Where the output plugs in (`core.items`): paged reports go item by item, in order and each
once, to an item sink (`_item_sink`); summary and weekly go as one merged document to a
document sink (`_document_sink`). The sinks are the JSON writers, or the renderers of
`core.render` for CSV, XLSX and PDF files this app builds from the same stream. Clockify's
own files (CSV joined, XLSX, PDF) are the `core.export_files` path.

The job uses the client's `Pacer`: its cancel event is the job's (cancel closes requests
in flight), its waits are reported as progress, and the request's `max_wait` applies.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from core.atomic import preflight_output
from core.bodies import BodyParams, Page, ReportOptions, build_body
from core.client import ClockifyClient
from core.errors import (
    CancelledError,
    PermissionDeniedError,
    PlanLimitError,
    PlanProblem,
    RequestRejectedError,
    UsageError,
)
from core.export_files import run_csv, run_files
from core.items import (
    DocumentSink,
    ItemSink,
    PageItems,
    RawPage,
    SeenItems,
    parsed_page,
    read_raw_page,
)
from core.limits import (
    PAID_REQUESTS_PER_SECOND,
    WaitInfo,
    clockify_exports,
    clockify_refuses,
    is_free_plan,
)
from core.manifest import manifest_path, saved_file, write_manifest
from core.memory import keep_heap_flat
from core.notes import Note, NoteKind
from core.paging import Fetched, Paginator, SplitWindow
from core.planning import (
    DEFAULT_IN_FLIGHT,
    ExportPlan,
    ExportRequest,
    ExportResult,
    Phase,
    Progress,
    ProgressCallback,
    Verification,
    check_request,
    plan_export,
)
from core.render.choice import pdf_fits, pdf_note
from core.render.context import ReportContext
from core.render.job import pdf_rows, render_context
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind
from core.summaries import (
    JsonTotals,
    document_figures,
    merge_summaries,
    merge_weekly,
    window_count,
)
from core.windows import FREE_PLAN_MAX_DAYS, DateWindow, split_range
from core.writers import AtomicGroup, JsonDocumentWriter, JsonListWriter

log = logging.getLogger(__name__)

T = TypeVar("T")
_RANGE_ERROR = re.compile(r"range|interval|days|month|period", re.IGNORECASE)


class ExportJob:
    """One export, from request to file(s)."""

    def __init__(
        self,
        client: ClockifyClient,
        request: ExportRequest,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        *,
        workspace: dict[str, Any] | None = None,
        profile_time_zone: str | None = None,
        profile: dict[str, Any] | None = None,
    ) -> None:
        self.client = client
        self.request = request
        pacer = client.pacer
        if cancel is not None:
            pacer.cancel = cancel  # the one pacer listens to this job's cancel
        self.cancel = pacer.cancel
        self._on_progress = on_progress
        self._workspace = workspace  # callers that already have it save a request
        self._profile_tz = profile_time_zone
        self._profile = profile  # the user's Clockify settings: date format, week start
        self._local = False  # the file is built by core.render from the JSON report
        # JSON a PDF probe read already, handed to the paginator instead of asking again.
        self._prefetched: dict[tuple[DateWindow, int], dict[str, Any]] = {}
        self._plan: ExportPlan | None = None
        self.options = request.options
        self.notes: list[str] = []
        self.requests_done = 0
        self.entries = 0
        self._free = False
        self._lock = threading.Lock()  # counters and notes, touched from page threads
        self._emit_lock = threading.Lock()  # one progress report at a time
        self._pager: Paginator[DateWindow, Any] | None = None
        self._probes = 0  # count requests per window (CSV): part of the budget
        self._writers: list[JsonListWriter] = []  # they know their files' digests
        self._started = time.monotonic()

    # ---- planning ------------------------------------------------------------------

    def plan(self) -> ExportPlan:
        if self._plan is not None:
            return self._plan
        req = self.request
        check_request(req)
        check_output(req.output, manifest=req.manifest)
        if self._workspace is None:
            self._emit(Phase.PLANNING, "Checking the workspace…")
        workspace = self._workspace = self._workspace or self._fetch_workspace()
        if req.renderer is Renderer.CLOCKIFY and clockify_refuses(req.fmt.value, workspace):
            raise _free_format_error(req.fmt)  # known before any report request is spent
        self._free = is_free_plan(workspace)
        if self._free:
            self.client.set_hourly_quota(req.workspace_id)
        tz = req.time_zone or self._profile_tz or self._profile_zone()
        self._plan = plan_export(req, free_plan=self._free, time_zone=tz)
        self.notes.extend(self._plan.notes)
        return self._plan

    def _fetch_workspace(self) -> dict[str, Any]:
        # The list, not GET /workspaces/{id}: it is not one of the workspace's own requests,
        # which a Free plan counts against its hourly quota before we know it is Free.
        for workspace in self.client.workspaces():
            if workspace.get("id") == self.request.workspace_id:
                return workspace
        raise UsageError(
            f"Clockify has no workspace '{self.request.workspace_id}' for this API key.",
            "Pick one of your workspaces (list them with the `workspaces` command).",
        )

    def _profile_zone(self) -> str:
        settings = self.client.current_user().get("settings") or {}
        return str(settings.get("timeZone") or "UTC")

    # ---- running -------------------------------------------------------------------

    def run(self) -> ExportResult:
        plan = self.plan()
        req = self.request
        self._started = time.monotonic()
        self._probes = 1 if plan.count_probes else 0
        keep_heap_flat()
        pacer = self.client.pacer
        outer_wait, outer_max_wait = pacer.on_wait, pacer.max_wait
        pacer.on_wait = self._on_wait
        if req.max_wait is not None:
            pacer.max_wait = req.max_wait
        group = AtomicGroup()
        try:
            figures: dict[str, Any] = {}
            self._local = plan.render.local and not self._clockify_pdf_is_whole(plan)
            if req.fmt is ExportFormat.JSON or self._local:
                figures = self._run_json(plan, group)
            elif req.fmt is ExportFormat.CSV and not plan.per_window_files:
                run_csv(self, plan, group)
            else:
                run_files(self, plan, group)
            self.cancel_point()
            self._emit(Phase.WRITING, "Saving the file…")
            verification = self._verification(group, figures)
            manifest = None
            if req.manifest:
                manifest = manifest_path(req.output)
                write_manifest(group.open(manifest), req, plan, verification,
                               self._workspace, tuple(self.notes))
            files = group.commit()
        except BaseException:
            group.abort()
            raise
        finally:
            pacer.on_wait, pacer.max_wait = outer_wait, outer_max_wait
        done = f"Done: {len(files)} file{'s' if len(files) != 1 else ''}"
        if verification.entries_written is not None:
            done += f" with {self.entries:,} {self.noun()}"
        done += f" from {self.requests_done} request{'s' if self.requests_done != 1 else ''}."
        self._emit(Phase.DONE, done)
        return ExportResult(tuple(files), verification.entries_written, self.requests_done,
                            len(self._pager.windows) if self._pager else len(plan.windows),
                            tuple(self.notes), verification, manifest)

    def _verification(self, group: AtomicGroup, figures: dict[str, Any]) -> Verification:
        req = self.request
        # Items are counted where the engine reads them: JSON, files this app builds, and CSV
        # joined into one file.
        counted = req.fmt is ExportFormat.JSON or self._local or (
            req.fmt is ExportFormat.CSV and self._plan is not None
            and not self._plan.per_window_files)
        pager = self._pager if counted and req.kind.paged else None
        expected = pager.expected if pager else None
        # Each window is checked against its own count: what windows sent beyond the
        # entries written came in more than one window.
        repeats = sum(w.distinct for w in pager.windows) - self.entries if pager else 0
        # The JSON writer hashed its file as it wrote it; anything else is read back.
        written = {id(w.out): w.saved() for w in self._writers}
        files = tuple(written.get(id(f)) or saved_file(f) for f in group.files)
        return Verification(self.entries if counted else None, expected, figures,
                            self.requests_done, files, max(0, repeats))

    def cancel_point(self) -> None:
        if self.cancel.is_set():
            raise CancelledError()

    def noun(self) -> str:
        return {ReportKind.ATTENDANCE: "attendance rows", ReportKind.EXPENSES: "expenses"}.get(
            self.request.kind, "entries" if self.request.kind.paged else "rows")

    @property
    def pager(self) -> Paginator[DateWindow, Any] | None:
        return self._pager

    def paginator(self, fetch: Callable[[DateWindow, int], Fetched[T]],
                  deliver: Callable[[DateWindow, int, Fetched[T]], int], *,
                  repeat_ends: bool = False) -> Paginator[DateWindow, T]:
        """The paginator of this export: one page at a time on a Free plan (the hourly
        quota is the limit, not latency), many on a paid one (the rate limit is)."""
        req = self.request
        pager: Paginator[DateWindow, T] = Paginator(
            fetch, deliver, page_size=req.page_size, cancel=self.cancel,
            in_flight=1 if self._free else (req.max_in_flight or DEFAULT_IN_FLIGHT),
            rate=None if req.max_in_flight else PAID_REQUESTS_PER_SECOND,
            describe=DateWindow.text, noun=self.noun(), repeat_ends=repeat_ends,
            on_page=self.emit_fetching)
        self._pager = pager
        return pager

    # ---- requests ------------------------------------------------------------------

    def body(self, window: DateWindow, export_type: str, page: Page | None,
             options: ReportOptions) -> dict[str, Any]:
        assert self._plan is not None
        return build_body(BodyParams(
            kind=self.request.kind, window=window, time_zone=self._plan.time_zone,
            export_type=export_type, page=page, filters=self.request.filters,
            options=options, stable_order=export_type == "JSON"))

    def send(self, window: DateWindow, send: Callable[[ReportOptions], T]) -> T:
        """Send one report request (any thread): count it, hide amounts if the role must,
        and split a window whose range Clockify refuses."""
        try:
            result = self._with_amount_fallback(send)
        except RequestRejectedError as exc:
            parts = self._split_after_range_error(exc, window)
            if not parts:
                raise
            raise SplitWindow(parts) from None
        with self._lock:
            self.requests_done += 1
        return result

    def report_json(self, window: DateWindow, page: Page | None) -> dict[str, Any]:
        prefetched = self._prefetched.pop((window, page.number if page else 1), None)
        if prefetched is not None:
            return prefetched
        kind = self.request.kind
        return self.send(window, lambda options: self.client.report(
            self.request.workspace_id, kind.path, self.body(window, "JSON", page, options)))

    def report_page(self, window: DateWindow, page: Page) -> PageItems | RawPage:
        """A page of a paged report for a JSON file: read raw where it can be
        (`core.items.read_raw_page`), else parsed in full."""
        kind = self.request.kind

        def read_raw(data: bytes) -> RawPage | None:
            return read_raw_page(data, kind)

        answer = self.send(window, lambda options: self.client.report_page(
            self.request.workspace_id, kind.path, self.body(window, "JSON", page, options),
            read_raw))
        return answer if isinstance(answer, RawPage) else parsed_page(answer, kind)

    def _with_amount_fallback(self, send: Callable[[ReportOptions], T]) -> T:
        """Send; on 403 retry once without amounts (managers may not see them)."""
        used = self.options
        try:
            return send(used)
        except PermissionDeniedError as exc:
            fmt = self.request.fmt
            if not self._local and not clockify_exports(fmt.value, self._free):
                raise _free_format_error(fmt, exc) from None
            if self.request.kind is ReportKind.EXPENSES or used.amount_shown == "HIDE_AMOUNT":
                raise
            note = Note(NoteKind.AMOUNTS_HIDDEN, "Clockify does not show amounts to your "
                        "role, so this export has no amounts.")
            with self._lock:
                if self.options.amount_shown != "HIDE_AMOUNT":
                    self.options = replace(self.options, amount_shown="HIDE_AMOUNT",
                                           amounts=())
                    self.notes.append(note)
            self._emit(Phase.FETCHING, note)
            return send(self.options)

    def _split_after_range_error(self, exc: RequestRejectedError,
                                 window: DateWindow) -> list[DateWindow]:
        if (self.request.kind is ReportKind.WEEKLY or window.days <= FREE_PLAN_MAX_DAYS
                or not _RANGE_ERROR.search(exc.server_message)):
            return []
        note = Note(NoteKind.RANGE_SPLIT, f"Clockify allows at most {FREE_PLAN_MAX_DAYS} "
                    "days per request for this workspace, so the range is fetched in smaller "
                    "parts.", days=FREE_PLAN_MAX_DAYS)
        with self._lock:
            if not self._free:  # it is a Free workspace after all: pace it like one
                self._free = True
                self.client.set_hourly_quota(self.request.workspace_id)
                if self._pager is not None:
                    self._pager.in_flight = 1
            if note not in self.notes:
                self.notes.append(note)
        self._emit(Phase.FETCHING, note)
        return split_range(window.start, window.end, FREE_PLAN_MAX_DAYS)

    # ---- CSV, XLSX and PDF built by this app (core.render) -------------------------------

    def _render_context(self) -> ReportContext:
        assert self._plan is not None
        settings = self._profile
        if settings is None:
            settings = self.client.current_user().get("settings") or {}
        return render_context(self.client, self.request, self._plan, self._workspace or {},
                              settings)

    def _clockify_pdf_is_whole(self, plan: ExportPlan) -> bool:
        """`auto` PDF: read the report's first JSON page (which a local PDF needs anyway)
        and take Clockify's PDF only when it holds every row."""
        if not plan.render.pdf_probe:
            return False
        req = self.request
        window = plan.windows[0]
        try:
            first = self.report_json(window, Page(1, req.page_size) if req.kind.paged
                                     else None)
        except SplitWindow:
            # A range too long for the plan: the paginator splits it, and a file built
            # from several requests is built here.
            self.notes.append(pdf_note(None))
            return False
        rows = pdf_rows(req.kind, first, req.page_size)
        if pdf_fits(rows):
            return True
        self._prefetched[(window, 1)] = first
        self.notes.append(pdf_note(rows))
        return False

    # ---- JSON ----------------------------------------------------------------------

    def _item_sink(self, group: AtomicGroup) -> ItemSink:
        if self._local:
            from core.render.order import SortedItems, sort_key
            from core.render.sinks import RenderItemSink

            sink = RenderItemSink(self.request.fmt, group.open(self.request.output).file,
                                  self._render_context())
            # JSON pages come in creation order; the file shows the order the user chose.
            order = sort_key(self.request.kind, self.options)
            if order is None:
                return sink
            return SortedItems(sink, order, descending=self.options.sort_order == "DESCENDING",
                               folder=self.request.output.parent)
        key = self.request.kind.items_key
        assert key is not None
        writer = JsonListWriter(group.open(self.request.output), key)
        self._writers.append(writer)
        return writer

    def _document_sink(self, group: AtomicGroup) -> DocumentSink:
        if self._local:
            from core.render.sinks import RenderDocumentSink

            return RenderDocumentSink(self.request.fmt, group.open(self.request.output).file,
                                      self._render_context())
        return JsonDocumentWriter(group.open(self.request.output))

    def _run_json(self, plan: ExportPlan, group: AtomicGroup) -> dict[str, Any]:
        """Fetch and write a JSON export; → the totals figures for the verification."""
        kind = self.request.kind
        if not kind.paged:
            return self._run_document(plan, group)
        sink = self._item_sink(group)
        # A JSON file takes items as the bytes Clockify sent; renderers take parsed items.
        writer = sink if isinstance(sink, JsonListWriter) else None
        seen = SeenItems()
        totals: JsonTotals | None = None

        def fetch(window: DateWindow, page: int) -> Fetched[PageItems | RawPage]:
            at = Page(page, self.request.page_size)
            items = (self.report_page(window, at) if writer is not None
                     else parsed_page(self.report_json(window, at), kind))
            return Fetched(items, rows=items.rows, count=window_count(kind, items.data),
                           seconds=self.client.last_round_trip())

        def deliver(window: DateWindow, page: int,
                    fetched: Fetched[PageItems | RawPage]) -> int:
            nonlocal totals
            items = fetched.payload.read()
            if totals is None:  # the options as sent: amounts may have been hidden
                totals = JsonTotals(kind, self.options.amounts, self.options.amount_shown)
            if page == 1:
                seen.next_window(fetched.count)
                totals.add_window(items.data)
            raw = items.raw
            add = totals.add_item if raw is None else totals.add_fields
            new, kept = seen.add_page(items.idents)  # kept: indexes new in the export
            for index in kept:
                add(items.items[index])
            if raw is None:
                for index in kept:
                    sink.add(items.items[index])
            else:
                assert writer is not None
                writer.add_raw(raw if len(kept) == len(raw) else [raw[i] for i in kept])
            self.entries = totals.count
            return new

        self.emit_fetching()
        self.paginator(fetch, deliver).run(plan.windows)
        if totals is None:
            totals = JsonTotals(kind, self.options.amounts, self.options.amount_shown)
        sink.close(totals.trailer())
        return totals.figures()

    def _run_document(self, plan: ExportPlan, group: AtomicGroup) -> dict[str, Any]:
        results: list[tuple[DateWindow, dict[str, Any]]] = []

        def fetch(window: DateWindow, page: int) -> Fetched[dict[str, Any]]:
            return Fetched(self.report_json(window, None), rows=0, last=True)

        def deliver(window: DateWindow, page: int, fetched: Fetched[dict[str, Any]]) -> int:
            results.append((window, fetched.payload))
            return 0

        self.emit_fetching()
        self.paginator(fetch, deliver).run(plan.windows)
        if self.request.kind is ReportKind.SUMMARY:
            document = merge_summaries([r for _, r in results])
        else:
            document = merge_weekly(results)
        # Several weeks are merged as a list of weekly documents (core.summaries).
        self.entries = sum(len(part.get("groupOne") or [])
                           for part in document.get("weeks") or [document])
        self._document_sink(group).write(document)
        return document_figures(document)

    # ---- progress ------------------------------------------------------------------

    def emit_fetching(self) -> None:
        """Report the page the output waits for next."""
        pager, plan = self._pager, self._plan
        if pager is None or not pager.windows:
            if plan is not None:
                self._emit(Phase.FETCHING, f"Fetching {plan.windows[0].text()}…")
            return
        state = pager.windows[pager.window_index - 1]
        text = f"Fetching {state.key.text()}"
        if len(pager.windows) > 1:
            text += f" (part {pager.window_index} of {len(pager.windows)})"
        if state.due > 1:
            page = state.due if state.done else min(state.delivered + 1, state.due)
            text += f", page {page} of {state.due}"
        self._emit(Phase.FETCHING, text + "…")

    def _emit(self, phase: Phase, message: str, wait: WaitInfo | None = None) -> None:
        if self._on_progress is None:
            return
        with self._emit_lock:  # page threads report waits too
            self._on_progress(self._progress(phase, message, wait))

    def _progress(self, phase: Phase, message: str, wait: WaitInfo | None) -> Progress:
        pager, plan = self._pager, self._plan
        progress = Progress(phase=phase, message=message, requests_done=self.requests_done,
                            entries_written=self.entries,
                            elapsed=time.monotonic() - self._started, wait=wait)
        if pager is None:
            planned = plan.min_requests if plan else 0
            return replace(progress, requests_planned=max(planned, self.requests_done),
                           windows=len(plan.windows) if plan else 0)
        planned = pager.pages_planned + self._probes * len(pager.windows)
        return replace(progress, requests_planned=max(planned, self.requests_done),
                       entries_expected=pager.expected, pages_done=pager.pages_done,
                       pages_planned=pager.pages_planned, window=pager.window_index,
                       windows=len(pager.windows))

    def _on_wait(self, info: WaitInfo) -> None:  # from the page threads, too
        self._emit(Phase.WAITING, info.message, info)


def check_output(output: Path, *, manifest: bool = False) -> None:
    """Whether the export's file, and its manifest, can be saved: checked before the first
    request, so a folder that cannot take them costs no request and no download."""
    preflight_output(output)
    if manifest:
        preflight_output(manifest_path(output))


def _free_format_error(fmt: ExportFormat, exc: PermissionDeniedError | None = None
                       ) -> PlanLimitError:
    message = f"Clockify does not export {fmt.label} on the Free plan."
    hint = "Choose JSON or PDF, or upgrade the workspace's plan."
    if exc is None:
        return PlanLimitError(message, hint, reason=PlanProblem.FREE_FORMAT,
                              export_format=fmt.value)
    return PlanLimitError(message, hint, reason=PlanProblem.FREE_FORMAT,
                          export_format=fmt.value, status=exc.status, code=exc.code,
                          server_message=exc.server_message, details=exc.details)
