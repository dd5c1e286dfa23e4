"""Export: the format, what the export will cost, progress, and Export / Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer, Signal, Slot
from PySide6.QtWidgets import (
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
from core.limits import WaitInfo
from core.planning import ExportPlan, ExportRequest, ExportResult, Phase, Progress
from core.reports import ExportFormat
from gui import wording
from gui.widgets import MessageBanner, StatusLabel, Tone


class ExportPanel(QGroupBox):
    """Format choice, cost estimate, progress and the result of the last export."""

    format_changed = Signal()
    export_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export"), parent)
        self._running = False
        self._problem: str | None = None
        self._clock = QElapsedTimer()
        self._last_progress: Progress | None = None
        self._plan_notes: tuple[str, ...] = ()  # core's notes of the plan shown

        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("File format"))
        for fmt in ExportFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
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
        self.wait_label = StatusLabel(self)
        self.wait_label.setAccessibleName(self.tr("Rate limit wait"))
        self.banner = MessageBanner(self)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setDefault(True)
        self.export_button.setToolTip(self.tr("Choose where to save, then export (Ctrl+E)"))
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the export; nothing is saved (Esc)"))

        format_label = QLabel(self.tr("F&ormat:"), self)
        format_label.setBuddy(self.format_combo)
        grid = QGridLayout(self)
        grid.addWidget(format_label, 0, 0)
        grid.addWidget(self.format_combo, 0, 1)
        grid.addWidget(self.cost_label, 0, 2)
        grid.addWidget(self.note_label, 1, 1, 1, 2)
        grid.addWidget(self.progress_bar, 2, 0, 1, 3)
        status = QHBoxLayout()
        status.addWidget(self.progress_label, 1)
        status.addWidget(self.time_label)
        grid.addLayout(status, 3, 0, 1, 3)
        grid.addWidget(self.wait_label, 4, 0, 1, 3)
        grid.addWidget(self.banner, 5, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_label, 1)
        buttons.addStretch(0)  # keeps the buttons at the right when there is no reason
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        grid.addLayout(buttons, 6, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.timer_tick = QTimer(self)  # the elapsed time moves on between progress reports
        self.timer_tick.setInterval(1000)
        self.timer_tick.timeout.connect(self.on_timer_tick_timeout)

        self.format_combo.currentIndexChanged.connect(self.on_format_combo_changed)
        self.export_button.clicked.connect(self.export_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._show_idle()

    # ---- choices -----------------------------------------------------------------------

    def fmt(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_fmt(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt.value)))

    @Slot()
    def on_format_combo_changed(self) -> None:
        self.format_changed.emit()

    def set_estimate(self, plan: ExportPlan | None, request: ExportRequest | None) -> None:
        """Show what the export will cost and what the plan says, before any request."""
        self._plan_notes = plan.notes if plan is not None else ()
        if plan is None or request is None:
            self.cost_label.set_status("")
            self.note_label.set_status("")
            return
        self.cost_label.set_status(wording.cost_text(plan, request.kind.paged))
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
        self.format_combo.setEnabled(not running)
        if running:
            self.banner.clear()
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
        self._last_progress = progress
        planned = max(progress.requests_planned, progress.requests_done, 1)
        if planned == 1 and progress.requests_done == 0:
            self.progress_bar.setRange(0, 0)  # one request, no steps to show: busy, moving
        else:
            self.progress_bar.setRange(0, planned)
            self.progress_bar.setValue(progress.requests_done)
            self.progress_bar.setFormat(self.tr("%p %"))
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
        fraction = None
        if progress is not None and progress.requests_planned:
            fraction = progress.requests_done / max(progress.requests_planned,
                                                    progress.requests_done)
        self.time_label.set_status(wording.time_text(self._clock.elapsed() / 1000, fraction))

    def show_finished(self, result: ExportResult, open_file: Callable[[], object],
                      show_folder: Callable[[], object]) -> None:
        self._show_idle()
        first = result.files[0] if result.files else None
        if len(result.files) == 1 and first is not None:
            text = self.tr("Saved {path}.").format(path=str(first))
        else:
            folder = str(first.parent) if first is not None else ""
            text = self.tr("Saved %n file(s) in {folder}.", "", len(result.files)).format(
                folder=folder)
        if result.entries is not None:
            text += " " + self.tr("Items: {count}.").format(count=wording.count(result.entries))
        text += " " + self.tr("Requests to Clockify: {count}.").format(
            count=wording.count(result.requests))
        actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("Ope&n file"), open_file), (self.tr("Show in folde&r"), show_folder)]
        if len(result.files) != 1:
            actions = actions[1:]
        # A note of the plan is shown under the format already: not again in the banner.
        notes = " ".join(note for note in result.notes if note not in self._plan_notes)
        self.banner.show_message(Tone.SUCCESS, self.tr("Export finished"), text, notes, actions)

    def show_failed(self, error: ExporterError, copy_details: Callable[[], object]) -> None:
        self._show_idle()
        actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("&Copy details"), copy_details)]
        text, hint = wording.error_text(error)
        self.banner.show_message(Tone.ERROR, wording.error_title(error), text, hint, actions)

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

