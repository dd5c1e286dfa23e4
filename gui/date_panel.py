"""Date range: presets, two date fields with calendar pop-ups, and the time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from core.windows import Preset, is_time_zone, preset_range, time_zone_names
from gui.settings import AppSettings

DATE_FORMAT = "yyyy-MM-dd"  # pinned: independent of the locale, stable in tests and shots
CUSTOM = "custom"
_PRESET_NAMES = {
    Preset.TODAY: QT_TRANSLATE_NOOP("DatePanel", "Today"),
    Preset.YESTERDAY: QT_TRANSLATE_NOOP("DatePanel", "Yesterday"),
    Preset.THIS_WEEK: QT_TRANSLATE_NOOP("DatePanel", "This week"),
    Preset.LAST_WEEK: QT_TRANSLATE_NOOP("DatePanel", "Last week"),
    Preset.PAST_TWO_WEEKS: QT_TRANSLATE_NOOP("DatePanel", "Past two weeks"),
    Preset.THIS_MONTH: QT_TRANSLATE_NOOP("DatePanel", "This month"),
    Preset.LAST_MONTH: QT_TRANSLATE_NOOP("DatePanel", "Last month"),
    Preset.THIS_YEAR: QT_TRANSLATE_NOOP("DatePanel", "This year"),
    Preset.LAST_YEAR: QT_TRANSLATE_NOOP("DatePanel", "Last year"),
    Preset.LAST_7_DAYS: QT_TRANSLATE_NOOP("DatePanel", "Last 7 days"),
    Preset.LAST_30_DAYS: QT_TRANSLATE_NOOP("DatePanel", "Last 30 days"),
}


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DatePanel(QGroupBox):
    """Which days to export, and in which time zone they are read."""

    range_changed = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Date range"), parent)
        self._settings = settings
        self._profile_zone = ""
        self._week_start = "MONDAY"

        self.preset_combo = QComboBox(self)
        self.preset_combo.setAccessibleName(self.tr("Date range preset"))
        for preset, name in _PRESET_NAMES.items():
            self.preset_combo.addItem(QCoreApplication.translate("DatePanel", str(name)),
                                      preset.value)
        self.preset_combo.addItem(self.tr("Custom range"), CUSTOM)
        self.start_edit = self._date_edit(self.tr("Start date"))
        self.end_edit = self._date_edit(self.tr("End date"))
        self.time_zone_combo = QComboBox(self)
        self.time_zone_combo.setEditable(True)
        self.time_zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone_combo.setAccessibleName(self.tr("Time zone"))
        self.time_zone_combo.setMinimumContentsLength(16)
        self.time_zone_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # The zone list scans the zone database (tens of milliseconds): it is filled when
        # the field is first used, not while the window builds or first paints.
        self.time_zone_combo.installEventFilter(self)
        editor = self.time_zone_combo.lineEdit()
        if editor is not None:
            editor.installEventFilter(self)

        preset_label = QLabel(self.tr("Ran&ge:"), self)
        preset_label.setBuddy(self.preset_combo)
        start_label = QLabel(self.tr("Fro&m:"), self)
        start_label.setBuddy(self.start_edit)
        end_label = QLabel(self.tr("&To:"), self)
        end_label.setBuddy(self.end_edit)
        zone_label = QLabel(self.tr("Time &zone:"), self)
        zone_label.setBuddy(self.time_zone_combo)

        grid = QGridLayout(self)
        grid.addWidget(preset_label, 0, 0)
        grid.addWidget(self.preset_combo, 0, 1)
        dates = QHBoxLayout()
        dates.addWidget(start_label)
        dates.addWidget(self.start_edit, 1)
        dates.addSpacing(8)
        dates.addWidget(end_label)
        dates.addWidget(self.end_edit, 1)
        grid.addLayout(dates, 1, 1)
        grid.addWidget(zone_label, 2, 0)
        grid.addWidget(self.time_zone_combo, 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)

        self._restore()
        self.preset_combo.currentIndexChanged.connect(self.on_preset_combo_changed)
        self.start_edit.dateChanged.connect(self.on_date_edit_changed)
        self.end_edit.dateChanged.connect(self.on_date_edit_changed)
        self.time_zone_combo.currentTextChanged.connect(self.on_time_zone_combo_changed)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setAccessibleName(name)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2100, 12, 31))
        return edit

    # ---- public ------------------------------------------------------------------------

    def start_date(self) -> date:
        return to_date(self.start_edit.date())

    def end_date(self) -> date:
        return to_date(self.end_edit.date())

    def preset(self) -> str:
        return str(self.preset_combo.currentData())

    def time_zone(self) -> str:
        return self.time_zone_combo.currentText().strip()

    def set_range(self, start: date, end: date) -> None:
        """Set custom dates (as a user would type them)."""
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.time_zone_combo, self.time_zone_combo.lineEdit()) and event.type() in (
                QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress):
            self.fill_time_zones()
        return super().eventFilter(watched, event)

    @Slot()
    def fill_time_zones(self) -> None:
        """The pick-list and search-as-you-type of every zone, keeping the current text."""
        if self.time_zone_combo.count():
            return
        # Here, not at the top: loading `Qt` would cost the window's first paint ~20 ms.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QCompleter

        names = time_zone_names()
        current = self.time_zone_combo.currentText()
        self.time_zone_combo.blockSignals(True)
        self.time_zone_combo.addItems(names)
        self.time_zone_combo.setCurrentText(current)
        self.time_zone_combo.blockSignals(False)
        completer = QCompleter(names, self.time_zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone_combo.setCompleter(completer)

    def set_preset(self, preset: str) -> None:
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(preset)))

    def set_profile(self, time_zone: str, week_start: str) -> None:
        """The signed-in user's Clockify zone and first day of the week."""
        self._profile_zone = time_zone
        self._week_start = week_start
        self.time_zone_combo.setToolTip(
            self.tr("Your Clockify profile uses {zone}.").format(zone=time_zone))
        if not self._settings.text("time_zone"):
            self.time_zone_combo.blockSignals(True)
            self.time_zone_combo.setCurrentText(time_zone)
            self.time_zone_combo.blockSignals(False)
        self._apply_preset()
        self.range_changed.emit()

    def problem(self) -> str | None:
        """Why these choices cannot be exported, or None."""
        if self.end_date() < self.start_date():
            return self.tr("The end date {end} is before the start date {start}. Pick an end "
                           "date on or after the start date.").format(
                end=self.end_date().isoformat(), start=self.start_date().isoformat())
        zone = self.time_zone()
        if not is_time_zone(zone):
            return self.tr("'{zone}' is not a time zone this computer knows. Pick one from "
                           "the list, e.g. Europe/Berlin or UTC.").format(zone=zone)
        return None

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def on_preset_combo_changed(self) -> None:
        self._settings.set_text("date_preset", self.preset())
        self._apply_preset()
        self._save_custom()
        self.range_changed.emit()

    @Slot()
    def on_date_edit_changed(self) -> None:
        if self.preset() != CUSTOM:  # the user edited a date: it is a custom range now
            self.preset_combo.blockSignals(True)
            self.set_preset(CUSTOM)
            self.preset_combo.blockSignals(False)
            self._settings.set_text("date_preset", CUSTOM)
        self._save_custom()
        self.range_changed.emit()

    @Slot(str)
    def on_time_zone_combo_changed(self, text: str) -> None:
        zone = text.strip()
        if is_time_zone(zone):
            self._settings.set_text("time_zone", "" if zone == self._profile_zone else zone)
            self._apply_preset()  # "today" depends on the zone
        self.range_changed.emit()

    # ---- helpers -----------------------------------------------------------------------

    def _today(self) -> date:
        zone = self.time_zone()
        if zone == "UTC":  # the first start's zone: the first paint does without zoneinfo
            return datetime.now(UTC).date()
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return datetime.now(ZoneInfo(zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            return date.today()

    def _apply_preset(self) -> None:
        preset = self.preset()
        if preset == CUSTOM:
            return
        window = preset_range(Preset(preset), self._today(), self._week_start)
        for edit, day in ((self.start_edit, window.start), (self.end_edit, window.end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _save_custom(self) -> None:
        if self.preset() == CUSTOM:
            self._settings.set_text("custom_start", self.start_date().isoformat())
            self._settings.set_text("custom_end", self.end_date().isoformat())

    def _restore(self) -> None:
        zone = self._settings.text("time_zone")
        if not (zone and is_time_zone(zone)):  # none saved: no zone database to ask
            zone = "UTC"
        self.time_zone_combo.setCurrentText(zone)
        preset = self._settings.text("date_preset")
        if self.preset_combo.findData(preset) < 0:
            preset = Preset.LAST_MONTH.value
        self.set_preset(preset)
        if preset == CUSTOM:
            today = date.today()
            start = _parse(self._settings.text("custom_start")) or today
            end = _parse(self._settings.text("custom_end")) or today
            self.set_range(start, end)
        else:
            self._apply_preset()


def _parse(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
