"""The export job: plan → fetch → write, the one path from window or CLI to file.

`ExportJob.plan()` learns the workspace's plan and the time zone, then plans the date
windows and the request budget with `core.planning`; `run()` fetches every page of every
window and writes the result atomically. Progress goes out through a plain callback; a
`threading.Event` cancels between requests, while streaming and during waits.
"""

from __future__ import annotations

import logging
import math
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from core.client import ClockifyClient, Pacer
from core.errors import (
    CancelledError,
    PermissionDeniedError,
    PlanLimitError,
    RequestRejectedError,
    UsageError,
)
from core.limits import WaitInfo, is_free_plan
from core.planning import (
    ExportPlan,
    ExportRequest,
    ExportResult,
    Phase,
    Progress,
    ProgressCallback,
    check_request,
    plan_export,
)
from core.render.job import ReportedTotals, UniqueItems, pdf_rows, render_context
from core.reports import BodyParams, ExportFormat, Page, ReportKind, build_body
from core.summaries import JsonTotals, merge_summaries, merge_weekly
from core.windows import FREE_PLAN_MAX_DAYS, DateWindow, split_range
from core.writers import (
    AtomicFile,
    AtomicGroup,
    CsvJoiner,
    JsonListWriter,
    csv_record_count,
    file_digest,
    looks_complete,
    numbered_paths,
    output_error,
    write_json_document,
)

