"""Every modal dialog and desktop hand-off of the window, as small functions tests patch.

Nothing else in gui/ opens a QFileDialog or QMessageBox or calls QDesktopServices, so a
test replaces these functions and never blocks on a real modal dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core import APP_NAME, __version__
from core.reports import ExportFormat

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def file_filter(fmt: ExportFormat) -> str:
    """The save dialog's filter for a format, e.g. 'Excel (XLSX) (*.xlsx)'."""
    return f"{fmt.label} (*{fmt.extension})"


def ask_save_path(parent: QWidget | None, suggested_name: str, fmt: ExportFormat) -> Path | None:
    """Ask where to save; `suggested_name` may include a folder. None when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Save the report as"), suggested_name, file_filter(fmt))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != fmt.extension:
        path = path.with_name(path.name + fmt.extension)
    return path


def confirm_cancel_on_close(parent: QWidget | None) -> bool:
    """An export is running and the user closes the window: cancel it and quit?"""
    answer = QMessageBox.question(
        parent, _tr("Export in progress"),
        _tr("An export is still running. Cancel it and quit? Nothing will be saved."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_file(path: Path) -> bool:
    """Open a saved file with the application the system associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show the folder holding a saved file in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def copy_text(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent, _tr("About {app}").format(app=APP_NAME),
        _tr("<h3>{app}</h3><p>Version {version}</p>"
            "<p>Exports complete Clockify reports as JSON, CSV, Excel or PDF.</p>").format(
            app=APP_NAME, version=__version__))


def show_unexpected_error(parent: QWidget | None, message: str, details: str) -> None:
    """The last resort of sys.excepthook: say something went wrong, offer the details."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Unexpected error"))
    box.setText(message)
    box.setInformativeText(_tr("The details were written to the log file."))
    box.setDetailedText(details)
    box.exec()
