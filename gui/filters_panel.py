"""Filters: searchable pick-lists, tag matching, billable, status and description.

Pick-lists (projects, clients, users, user groups, tags) are loaded in the background once
per workspace and cached for the session; tasks are loaded for the chosen projects. The
chosen ids and options are remembered per workspace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from core.errors import ExporterError
from core.reports import APPROVAL_STATES, INVOICING_STATES, ReportKind
from gui import wording
from gui.pick_list_button import PickListButton
from gui.widgets import StatusLabel, Tone
from gui.worker import WorkerThreads

if TYPE_CHECKING:
    from core.bodies import Filters, IdFilter
    from core.client import ClockifyClient
    from core.connection import Connection

log = logging.getLogger(__name__)

# The workspace lists, by Clockify's path under /workspaces/{id}/.
LISTS = ("projects", "clients", "users", "user-groups", "tags")
PickLists = dict[str, list[dict[str, Any]]]
# Tags: how the chosen tags must appear on an entry (Clockify's containedInTimeentry).
TAG_MODES = {
    "CONTAINS": QT_TRANSLATE_NOOP("FiltersPanel", "has any of them"),
    "CONTAINS_ONLY": QT_TRANSLATE_NOOP("FiltersPanel", "has all of them"),
    "DOES_NOT_CONTAIN": QT_TRANSLATE_NOOP("FiltersPanel", "has none of them"),
}
_APPROVAL_NAMES = {
    "ALL": QT_TRANSLATE_NOOP("FiltersPanel", "Approved or not"),
    "APPROVED": QT_TRANSLATE_NOOP("FiltersPanel", "Approved"),
    "UNAPPROVED": QT_TRANSLATE_NOOP("FiltersPanel", "Not approved"),
}
_INVOICING_NAMES = {
    "ALL": QT_TRANSLATE_NOOP("FiltersPanel", "Invoiced or not"),
    "INVOICED": QT_TRANSLATE_NOOP("FiltersPanel", "Invoiced"),
    "UNINVOICED": QT_TRANSLATE_NOOP("FiltersPanel", "Not invoiced"),
}


def load_pick_lists(workspace_id: str) -> Any:
    """The background call that fetches every pick-list of a workspace."""

    def call(client: ClockifyClient) -> PickLists:
        return {what: client.list_all(workspace_id, what) for what in LISTS}

    return call


def load_tasks(workspace_id: str, project_ids: list[str]) -> Any:
    """The background call that fetches the tasks of some projects."""

    def call(client: ClockifyClient) -> PickLists:
        return {pid: client.list_all(workspace_id, f"projects/{pid}/tasks")
                for pid in project_ids}

    return call


def _combo(parent: QWidget, name: str, values: dict[str, object]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for value, label in values.items():
        combo.addItem(QCoreApplication.translate("FiltersPanel", str(label)), value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class FiltersPanel(QGroupBox):
    """Which entries to include; `filters()` builds core's Filters."""

    filters_changed = Signal()

    def __init__(self, threads: WorkerThreads, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Filters"), parent)
        self._threads = threads
        self._cache: dict[str, PickLists] = {}  # workspace id -> pick-lists, this session
        self._tasks: dict[str, list[dict[str, Any]]] = {}  # project id -> its tasks
        self._connection: Connection | None = None
        self._workspace_id = ""
        self._wanted: dict[str, set[str]] = {}  # selection to apply once lists arrive
        self._kind = ReportKind.DETAILED

        self.buttons = {
            "projects": PickListButton(self.tr("&Projects"), self),
            "tasks": PickListButton(self.tr("T&asks"), self),
            "clients": PickListButton(self.tr("C&lients"), self),
            "users": PickListButton(self.tr("&Users"), self),
            "user-groups": PickListButton(self.tr("User groups"), self),
            "tags": PickListButton(self.tr("Tags"), self),
        }
        self.tag_mode_combo = _combo(self, self.tr("How entries match the chosen tags"),
                                     dict(TAG_MODES))
        self.without_project_check = QCheckBox(self.tr("Only entries without a project"), self)
        self.without_task_check = QCheckBox(self.tr("Only entries without a task"), self)
        self.billable_combo = QComboBox(self)
        self.billable_combo.setAccessibleName(self.tr("Billable"))
        self.billable_combo.addItem(self.tr("Billable and non-billable"), None)
        self.billable_combo.addItem(self.tr("Billable only"), True)
        self.billable_combo.addItem(self.tr("Non-billable only"), False)
        self.approval_combo = _combo(self, self.tr("Approval"),
                                     {v: _APPROVAL_NAMES[v] for v in APPROVAL_STATES})
        self.invoicing_combo = _combo(self, self.tr("Invoicing"),
                                      {v: _INVOICING_NAMES[v] for v in INVOICING_STATES})
        self.description_edit = QLineEdit(self)
        self.description_edit.setPlaceholderText(self.tr("Any description"))
        self.description_edit.setAccessibleName(self.tr("Description contains"))
        self.status_label = StatusLabel(self)

        lists = QGridLayout()
        for index, button in enumerate(self.buttons.values()):
            lists.addWidget(button, index // 2, index % 2)
            button.selection_changed.connect(self.on_pick_list_selection_changed)
        tags_row = QHBoxLayout()
        tags_label = QLabel(self.tr("An entry with tags…"), self)
        tags_label.setBuddy(self.tag_mode_combo)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tag_mode_combo, 1)
        without = QHBoxLayout()
        without.addWidget(self.without_project_check)
        without.addWidget(self.without_task_check)
        without.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.approval_combo, 1)
        status.addWidget(self.invoicing_combo, 1)
        billable_label = QLabel(self.tr("&Billable:"), self)
        billable_label.setBuddy(self.billable_combo)
        status_label = QLabel(self.tr("Status:"), self)
        status_label.setBuddy(self.approval_combo)
        description_label = QLabel(self.tr("&Description contains:"), self)
        description_label.setBuddy(self.description_edit)
        grid = QGridLayout(self)
        grid.addLayout(lists, 0, 0, 1, 2)
        grid.addLayout(tags_row, 1, 0, 1, 2)
        grid.addLayout(without, 2, 0, 1, 2)
        grid.addWidget(billable_label, 3, 0)
        grid.addWidget(self.billable_combo, 3, 1)
        grid.addWidget(status_label, 4, 0)
        grid.addLayout(status, 4, 1)
        grid.addWidget(description_label, 5, 0)
        grid.addWidget(self.description_edit, 5, 1)
        grid.addWidget(self.status_label, 6, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        for combo in (self.billable_combo, self.tag_mode_combo, self.approval_combo,
                      self.invoicing_combo):
            combo.currentIndexChanged.connect(self.on_pick_list_selection_changed)
        for check in (self.without_project_check, self.without_task_check):
            check.toggled.connect(self.on_pick_list_selection_changed)
        self.description_edit.textChanged.connect(self.on_pick_list_selection_changed)
        self.buttons["projects"].selection_changed.connect(self.on_projects_selection_changed)
        self._set_lists_enabled(False)

    # ---- public ------------------------------------------------------------------------

    def add_clear_button(self) -> None:
        """The description's clear button, once the window has painted (MainWindow)."""
        self.description_edit.setClearButtonEnabled(True)

    def set_workspace(self, connection: Connection | None, workspace_id: str,
                      saved: dict[str, Any]) -> None:
        """Show the pick-lists of a workspace (loading them once) and its saved filters."""
        self._connection = connection
        self._workspace_id = workspace_id
        self._tasks = {}
        self._wanted = {what: set(saved.get(what) or []) for what in (*LISTS, "tasks")}
        widgets = (self.billable_combo, self.tag_mode_combo, self.approval_combo,
                   self.invoicing_combo, self.description_edit, self.without_project_check,
                   self.without_task_check)
        for widget in widgets:
            widget.blockSignals(True)
        _select(self.billable_combo, saved.get("billable"))
        _select(self.tag_mode_combo, saved.get("tag_mode", "CONTAINS"))
        _select(self.approval_combo, saved.get("approval", "ALL"))
        _select(self.invoicing_combo, saved.get("invoicing", "ALL"))
        self.description_edit.setText(str(saved.get("description") or ""))
        self.without_project_check.setChecked(bool(saved.get("without_project")))
        self.without_task_check.setChecked(bool(saved.get("without_task")))
        for widget in widgets:
            widget.blockSignals(False)
        for button in self.buttons.values():
            button.clear_items()
        if connection is None or not workspace_id:
            self._set_lists_enabled(False)
            self.status_label.set_status("")
            return
        if workspace_id in self._cache:
            self._show_lists(self._cache[workspace_id])
            return
        self._set_lists_enabled(False)
        self.status_label.set_status(self.tr("Loading projects, clients, users and tags…"),
                                     Tone.INFO)
        self._threads.call(
            connection, load_pick_lists(workspace_id),
            lambda lists: self._on_lists_loaded(workspace_id, lists),
            lambda error: self._on_lists_failed(workspace_id, error))

    def forget_lists(self) -> None:
        """Signed out: another key may see other projects, users and tags."""
        self._cache.clear()
        self._tasks.clear()

    def is_loaded(self) -> bool:
        return self._workspace_id in self._cache

    def filters(self) -> Filters:
        from core.bodies import Filters, IdFilter  # its dataclasses: not for the first paint

        def ids(what: str, contains: str = "CONTAINS") -> IdFilter:
            return IdFilter(tuple(self.buttons[what].selected_ids()), contains)

        detailed = self._kind is ReportKind.DETAILED
        return Filters(
            projects=ids("projects"), tasks=ids("tasks"), clients=ids("clients"),
            users=ids("users"), user_groups=ids("user-groups"),
            tags=ids("tags", str(self.tag_mode_combo.currentData())),
            billable=self.billable_combo.currentData(),
            description=self.description_edit.text().strip(),
            approval_state=str(self.approval_combo.currentData()),
            invoicing_state=str(self.invoicing_combo.currentData()),
            without_project=detailed and self.without_project_check.isChecked(),
            without_task=detailed and self.without_task_check.isChecked())

    def state(self) -> dict[str, Any]:
        """The current choices, as saved per workspace."""
        state: dict[str, Any] = {what: self.buttons[what].selected_ids()
                                 for what in self.buttons}
        state.update(
            billable=self.billable_combo.currentData(),
            description=self.description_edit.text().strip(),
            tag_mode=self.tag_mode_combo.currentData(),
            approval=self.approval_combo.currentData(),
            invoicing=self.invoicing_combo.currentData(),
            without_project=self.without_project_check.isChecked(),
            without_task=self.without_task_check.isChecked())
        return state

    def set_report_kind(self, kind: ReportKind) -> None:
        """Only the filters a report kind takes are offered; the others say why not."""
        self._kind = kind
        expenses = kind is ReportKind.EXPENSES
        not_expenses = self.tr("Expense reports cannot be filtered by this.")
        only_detailed = self.tr("Clockify offers this for detailed reports only.")
        self.description_edit.setEnabled(not expenses)
        self.description_edit.setToolTip(not_expenses if expenses else "")
        self.tag_mode_combo.setEnabled(not expenses)
        for check in (self.without_project_check, self.without_task_check):
            check.setEnabled(kind is ReportKind.DETAILED)
            check.setToolTip("" if kind is ReportKind.DETAILED else only_detailed)
        self._set_lists_enabled(self.is_loaded())

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def on_pick_list_selection_changed(self) -> None:
        self.filters_changed.emit()

    @Slot()
    def on_projects_selection_changed(self) -> None:
        """Tasks are chosen within the chosen projects: load theirs when first needed."""
        projects = self.buttons["projects"].selected_ids()
        missing = [pid for pid in projects if pid not in self._tasks]
        if missing and self._connection is not None:
            workspace_id = self._workspace_id
            self._threads.call(
                self._connection, load_tasks(workspace_id, missing),
                lambda tasks: self._on_tasks_loaded(workspace_id, tasks),
                lambda error: self._on_lists_failed(workspace_id, error))
        self._show_tasks()

    def _on_tasks_loaded(self, workspace_id: str, tasks: PickLists) -> None:
        if workspace_id == self._workspace_id:
            self._tasks.update(tasks)
            self._show_tasks()

    def _show_tasks(self) -> None:
        pick = self.buttons["tasks"].pick_list
        projects = self.buttons["projects"].selected_ids()
        wanted = set(pick.selected_ids()) | self._wanted.get("tasks", set())
        if projects and all(pid in self._tasks for pid in projects):  # applies now
            self._wanted.pop("tasks", None)
        items = [(str(t.get("id")), _display_name("tasks", t))
                 for pid in projects for t in self._tasks.get(pid, [])]
        pick.set_items(items, wanted)
        self._set_lists_enabled(self.is_loaded())

    def _on_lists_loaded(self, workspace_id: str, lists: PickLists) -> None:
        self._cache[workspace_id] = lists
        if workspace_id == self._workspace_id:
            self._show_lists(lists)

    def _on_lists_failed(self, workspace_id: str, error: ExporterError) -> None:
        if workspace_id == self._workspace_id:
            self.status_label.set_status(
                self.tr("The filter lists could not be loaded: {message}").format(
                    message=wording.error_line(error)), Tone.WARNING)

    def _show_lists(self, lists: PickLists) -> None:
        for what in LISTS:
            items = [(str(x.get("id")), _display_name(what, x)) for x in lists.get(what, [])]
            self.buttons[what].pick_list.set_items(items, self._wanted.get(what, set()))
        self.status_label.set_status("")
        self._set_lists_enabled(True)
        self.on_projects_selection_changed()
        self.filters_changed.emit()

    def _set_lists_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.buttons["tags"].setEnabled(enabled and self._kind is not ReportKind.EXPENSES)
        tasks = self.buttons["tasks"]
        has_projects = bool(self.buttons["projects"].selected_ids())
        tasks.setEnabled(enabled and has_projects)
        if has_projects:
            tasks.on_pick_list_selection_changed()  # its own tooltip: what is chosen
        else:
            tasks.setToolTip(self.tr("Choose projects first: tasks belong to projects."))


def _display_name(what: str, item: dict[str, Any]) -> str:
    name = str(item.get("name") or item.get("email") or item.get("id"))
    if what == "users" and item.get("email") and item.get("name"):
        name = f"{item['name']} <{item['email']}>"
    if item.get("archived"):
        name = QCoreApplication.translate("FiltersPanel", "{name} (archived)").format(name=name)
    return name
