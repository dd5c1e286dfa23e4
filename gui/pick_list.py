"""A searchable multi-select drop-down that works like a native one, keyboard first.

Type to search; Down moves into the list; arrows move, Space toggles, Enter closes; a click
anywhere on a row toggles it; "Select all" / "Select none" act on the rows shown. Nothing
checked means "no filter". The search is cleared each time the list opens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

_ID = Qt.ItemDataRole.UserRole
_MOVES = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
_CLOSES = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PickList(QWidget):
    """A search field over a list of checkable names."""

    selection_changed = Signal()
    close_requested = Signal()

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
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.all_button = QPushButton(self.tr("Select all"), self)
        self.none_button = QPushButton(self.tr("Select none"), self)
        for button in (self.all_button, self.none_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view)
        layout.addLayout(buttons)
        self.setTabOrder(self.search_edit, self.list_view)
        self.setTabOrder(self.list_view, self.all_button)
        self.setTabOrder(self.all_button, self.none_button)

        self.search_edit.textChanged.connect(self.on_search_edit_text_changed)
        self.all_button.clicked.connect(self.select_shown)
        self.none_button.clicked.connect(self.clear_selection)
        self.list_view.clicked.connect(self.on_list_view_clicked)
        self.model.itemChanged.connect(self.on_model_item_changed)
        self.search_edit.installEventFilter(self)
        self.list_view.installEventFilter(self)

    def set_items(self, items: list[tuple[str, str]], selected: set[str]) -> None:
        """`items` are (id, name) pairs."""
        # Never blockSignals() on the model: the proxy and the view would miss the change.
        self._quiet = True
        self.model.clear()
        for item_id, name in sorted(items, key=lambda pair: pair[1].casefold()):
            item = QStandardItem(name)
            item.setData(item_id, _ID)
            # Checkable for show, toggled by this widget only: a click anywhere on the row
            # toggles it once, whether it hits the box or the name.
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if item_id in selected
                               else Qt.CheckState.Unchecked)
            self.model.appendRow(item)
        self._quiet = False
        self.selection_changed.emit()

    def names(self) -> list[str]:
        return [item.text() for item in self._items()]

    def selected_ids(self) -> list[str]:
        return [str(item.data(_ID)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def selected_names(self) -> list[str]:
        return [item.text() for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_selected_ids(self, ids: set[str]) -> None:
        self._set_checked(lambda item: item.data(_ID) in ids)

    def reset_search(self) -> None:
        """Opening afresh: the whole list, the search field ready for typing."""
        self.search_edit.clear()
        self.search_edit.setFocus()

    @Slot()
    def clear_selection(self) -> None:
        self.set_selected_ids(set())

    @Slot()
    def select_shown(self) -> None:
        """Check every row the search shows (and keep the rows it hides as they are)."""
        shown = {self.proxy.index(row, 0).data(_ID) for row in range(self.proxy.rowCount())}
        self._set_checked(lambda item: item.data(_ID) in shown
                          or item.checkState() == Qt.CheckState.Checked)

    def toggle(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.model.itemFromIndex(self.proxy.mapToSource(index))
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    # ---- slots and keys ----------------------------------------------------------------

    @Slot(str)
    def on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))

    @Slot(QModelIndex)
    def on_list_view_clicked(self, index: QModelIndex) -> None:
        self.toggle(index)

    @Slot()
    def on_model_item_changed(self) -> None:
        if not self._quiet:
            self.selection_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key in _CLOSES:
            self.close_requested.emit()
            return True
        if watched is self.search_edit and key in _MOVES:
            self.list_view.setFocus()
            if not self.list_view.currentIndex().isValid() and self.proxy.rowCount():
                self.list_view.setCurrentIndex(self.proxy.index(0, 0))
            elif key != Qt.Key.Key_Down:
                self.list_view.keyPressEvent(event)
            return True
        if watched is self.list_view:
            if key == Qt.Key.Key_Space:
                self.toggle(self.list_view.currentIndex())
                return True
            if key == Qt.Key.Key_Up and self.list_view.currentIndex().row() <= 0:
                self.search_edit.setFocus()
                return True
            if event.text().isprintable() and event.text().strip():
                self.search_edit.setFocus()  # typing in the list searches, as in a combo
                self.search_edit.insert(event.text())
                return True
        return super().eventFilter(watched, event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab cycles through the search, the list and the buttons (a menu would move
        between its actions instead)."""
        chain: list[QWidget] = [self.search_edit, self.list_view, self.all_button,
                                self.none_button]
        current = next((i for i, w in enumerate(chain) if w.hasFocus()), -1)
        chain[(current + (1 if forward else -1)) % len(chain)].setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    # ---- helpers -----------------------------------------------------------------------

    def _set_checked(self, wanted: object) -> None:
        assert callable(wanted)
        self._quiet = True
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if wanted(item)
                               else Qt.CheckState.Unchecked)
        self._quiet = False
        self.selection_changed.emit()

    def _items(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]


class PickListButton(QPushButton):
    """A button that says what is chosen and drops down its PickList.

    The list is built when first needed (filled or opened), not with the window: six lists
    with their models would only slow the first paint.
    """

    selection_changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title.replace("&", "")
        self.mnemonic_title = title
        self._pick_list: PickList | None = None
        menu = QMenu(self)
        menu.aboutToShow.connect(self.on_menu_about_to_show)
        self.setMenu(menu)
        self.setAutoDefault(False)
        self.setAccessibleName(self.title)
        self.on_pick_list_selection_changed()

    @property
    def pick_list(self) -> PickList:
        if self._pick_list is None:
            pick = PickList(self)
            pick.search_edit.setAccessibleName(self.tr("Search {title}").format(
                title=self.title))
            pick.list_view.setAccessibleName(self.title)
            menu = self.menu()
            assert menu is not None
            action = QWidgetAction(menu)
            action.setDefaultWidget(pick)
            menu.addAction(action)
            pick.close_requested.connect(menu.hide)
            pick.selection_changed.connect(self.on_pick_list_selection_changed)
            pick.selection_changed.connect(self.selection_changed)
            self._pick_list = pick
        return self._pick_list

    def selected_ids(self) -> list[str]:
        return self._pick_list.selected_ids() if self._pick_list is not None else []

    def clear_items(self) -> None:
        if self._pick_list is not None:  # a list never built has nothing to clear
            self._pick_list.set_items([], set())

    @Slot()
    def on_menu_about_to_show(self) -> None:
        self.pick_list.reset_search()

    @Slot()
    def on_pick_list_selection_changed(self) -> None:
        names = self._pick_list.selected_names() if self._pick_list is not None else []
        if not names:
            summary = self.tr("all")
        elif len(names) == 1:
            summary = names[0].replace("&", "&&")
        else:
            summary = self.tr("%n selected", "", len(names))
        self.setText(self.tr("{title}: {summary}").format(title=self.mnemonic_title,
                                                          summary=summary))
        self.setToolTip("\n".join(names) or self.tr("No filter: every item is included."))
