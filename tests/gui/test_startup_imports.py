"""The window starts without what its first paint doesn't need.

The HTTP stack and the keyring load when first needed, after the window has painted
(worker threads import the client; the keyring is read once the first frame is on screen);
pick-lists and hidden report tabs are built when first used; Qt's `Qt` namespace (~20 ms to
load) is not touched, nor QKeySequence (~3 ms: shortcuts are set after the first paint);
the first start's dates (UTC, "Last month") need neither zoneinfo nor calendar (~3 ms),
the export process's messages load pickle when there are some (~2 ms), request bodies
(core.bodies), the export process and json load with the first export or setting, and the
result banner is made with the first result (~3 ms).
Each of these kept the frozen window's start-up short — see benchmarks/bench_bundle.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from core.reports import ReportKind
from gui.settings import AppSettings
from gui.widgets import make_plain_selectable
from tests.gui.conftest import WindowFactory

PROBE = """
import sys
import gui.app, gui.main_window
print(",".join(m for m in ("requests", "urllib3", "keyring") if m in sys.modules))
"""

# Builds and shows the window as gui.app.main() does, up to the first paint.
WINDOW_PROBE = """
import sys
from pathlib import Path
import PySide6.QtCore
import PySide6.QtGui
from PySide6.QtWidgets import QApplication
from core.credentials import CredentialStore
from gui.main_window import MainWindow
from gui.settings import AppSettings

app = QApplication([])
window = MainWindow(AppSettings.in_file(Path(sys.argv[1])), CredentialStore())
window.show()
app.processEvents()
loaded = [m for m in ("requests", "urllib3", "keyring", "core.client", "gui.pick_list",
                      "xlsxwriter", "fontTools", "openpyxl", "zoneinfo", "calendar", "pickle")
          if m in sys.modules]
if "Qt" in vars(PySide6.QtCore):
    loaded.append("PySide6.QtCore.Qt")
if "QKeySequence" in vars(PySide6.QtGui):
    loaded.append("PySide6.QtGui.QKeySequence")
print(",".join(loaded))
"""


# Runs gui.app.main() until the window's start-up work (the keyring, then sign-in) begins.
MAIN_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
import gui.app
from gui.main_window import MainWindow

paint, start = MainWindow.paintEvent, MainWindow.start
def first_paint(self, event):
    if not self._painted:
        maps = open("/proc/self/maps").read() if sys.platform == "linux" else ""
        print("keyring" in sys.modules, "logging.handlers" in sys.modules, "libQt6Svg" in maps)
    paint(self, event)
def started(self):
    print(self._painted)
    start(self)
    QApplication.exit(0)
MainWindow.paintEvent, MainWindow.start = first_paint, started
sys.exit(gui.app.main([]))
"""


def probe_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / ".config"),
            "XDG_STATE_HOME": str(tmp_path / ".state"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def test_the_keyring_and_the_log_file_wait_for_the_first_paint(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", MAIN_PROBE], capture_output=True, text=True,
                          timeout=60, env=probe_env(tmp_path))
    assert done.returncode == 0, done.stderr[-500:]
    # None loaded at the first paint (nor Qt's SVG module: the window's icons are PNGs);
    # the window's work starts after it.
    assert done.stdout.split() == ["False", "False", "False", "True"]


def test_the_first_paint_is_signalled_once(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    painted: list[bool] = []
    window.first_painted.connect(lambda: painted.append(True))
    qtbot.waitUntil(lambda: painted == [True])
    window.repaint()
    qtbot.wait(50)
    assert painted == [True]


def test_window_modules_do_not_load_requests_or_keyring() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == ""


def test_the_first_paint_loads_no_http_keyring_pick_list_zone_database_or_qt_extras(
        tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_PROBE, str(tmp_path / "settings.ini")],
        capture_output=True, text=True, timeout=60, env=probe_env(tmp_path))
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == ""


# Builds and shows the window as WINDOW_PROBE does; prints what loaded of the export's plan,
# its request bodies (dataclasses, ~5 ms), its process and connection, or json (a first
# start has no JSON setting to read, and writes none before a choice changes).
PLAN_PROBE = WINDOW_PROBE.split("loaded = ")[0] + """
print(",".join(m for m in ("core.planning", "core.render.choice", "core.bodies",
                           "core.export_process", "core.connection", "json")
               if m in sys.modules))
"""


def test_the_first_paint_loads_no_export_plan_bodies_process_or_json(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PLAN_PROBE, str(tmp_path / "settings.ini")],
        capture_output=True, text=True, timeout=60, env=probe_env(tmp_path))
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == ""


def test_clear_buttons_come_after_the_first_paint(make_window: WindowFactory,
                                                  qtbot: QtBot) -> None:
    window = make_window()  # shown, not painted yet
    edits = (window.account_panel.key_edit, window.filters_panel.description_edit)
    assert not any(edit.isClearButtonEnabled() for edit in edits)  # the first costs ~6 ms
    qtbot.waitUntil(lambda: all(edit.isClearButtonEnabled() for edit in edits))


def test_shortcuts_and_the_language_menu_come_after_the_first_paint(
        make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()  # shown, not painted yet
    assert window.export_action.shortcuts() == []
    with qtbot.waitSignal(window.first_painted):
        pass
    assert [key.toString() for key in window.export_action.shortcuts()] == ["Ctrl+E"]
    assert [key.toString() for key in window.cancel_action.shortcuts()] == ["Esc"]
    help_menu = window.menuBar().actions()[1].menu()
    assert isinstance(help_menu, QMenu)
    assert [a.menu() is not None for a in help_menu.actions()] == [False, False, True]


def test_plain_selectable_labels_are_what_the_numbers_say(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    make_plain_selectable(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse


def test_only_the_current_report_tab_is_built_until_another_is_shown(
        make_window: WindowFactory) -> None:
    tabs = make_window().report_tabs
    assert not hasattr(tabs, "group_combos")  # the summary tab: not built yet
    assert tabs.detailed_sort_combo.isVisible()
    tabs.setCurrentIndex(1)  # as a click on "Summary" does
    assert tabs.kind() is ReportKind.SUMMARY
    assert tabs.group_combos[1].currentData() == "TIMEENTRY"  # its defaults, when built
    assert not hasattr(tabs, "weekly_group_combo")


def test_choices_of_tabs_not_built_are_kept(make_window: WindowFactory) -> None:
    saved = {"weekly_group": "PROJECT", "week_start": "SUNDAY", "summary_group_1": "CLIENT"}
    AppSettings().set_data("report_options", saved)
    window = make_window()  # restores the choices and saves them again (on_choices_changed)
    assert saved.items() <= AppSettings().data("report_options").items()
    window.report_tabs.set_kind(ReportKind.WEEKLY)
    assert window.report_tabs.options().weekly_group == "PROJECT"
    assert window.report_tabs.week_start() == "SUNDAY"


def test_the_result_banner_is_made_with_the_first_result(make_window: WindowFactory,
                                                         qtbot: QtBot) -> None:
    window = make_window()
    panel = window.export_panel

    def made() -> bool:
        return panel._banner is not None

    assert not made()  # not built for the first paint
    panel.show_cancelled()
    assert made()
    qtbot.waitUntil(panel.banner.isVisible)
    assert panel.banner.title_label.text() == "Export cancelled"


def test_a_desktop_start_parses_no_arguments_yet_means_what_the_parser_would() -> None:
    from gui.app import parse_args

    # -platform is Qt's: the parser leaves it, so its answer is the parser's defaults.
    assert parse_args([]) == (parse_args(["-platform", "offscreen"])[0], [])
