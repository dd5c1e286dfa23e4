"""The main window: composes the panels and wires them to the workers. No business logic."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QIcon,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from core import APP_NAME
from core.credentials import CredentialStore
from core.errors import ExporterError, UsageError
from core.limits import WaitInfo, clockify_refuses, is_free_plan
from core.render.settings import Renderer
from core.reports import ExportFormat, ReportKind
from core.servers import Server
from gui import dialogs, wording
from gui.account_panel import API_KEYS_URL, AccountPanel
from gui.date_panel import DatePanel
from gui.export_panel import ExportPanel
from gui.filters_panel import FiltersPanel
from gui.form_area import FormArea
from gui.i18n import LANGUAGES
from gui.report_tabs import ReportTabs, kind_name
from gui.session import Session
from gui.settings import AppSettings
from gui.worker import ExportWorker, WorkerThreads

if TYPE_CHECKING:  # core.planning is imported once signed in (see _request)
    from core.planning import ExportPlan, ExportRequest, ExportResult, Progress

log = logging.getLogger(__name__)

# The window's size when nothing is remembered, as far as the screen allows.
DEFAULT_SIZE = (960, 760)


def suggested_file_name(kind: ReportKind, start: str, end: str, fmt: ExportFormat) -> str:
    return f"Clockify_{kind.label}_{start}_{end}{fmt.extension}"


class MainWindow(QMainWindow):
    """Account, date range, report, filters and export, top to bottom."""

    export_waiting = Signal(object)  # core.limits.WaitInfo: a rate-limit wait of the export
    # The outcome of each export, re-emitted from the worker: listen here, not on a worker,
    # which may finish before a listener created after start_export() is connected.
    export_finished = Signal(object)  # core.planning.ExportResult
    export_failed = Signal(object)  # core.errors.ExporterError
    export_cancelled = Signal()
    export_done = Signal()  # after every export, whatever the outcome
    # Once, when the first frame is on screen: start-up work that frame doesn't need waits
    # for it (gui.app), so the window appears as soon as it can.
    first_painted = Signal()

    def __init__(self, settings: AppSettings, credentials: CredentialStore | None,
                 demo: tuple[Server, str] | None = None, icon: QIcon | None = None,
                 log_file: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.log_file = log_file
        self.threads = WorkerThreads(self)
        self._worker: ExportWorker | None = None
        self._close_when_idle = False
        self._painted = False
        title = APP_NAME if demo is None else self.tr("{app} — DEMO").format(app=APP_NAME)
        self.setWindowTitle(title)
        if icon is not None:
            self.setWindowIcon(icon)

        demo_server, demo_key = demo if demo is not None else (None, "")
        self.account_panel = AccountPanel(self.threads, settings, credentials, demo_server,
                                          demo_key, self)
        self.date_panel = DatePanel(settings, self)
        self.report_tabs = ReportTabs(self)
        report_box = QGroupBox(self.tr("Report"), self)
        report_layout = QVBoxLayout(report_box)
        report_layout.addWidget(self.report_tabs)
        report_layout.addWidget(self.report_tabs.options_form)
        self.filters_panel = FiltersPanel(self.threads, self)
        self.export_panel = ExportPanel(settings, self)

        # Everything but the export row scrolls, so Export stays in reach on small screens
        # (1366×768 at 100 %, 1920×1080 at 150 %) and nothing is ever cut off.
        self.scroll_area = FormArea(self.account_panel, (self.date_panel, self.filters_panel),
                                    report_box, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.scroll_area, 1)
        export_row = QVBoxLayout()
        export_row.setContentsMargins(9, 0, 9, 9)  # as the form's grid, which scrolls
        export_row.addWidget(self.export_panel)
        column.addLayout(export_row)
        self.setCentralWidget(central)
        self._make_menus()
        self._restore()

        self.account_panel.signed_in.connect(self.on_account_panel_signed_in)
        self.account_panel.signed_out.connect(self.on_account_panel_signed_out)
        self.account_panel.workspace_changed.connect(self.on_account_panel_workspace_changed)
        self.date_panel.range_changed.connect(self.on_choices_changed)
        self.report_tabs.options_changed.connect(self.on_choices_changed)
        self.filters_panel.filters_changed.connect(self.on_choices_changed)
        self.export_panel.choices_changed.connect(self.on_choices_changed)
        self.export_panel.export_requested.connect(self.on_export_action_triggered)
        self.export_panel.cancel_requested.connect(self.on_cancel_action_triggered)
        self.first_painted.connect(self.on_first_painted)
        # Nothing to remember yet (the choices are the saved ones): on a first start the
        # first paint then needs no json and no settings write.
        self._check_choices()

    def _make_menus(self) -> None:
        """The menu bar and its actions; the shortcuts and the language menu follow the
        first paint (_finish_menus)."""
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.triggered.connect(self.on_export_action_triggered)
        self.cancel_action = QAction(self.tr("&Cancel export"), self)
        self.cancel_action.triggered.connect(self.on_cancel_action_triggered)
        self._quit_action = QAction(self.tr("&Quit"), self)
        self._quit_action.triggered.connect(self.close)
        keys_action = QAction(self.tr("Where do I find my API &key?"), self)
        keys_action.triggered.connect(lambda: dialogs.open_url(API_KEYS_URL))
        about_action = QAction(self.tr("&About"), self)
        about_action.triggered.connect(lambda: dialogs.show_about(
            self, self.settings.file_name(), str(self.log_file or "")))
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.export_action, self.cancel_action])
        file_menu.addSeparator()
        file_menu.addAction(self._quit_action)
        self._help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._help_menu.addActions([keys_action, about_action])

    def _finish_menus(self) -> None:
        """Shortcuts and the language menu: neither shows in the first frame, and
        QKeySequence (its type and its key enum) would cost that frame ~3 ms frozen."""
        from PySide6.QtGui import QKeySequence

        # setShortcuts([…]), not setShortcut(…): PySide's overload check of setShortcut loads
        # Qt's `Qt` namespace, ~20 ms. Same shortcuts either way.
        self.export_action.setShortcuts([QKeySequence("Ctrl+E")])
        self.cancel_action.setShortcuts([QKeySequence("Esc")])
        self._quit_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Quit)])
        self._help_menu.addMenu(self._language_menu())

    def _language_menu(self) -> QMenu:
        """The language setting; it applies from the next start (Qt translates at build)."""
        menu = QMenu(self.tr("&Language"), self)
        group = QActionGroup(menu)
        current = self.settings.text("language")
        for code, name in (("", self.tr("System language")), *LANGUAGES.items()):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self.on_language_group_triggered)
        return menu

    @Slot(QAction)
    def on_language_group_triggered(self, action: QAction) -> None:
        self.settings.set_text("language", str(action.data()))
        self.statusBar().showMessage(self.tr(
            "The language changes when the app starts next time."), 10_000)

    def _restore(self) -> None:
        geometry = self.settings.geometry()
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            # Leave room for the title bar and panels of the desktop.
            self.resize(min(DEFAULT_SIZE[0], screen.width() - 40),
                        min(DEFAULT_SIZE[1], screen.height() - 60))
        with contextlib.suppress(ValueError):
            self.report_tabs.set_kind(ReportKind(self.settings.text("report_kind")))
        self.report_tabs.restore_state(self.settings.data("report_options"))
        with contextlib.suppress(ValueError):
            self.export_panel.set_fmt(ExportFormat(self.settings.text("format")))

    def start(self) -> None:
        """After the first paint: sign in when the key is known."""
        self.account_panel.start()

    @Slot()
    def on_first_painted(self) -> None:
        # Qt's first clear button costs ~6 ms (the style loads its icons). Clear buttons
        # show only over text, and both fields are empty in the first frame.
        self.account_panel.add_clear_button()
        self.filters_panel.add_clear_button()
        self._finish_menus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # The window paints before its children, and the frame reaches the screen when
            # this paint pass ends: a zero timer runs after that, not inside it.
            QTimer.singleShot(0, self.first_painted.emit)

    # ---- panels ------------------------------------------------------------------------

    @Slot(object)
    def on_account_panel_signed_in(self, session: Session) -> None:
        self.date_panel.set_profile(session.time_zone, session.week_start)
        self.report_tabs.set_profile_week_start(session.week_start)
        self.on_choices_changed()

    @Slot()
    def on_account_panel_signed_out(self) -> None:
        self.filters_panel.forget_lists()
        self.on_choices_changed()

    @Slot(object)
    def on_account_panel_workspace_changed(self, workspace: dict[str, Any] | None) -> None:
        session = self.account_panel.session
        ws_id = str(workspace.get("id", "")) if workspace else ""
        saved = self.settings.data("filters").get(ws_id) or {}
        self.filters_panel.set_workspace(session.connection if session else None, ws_id, saved)
        self.on_choices_changed()

    @Slot()
    def on_choices_changed(self) -> None:
        """Any choice changed: remember it, re-check it, and show what the export costs."""
        kind = self.report_tabs.kind()
        self.settings.set_text("report_kind", kind.value)
        self.settings.set_data("report_options", self.report_tabs.state())
        self.settings.set_text("format", self.export_panel.fmt().value)
        workspace = self.account_panel.workspace()
        if workspace is not None and self.filters_panel.is_loaded():
            saved = self.settings.data("filters")
            saved[str(workspace.get("id"))] = self.filters_panel.state()
            self.settings.set_data("filters", saved)
        self._check_choices()

    def _check_choices(self) -> None:
        """Whether the choices allow an export, and what it costs."""
        kind = self.report_tabs.kind()
        self.filters_panel.set_report_kind(kind)
        plan: ExportPlan | None = None
        request = None
        problem = self.export_problem()
        if problem is None:
            try:
                request = self._request(Path("estimate"))
                plan = self._plan(request)
            except UsageError as exc:
                problem = wording.error_line(exc)
        self.export_panel.set_estimate(plan, request)
        self.export_panel.set_problem(problem)
        self.export_action.setEnabled(self.export_panel.can_export())

    def export_problem(self) -> str | None:
        session = self.account_panel.session
        if session is None:
            return self.tr("Sign in to export.")
        workspace = self.account_panel.workspace()
        if workspace is None:
            return self.tr("Choose a workspace.")
        problem = self.date_panel.problem() or self.report_tabs.problem()
        if problem:
            return problem
        fmt = self.export_panel.fmt()
        if (self.export_panel.renderer() is Renderer.CLOCKIFY
                and clockify_refuses(fmt.value, workspace)):
            return self.tr("Clockify makes no {format} files on the Free plan: choose this "
                           "app's layout (or Automatic), which builds them from the JSON "
                           "report.").format(format=fmt.label)
        return None

    def _request(self, output: Path) -> ExportRequest:
        # Here, not at the top: the first paint (never signed in yet) does without
        # core.planning and core.render's choice of renderer (~6 ms frozen).
        from core.planning import ExportRequest

        workspace = self.account_panel.workspace() or {}
        return ExportRequest(
            workspace_id=str(workspace.get("id", "")), kind=self.report_tabs.kind(),
            fmt=self.export_panel.fmt(), start=self.date_panel.start_date(),
            end=self.date_panel.end_date(), output=output,
            time_zone=self.date_panel.time_zone(), filters=self.filters_panel.filters(),
            options=self.report_tabs.options(), manifest=self.export_panel.manifest(),
            renderer=self.export_panel.renderer(), csv=self.export_panel.csv_settings())

    def _plan(self, request: ExportRequest) -> ExportPlan:
        """The export's plan from what the window knows: no request, no Free-plan quota."""
        from core.planning import plan_export  # loaded by _request already

        session = self.account_panel.session
        assert session is not None
        return plan_export(request, free_plan=is_free_plan(self.account_panel.workspace() or {}),
                           time_zone=request.time_zone or session.time_zone)

    # ---- export ------------------------------------------------------------------------

    @Slot()
    def on_export_action_triggered(self) -> None:
        if not self.export_panel.can_export():
            return
        kind, fmt = self.report_tabs.kind(), self.export_panel.fmt()
        name = suggested_file_name(kind, self.date_panel.start_date().isoformat(),
                                   self.date_panel.end_date().isoformat(), fmt)
        folder = self.settings.last_folder()
        path = dialogs.ask_save_path(self, str(folder / name), fmt)
        if path is not None:
            self.start_export(path)

    def start_export(self, path: Path) -> ExportWorker:
        """Run the export into `path` in the background."""
        session = self.account_panel.session
        assert session is not None
        self.settings.set_text("last_folder", str(path.parent))
        worker = ExportWorker(session.connection, self._request(path),
                              self.account_panel.workspace(), session.time_zone)
        worker.progress_changed.connect(self.on_export_worker_progress_changed)
        worker.waiting.connect(self.on_export_worker_waiting)
        worker.export_finished.connect(self.on_export_worker_export_finished)
        worker.export_failed.connect(self.on_export_worker_export_failed)
        worker.export_cancelled.connect(self.on_export_worker_export_cancelled)
        worker.done.connect(self.on_export_worker_done)
        self._worker = worker
        self._set_running(True)
        log.info("export %s %s %s..%s", kind_name(self.report_tabs.kind()),
                 self.export_panel.fmt().value, self.date_panel.start_date(),
                 self.date_panel.end_date())
        self.threads.start(worker.job, worker.receive, worker.done.emit)
        return worker

    def is_exporting(self) -> bool:
        return self._worker is not None

    @Slot()
    def on_cancel_action_triggered(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.export_panel.progress_label.set_status(self.tr("Cancelling…"))

    @Slot(object)
    def on_export_worker_progress_changed(self, progress: Progress) -> None:
        self.export_panel.show_progress(progress)

    @Slot(object)
    def on_export_worker_waiting(self, info: WaitInfo) -> None:
        self.export_panel.show_wait(info)
        self.export_waiting.emit(info)

    @Slot(object)
    def on_export_worker_export_finished(self, result: ExportResult) -> None:
        first = result.files[0] if result.files else Path()
        self.export_panel.show_finished(result, lambda: dialogs.open_file(first),
                                        lambda: dialogs.show_in_folder(first))
        self.export_finished.emit(result)

    @Slot(object)
    def on_export_worker_export_failed(self, error: ExporterError) -> None:
        self.export_panel.show_failed(error, lambda: dialogs.copy_text(
            wording.error_details(error)))
        self.export_failed.emit(error)

    @Slot()
    def on_export_worker_export_cancelled(self) -> None:
        self.export_panel.show_cancelled()
        self.export_cancelled.emit()

    @Slot()
    def on_export_worker_done(self) -> None:
        self._worker = None
        self._set_running(False)
        self.export_done.emit()
        if self._close_when_idle:
            self.close()

    def _set_running(self, running: bool) -> None:
        # Nothing that shapes the running export may change under it.
        self.account_panel.set_busy(running)
        # The report's options sit in the report box, outside the tabs: disabled on their own.
        for panel in (self.date_panel, self.report_tabs, self.report_tabs.options_form,
                      self.filters_panel):
            panel.setEnabled(not running)
        self.export_panel.set_running(running)
        self.cancel_action.setEnabled(running)
        self.export_action.setEnabled(self.export_panel.can_export())

    # ---- closing -----------------------------------------------------------------------

    def quit_without_asking(self) -> None:
        """Close now, or as soon as a running export has been cancelled (Ctrl+C)."""
        self._close_when_idle = self._worker is not None
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            if not self._close_when_idle and not dialogs.confirm_cancel_on_close(self):
                event.ignore()
                return
            # Cancel, and close once the worker has stopped (the core stops within a second).
            self._close_when_idle = True
            self._worker.cancel()
            self.export_panel.progress_label.set_status(self.tr("Cancelling…"))
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self.hide()  # gone at once for the user, while background calls wind down
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, timeout_ms: int = 15_000) -> None:
        """Cancel all background work and wait for every thread to end."""
        self.threads.cancel_all()
        if not self.threads.wait_all(timeout_ms):
            log.warning("a background thread did not stop in time")

