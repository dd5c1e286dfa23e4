"""Render the window's main states against the demo server, at 100 % and 200 % scaling.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py shots/

Writes <state>-<theme>-<scale>x.png: signed-out, ready, invalid-range, exporting (waiting on a
rate limit), done, error, sign-in-error; light at 1x and 2x, dark at 1x. Each scale runs in
its own process, because QT_SCALE_FACTOR is read when the QApplication starts. Nothing
touches the real keyring or the user's settings.
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
from PySide6.QtCore import QCoreApplication, QDate, QEventLoop, QLocale, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.credentials import CredentialStore  # noqa: E402
from core.demo import DemoConfig, DemoServer  # noqa: E402
from core.reports import ExportFormat, ReportKind  # noqa: E402
from core.servers import Server, custom_server  # noqa: E402
from gui.main_window import MainWindow, suggested_file_name  # noqa: E402
from gui.settings import AppSettings  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402

RUNS = (("light", "1"), ("light", "2"), ("dark", "1"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--child", nargs=2, metavar=("THEME", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return render(args.out, *args.child)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for theme, scale in RUNS:
        print(f"rendering {theme} at {scale}x…", flush=True)
        code = subprocess.call([sys.executable, __file__, str(args.out), "--child", theme, scale],
                               env={**env, "QT_SCALE_FACTOR": scale})
        if code:
            return code
    print(f"screenshots in {args.out}")
    return 0


def render(out: Path, theme: str, scale: str) -> int:
    keyring.set_keyring(MemoryKeyring())
    temp = tempfile.mkdtemp(prefix="clockify-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, temp)
    QCoreApplication.setOrganizationName("screenshots")
    QCoreApplication.setApplicationName("screenshots")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = QApplication([sys.argv[0]])
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

    def shoot(window: MainWindow, state: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = out / f"{state}-{theme}-{scale}x.png"
        window.grab().save(str(path))
        print(f"  {path}", flush=True)

    with DemoServer(DemoConfig(entries_per_workspace=3000)) as srv:
        # Signed out: a first start, the Global server and no key yet.
        window = MainWindow(AppSettings(), CredentialStore())
        window.show()
        shoot(window, "signed-out")
        window.close()

        # A wrong key: the message names the server and explains keys belong to one server.
        window = MainWindow(AppSettings(), CredentialStore())
        panel = window.account_panel
        panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
        panel.server_detail_edit.setText(srv.root_url)
        panel.key_edit.setText("not-a-valid-key-0123456789")
        window.show()
        panel.sign_in()
        wait(lambda: "not accept" in panel.status_label.text())
        shoot(window, "sign-in-error")
        window.close()

        # Signed in to the demo, workspace and filters loaded.
        settings = QSettings(str(Path(temp) / "demo.ini"), QSettings.Format.IniFormat)
        window = MainWindow(AppSettings(settings), None,
                            (custom_demo_server(srv.root_url), srv.api_key))
        window.show()
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
        button.pick_list.search_edit.setText("a")
        wait(menu.isVisible)
        for _ in range(5):
            app.processEvents()
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(out / f"pick-list-{theme}-{scale}x.png"))
        menu.hide()
        button.pick_list.search_edit.clear()

        # End before start: Export is disabled and says why.
        today = QDate.currentDate()
        window.date_panel.start_edit.setDate(today)
        window.date_panel.end_edit.setDate(today.addDays(-3))
        shoot(window, "invalid-range")

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
        wait(lambda: window.export_panel.progress_bar.value() > 0
             or "slow down" in window.export_panel.wait_label.text())
        shoot(window, "exporting")
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
