"""Small widgets the panels share: a coloured status line and an inline message banner.

Colours come from the current palette (light or dark), so text stays readable in both.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.resources import resource_path

# Qt::PlainText and Qt::TextSelectableByMouse, set through Qt's property system: naming them
# through PySide's `Qt` namespace would load all of its enums, ~20 ms of the first paint.
# tests/gui/test_startup_imports.py checks that these numbers mean what they say.
_PLAIN_SELECTABLE = {"textFormat": 0, "textInteractionFlags": 1}


def make_plain_selectable(label: QLabel) -> None:
    """Plain text (never rich text) that the mouse can select."""
    for name, value in _PLAIN_SELECTABLE.items():
        label.setProperty(name, value)


def shipped_icon(name: str) -> QIcon:
    """An icon of resources/icons, the same on every desktop.

    Not the desktop theme's: many themes lack these names (the button was blank), Windows
    and macOS have no theme, and looking one up cost the first paint ~5 ms. PNGs rendered
    from the SVGs (build_scripts/icons.py), 16 px and 32 px for 2x screens: drawing an SVG
    would load Qt's SVG module into the first paint.
    """
    icon = QIcon()
    for suffix in ("", "@2x"):
        icon.addFile(str(resource_path(f"icons/{name}{suffix}.png")))
    return icon


class Tone(StrEnum):
    PLAIN = "plain"
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


_LIGHT = {Tone.INFO: "#1565c0", Tone.SUCCESS: "#2e7d32", Tone.WARNING: "#8a5300",
          Tone.ERROR: "#c62828"}
_DARK = {Tone.INFO: "#90caf9", Tone.SUCCESS: "#81c784", Tone.WARNING: "#ffcc80",
         Tone.ERROR: "#ef9a9a"}


def theme_palette(widget: QWidget) -> QPalette:
    """The palette of the theme, not the widget's own: a style sheet rewrites the widget's
    palette, and a colour mixed from that would drift with every message (darker each time)."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette(widget)


def is_dark(widget: QWidget) -> bool:
    return theme_palette(widget).color(QPalette.ColorRole.Window).lightness() < 128


def tone_color(widget: QWidget, tone: Tone) -> QColor:
    if tone is Tone.PLAIN:
        return theme_palette(widget).color(QPalette.ColorRole.WindowText)
    return QColor((_DARK if is_dark(widget) else _LIGHT)[tone])


class StatusLabel(QLabel):
    """A wrapped, selectable line of text whose colour says how things stand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tone = Tone.PLAIN
        self._applying = False
        self.hide()  # until there is something to say
        self.setWordWrap(True)
        make_plain_selectable(self)

    @property
    def tone(self) -> Tone:
        return self._tone

    def set_status(self, text: str, tone: Tone = Tone.PLAIN) -> None:
        self._tone = tone
        self.setText(text)
        self.setVisible(bool(text))
        self._apply_colour()

    def _apply_colour(self) -> None:
        self._applying = True  # setStyleSheet sends a PaletteChange of its own
        try:
            if self._tone is Tone.PLAIN:
                self.setStyleSheet("")
            else:
                self.setStyleSheet(f"color: {tone_color(self, self._tone).name()};")
        finally:
            self._applying = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (event.type() == QEvent.Type.PaletteChange and self._tone is not Tone.PLAIN
                and not self._applying):
            self._apply_colour()


class MessageBanner(QFrame):
    """An inline message with a title, text, a hint and action buttons (no modal dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self._tone = Tone.INFO
        self._applying = False
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.text_label = QLabel(self)
        self.hint_label = QLabel(self)
        for label in (self.title_label, self.text_label, self.hint_label):
            label.setWordWrap(True)
            make_plain_selectable(label)
        self._buttons = QHBoxLayout()
        self._action_buttons: list[QPushButton] = []
        self._buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(self._buttons)
        self.setAccessibleName(self.tr("Export result"))
        self.hide()

    @property
    def tone(self) -> Tone:
        return self._tone

    def buttons(self) -> list[QPushButton]:
        return list(self._action_buttons)

    def show_message(self, tone: Tone, title: str, text: str = "", hint: str = "",
                     actions: list[tuple[str, Callable[[], object]]] | None = None) -> None:
        self._tone = tone
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.text_label.setVisible(bool(text))
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        for button in self._action_buttons:
            self._buttons.removeWidget(button)
            button.deleteLater()
        self._action_buttons = []
        for label, callback in actions or []:
            button = QPushButton(label, self)
            button.setAutoDefault(False)
            button.clicked.connect(callback)
            self._buttons.addWidget(button)
            self._action_buttons.append(button)
        self.setAccessibleDescription(" ".join(t for t in (title, text, hint) if t))
        self._apply_colours()
        self.show()

    def clear(self) -> None:
        self.hide()

    def _apply_colours(self) -> None:
        accent = tone_color(self, self._tone)
        base = theme_palette(self).color(QPalette.ColorRole.Base)
        tint = QColor(
            round(base.red() * 0.88 + accent.red() * 0.12),
            round(base.green() * 0.88 + accent.green() * 0.12),
            round(base.blue() * 0.88 + accent.blue() * 0.12))
        self._applying = True  # setStyleSheet sends a PaletteChange of its own
        try:
            self.setStyleSheet(
                f"QFrame#MessageBanner {{ background: {tint.name()}; "
                f"border: 1px solid {accent.name()}; border-left: 4px solid {accent.name()}; "
                f"border-radius: 4px; }}")
        finally:
            self._applying = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._applying:
            self._apply_colours()
