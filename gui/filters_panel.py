"""Filters: searchable multi-select pick-lists, billable and description.

Pick-lists (projects, clients, users, tags) are loaded in the background once per workspace
and cached for the session; the chosen ids are remembered per workspace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from core.errors import ExporterError
from core.reports import Filters, IdFilter, ReportKind
from gui.widgets import StatusLabel, Tone
from gui.worker import Connection, WorkerThreads

if TYPE_CHECKING:
    from core.client import ClockifyClient

log = logging.getLogger(__name__)

LISTS = ("projects", "clients", "users", "tags")
PickLists = dict[str, list[dict[str, Any]]]


def load_pick_lists(workspace_id: str) -> Any:
    """The background call that fetches every pick-list of a workspace."""

    def call(client: ClockifyClient) -> PickLists:
        return {what: client.list_all(workspace_id, what) for what in LISTS}

    return call


class PickList(QWidget):
    """A search field over a list of checkable names; nothing checked means "all"."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search…"))
        self.search_edit.setClearButtonEnabled(True)
        self.list_view = QListView(self)
        self.list_view.setModel(self.proxy)
        self.list_view.setMinimumSize(260, 220)
        self.clear_button = QPushButton(self.tr("Select none (all)"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view)
        layout.addWidget(self.clear_button)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.clear_button.clicked.connect(self.clear_selection)
        self.model.itemChanged.connect(self.on_model_item_changed)

    def set_items(self, items: list[tuple[str, str]], selected: set[str]) -> None:
        """`items` are (id, name) pairs."""
        # Never blockSignals() on the model: the proxy and the view would miss the change.
        self._quiet = True
        self.model.clear()
        for item_id, name in sorted(items, key=lambda pair: pair[1].casefold()):
            item = QStandardItem(name)
            item.setData(item_id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if item_id in selected
                               else Qt.CheckState.Unchecked)
            self.model.appendRow(item)
        self._quiet = False
        self.selection_changed.emit()

    def names(self) -> list[str]:
        return [self.model.item(row).text() for row in range(self.model.rowCount())]

    def selected_ids(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def selected_names(self) -> list[str]:
        return [item.text() for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_selected_ids(self, ids: set[str]) -> None:
        self._quiet = True
        for item in self._items():
            state = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self._quiet = False
        self.selection_changed.emit()

    @Slot()
    def clear_selection(self) -> None:
        self.set_selected_ids(set())

    @Slot()
    def on_model_item_changed(self) -> None:
        if not self._quiet:
            self.selection_changed.emit()

    def _items(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]


class PickListButton(QPushButton):
    """A button that says what is chosen and drops down its PickList."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.pick_list = PickList(self)
        self.pick_list.search_edit.setAccessibleName(self.tr("Search {title}").format(
            title=title))
        self.pick_list.list_view.setAccessibleName(title)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.pick_list)
        menu.addAction(action)
        menu.aboutToShow.connect(self.pick_list.search_edit.setFocus)
        self.setMenu(menu)
        self.setAutoDefault(False)
        self.setAccessibleName(title)
        self.pick_list.selection_changed.connect(self.on_pick_list_selection_changed)
        self.on_pick_list_selection_changed()

    @Slot()
    def on_pick_list_selection_changed(self) -> None:
        names = self.pick_list.selected_names()
        if not names:
            summary = self.tr("all")
        elif len(names) == 1:
            summary = names[0]
        else:
            summary = self.tr("{count} selected").format(count=len(names))
        self.setText(self.tr("{title}: {summary}").format(title=self.title, summary=summary))
        self.setToolTip("\n".join(names) or self.tr("No filter: every item is included."))


class FiltersPanel(QGroupBox):
    """Which entries to include; `filters()` builds core's Filters."""

    filters_changed = Signal()

    def __init__(self, threads: WorkerThreads, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Filters"), parent)
        self._threads = threads
        self._cache: dict[str, PickLists] = {}  # workspace id -> pick-lists, this session
        self._connection: Connection | None = None
        self._workspace_id = ""
        self._wanted: dict[str, set[str]] = {}  # selection to apply once lists arrive
        self._kind = ReportKind.DETAILED

        self.buttons = {
            "projects": PickListButton(self.tr("Projects"), self),
            "clients": PickListButton(self.tr("Clients"), self),
            "users": PickListButton(self.tr("Users"), self),
            "tags": PickListButton(self.tr("Tags"), self),
        }
        self.billable_combo = QComboBox(self)
        self.billable_combo.setAccessibleName(self.tr("Billable"))
        self.billable_combo.addItem(self.tr("Billable and non-billable"), None)
        self.billable_combo.addItem(self.tr("Billable only"), True)
        self.billable_combo.addItem(self.tr("Non-billable only"), False)
        self.description_edit = QLineEdit(self)
        self.description_edit.setPlaceholderText(self.tr("Any description"))
        self.description_edit.setAccessibleName(self.tr("Description contains"))
        self.description_edit.setClearButtonEnabled(True)
        self.status_label = StatusLabel(self)

        lists = QGridLayout()
        for index, button in enumerate(self.buttons.values()):
            lists.addWidget(button, index // 2, index % 2)
            button.pick_list.selection_changed.connect(self.on_pick_list_selection_changed)
        billable_label = QLabel(self.tr("&Billable:"), self)
        billable_label.setBuddy(self.billable_combo)
        description_label = QLabel(self.tr("&Description contains:"), self)
        description_label.setBuddy(self.description_edit)
        grid = QGridLayout(self)
        grid.addLayout(lists, 0, 0, 1, 2)
        grid.addWidget(billable_label, 1, 0)
        grid.addWidget(self.billable_combo, 1, 1)
        grid.addWidget(description_label, 2, 0)
        grid.addWidget(self.description_edit, 2, 1)
        grid.addWidget(self.status_label, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.billable_combo.currentIndexChanged.connect(self.on_pick_list_selection_changed)
        self.description_edit.textChanged.connect(self.on_pick_list_selection_changed)
        self._set_lists_enabled(False)

    # ---- public ------------------------------------------------------------------------

    def set_workspace(self, connection: Connection | None, workspace_id: str,
                      saved: dict[str, Any]) -> None:
        """Show the pick-lists of a workspace (loading them once) and its saved filters."""
        self._connection = connection
        self._workspace_id = workspace_id
        self._wanted = {what: set(saved.get(what) or []) for what in LISTS}
        self.billable_combo.blockSignals(True)
        self.billable_combo.setCurrentIndex(max(0, self.billable_combo.findData(
            saved.get("billable"))))
        self.billable_combo.blockSignals(False)
        self.description_edit.blockSignals(True)
        self.description_edit.setText(str(saved.get("description") or ""))
        self.description_edit.blockSignals(False)
        for button in self.buttons.values():
            button.pick_list.set_items([], set())
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

    def is_loaded(self) -> bool:
        return self._workspace_id in self._cache

    def filters(self) -> Filters:
        def ids(what: str) -> IdFilter:
            return IdFilter(tuple(self.buttons[what].pick_list.selected_ids()))

        return Filters(projects=ids("projects"), clients=ids("clients"), users=ids("users"),
                       tags=ids("tags"), billable=self.billable_combo.currentData(),
                       description=self.description_edit.text().strip())

    def state(self) -> dict[str, Any]:
        """The current choices, as saved per workspace."""
        filters = self.filters()
        return {"projects": list(filters.projects.ids), "clients": list(filters.clients.ids),
                "users": list(filters.users.ids), "tags": list(filters.tags.ids),
                "billable": filters.billable, "description": filters.description}

    def set_report_kind(self, kind: ReportKind) -> None:
        """Expenses have no tags and no description: those filters do not apply."""
        applies = kind is not ReportKind.EXPENSES
        self.buttons["tags"].setEnabled(applies and self.is_loaded())
        self.description_edit.setEnabled(applies)
        tip = "" if applies else self.tr("Expense reports cannot be filtered by this.")
        self.buttons["tags"].setToolTip(tip or self.buttons["tags"].toolTip())
        self.description_edit.setToolTip(tip)
        self._kind = kind

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def on_pick_list_selection_changed(self) -> None:
        self.filters_changed.emit()

    def _on_lists_loaded(self, workspace_id: str, lists: PickLists) -> None:
        self._cache[workspace_id] = lists
        if workspace_id == self._workspace_id:
            self._show_lists(lists)

    def _on_lists_failed(self, workspace_id: str, error: ExporterError) -> None:
        if workspace_id == self._workspace_id:
            self.status_label.set_status(
                self.tr("The filter lists could not be loaded: {message}").format(
                    message=error.message), Tone.WARNING)

    def _show_lists(self, lists: PickLists) -> None:
        for what, button in self.buttons.items():
            items = [(str(x.get("id")), _display_name(what, x)) for x in lists.get(what, [])]
            button.pick_list.set_items(items, self._wanted.get(what, set()))
        self.status_label.set_status("")
        self._set_lists_enabled(True)
        self.filters_changed.emit()

    def _set_lists_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
        if enabled and self._kind is ReportKind.EXPENSES:
            self.buttons["tags"].setEnabled(False)


def _display_name(what: str, item: dict[str, Any]) -> str:
    name = str(item.get("name") or item.get("email") or item.get("id"))
    if what == "users" and item.get("email") and item.get("name"):
        name = f"{item['name']} <{item['email']}>"
    if item.get("archived"):
        name = QCoreApplication.translate("FiltersPanel", "{name} (archived)").format(name=name)
    return name
