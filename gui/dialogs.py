"""Every modal dialog and desktop hand-off of the window, as small functions tests patch.

Nothing else in gui/ opens a QFileDialog or QMessageBox or calls QDesktopServices, so a
test replaces these functions and never blocks on a real modal dialog.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from core import APP_NAME, HOMEPAGE, __version__
from core.reports import ExportFormat

log = logging.getLogger(__name__)

# The dialog and desktop classes are imported in the functions that use them: PySide makes
# each class on first import, and the window's first paint needs none of them (~5 ms).


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_tr


def file_filter(fmt: ExportFormat) -> str:
    """The save dialog's filter for a format, e.g. 'Excel (XLSX) (*.xlsx)'."""
    return f"{fmt.label} (*{fmt.extension})"


def ask_save_path(parent: QWidget | None, suggested_name: str, fmt: ExportFormat) -> Path | None:
    """Ask where to save; `suggested_name` may include a folder. None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

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
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, _tr("Export in progress"),
                      _tr("An export is still running. If you quit now, it is cancelled and "
                          "nothing is saved."), QMessageBox.StandardButton.NoButton, parent)
    quit_button = box.addButton(_tr("Cancel export and &quit"),
                                QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(_tr("&Keep exporting"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    return box.clickedButton() is quit_button


def open_file(path: Path) -> bool:
    """Open a saved file with the application the system associates with it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show a saved file in the file manager, selected where the platform allows it."""
    from PySide6.QtCore import QProcess, QUrl
    from PySide6.QtGui import QDesktopServices

    if sys.platform == "win32":
        return QProcess.startDetached("explorer.exe", [f"/select,{path}"])[0]
    if sys.platform == "darwin":
        return QProcess.startDetached("open", ["-R", str(path)])[0]
    if _show_item_over_dbus(path):
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _show_item_over_dbus(path: Path) -> bool:
    """freedesktop's FileManager1.ShowItems (Files, Dolphin, Nemo, Thunar…), through
    dbus-send: the bundle leaves QtDBus out. False when no file manager answers."""
    from PySide6.QtCore import QProcess, QUrl

    uri = QUrl.fromLocalFile(str(path)).toString()
    code = QProcess.execute("dbus-send", [
        "--session", "--print-reply", "--reply-timeout=2000",
        "--dest=org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
        "org.freedesktop.FileManager1.ShowItems", f"array:string:{uri}", "string:"])
    return code == 0


def open_url(url: str) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl(url))


def copy_text(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


def show_about(parent: QWidget | None, settings_file: str, log_file: str) -> None:
    import platform  # only here: the window starts without it

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent, _tr("About {app}").format(app=APP_NAME),
        _tr("<h3>{app}</h3><p>Version {version}</p>"
            "<p>Exports complete Clockify reports as JSON, CSV, Excel or PDF.</p>"
            "<p>Free software under the MIT licence.</p>"
            "<p>Website: <a href=\"{url}\">{url}</a></p>"
            "<p>Qt {qt}, PySide {pyside}, Python {python}</p>"
            "<p>Settings: {settings}<br>Log: {log}</p>"
            "<p>Not affiliated with, endorsed or sponsored by Clockify or CAKE.com. "
            "Clockify is a trademark of its owner.</p>").format(
            app=APP_NAME, version=__version__, url=HOMEPAGE, qt=qVersion(),
            pyside=pyside_version, python=platform.python_version(),
            settings=_escape(settings_file), log=_escape(log_file or _tr("none"))))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_unexpected_error(parent: QWidget | None, message: str, details: str) -> None:
    """The last resort of sys.excepthook: say something went wrong, offer the details."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Unexpected error"))
    box.setText(message)
    box.setInformativeText(_tr("The details were written to the log file."))
    box.setDetailedText(details)
    box.exec()
