"""A searchable multi-select drop-down that works like a native one, keyboard first.

Type to search; Down moves into the list; arrows move, Space toggles, Enter closes; a click
anywhere on a row toggles it; "Select all" / "Select none" act on the rows shown. Nothing
checked means "no filter". The search is cleared each time the list opens.

The button that drops a list down is in `gui.pick_list_button`: the window makes the buttons,
and this module (with Qt's `Qt` namespace, ~20 ms to load) is imported when a list is first
needed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
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