log = logging.getLogger(__name__)

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
        self.cancel = cancel or threading.Event()
        self._on_progress = on_progress
        self._workspace = workspace  # callers that already have it save a request
        self._profile_tz = profile_time_zone
        self._profile = profile  # the user's Clockify settings: date format, week start
        self._plan: ExportPlan | None = None
        self.options = request.options
        self.notes: list[str] = []
        self.requests_done = 0
        self.requests_planned = 0
        self.entries = 0
        self._window_index = 0
        self._window_count = 0
        self._free = False
        self._local = False  # the file is being built by core.render
        client.pacer = Pacer(self.cancel, self._on_wait, max_wait=request.max_wait,
                             clock=client.pacer.clock, sleep=client.pacer.custom_sleep)

    # ---- planning ------------------------------------------------------------------

    def plan(self) -> ExportPlan:
        if self._plan is not None:
            return self._plan
        req = self.request
        check_request(req)
        if self._workspace is None:
            self._emit(Phase.PLANNING, "Checking the workspace…")
        workspace = self._workspace = self._workspace or self._fetch_workspace()
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
        self._window_count = len(plan.windows)
        self.requests_planned = plan.min_requests
        group = AtomicGroup()
        try:
            if req.fmt is ExportFormat.JSON:
                self._run_json(plan, group)
            elif plan.render.local:
                self._run_local(plan, group)
            elif req.fmt is ExportFormat.CSV and not plan.per_window_files:
                self._run_csv(plan, group)
            else:
                self._run_files(plan, group)
            self.cancel_point()
            self._emit(Phase.WRITING, "Saving the file…")
            files = group.commit()
        except BaseException:
            group.abort()
            raise
        # Items are counted where the engine reads them: JSON, files this app built, and
        # CSV joined into one file.
        counted = req.fmt is ExportFormat.JSON or self._local or (
            req.fmt is ExportFormat.CSV and not plan.per_window_files)
        done = f"Done: {len(files)} file{'s' if len(files) != 1 else ''}"
        if counted:
            done += f" with {self.entries:,} {self._noun()}"
        done += f" from {self.requests_done} request{'s' if self.requests_done != 1 else ''}."
        self._emit(Phase.DONE, done)
        return ExportResult(tuple(files), self.entries if counted else None,
                            self.requests_done, self._window_count, tuple(self.notes))

    def cancel_point(self) -> None:
        if self.cancel.is_set():
            raise CancelledError()

    def _noun(self) -> str:
        return {ReportKind.ATTENDANCE: "attendance rows", ReportKind.EXPENSES: "expenses"}.get(
            self.request.kind, "entries" if self.request.kind.paged else "rows")

    def _each_window(self, plan: ExportPlan, handle: Callable[[DateWindow], None]) -> None:
        """Run `handle` per window; a range Clockify refuses is split and tried again."""
        pending = list(plan.windows)
        while pending:
            window = pending.pop(0)
            self._window_index += 1
            try:
                handle(window)
            except RequestRejectedError as exc:
                smaller = self._split_after_range_error(exc, window)
                if not smaller:
                    raise
                pending[:0] = smaller
                self._window_index -= 1
                self._window_count += len(smaller) - 1
                self.requests_planned += len(smaller) - 1

    def _split_after_range_error(self, exc: RequestRejectedError,
                                 window: DateWindow) -> list[DateWindow]:
        if (self.request.kind is ReportKind.WEEKLY or window.days <= FREE_PLAN_MAX_DAYS
                or not _RANGE_ERROR.search(exc.server_message)):
            return []
        if not self._free:
            self._free = True
            self.client.set_hourly_quota(self.request.workspace_id)
        note = (f"Clockify allows at most {FREE_PLAN_MAX_DAYS} days per request for this "
                "workspace, so the range is fetched in smaller parts.")
        if note not in self.notes:
            self.notes.append(note)
        self._emit(Phase.FETCHING, note)
        return split_range(window.start, window.end, FREE_PLAN_MAX_DAYS)

    def _body(self, window: DateWindow, export_type: str, page: Page | None) -> dict[str, Any]:
        assert self._plan is not None
        return build_body(BodyParams(
            kind=self.request.kind, window=window, time_zone=self._plan.time_zone,
            export_type=export_type, page=page, filters=self.request.filters,
            options=self.options, stable_order=export_type == "JSON"))

    def _with_amount_fallback(self, send: Callable[[], Any]) -> Any:
        """Send; on 403 retry once without amounts (managers may not see them)."""
        try:
            return send()
        except PermissionDeniedError as exc:
            fmt = self.request.fmt
            if self._free and fmt in (ExportFormat.CSV, ExportFormat.XLSX):
                raise PlanLimitError(
                    f"Clockify does not export {fmt.label} on the Free plan.",
                    "Choose JSON or PDF, or upgrade the workspace's plan.",
                    status=exc.status, code=exc.code, server_message=exc.server_message,
                    details=exc.details) from None
            if (self.request.kind is ReportKind.EXPENSES
                    or self.options.amount_shown == "HIDE_AMOUNT"):
                raise
            self.options = replace(self.options, amount_shown="HIDE_AMOUNT", amounts=())
            note = ("Clockify does not show amounts to your role, so this export has no "
                    "amounts.")
            self.notes.append(note)
            self._emit(Phase.FETCHING, note)
            return send()

    def _fetch_json(self, window: DateWindow, page: Page | None) -> dict[str, Any]:
        self.cancel_point()
        kind = self.request.kind
        result: dict[str, Any] = self._with_amount_fallback(
            lambda: self.client.report(self.request.workspace_id, kind.path,
                                       self._body(window, "JSON", page)))
        self.requests_done += 1
        return result

    def _download(self, window: DateWindow, page: Page | None, sink: IO[bytes],
                  target: Path) -> None:
        self.cancel_point()
        fmt = self.request.fmt
        self._with_amount_fallback(
            lambda: self.client.download(
                self.request.workspace_id, self.request.kind.path,
                self._body(window, fmt.export_type, page), sink, target,
                lambda f: looks_complete(fmt.value, f)))
        self.requests_done += 1

    # ---- JSON ----------------------------------------------------------------------

    def _run_json(self, plan: ExportPlan, group: AtomicGroup) -> None:
        out = group.open(self.request.output)
        kind = self.request.kind
        if kind.paged:
            key = kind.items_key
            assert key is not None
            writer = JsonListWriter(out, key)
            totals = JsonTotals(kind)
            self._each_window(plan, lambda w: self._json_pages(w, writer, totals))
            self.entries = writer.count
            writer.close(totals.trailer())
            return
        results: list[tuple[DateWindow, dict[str, Any]]] = []

        def fetch(window: DateWindow) -> None:
            self._emit_window(window)
            results.append((window, self._fetch_json(window, None)))

        self._each_window(plan, fetch)
        if kind is ReportKind.SUMMARY:
            document = merge_summaries([r for _, r in results])
        else:
            document = merge_weekly(results)
        self.entries = len(document.get("groupOne") or [])
        write_json_document(out, document)

    def _json_pages(self, window: DateWindow, writer: JsonListWriter | UniqueItems,
                    totals: JsonTotals, first: dict[str, Any] | None = None) -> None:
        kind = self.request.kind
        size = self.request.page_size
        page = 1
        while True:
            self._emit_window(window, page)
            data = first or self._fetch_json(window, Page(page, size))
            first = None
            items = _items(data, kind)
            count = totals.window_count(data)
            if page == 1:
                totals.add_window(data)
                if count is not None and count > size:
                    self.requests_planned += math.ceil(count / size) - 1
            for item in items:
                identity = _identity(item, kind)
                if writer.add(item, identity):
                    totals.add_item(item)
            self.entries = writer.count
            if len(items) < size or (count is not None and page * size >= count):
                return
            page += 1
            if count is None:
                self.requests_planned += 1

    # ---- CSV, XLSX and PDF built by this app from the JSON report ----------------------

    def _run_local(self, plan: ExportPlan, group: AtomicGroup) -> None:
        from core.render.choice import pdf_fits, pdf_note
        from core.render.sinks import RenderDocumentSink, RenderItemSink

        req = self.request
        kind = req.kind
        first: dict[str, Any] | None = None
        if plan.render.pdf_probe:  # `auto` PDF: Clockify's, if it holds every row
            window = plan.windows[0]
            self._emit_window(window)
            try:
                first = self._fetch_json(window, Page(1, req.page_size) if kind.paged
                                         else None)
            except RequestRejectedError:
                first = None  # e.g. a range too long for the plan: split below, built here
            rows = pdf_rows(kind, first, req.page_size) if first is not None else None
            if pdf_fits(rows):
                self._run_files(plan, group)
                return
            self.notes.append(pdf_note(rows))
        self._local = True
        settings = self._profile
        if settings is None:
            settings = self.client.current_user().get("settings") or {}
        ctx = render_context(self.client, req, plan, self._workspace or {}, settings)
        out = group.open(req.output)
        if kind.paged:
            sink = RenderItemSink(req.fmt, out.file, ctx)
            writer = UniqueItems(sink)
            totals = ReportedTotals(kind)

            def pages(window: DateWindow) -> None:
                nonlocal first
                data, first = first, None
                self._json_pages(window, writer, totals, data)

            self._each_window(plan, pages)
            self.entries = writer.count
            sink.close(totals.expected())
            return
        results: list[tuple[DateWindow, dict[str, Any]]] = []

        def fetch(window: DateWindow) -> None:
            nonlocal first
            self._emit_window(window)
            results.append((window, first or self._fetch_json(window, None)))
            first = None

        self._each_window(plan, fetch)
        if kind is ReportKind.SUMMARY:
            document = merge_summaries([r for _, r in results])
        else:
            document = merge_weekly(results)
        doc_sink = RenderDocumentSink(req.fmt, out.file, ctx)
        doc_sink.write(document)
        self.entries = doc_sink.rows

    # ---- CSV -----------------------------------------------------------------------

    def _run_csv(self, plan: ExportPlan, group: AtomicGroup) -> None:
        out = group.open(self.request.output)
        joiner = CsvJoiner(out)
        self._each_window(plan, lambda w: self._csv_window(w, joiner))
        self.entries = joiner.records

    def _spool(self) -> IO[bytes]:
        try:
            return tempfile.TemporaryFile(dir=self.request.output.parent)
        except OSError as exc:
            raise output_error(exc, self.request.output) from None

    def _csv_window(self, window: DateWindow, joiner: CsvJoiner) -> None:
        kind = self.request.kind
        size = self.request.page_size
        if not kind.paged:
            self._emit_window(window)
            with self._spool() as spool:
                self._download(window, None, spool, self.request.output)
                joiner.add(spool)
            self.entries = joiner.records
            return
        # Whether Clockify pages CSV exports is not documented: ask page by page, and stop
        # at a short page, or when a page repeats the last one (paging ignored).
        page, previous = 1, ""
        while True:
            self._emit_window(window, page)
            with self._spool() as spool:
                self._download(window, Page(page, size), spool, self.request.output)
                rows = csv_record_count(spool)
                digest = file_digest(spool)
                if page > 1 and (rows == 0 or digest == previous):
                    return
                joiner.add(spool)
            self.entries = joiner.records
            if rows != size:
                return
            previous, page = digest, page + 1
            self.requests_planned += 1

    # ---- XLSX, PDF, and CSV one file per window ------------------------------------------

    def _run_files(self, plan: ExportPlan, group: AtomicGroup) -> None:
        kind = self.request.kind
        page = Page(1, self.request.page_size) if kind.paged else None

        def fetch(window: DateWindow) -> None:
            self._emit_window(window)
            # A window split after Clockify refused its range also gets files of its own.
            per_window = plan.per_window_files or self._window_count > 1
            target = (numbered_paths(self.request.output, [window.label()])[0]
                      if per_window else self.request.output)
            out: AtomicFile = group.open(target)
            try:
                self._download(window, page, out.file, target)
            except BaseException:
                out.abort()
                group.files.remove(out)
                raise

        self._each_window(plan, fetch)

    # ---- progress ------------------------------------------------------------------

    def _emit_window(self, window: DateWindow, page: int = 1) -> None:
        text = f"Fetching {window.start.isoformat()} – {window.end.isoformat()}"
        if self._window_count > 1:
            text += f" (part {self._window_index} of {self._window_count})"
        if page > 1:
            text += f", page {page}"
        self._emit(Phase.FETCHING, text + "…")

    def _emit(self, phase: Phase, message: str, wait: WaitInfo | None = None) -> None:
        if self._on_progress is None:
            return
        self._on_progress(Progress(
            phase=phase, message=message, requests_done=self.requests_done,
            requests_planned=max(self.requests_planned, self.requests_done),
            entries_written=self.entries, window=self._window_index,
            windows=self._window_count, wait=wait))

    def _on_wait(self, info: WaitInfo) -> None:
        self._emit(Phase.WAITING, info.message, info)


def _items(data: dict[str, Any], kind: ReportKind) -> list[dict[str, Any]]:
    key = kind.items_key or ""
    items = data.get(key)
    if items is None and kind is ReportKind.DETAILED:
        items = data.get("timeEntries")  # the older spelling
    return [x for x in items or [] if isinstance(x, dict)]


def _identity(item: dict[str, Any], kind: ReportKind) -> str | None:
    if kind is ReportKind.ATTENDANCE:  # one row per user and day; no id of its own
        return f"{item.get('userId')}|{item.get('date')}"
    return None
