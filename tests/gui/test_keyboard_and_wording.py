"""Pick-lists from the keyboard, progress and waits worded by the window, and small dialogs."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from core import HOMEPAGE
from core.connection import Connection
from core.errors import ErrorKind, NetworkError, OutputError
from core.limits import WaitInfo, WaitReason
from core.planning import ExportPlan, ExportRequest, Phase, Progress
from core.reports import ExportFormat, ReportKind
from core.servers import custom_server, global_server
from core.windows import DateWindow
from gui import dialogs, settings, wording
from gui.main_window import MainWindow
from gui.pick_list_button import PickListButton
from gui.platform_check import xcb_problem
from gui.worker import ExportJob

# The real dialog functions, taken before the autouse fixture replaces them.
REAL_CONFIRM = dialogs.confirm_cancel_on_close
REAL_ABOUT = dialogs.show_about
REAL_SHOW_IN_FOLDER = dialogs.show_in_folder

# ---- 4: pick-lists work like a native multi-select --------------------------------------

NAMES = [("1", "Website Relaunch"), ("2", "Mobile App"), ("3", "Internal"), ("4", "Webinar")]


@pytest.fixture
def picker(qtbot: QtBot) -> Iterator[PickListButton]:
    parent = QWidget()
    qtbot.addWidget(parent)
    button = PickListButton("&Projects", parent)
    button.pick_list.set_items(NAMES, set())
    parent.show()
    yield button  # the parent lives as long as the test


def _open(qtbot: QtBot, button: PickListButton) -> None:
    menu = button.menu()
    assert menu is not None
    menu.popup(button.mapToGlobal(QPoint(0, button.height())))
    qtbot.waitUntil(menu.isVisible)


def test_type_arrows_space_and_enter(qtbot: QtBot, picker: PickListButton) -> None:
    pick = picker.pick_list
    _open(qtbot, picker)
    qtbot.waitUntil(pick.search_edit.hasFocus)
    qtbot.keyClicks(pick.search_edit, "web")
    assert pick.proxy.rowCount() == 2
    qtbot.keyClick(pick.search_edit, Qt.Key.Key_Down)
    assert pick.list_view.hasFocus()
    assert pick.list_view.currentIndex().row() == 0
    qtbot.keyClick(pick.list_view, Qt.Key.Key_Space)
    assert pick.search_edit.text() == "web"  # Space toggles, it does not type
    assert pick.selected_names() == ["Webinar"] or pick.selected_names() == ["Website Relaunch"]
    qtbot.keyClick(pick.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(pick.list_view, Qt.Key.Key_Space)
    assert sorted(pick.selected_ids()) == ["1", "4"]
    qtbot.keyClick(pick.list_view, Qt.Key.Key_Return)
    menu = picker.menu()
    assert menu is not None
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert "2 selected" in picker.text()
    _open(qtbot, picker)  # reopened: the search is cleared, every name shows
    assert pick.search_edit.text() == ""
    assert pick.proxy.rowCount() == len(NAMES)


def test_clicking_a_name_toggles_it_and_all_or_none(qtbot: QtBot,
                                                    picker: PickListButton) -> None:
    pick = picker.pick_list
    _open(qtbot, picker)
    index = pick.proxy.index(0, 0)  # Internal
    rect = pick.list_view.visualRect(index)
    qtbot.mouseClick(pick.list_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center() + QPoint(rect.width() // 4, 0))
    assert pick.selected_names() == [index.data()]
    pick.search_edit.setText("web")
    qtbot.mouseClick(pick.all_button, Qt.MouseButton.LeftButton)  # all that are shown
    assert sorted(pick.selected_ids()) == ["1", "3", "4"]
    qtbot.mouseClick(pick.none_button, Qt.MouseButton.LeftButton)
    assert pick.selected_ids() == []
    assert picker.text() == "&Projects: all"


def test_tab_reaches_the_list_and_its_buttons(qtbot: QtBot, picker: PickListButton) -> None:
    pick = picker.pick_list
    _open(qtbot, picker)
    qtbot.waitUntil(pick.search_edit.hasFocus)
    qtbot.keyClick(pick.search_edit, Qt.Key.Key_Tab)
    assert pick.list_view.hasFocus()
    qtbot.keyClick(pick.list_view, Qt.Key.Key_Tab)
    assert pick.all_button.hasFocus()


# ---- 8: progress speaks in items, time and what the Free plan costs ---------------------

def _plan(windows: int, free: bool) -> ExportPlan:
    days = tuple(DateWindow(date(2026, 1, 1), date(2026, 1, 31)) for _ in range(windows))
    return ExportPlan(days, "UTC", free, 31, False, ())


def test_free_plan_says_how_long_before_it_starts() -> None:
    assert "hour" not in wording.cost_text(_plan(3, False), paged=True)
    assert "about" not in wording.cost_text(_plan(20, True), paged=True)
    text = wording.cost_text(_plan(70, True), paged=False)
    assert "about 2 h: the Free plan allows 30 requests an hour" in text
    # Requests this app sent to the workspace in the last hour count too.
    assert "about" not in wording.cost_text(_plan(28, True), paged=False)
    text = wording.cost_text(_plan(28, True), paged=False, recent=(600,) * 5)
    assert "about 50 min: the Free plan allows 30 requests an hour" in text
    assert wording.duration(2 * 3600 + 600) == "2 h 10 min"


def test_progress_is_worded_in_items_with_elapsed_time_and_estimate() -> None:
    progress = Progress(Phase.FETCHING, "ignored", requests_done=3, requests_planned=12,
                        entries_written=2500, window=2, windows=4)
    text = wording.progress_text(progress)
    assert "2,500 items written" in text and "3 requests sent" in text
    assert "Date range 2 of 4" in text and "ignored" not in text
    assert wording.time_text(65, None) == "Elapsed 1:05"
    assert wording.time_text(60, 0.25) == "Elapsed 1:00 · about 3 min left"


def clocked_job() -> tuple[ExportJob, list[float], list[tuple[str, Any]]]:
    """A job that is never started, on a clock the test moves (now[0], in seconds), and
    what it tells."""
    request = ExportRequest("ws", ReportKind.DETAILED, ExportFormat.JSON, date(2026, 1, 1),
                            date(2026, 1, 2), Path("x.json"))
    job = ExportJob(Connection(custom_server("http://127.0.0.1:9"), "k"), request)
    now = [0.0]
    told: list[tuple[str, Any]] = []
    job.clock = lambda: now[0]
    job.tell = lambda what, payload: told.append((what, payload))
    return job, now, told


def test_progress_reports_are_coalesced_to_ten_a_second() -> None:
    job, now, told = clocked_job()
    for n in range(1000):  # a thousand pages in one second
        now[0] = n / 1000
        job.on_progress(Progress(Phase.FETCHING, "", entries_written=n))
    assert 9 <= len(told) <= 11 and {what for what, _ in told} == {"progress"}
    job.flush()
    assert told[-1][1].entries_written == 999  # the last word is never lost


def test_waits_of_many_page_threads_stay_within_ten_reports_a_second() -> None:
    job, now, told = clocked_job()
    wait = WaitInfo(WaitReason.RATE_LIMIT, 1.0, datetime.now(), "")
    for n in range(1000):  # sixteen threads: fetching and waiting alternate all second
        now[0] = n / 1000
        phase = Phase.WAITING if n % 2 else Phase.FETCHING
        job.on_progress(Progress(phase, "", entries_written=n,
                                 wait=wait if phase is Phase.WAITING else None))
    sent = [payload for what, payload in told if what == "progress"]
    waits = [payload for what, payload in told if what == "waiting"]
    assert 9 <= len(sent) <= 11 and 9 <= len(waits) <= 11
    job.on_progress(Progress(Phase.WRITING, ""))  # a new stage is said at once
    assert told[-1][1].phase is Phase.WRITING


# ---- 9: errors by kind ------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "words"), [
    (ErrorKind.NETWORK, "connection"), (ErrorKind.TIMEOUT, "in time"),
    (ErrorKind.SERVER, "server error"), (ErrorKind.BROKEN_ANSWER, "garbled")])
def test_each_connection_failure_has_its_own_sentence(kind: ErrorKind, words: str) -> None:
    error = NetworkError("x", kind=kind, status=503, server=global_server())
    text, hint = wording.error_text(error)
    assert words in text and hint
    others = {wording.error_text(NetworkError("x", kind=k))[0] for k in
              (ErrorKind.NETWORK, ErrorKind.TIMEOUT, ErrorKind.SERVER, ErrorKind.BROKEN_ANSWER)}
    assert len(others) == 4


def test_a_write_error_names_the_full_path() -> None:
    error = OutputError("x", path=Path("/data/reports/jan.json"), errno=28)
    text, hint = wording.error_text(error)
    assert "/data/reports/jan.json" in text and "full" in text and "space" in hint


# ---- 10: dialogs and start-up -----------------------------------------------------------

def test_quitting_during_an_export_offers_verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        escape = box.escapeButton()
        assert escape is not None
        escape.click()  # "Keep exporting", as Esc would
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert REAL_CONFIRM(None) is False
    assert [sorted(texts) for texts in seen] == [["&Keep exporting",
                                                  "Cancel export and &quit"]]


def test_the_about_box_says_licence_versions_settings_and_no_affiliation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: shown.append(text))
    REAL_ABOUT(None, "/home/u/.config/app.ini", "/home/u/.local/state/app.log")
    text = shown[0]
    for words in ("MIT", "Qt ", "Python ", "/home/u/.config/app.ini", "app.log",
                  "Not affiliated", f'href="{HOMEPAGE}"'):
        assert words in text


def test_the_save_folder_falls_back_to_home(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        lambda _where: str(tmp_path / "no-documents-here"))
    assert settings._default_folder() == str(Path.home())


def test_ctrl_c_in_the_terminal_closes_the_window(signed_in: MainWindow) -> None:
    from gui.app import stop_on_interrupt

    before = signal.getsignal(signal.SIGINT)
    try:
        stop_on_interrupt(signed_in)
        handler = signal.getsignal(signal.SIGINT)
        assert callable(handler)
        handler(signal.SIGINT, None)
        assert not signed_in.isVisible()
    finally:
        signal.signal(signal.SIGINT, before)


def test_missing_xcb_libraries_are_named_in_one_line() -> None:
    env = {"DISPLAY": ":0"}
    problem = xcb_problem(env, "linux", lambda lib: lib != "libxcb-icccm.so.4")
    assert problem is not None and "\n" not in problem
    assert "sudo apt install libxcb-icccm4" in problem
    assert xcb_problem(env, "linux", lambda lib: True) is None
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda lib: False) is None
    assert xcb_problem(env, "win32", lambda lib: False) is None


# ---- start-up: pick-lists are built when first needed, not with the window --------------

def test_pick_lists_are_built_after_the_first_paint(make_window: object) -> None:
    from gui.pick_list import PickList

    window = make_window()  # type: ignore[operator]
    assert window.findChildren(PickList) == []
    button = window.filters_panel.buttons["clients"]
    assert button.text() == "C&lients: all" and button.selected_ids() == []
    assert button.pick_list.names() == []  # built on first use
    assert len(window.findChildren(PickList)) == 1


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_show_in_folder_selects_the_file(monkeypatch: pytest.MonkeyPatch,
                                         platform: str) -> None:
    from PySide6.QtCore import QProcess
    from PySide6.QtGui import QDesktopServices

    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(sys, "platform", platform)
    def run(program: str, args: list[str]) -> int:
        calls.append((program, args))
        return 0

    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: (run(program, args)
                                                                         == 0, 1))
    monkeypatch.setattr(QProcess, "execute", run)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: run("open", []) == 0)
    assert REAL_SHOW_IN_FOLDER(Path("/data/jan.json"))
    program, args = calls[0]
    assert {"win32": "explorer.exe", "darwin": "open", "linux": "dbus-send"}[platform] == program
    assert any("jan.json" in arg for arg in args)


def test_show_in_folder_opens_the_folder_without_a_file_manager_service(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QProcess
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(QProcess, "execute", lambda program, args: 1)
    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    assert REAL_SHOW_IN_FOLDER(Path("/data/jan.json"))
    assert opened == ["/data"]


def test_the_time_zone_list_is_filled_when_first_used(qtbot: QtBot,
                                                      make_window: object) -> None:
    window = make_window()  # type: ignore[operator]
    combo = window.date_panel.time_zone_combo
    assert combo.count() == 0  # not while the window builds and first paints
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    assert combo.count() > 300 and combo.findText("Europe/Paris") >= 0
    assert combo.currentText() == "UTC"  # what was shown stays


def test_the_app_says_what_to_install_instead_of_aborting(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from gui import app

    monkeypatch.setattr(app, "xcb_problem", lambda: "The window cannot open: install x.")
    assert app.main([]) == 1
    assert capsys.readouterr().err == "The window cannot open: install x.\n"


def test_a_single_request_shows_a_moving_bar(signed_in: MainWindow) -> None:
    panel = signed_in.export_panel
    panel.set_running(True)
    panel.show_progress(Progress(Phase.FETCHING, "", requests_done=0, requests_planned=1))
    assert (panel.progress_bar.minimum(), panel.progress_bar.maximum()) == (0, 0)
    panel.show_progress(Progress(Phase.FETCHING, "", requests_done=2, requests_planned=8))
    assert panel.progress_bar.maximum() == 8 and panel.progress_bar.value() == 2
    assert panel.time_label.text().startswith("Elapsed")
    panel.set_running(False)
