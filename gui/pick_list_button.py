"""The button that says what a pick-list has chosen and drops the list down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QMenu, QPushButton, QWidget, QWidgetAction

if TYPE_CHECKING:
    from gui.pick_list import PickList


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
            from gui.pick_list import PickList  # with the list: see that module's docstring

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
