"""Report tabs: one tab per report kind, each with only its own options."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTabWidget, QWidget

from core.reports import (
    DETAILED_SORT_COLUMNS,
    SORT_ORDERS,
    SUMMARY_CHART_TYPES,
    SUMMARY_GROUPS,
    SUMMARY_SORT_COLUMNS,
    WEEKLY_GROUPS,
    ReportKind,
    ReportOptions,
    validate_options,
)

NONE = ""
# Clockify's option values, as people read them (marked for translation).
_VALUE_NAMES = {
    "DATE": QT_TRANSLATE_NOOP("ReportTabs", "Date"),
    "ID": QT_TRANSLATE_NOOP("ReportTabs", "Entry creation"),
    "USER": QT_TRANSLATE_NOOP("ReportTabs", "User"),
    "DURATION": QT_TRANSLATE_NOOP("ReportTabs", "Duration"),
    "DESCRIPTION": QT_TRANSLATE_NOOP("ReportTabs", "Description"),
    "DESCENDING": QT_TRANSLATE_NOOP("ReportTabs", "Newest / largest first"),
    "ASCENDING": QT_TRANSLATE_NOOP("ReportTabs", "Oldest / smallest first"),
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
_KIND_NAMES = {
    ReportKind.DETAILED: QT_TRANSLATE_NOOP("ReportTabs", "Detailed"),
    ReportKind.SUMMARY: QT_TRANSLATE_NOOP("ReportTabs", "Summary"),
    ReportKind.WEEKLY: QT_TRANSLATE_NOOP("ReportTabs", "Weekly"),
    ReportKind.ATTENDANCE: QT_TRANSLATE_NOOP("ReportTabs", "Attendance"),
    ReportKind.EXPENSES: QT_TRANSLATE_NOOP("ReportTabs", "Expenses"),
}


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
    """The report kind is the current tab; `options()` reads that tab's controls only."""

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Report type"))
        self.setUsesScrollButtons(False)  # every report kind stays visible, never scrolled
        self._combos: list[QComboBox] = []

        detailed = QWidget(self)
        form = QFormLayout(detailed)
        self.detailed_sort_combo = self._add(
            form, detailed, "detailed_sort", self.tr("Sort by:"), DETAILED_SORT_COLUMNS)
        self.detailed_order_combo = self._add(
            form, detailed, "detailed_order", self.tr("Order:"), SORT_ORDERS)
        form.addRow(_note(detailed, self.tr(
            "Every time entry, one per row. The sort applies to CSV, Excel and PDF; JSON "
            "lists entries in the order they were created, so no page can be skipped.")))

        summary = QWidget(self)
        form = QFormLayout(summary)
        self.group_combos = [
            self._add(form, summary, "summary_group_1", self.tr("Group by:"), SUMMARY_GROUPS),
            self._add(form, summary, "summary_group_2", self.tr("Then by:"),
                      (NONE, *SUMMARY_GROUPS)),
            self._add(form, summary, "summary_group_3", self.tr("Then by:"),
                      (NONE, *SUMMARY_GROUPS)),
        ]
        self.summary_sort_combo = self._add(
            form, summary, "summary_sort", self.tr("Sort by:"), SUMMARY_SORT_COLUMNS)
        self.summary_order_combo = self._add(
            form, summary, "summary_order", self.tr("Order:"), SORT_ORDERS)
        self.chart_combo = self._add(
            form, summary, "summary_chart", self.tr("Chart (PDF):"), SUMMARY_CHART_TYPES)

        weekly = QWidget(self)
        form = QFormLayout(weekly)
        self.weekly_group_combo = self._add(
            form, weekly, "weekly_group", self.tr("Group by:"), WEEKLY_GROUPS)
        form.addRow(_note(weekly, self.tr(
            "Weekly reports cover whole weeks: a range that does not end on the last day of "
            "a week is extended to the end of that week.")))

        attendance = QWidget(self)
        form = QFormLayout(attendance)
        self.attendance_order_combo = self._add(
            form, attendance, "attendance_order", self.tr("Order:"), SORT_ORDERS)
        form.addRow(_note(attendance, self.tr(
            "One row per person and day: first start, last end, time worked and breaks.")))

        expenses = QWidget(self)
        form = QFormLayout(expenses)
        self.expenses_order_combo = self._add(
            form, expenses, "expenses_order", self.tr("Order:"), SORT_ORDERS)
        form.addRow(_note(expenses, self.tr(
            "Expenses are filtered by project, client, user and billable only.")))

        self._pages = {ReportKind.DETAILED: detailed, ReportKind.SUMMARY: summary,
                       ReportKind.WEEKLY: weekly, ReportKind.ATTENDANCE: attendance,
                       ReportKind.EXPENSES: expenses}
        for kind, page in self._pages.items():
            self.addTab(page, kind_name(kind))
        _select(self.group_combos[1], "TIMEENTRY")
        self.currentChanged.connect(self.on_tabs_current_changed)

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
        self.setCurrentWidget(self._pages[kind])

    def options(self) -> ReportOptions:
        kind = self.kind()
        order = {ReportKind.DETAILED: self.detailed_order_combo,
                 ReportKind.SUMMARY: self.summary_order_combo,
                 ReportKind.ATTENDANCE: self.attendance_order_combo,
                 ReportKind.EXPENSES: self.expenses_order_combo}.get(kind)
        base = ReportOptions()
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
            return replace(base, weekly_group=str(self.weekly_group_combo.currentData()))
        return base

    def problem(self) -> str | None:
        problems = validate_options(self.kind(), self.options())
        return " ".join(problems) or None

    def state(self) -> dict[str, Any]:
        """Every tab's choices, for the settings."""
        return {c.objectName(): c.currentData() for c in self._combos}

    def restore_state(self, state: dict[str, Any]) -> None:
        for combo in self._combos:
            value = state.get(combo.objectName())
            if value is not None:
                combo.blockSignals(True)
                _select(combo, value)
                combo.blockSignals(False)
        self._update_group_levels()

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def on_combo_changed(self) -> None:
        self._update_group_levels()
        self.options_changed.emit()

    @Slot(int)
    def on_tabs_current_changed(self, _index: int) -> None:
        self.options_changed.emit()

    def _update_group_levels(self) -> None:
        # A third level only makes sense after a second one.
        second, third = self.group_combos[1], self.group_combos[2]
        third.setEnabled(bool(second.currentData()))
        if not second.currentData() and third.currentData():
            third.blockSignals(True)
            third.setCurrentIndex(0)
            third.blockSignals(False)
