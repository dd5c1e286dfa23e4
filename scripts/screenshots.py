"""Render the window's states against the demo server: light/dark, 1x/1.5x/2x, English/French.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py shots/

Writes <state>-<run>.png for each run in RUNS (theme, scale factor, language, logical
screen). The window takes the screen less a title bar and a desktop panel, so a shot shows
what a 1366×768 laptop at 100 % or a 1920×1080 screen at 150 % (1280×720 logical pixels)
shows. States: signed-out, sign-in-error, ready, pick-list, free-plan, invalid-range,
csv-options, exporting, exporting-entries, done, error. Each run is a process of its own,
because QT_SCALE_FACTOR is read when the QApplication starts. Nothing touches the real
keyring or the user's settings.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import keyring
from PySide6.QtCore import QCoreApplication, QDate, QEventLoop, QSettings
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.credentials import CredentialStore  # noqa: E402
from core.demo import DemoConfig, DemoServer  # noqa: E402
from core.reports import ExportFormat, ReportKind  # noqa: E402
from core.servers import Server, custom_server  # noqa: E402
from gui.i18n import install_translators  # noqa: E402
from gui.main_window import MainWindow, suggested_file_name  # noqa: E402
from gui.settings import AppSettings  # noqa: E402
from gui.widgets import Tone  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402

# name: (theme, QT_SCALE_FACTOR, language, logical screen width, height)
RUNS = {
    "light-en-1366x768": ("light", "1", "en", 1366, 768),
    "dark-en-1366x768": ("dark", "1", "en", 1366, 768),
    "light-fr-1920x1080@150": ("light", "1.5", "fr", 1280, 720),
    "dark-fr-1920x1080@150": ("dark", "1.5", "fr", 1280, 720),
    "light-en-2x": ("light", "2", "en", 1280, 800),
    "light-en-narrow": ("light", "1", "en", 800, 700),  # the report moves under the filters
    "light-en-default": ("light", "1", "en", 960, 760 + 70),  # MainWindow.DEFAULT_SIZE
}
DECORATIONS = 70  # a title bar and a desktop panel, in logical pixels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--run", choices=list(RUNS), action="append",
                        help="only these runs (default: all)")
    parser.add_argument("--child", choices=list(RUNS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return render(args.out, args.child)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for run in args.run or RUNS:
        print(f"rendering {run}…", flush=True)
        code = subprocess.call([sys.executable, __file__, str(args.out), "--child", run],
                               env={**env, "QT_SCALE_FACTOR": RUNS[run][1]})
        if code:
            return code
    print(f"screenshots in {args.out}")
    return 0


def render(out: Path, run: str) -> int:
    theme, _scale, language, width, height = RUNS[run]
    keyring.set_keyring(MemoryKeyring())
    temp = tempfile.mkdtemp(prefix="clockify-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, temp)
    QCoreApplication.setOrganizationName("screenshots")
    QCoreApplication.setApplicationName("screenshots")
    app = QApplication([sys.argv[0]])
    install_translators(app, language)
    if theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())

    def wait(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not reach the state in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)

    def shoot(window: MainWindow, state: str, popup: QWidget | None = None) -> None:
        for _ in range(5):
            app.processEvents()
        picture = window.grab()
        if popup is not None:  # a popup is a window of its own: paint it where it shows
            painter = QPainter(picture)
            painter.drawPixmap(window.mapFromGlobal(popup.pos()), popup.grab())
            painter.end()
        path = out / f"{state}-{run}.png"
        picture.save(str(path))
        print(f"  {path}", flush=True)

    def new_window(*args: object) -> MainWindow:
        window = MainWindow(*args)  # type: ignore[arg-type]
        window.resize(width, height - DECORATIONS)
        window.show()
        return window

    with DemoServer(DemoConfig(entries_per_workspace=3000)) as srv:
        # Signed out: a first start, the Global server and no key yet.
        window = new_window(AppSettings(), CredentialStore())
        shoot(window, "signed-out")
        window.close()

        # A wrong key: the message names the server and explains keys belong to one server.
        window = new_window(AppSettings(), CredentialStore())
        panel = window.account_panel
        panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
        panel.server_detail_edit.setText(srv.root_url)
        panel.key_edit.setText("not-a-valid-key-0123456789")
        panel.sign_in()
        wait(lambda: panel.status_label.tone is Tone.ERROR)
        shoot(window, "sign-in-error")
        window.close()

        # Signed in to the demo, workspace and filters loaded.
        window = new_window(AppSettings.in_file(Path(temp) / "demo.ini"), None,
                            (custom_demo_server(srv.root_url), srv.api_key))
        window.start()
        wait(lambda: window.filters_panel.is_loaded())
        window.date_panel.set_preset("last-month")
        window.filters_panel.buttons["projects"].pick_list.set_selected_ids(
            {p["id"] for p in window.filters_panel._cache[srv.paid_workspace_id]["projects"]
             if p["name"] in ("Website Relaunch", "Mobile App 📱")})
        shoot(window, "ready")

        # The projects pick-list, open and searched (a popup: grab the whole screen).
        button = window.filters_panel.buttons["projects"]
        menu = button.menu()
        assert menu is not None
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        wait(menu.isVisible)
        button.pick_list.search_edit.setText("a")
        button.pick_list.list_view.setFocus()
        shoot(window, "pick-list", menu)
        menu.hide()

        # The Free workspace: what a long range costs, said before it starts.
        combo = window.account_panel.workspace_combo
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemData(i)["id"] == srv.free_workspace_id))
        wait(lambda: window.filters_panel.is_loaded())
        window.date_panel.set_preset("last-year")
        window.report_tabs.set_kind(ReportKind.SUMMARY)
        shoot(window, "free-plan")
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemData(i)["id"] == srv.paid_workspace_id))
        wait(lambda: window.filters_panel.is_loaded())

        # End before start: Export is disabled and says why.
        today = QDate.currentDate()
        window.date_panel.start_edit.setDate(today)
        window.date_panel.end_edit.setDate(today.addDays(-3))
        shoot(window, "invalid-range")

        # A CSV built by the app: the layout, the CSV options and the verification record.
        window.date_panel.set_preset("last-month")
        window.export_panel.set_fmt(ExportFormat.CSV)
        window.export_panel.manifest_check.setChecked(True)
        shoot(window, "csv-options")

        # Exporting, held up by Clockify's rate limit.
        window.filters_panel.buttons["projects"].pick_list.clear_selection()
        window.date_panel.set_preset("last-year")
        window.report_tabs.set_kind(ReportKind.DETAILED)
        window.export_panel.set_fmt(ExportFormat.JSON)
        srv.faults.latency = 0.2
        srv.faults.rate_limit_next = 1
        srv.faults.rate_limit_retry_after = 6
        folder = Path(temp) / "Documents"
        folder.mkdir()
        name = suggested_file_name(ReportKind.DETAILED, window.date_panel.start_date().isoformat(),
                                   window.date_panel.end_date().isoformat(), ExportFormat.JSON)
        window.start_export(folder / name)
        wait(lambda: window.export_panel.wait_label.isVisible())
        shoot(window, "exporting")
        # Past the wait: the bar follows the entries Clockify counted.
        wait(lambda: not window.export_panel.wait_label.isVisible()
             and window.export_panel.progress_bar.maximum() > 1000)
        shoot(window, "exporting-entries")
        wait(lambda: not window.is_exporting(), timeout=40)
        shoot(window, "done")

        # A failure: the chosen folder is gone.
        srv.faults.latency = 0.0
        window.date_panel.set_range(date.today() - timedelta(days=6), date.today())
        window.start_export(Path(temp) / "missing-folder" / "report.json")
        wait(lambda: not window.is_exporting())
        shoot(window, "error")
        window.close()
    return 0


def custom_demo_server(root_url: str) -> Server:
    server = custom_server(root_url)
    return Server(server.key, f"Demo server ({root_url})", server.api_base, server.reports_base)


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, value in (("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1e1e1e"),
                        ("AlternateBase", "#2f2f2f"), ("Text", "#e6e6e6"),
                        ("Button", "#353535"), ("ButtonText", "#e6e6e6"),
                        ("ToolTipBase", "#3a3a3a"), ("ToolTipText", "#e6e6e6"),
                        ("Highlight", "#2f6fb3"), ("HighlightedText", "#ffffff"),
                        ("Link", "#8ab4f8"), ("PlaceholderText", "#9a9a9a")):
        palette.setColor(getattr(role, name), QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for name in ("WindowText", "Text", "ButtonText"):
        palette.setColor(disabled, getattr(role, name), QColor("#7a7a7a"))
    return palette


if __name__ == "__main__":
    sys.exit(main())
