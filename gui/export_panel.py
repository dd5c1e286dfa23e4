"""Export: the format, what the export will cost, progress, and Export / Cancel."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from core.errors import ExporterError
from core.limits import CLOCKIFY_PDF_MAX_ROWS, WaitInfo
from core.render.settings import CSV_DELIMITERS, CsvSettings, Renderer
from core.reports import ExportFormat
from gui import wording
from gui.settings import AppSettings
from gui.widgets import MessageBanner, StatusLabel, Tone

if TYPE_CHECKING:  # core.planning is not needed by the first paint (gui.wording)
    from core.planning import ExportPlan, ExportRequest, ExportResult, Progress


class ExportPanel(QGroupBox):
    """Format choice, cost estimate, progress and the result of the last export."""

    choices_changed = Signal()  # the format or the layout: what the export costs may change
    export_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export"), parent)
        self._settings = settings
        self._running = False
        self._problem: str | None = None
        self._clock = QElapsedTimer()
        self._last_progress: Progress | None = None
        self._plan_notes: tuple[str, ...] = ()  # core's notes of the plan shown

        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("File format"))
        for fmt in ExportFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
        self.layout_combo = QComboBox(self)
        self.layout_combo.setAccessibleName(self.tr("Layout of the file"))
        self.layout_combo.addItem(self.tr("Automatic (recommended)"), Renderer.AUTO.value)
        self.layout_combo.addItem(self.tr("This app's (any plan, one file)"),
                                  Renderer.LOCAL.value)
        self.layout_combo.addItem(self.tr("Clockify's (as in the web app)"),
                                  Renderer.CLOCKIFY.value)
        self.layout_combo.setToolTip(self.tr(
            "This app builds CSV, Excel and PDF files from Clockify's JSON report: every "
            "entry in one file, on any plan. Clockify's own files look as in the web app, but "
            "the Free plan gets none as CSV or Excel and its PDFs stop at {rows} rows. "
            "Automatic takes Clockify's file when it is complete and allowed, else this "
            "app's.").format(
            rows=wording.count(CLOCKIFY_PDF_MAX_ROWS)))
        # Long item texts (in French more so) must not widen the window: they may shrink.
        self.layout_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layout_combo.setMinimumContentsLength(16)
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setAccessibleName(self.tr("CSV separator"))
        self.delimiter_combo.addItem(self.tr("Comma (,)"), CSV_DELIMITERS[0])
        self.delimiter_combo.addItem(self.tr("Semicolon (;)"), CSV_DELIMITERS[1])
        self.delimiter_combo.setToolTip(self.tr(
            "The separator between columns: French or German Excel expects a semicolon."))
        self.escape_check = QCheckBox(self.tr("Protect against formulas"), self)
        self.escape_check.setToolTip(self.tr(
            "A cell that starts with = + - or @ gets a leading ' so that a spreadsheet shows "
            "it as text and never runs it. Turn off for programs that read the CSV."))
        self.bom_check = QCheckBox(self.tr("Mark as UTF-8 for E&xcel"), self)
        self.bom_check.setToolTip(self.tr(
            "Starts the file with a byte-order mark, without which Excel misreads accents."))
        self.manifest_check = QCheckBox(
            self.tr("Also save a &verification record (.manifest.json)"), self)
        self.manifest_check.setToolTip(self.tr(
            "A small file beside the export with what was checked (entries, totals, requests), "
            "the export's choices and a SHA-256 fingerprint of every file: for your records."))
        self.cost_label = StatusLabel(self)
        self.cost_label.setAccessibleName(self.tr("Request cost"))
        self.note_label = StatusLabel(self)
        self.note_label.setAccessibleName(self.tr("Notes about this export"))
        self.reason_label = StatusLabel(self)
        self.reason_label.setAccessibleName(self.tr("Why Export is unavailable"))
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.setTextVisible(True)
        self.progress_label = StatusLabel(self)
        self.progress_label.setAccessibleName(self.tr("Export status"))
        self.time_label = StatusLabel(self)
        self.time_label.setAccessibleName(self.tr("Elapsed and remaining time"))
        self.time_label.setWordWrap(False)  # short; wrapped, it would split mid-phrase
        self.wait_label = StatusLabel(self)
        self.wait_label.setAccessibleName(self.tr("Rate limit wait"))
        self._banner: MessageBanner | None = None  # made with the first result (banner)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setDefault(True)
        self.export_button.setToolTip(self.tr("Choose where to save, then export (Ctrl+E)"))
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the export; nothing is saved (Esc)"))

        format_label = QLabel(self.tr("F&ormat:"), self)
        format_label.setBuddy(self.format_combo)
        # Every letter of "Layout" and "CSV" is some other control's Alt key: no mnemonic.
        self.layout_label = QLabel(self.tr("Layout:"), self)
        self.layout_label.setBuddy(self.layout_combo)
        self.csv_label = QLabel(self.tr("CSV:"), self)
        self.csv_label.setBuddy(self.delimiter_combo)
        grid = QGridLayout(self)
        top = QHBoxLayout()  # format and layout side by side: one row less for the form
        top.addWidget(self.format_combo)
        top.addSpacing(12)
        top.addWidget(self.layout_label)
        top.addWidget(self.layout_combo, 1)
        top.addWidget(self.cost_label, 1)
        grid.addWidget(format_label, 0, 0)
        grid.addLayout(top, 0, 1, 1, 2)
        grid.addWidget(self.csv_label, 1, 0)
        csv_row = QHBoxLayout()
        csv_row.addWidget(self.delimiter_combo)
        csv_row.addWidget(self.escape_check)
        csv_row.addWidget(self.bom_check)
        csv_row.addStretch(1)
        grid.addLayout(csv_row, 1, 1, 1, 2)
        grid.addWidget(self.manifest_check, 2, 1, 1, 2)
        grid.addWidget(self.note_label, 3, 1, 1, 2)
        grid.addWidget(self.progress_bar, 4, 0, 1, 3)
        status = QHBoxLayout()
        status.addWidget(self.progress_label, 1)
        status.addWidget(self.time_label)
        grid.addLayout(status, 5, 0, 1, 3)
        grid.addWidget(self.wait_label, 6, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_label, 1)
        buttons.addStretch(0)  # keeps the buttons at the right when there is no reason
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        grid.addLayout(buttons, 8, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self._grid = grid
        self.timer_tick = QTimer(self)  # the elapsed time moves on between progress reports
        self.timer_tick.setInterval(1000)
        self.timer_tick.timeout.connect(self.on_timer_tick_timeout)

        self._restore()
        self.format_combo.currentIndexChanged.connect(self.on_format_combo_changed)
        self.layout_combo.currentIndexChanged.connect(self.on_layout_combo_changed)
        self.delimiter_combo.currentIndexChanged.connect(self.on_csv_option_changed)
        for check in (self.escape_check, self.bom_check):
            check.toggled.connect(self.on_csv_option_changed)
        self.manifest_check.toggled.connect(self.on_manifest_check_toggled)
        self.export_button.clicked.connect(self.export_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._show_options()
        self._show_idle()

    def _restore(self) -> None:
        with contextlib.suppress(ValueError):  # a value from another version: the default
            self.set_renderer(Renderer(self._settings.text("renderer")))
        saved = self._settings.data("csv_options")
        default = CsvSettings()
        delimiter = saved.get("delimiter", default.delimiter)
        self.delimiter_combo.setCurrentIndex(max(0, self.delimiter_combo.findData(delimiter)))
        self.escape_check.setChecked(saved.get("formula_escape", default.formula_escape)
                                     is not False)
        self.bom_check.setChecked(saved.get("bom", default.bom) is not False)
        self.manifest_check.setChecked(self._settings.flag("manifest"))

    # ---- choices -----------------------------------------------------------------------

    def fmt(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_fmt(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt.value)))

    def renderer(self) -> Renderer:
        return Renderer(self.layout_combo.currentData())

    def set_renderer(self, renderer: Renderer) -> None:
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(renderer.value)))

    def csv_settings(self) -> CsvSettings:
        return CsvSettings(delimiter=str(self.delimiter_combo.currentData()),
                           bom=self.bom_check.isChecked(),
                           formula_escape=self.escape_check.isChecked())

    def manifest(self) -> bool:
        return self.manifest_check.isChecked()

    @Slot()
    def on_format_combo_changed(self) -> None:
        self._show_options()
        self.choices_changed.emit()

    @Slot()
    def on_layout_combo_changed(self) -> None:
        self._settings.set_text("renderer", self.renderer().value)
        self._show_options()
        self.choices_changed.emit()

    @Slot()
    def on_csv_option_changed(self) -> None:
        csv = self.csv_settings()
        self._settings.set_data("csv_options", {
            "delimiter": csv.delimiter, "bom": csv.bom, "formula_escape": csv.formula_escape})

    @Slot(bool)
    def on_manifest_check_toggled(self, checked: bool) -> None:
        self._settings.set_flag("manifest", checked)

    def _show_options(self) -> None:
        """The layout only where there is a choice (not JSON); CSV options only for the CSV
        files this app builds (Clockify's own CSV has its own)."""
        fmt = self.fmt()
        has_layout = fmt is not ExportFormat.JSON
        self.layout_label.setVisible(has_layout)
        self.layout_combo.setVisible(has_layout)
        own_csv = fmt is ExportFormat.CSV and self.renderer() is not Renderer.CLOCKIFY
        csv_widgets: tuple[QWidget, ...] = (self.csv_label, self.delimiter_combo, self.escape_check,
                                            self.bom_check)
        for widget in csv_widgets:
            widget.setVisible(own_csv)

    def set_estimate(self, plan: ExportPlan | None, request: ExportRequest | None) -> None:
        """Show what the export will cost and what the plan says, before any request."""
        self._plan_notes = plan.notes if plan is not None else ()
        if plan is None or request is None:
            self.cost_label.set_status("")
            self.note_label.set_status("")
            return
        from core.connection import STARTS  # loaded with the first sign-in, not at start

        # The quota counts the requests this app made to the workspace in the last hour
        # (its pick-lists): the estimate starts from them.
        self.cost_label.set_status(wording.cost_text(plan, request.kind.paged,
                                                     STARTS.ages(request.workspace_id)))
        self.note_label.set_status(" ".join(wording.plan_notes(plan, request)), Tone.INFO)

    def set_problem(self, problem: str | None) -> None:
        """Why Export cannot run now (None: it can)."""
        self._problem = problem
        self.reason_label.set_status(problem or "", Tone.ERROR)
        self._update_buttons()

    def can_export(self) -> bool:
        return self._problem is None and not self._running

    # ---- running -----------------------------------------------------------------------

    def set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.format_combo, self.layout_combo, self.delimiter_combo,
                       self.escape_check, self.bom_check, self.manifest_check):
            widget.setEnabled(not running)
        if running:
            if self._banner is not None:
                self._banner.clear()
            self._clock.start()
            self._last_progress = None
            self.progress_bar.setRange(0, 0)  # busy until the first progress arrives
            self.progress_bar.setFormat("")
            self.progress_bar.show()
            self.progress_label.set_status(self.tr("Starting…"))
            self.time_label.set_status(wording.time_text(0, None))
            self.timer_tick.start()
        else:
            self.timer_tick.stop()
            self.wait_label.set_status("")
        self._update_buttons()

    def show_progress(self, progress: Progress) -> None:
        from core.planning import Phase  # loaded with the Progress's module

        self._last_progress = progress
        if progress.entries_expected:  # Clockify counted the entries: the bar follows them
            self.progress_bar.setRange(0, progress.entries_expected)
            self.progress_bar.setValue(min(progress.entries_written, progress.entries_expected))
            self.progress_bar.setFormat(self.tr("%p %"))
        elif progress.requests_planned > 1 or progress.requests_done:
            planned = max(progress.requests_planned, progress.requests_done)
            self.progress_bar.setRange(0, planned)
            self.progress_bar.setValue(progress.requests_done)
            self.progress_bar.setFormat(self.tr("%p %"))
        else:
            self.progress_bar.setRange(0, 0)  # one request, no steps to show: busy, moving
        self._show_time()
        if progress.phase is Phase.WAITING:
            return  # the wait line says it, with a countdown
        self.wait_label.set_status("")
        self.progress_label.set_status(wording.progress_text(progress))

    def show_wait(self, info: WaitInfo) -> None:
        self.wait_label.set_status(wording.wait_text(info), Tone.WARNING)

    @Slot()
    def on_timer_tick_timeout(self) -> None:
        self._show_time()

    def _show_time(self) -> None:
        progress = self._last_progress
        fraction = wording.progress_fraction(progress) if progress is not None else None
        self.time_label.set_status(wording.time_text(self._clock.elapsed() / 1000, fraction))

    def show_finished(self, result: ExportResult, open_file: Callable[[], object],
                      show_folder: Callable[[], object]) -> None:
        self._show_idle()
        # The manifest is listed on its own line, not counted as one of the export's files.
        files = [f for f in result.files if f != result.manifest]
        first = files[0] if files else None
        if len(files) == 1 and first is not None:
            lines = [self.tr("Saved {path}.").format(path=str(first))]
        else:
            folder = str(first.parent) if first is not None else ""
            lines = [self.tr("Saved %n file(s) in {folder}.", "", len(files)).format(
                folder=folder)]
        if result.manifest is not None:
            lines.append(self.tr("Verification record: {name}").format(
                name=result.manifest.name))
        if result.verification is not None:
            lines.append(wording.verification_text(result.verification))
        else:
            lines.append(self.tr("Requests to Clockify: {count}.").format(
                count=wording.count(result.requests)))
        actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("Ope&n file"), open_file), (self.tr("Show in folde&r"), show_folder)]
        if len(files) != 1:
            actions = actions[1:]
        # A note of the plan is shown under the format already: not again in the banner.
        notes = " ".join(wording.note_text(note) for note in result.notes
                         if note not in self._plan_notes)
        self.banner.show_message(Tone.SUCCESS, self.tr("Export finished"), "\n".join(lines),
                                 notes, actions)

    def show_failed(self, error: ExporterError, copy_details: Callable[[], object]) -> None:
        self._show_idle()
        actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("&Copy details"), copy_details)]
        text, hint = wording.error_text(error)
        self.banner.show_message(Tone.ERROR, wording.error_title(error), text, hint, actions)

    @property
    def banner(self) -> MessageBanner:
        """Where the last export's result shows, under the progress (row 7 of the grid).

        Made when the first result comes: no frame shows it before, and building it (its
        bold title font) cost the first paint ~3 ms."""
        if self._banner is None:
            self._banner = MessageBanner(self)
            self._grid.addWidget(self._banner, 7, 0, 1, 3)
        return self._banner

    def show_cancelled(self) -> None:
        self._show_idle()
        self.banner.show_message(Tone.INFO, self.tr("Export cancelled"),
                                 self.tr("Nothing was saved."))

    # ---- helpers -----------------------------------------------------------------------

    def _show_idle(self) -> None:
        self.progress_bar.hide()
        self.progress_label.set_status("")
        self.time_label.set_status("")
        self.wait_label.set_status("")

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.can_export())
        self.cancel_button.setEnabled(self._running)
        self.cancel_button.setVisible(self._running)
        self.reason_label.setVisible(bool(self._problem) and not self._running)

