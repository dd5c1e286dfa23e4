"""The scrolling part of the window: account, dates, filters and report, in one or two columns.

Two columns when the window is wide enough for both, one column (the report below the
filters) when it is not, so a narrow window scrolls down but never sideways.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QWidget


class FormArea(QScrollArea):
    """Scrolls what does not fit; the export row stays outside it, always in view."""

    def __init__(self, top: QWidget, left: tuple[QWidget, QWidget], right: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._top, self._left, self._right = top, left, right
        self._columns = 0
        form = QWidget(self)
        self._grid = QGridLayout(form)
        self.setWidget(form)
        self.arrange(2)
        # Two columns as long as they fit side by side (measured in the window's language).
        self._two_columns_width = form.minimumSizeHint().width()

    def columns(self) -> int:
        return self._columns

    def arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for widget in (self._top, *self._left, self._right):
            grid.removeWidget(widget)
        grid.addWidget(self._top, 0, 0, 1, 2)
        first, second = self._left
        if columns == 2:
            grid.addWidget(first, 1, 0)
            grid.addWidget(second, 2, 0)
            grid.addWidget(self._right, 1, 1, 2, 1)
        else:
            grid.addWidget(first, 1, 0, 1, 2)
            grid.addWidget(second, 2, 0, 1, 2)
            grid.addWidget(self._right, 3, 0, 1, 2)
        for row in range(5):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(4 if columns == 1 else 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if columns == 2 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(2 if event.size().width() >= self._two_columns_width else 1)
        super().resizeEvent(event)
