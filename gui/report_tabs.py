"""Report tabs: one tab per report kind, each with only its own options."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QTabWidget, QWidget

from core.reports import (
    AMOUNT_SHOWN,
    DETAILED_SORT_COLUMNS,
    DURATION_FORMATS,
    SORT_ORDERS,
    SUMMARY_CHART_TYPES,
    SUMMARY_GROUPS,
    SUMMARY_SORT_COLUMNS,
    WEEK_STARTS,
    WEEKLY_GROUPS,
    ReportKind,
)

if TYPE_CHECKING:  # core.bodies (dataclasses, ~5 ms) loads once options are read, not at start
    from core.bodies import ReportOptions

NONE = ""
# Clockify's option values, as people read them (marked for translation).
_VALUE_NAMES = {
    "DATE": QT_TRANSLATE_NOOP("ReportTabs", "Date"),
    "ID": QT_TRANSLATE_NOOP("ReportTabs", "Entry creation"),
    "USER": QT_TRANSLATE_NOOP("ReportTabs", "User"),
    "DURATION": QT_TRANSLATE_NOOP("ReportTabs", "Duration"),
    "DESCRIPTION": QT_TRANSLATE_NOOP("ReportTabs", "Description"),
    "TAG": QT_TRANSLATE_NOOP("ReportTabs", "Tag"),
    "HIDE_AMOUNT": QT_TRANSLATE_NOOP("ReportTabs", "Hide amounts"),
    "FULL": QT_TRANSLATE_NOOP("ReportTabs", "Hours and minutes (1:30:00)"),
    "DECIMAL": QT_TRANSLATE_NOOP("ReportTabs", "Decimal hours (1.50)"),
    "MONDAY": QT_TRANSLATE_NOOP("ReportTabs", "Monday"),
    "TUESDAY": QT_TRANSLATE_NOOP("ReportTabs", "Tuesday"),
    "WEDNESDAY": QT_TRANSLATE_NOOP("ReportTabs", "Wednesday"),
    "THURSDAY": QT_TRANSLATE_NOOP("ReportTabs", "Thursday"),
    "FRIDAY": QT_TRANSLATE_NOOP("ReportTabs", "Friday"),
    "SATURDAY": QT_TRANSLATE_NOOP("ReportTabs", "Saturday"),
    "SUNDAY": QT_TRANSLATE_NOOP("ReportTabs", "Sunday"),
    "PROJECT": QT_TRANSLATE_NOOP("ReportTabs", "Project"),
    "CLIENT": QT_TRANSLATE_NOOP("ReportTabs", "Client"),
    "TASK": QT_TRANSLATE_NOOP("ReportTabs", "Task"),
    "WEEK": QT_TRANSLATE_NOOP("ReportTabs", "Week"),
    "MONTH": QT_TRANSLATE_NOOP("ReportTabs", "Month"),
    "TIMEENTRY": QT_TRANSLATE_NOOP("ReportTabs", "Time entry (description)"),
    "GROUP": QT_TRANSLATE_NOOP("ReportTabs", "Group name"),
    "AMOUNT": QT_TRANSLATE_NOOP("ReportTabs", "Amount"),
    "EARNED": QT_TRANSLATE_NOOP("ReportTabs", "Earned"),
    "COST": QT_TRANSLATE_NOOP("ReportTabs", "Cost"),
    "PROFIT": QT_TRANSLATE_NOOP("ReportTabs", "Profit"),
    "BILLABILITY": QT_TRANSLATE_NOOP("ReportTabs", "Billability"),
    NONE: QT_TRANSLATE_NOOP("ReportTabs", "(none)"),
}
# The two sort orders, worded for what is sorted (group names are not "newest first").
_ORDER_NAMES = {
    "time": (QT_TRANSLATE_NOOP("ReportTabs", "Newest first"),
             QT_TRANSLATE_NOOP("ReportTabs", "Oldest first")),
    "size": (QT_TRANSLATE_NOOP("ReportTabs", "Largest first"),
             QT_TRANSLATE_NOOP("ReportTabs", "Smallest first")),
    "name": (QT_TRANSLATE_NOOP("ReportTabs", "Z to A"),
             QT_TRANSLATE_NOOP("ReportTabs", "A to Z")),
}
_SORTED_BY = {"DATE": "time", "ID": "time", "USER": "name", "DESCRIPTION": "name",
              "GROUP": "name", "DURATION": "size", "AMOUNT": "size", "EARNED": "size",
              "COST": "size", "PROFIT": "size"}
_KIND_NAMES = {
    ReportKind.DETAILED: QT_TRANSLATE_NOOP("ReportTabs", "Detailed"),
    ReportKind.SUMMARY: QT_TRANSLATE_NOOP("ReportTabs", "Summary"),
    ReportKind.WEEKLY: QT_TRANSLATE_NOOP("ReportTabs", "Weekly"),
    ReportKind.ATTENDANCE: QT_TRANSLATE_NOOP("ReportTabs", "Attendance"),
    ReportKind.EXPENSES: QT_TRANSLATE_NOOP("ReportTabs", "Expenses"),
}


# Choices that differ from a list's first value when nothing is restored.
_DEFAULTS = {"summary_group_2": "TIMEENTRY"}


def kind_name(kind: ReportKind) -> str:
    return QCoreApplication.translate("ReportTabs", str(_KIND_NAMES[kind]))


def _choice(parent: QWidget, name: str, values: Sequence[str]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for value in values:
        name = str(_VALUE_NAMES.get(value, value))
        combo.addItem(QCoreApplication.translate("ReportTabs", name), value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _note(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class ReportTabs(QTabWidget):
    """The report kind is the current tab; `options()` reads that tab's controls only.

    A tab's controls are built when the tab is first shown or its choices first read
    (`ensure_built`), so the window's first paint builds only the current one. Choices of
    tabs not built yet are kept as restored, and saved again unchanged.
    """

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Report type"))
        self.setUsesScrollButtons(False)  # every report kind stays visible, never scrolled
        self._combos: list[QComboBox] = []
        self._profile_week_start = "MONDAY"
        self._restored: dict[str, Any] = {}  # choices from the settings, for tabs built later
        # A sort order's words follow its sort column (None: always sorted by time).
        self._orders: dict[QComboBox, QComboBox | None] = {}
        self._order_combos: dict[ReportKind, QComboBox] = {}  # each built tab's sort order
        self._builders = {ReportKind.DETAILED: self._build_detailed,
                          ReportKind.SUMMARY: self._build_summary,
                          ReportKind.WEEKLY: self._build_weekly,
                          ReportKind.ATTENDANCE: self._build_attendance,
                          ReportKind.EXPENSES: self._build_expenses}
        self._pages: dict[ReportKind, QWidget] = {}
        self._built: set[ReportKind] = set()
        for kind in self._builders:
            self._pages[kind] = QWidget(self)
            self.addTab(self._pages[kind], kind_name(kind))

        # Options every report with amounts shares, below the tabs.
        self.options_form = QWidget(self)
        form = QFormLayout(self.options_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.amounts_combo = self._add(
            form, self.options_form, "amounts", self.tr("Amounts:"), AMOUNT_SHOWN)
        self.duration_combo = self._add(
            form, self.options_form, "duration_format", self.tr("Durations:"),
            DURATION_FORMATS)
        self.duration_combo.setToolTip(self.tr(
            "How durations are written in files this app renders; Clockify's own CSV, "
            "Excel and PDF files follow your Clockify settings."))
        self.rounding_check = QCheckBox(self.tr("Round times as set in Clockify"),
                                        self.options_form)
        self.rounding_check.setObjectName("rounding")
        self.rounding_check.toggled.connect(self.on_combo_changed)
        form.addRow(self.rounding_check)
        self.currentChanged.connect(self.on_tabs_current_changed)

    def ensure_built(self, kind: ReportKind) -> None:
        """Build the controls of `kind`'s tab now, if they are not built yet (with the
        choices restored for it)."""
        if kind in self._built:
            return
        self._built.add(kind)
        page = self._pages[kind]
        first_combo = len(self._combos)
        self._builders[kind](page, QFormLayout(page))
        for combo in self._combos[first_combo:]:
            value = self._restored.get(combo.objectName(), _DEFAULTS.get(combo.objectName()))
            if value is not None:
                combo.blockSignals(True)
                _select(combo, value)
                combo.blockSignals(False)
        self._update_dependent()

    def _build_detailed(self, page: QWidget, form: QFormLayout) -> None:
        self.detailed_sort_combo = self._add(
            form, page, "detailed_sort", self.tr("Sort by:"), DETAILED_SORT_COLUMNS)
        self.detailed_order_combo = self._add(
            form, page, "detailed_order", self.tr("Order:"), SORT_ORDERS)
        self._orders[self.detailed_order_combo] = self.detailed_sort_combo
        self._order_combos[ReportKind.DETAILED] = self.detailed_order_combo
        form.addRow(_note(page, self.tr(
            "Every time entry, one per row. The sort applies to CSV, Excel and PDF; JSON "
            "lists entries in the order they were created, so no page can be skipped.")))

    def _build_summary(self, page: QWidget, form: QFormLayout) -> None:
        self.group_combos = [
            self._add(form, page, "summary_group_1", self.tr("Group by:"), SUMMARY_GROUPS),
            self._add(form, page, "summary_group_2", self.tr("Then by:"),
                      (NONE, *SUMMARY_GROUPS)),
            self._add(form, page, "summary_group_3", self.tr("Then by:"),
                      (NONE, *SUMMARY_GROUPS)),
        ]
        self.summary_sort_combo = self._add(
            form, page, "summary_sort", self.tr("Sort by:"), SUMMARY_SORT_COLUMNS)
        self.summary_order_combo = self._add(
            form, page, "summary_order", self.tr("Order:"), SORT_ORDERS)
        self._orders[self.summary_order_combo] = self.summary_sort_combo
        self._order_combos[ReportKind.SUMMARY] = self.summary_order_combo
        self.chart_combo = self._add(
            form, page, "summary_chart", self.tr("Chart (PDF):"), SUMMARY_CHART_TYPES)

    def _build_weekly(self, page: QWidget, form: QFormLayout) -> None:
        self.weekly_group_combo = self._add(
            form, page, "weekly_group", self.tr("Group by:"), WEEKLY_GROUPS)
        self.week_start_combo = self._add(
            form, page, "week_start", self.tr("Weeks start on:"), (NONE, *WEEK_STARTS))
        form.addRow(_note(page, self.tr(
            "Weekly reports cover whole weeks: a range is widened to the first and last day "
            "of its weeks.")))

    def _build_attendance(self, page: QWidget, form: QFormLayout) -> None:
        self.attendance_order_combo = self._add(
            form, page, "attendance_order", self.tr("Order:"), SORT_ORDERS)
        self._orders[self.attendance_order_combo] = None
        self._order_combos[ReportKind.ATTENDANCE] = self.attendance_order_combo
        form.addRow(_note(page, self.tr(
            "One row per person and day: first start, last end, time worked and breaks.")))

    def _build_expenses(self, page: QWidget, form: QFormLayout) -> None:
        self.expenses_order_combo = self._add(
            form, page, "expenses_order", self.tr("Order:"), SORT_ORDERS)
        self._orders[self.expenses_order_combo] = None
        self._order_combos[ReportKind.EXPENSES] = self.expenses_order_combo
        form.addRow(_note(page, self.tr(
            "Expenses are filtered by project, task, client, user, user group, billable and "
            "status only.")))

    def _add(self, form: QFormLayout, page: QWidget, key: str, label: str,
             values: Sequence[str]) -> QComboBox:
        combo = _choice(page, label.rstrip(":"), values)
        combo.setObjectName(key)
        form.addRow(label, combo)
        combo.currentIndexChanged.connect(self.on_combo_changed)
        self._combos.append(combo)
        return combo

    # ---- public ------------------------------------------------------------------------

    def kind(self) -> ReportKind:
        for kind, page in self._pages.items():
            if page is self.currentWidget():
                return kind
        return ReportKind.DETAILED

    def set_kind(self, kind: ReportKind) -> None:
        self.ensure_built(kind)
        self.setCurrentWidget(self._pages[kind])

    def set_profile_week_start(self, week_start: str) -> None:
        """The signed-in user's first day of the week: what weekly reports follow by default."""
        self._profile_week_start = week_start if week_start in WEEK_STARTS else "MONDAY"
        self._update_dependent()
        self.options_changed.emit()

    def options(self) -> ReportOptions:
        from core.bodies import ReportOptions

        kind = self.kind()
        self.ensure_built(kind)
        order = self._order_combos.get(kind)
        shown = str(self.amounts_combo.currentData())
        base = ReportOptions(
            amount_shown=shown, amounts=() if shown == "HIDE_AMOUNT" else (shown,),
            rounding=self.rounding_check.isChecked(),
            duration_format=str(self.duration_combo.currentData()))
        if order is not None:
            base = replace(base, sort_order=str(order.currentData()))
        if kind is ReportKind.DETAILED:
            return replace(base, detailed_sort_column=str(self.detailed_sort_combo.currentData()))
        if kind is ReportKind.SUMMARY:
            groups = tuple(str(c.currentData()) for c in self.group_combos if c.currentData())
            return replace(base, summary_groups=groups,
                           summary_sort_column=str(self.summary_sort_combo.currentData()),
                           summary_chart_type=str(self.chart_combo.currentData()))
        if kind is ReportKind.WEEKLY:
            return replace(base, weekly_group=str(self.weekly_group_combo.currentData()),
                           week_start=self.week_start())
        return base

    def week_start(self) -> str:
        return str(self.week_start_combo.currentData() or self._profile_week_start)

    def problem(self) -> str | None:
        from core.bodies import OptionProblem, option_problems

        problems = option_problems(self.kind(), self.options())
        # The window can only produce repeated group levels; anything else keeps core's words.
        worded = {OptionProblem.GROUP_REPEATED: self.tr(
            "Each summary group level must be different.")}
        return " ".join(worded.get(code, text) for code, text in problems.items()) or None

    def state(self) -> dict[str, Any]:
        """Every tab's choices, for the settings (as restored, for tabs not built yet)."""
        state: dict[str, Any] = dict(self._restored)
        state.update({c.objectName(): c.currentData() for c in self._combos})
        state["rounding"] = self.rounding_check.isChecked()
        return state

    def restore_state(self, state: dict[str, Any]) -> None:
        self._restored = dict(state)
        for combo in self._combos:
            value = state.get(combo.objectName())
            if value is not None:
                combo.blockSignals(True)
                _select(combo, value)
                combo.blockSignals(False)
        self.rounding_check.blockSignals(True)
        self.rounding_check.setChecked(bool(state.get("rounding")))
        self.rounding_check.blockSignals(False)
        self._update_dependent()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:  # just before the first show
            self.ensure_built(self.kind())
        return super().event(event)

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def on_combo_changed(self) -> None:
        self._update_dependent()
        self.options_changed.emit()

    @Slot(int)
    def on_tabs_current_changed(self, _index: int) -> None:
        self.ensure_built(self.kind())
        self.options_changed.emit()

    def _update_dependent(self) -> None:
        """Controls whose meaning follows another control's choice."""
        for order, sort in self._orders.items():
            descending, ascending = _ORDER_NAMES[
                _SORTED_BY.get(str(sort.currentData()), "time") if sort else "time"]
            order.setItemText(order.findData("DESCENDING"),
                              QCoreApplication.translate("ReportTabs", str(descending)))
            order.setItemText(order.findData("ASCENDING"),
                              QCoreApplication.translate("ReportTabs", str(ascending)))
        if ReportKind.WEEKLY in self._built:
            profile = QCoreApplication.translate("ReportTabs", str(_VALUE_NAMES[
                self._profile_week_start]))
            self.week_start_combo.setItemText(0, self.tr("{day} (your Clockify profile)").format(
                day=profile))
        if ReportKind.SUMMARY in self._built:
            # A third group level only makes sense after a second one.
            second, third = self.group_combos[1], self.group_combos[2]
            third.setEnabled(bool(second.currentData()))
            if not second.currentData() and third.currentData():
                third.blockSignals(True)
                third.setCurrentIndex(0)
                third.blockSignals(False)
