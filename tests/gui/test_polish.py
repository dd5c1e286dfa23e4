"""Issue 11's numbered defects, one regression test each (where a test can tell)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from core.demo import DemoServer
from core.planning import ExportResult
from core.reports import ExportFormat, ReportKind
from gui.main_window import MainWindow
from gui.widgets import MessageBanner, Tone
from tests.gui.conftest import (
    TIMEOUT_MS,
    FakeDialogs,
    WindowFactory,
    run_export,
)

# 1366×768 at 100 %, and 1920×1080 at 150 % (1280×720 logical), less a title bar and a
# panel of the desktop.
SCREENS = {"1366x768@100%": (1366, 768 - 70), "1920x1080@150%": (1280, 720 - 70)}


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# ---- 1: the banner looks like its kind, the 1st and the 20th time -----------------------

def test_the_banner_colour_does_not_drift(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = MessageBanner(parent)
    banner.show_message(Tone.SUCCESS, "Export finished", "Saved.")
    first = banner.styleSheet()
    for _ in range(20):
        banner.show_message(Tone.SUCCESS, "Export finished", "Saved.")
    assert banner.styleSheet() == first
    banner.show_message(Tone.ERROR, "Export failed", "No.")
    error = banner.styleSheet()
    assert error != first and "#c62828" in error  # the error accent, not green
    banner.show_message(Tone.SUCCESS, "Export finished", "Saved.")
    assert banner.styleSheet() == first


# ---- 2 and 3: nothing clipped; every control in reach on common screens -----------------

def _long_result() -> ExportResult:
    files = tuple(Path(f"/tmp/a-rather-long-folder-name/Clockify_Weekly_2026-0{i}.xlsx")
                  for i in range(1, 5))
    return ExportResult(files, None, 4, 4, (
        "The range needs 4 requests, and Clockify's Excel (XLSX) files cannot be joined, so "
        "there is one file per date range, named after it. Weekly reports cover whole weeks "
        "starting on Monday: the export runs from 2026-01-05 to 2026-02-01.",))


def _assert_not_clipped(window: QMainWindow) -> None:
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.minimumSizeHint().width(), button.text()


def _assert_export_row_in_reach(window: MainWindow) -> None:
    button = window.export_panel.export_button
    assert button.isVisible()
    top_left = button.mapTo(window, QPoint(0, 0))
    assert window.rect().contains(top_left)
    assert window.rect().contains(top_left + QPoint(button.width() - 1, button.height() - 1))


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_window_fits_common_screens_with_a_result_shown(
        qtbot: QtBot, signed_in: MainWindow, screen: str) -> None:
    width, height = SCREENS[screen]
    window = signed_in
    window.resize(width, height)
    _settle()
    window.export_panel.show_finished(_long_result(), lambda: None, lambda: None)
    _settle()
    assert window.minimumSizeHint().width() <= width
    assert window.minimumSizeHint().height() <= height
    assert window.size().width() <= width and window.size().height() <= height
    _assert_export_row_in_reach(window)
    _assert_not_clipped(window)
    # What does not fit scrolls, so every control can be reached.
    bar = window.scroll_area.verticalScrollBar()
    form = window.scroll_area.widget()
    assert form is not None
    assert bar.maximum() >= form.height() - window.scroll_area.viewport().height()


def test_the_no_keyring_notice_is_whole_during_an_export(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    signed_in.resize(*SCREENS["1920x1080@150%"])
    signed_in.account_panel.keyring_label.set_status(
        "No system keyring was found, so your API key is kept only until you quit. "
        "Install a keyring (e.g. GNOME Keyring or KWallet) to keep it between runs.",
        Tone.WARNING)
    demo_server.faults.latency = 0.3
    fake_dialogs.save_path = tmp_path / "x.json"
    with qtbot.waitSignal(signed_in.export_done, timeout=TIMEOUT_MS):
        signed_in.export_panel.export_button.click()
        _settle()
        _assert_not_clipped(signed_in)
        _assert_export_row_in_reach(signed_in)


# ---- 5: no mnemonic is used twice in any state ------------------------------------------

def _mnemonics(window: QMainWindow) -> list[str]:
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        buddy_label = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton | QLabel) and (
                buddy_label or isinstance(widget, QAbstractButton)):
            texts.append(widget.text())
    return [m.group(1).casefold() for text in texts
            for m in [re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))] if m]


def _assert_unique(window: MainWindow, state: str) -> None:
    letters = _mnemonics(window)
    repeated = sorted({x for x in letters if letters.count(x) > 1})
    assert not repeated, f"{state}: Alt+{repeated} used twice"
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        inside = [m.group(1).casefold() for a in menu.actions()
                  for m in [re.search(r"&([^&\s])", a.text())] if m]
        assert len(inside) == len(set(inside)), f"{state}: {menu_action.text()}"


def test_no_mnemonic_collides_in_any_state(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    from tests.gui.conftest import sign_in

    window = make_window()
    _assert_unique(window, "signed out")
    assert "&File" in [a.text() for a in window.menuBar().actions()]
    sign_in(qtbot, window, demo_server)
    _assert_unique(window, "signed in")
    for kind in ReportKind:
        window.report_tabs.set_kind(kind)
        _assert_unique(window, f"tab {kind}")
    window.report_tabs.set_kind(ReportKind.DETAILED)
    demo_server.faults.latency = 0.3
    fake_dialogs.save_path = tmp_path / "x.json"
    with qtbot.waitSignal(window.export_done, timeout=TIMEOUT_MS):
        window.export_panel.export_button.click()
        _assert_unique(window, "exporting")
    _assert_unique(window, "done")
    demo_server.faults.latency = 0.0
    run_export(qtbot, window, fake_dialogs, tmp_path / "missing" / "x.json")
    assert window.export_panel.banner.tone is Tone.ERROR
    _assert_unique(window, "failed")


# ---- 6: the show-key button always has an icon ------------------------------------------

def test_the_show_key_icon_ships_with_the_app(make_window: WindowFactory) -> None:
    window = make_window()
    action = window.account_panel.show_key_action
    assert not action.icon().pixmap(16, 16).isNull()
    action.toggle()
    assert not action.icon().pixmap(16, 16).isNull()
    assert action.text() == "Hide key"


# ---- 7: weekly weeks start on the profile's day, said before export ---------------------

def test_weekly_follows_the_profile_week_start(signed_in: MainWindow) -> None:
    tabs = signed_in.report_tabs
    tabs.set_kind(ReportKind.WEEKLY)
    tabs.set_profile_week_start("SUNDAY")
    signed_in.date_panel.set_preset("custom")
    from datetime import date

    signed_in.date_panel.set_range(date(2026, 3, 1), date(2026, 3, 31))  # Sunday..Tuesday
    assert tabs.options().week_start == "SUNDAY"
    note = signed_in.export_panel.note_label.text()
    assert "2026-03-01 to 2026-04-04" in note and "Sunday" in note
    tabs.week_start_combo.setCurrentIndex(tabs.week_start_combo.findData("MONDAY"))
    assert "2026-02-23 to 2026-04-05" in signed_in.export_panel.note_label.text()


# ---- 10: the smaller ones ---------------------------------------------------------------

def test_a_note_shown_under_the_format_is_not_repeated_in_the_banner(
        signed_in: MainWindow) -> None:
    from datetime import date

    from core.planning import ExportRequest, plan_export

    request = ExportRequest("ws", ReportKind.WEEKLY, ExportFormat.XLSX, date(2026, 1, 5),
                            date(2026, 2, 1), Path("x.xlsx"))
    plan = plan_export(request, free_plan=False, time_zone="UTC")
    assert not plan.per_window_files and plan.notes  # one file, built by this app
    panel = signed_in.export_panel
    panel.set_estimate(plan, request)
    assert "builds one Excel (XLSX) file" in panel.note_label.text()
    panel.show_finished(ExportResult((Path("/tmp/x.xlsx"),), None, 4, 4, plan.notes),
                        lambda: None, lambda: None)
    assert panel.banner.hint_label.text() == ""
    assert panel.note_label.isVisible()


def test_demo_key_field_has_no_clear_button(make_window: WindowFactory,
                                            demo_server: DemoServer) -> None:
    from core.servers import custom_server

    window = make_window((custom_server(demo_server.root_url), demo_server.api_key))
    assert window.account_panel.key_edit.isReadOnly()
    assert not window.account_panel.key_edit.isClearButtonEnabled()


def test_forget_key_is_offered_only_when_a_key_is_stored(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer) -> None:
    from tests.gui.conftest import sign_in

    window = make_window()
    panel = window.account_panel
    panel.start()
    assert not panel.forget_button.isEnabled()
    sign_in(qtbot, window, demo_server)
    assert panel.forget_button.isEnabled()
    qtbot.mouseClick(panel.forget_button, Qt.MouseButton.LeftButton)
    assert not panel.forget_button.isEnabled()


@pytest.mark.parametrize(("code", "name"), [("PRO_YEAR_2024", "Pro"), ("STANDARD", "Standard"),
                                            ("BASIC_MONTH", "Basic"), ("ENTERPRISE_2023",
                                                                       "Enterprise")])
def test_plans_have_readable_names(code: str, name: str) -> None:
    from gui.wording import plan_name

    assert plan_name({"featureSubscriptionType": code}) == name


def test_sort_orders_are_worded_for_what_is_sorted(signed_in: MainWindow) -> None:
    tabs = signed_in.report_tabs
    tabs.ensure_built(ReportKind.SUMMARY)  # a hidden tab's controls are built when needed
    sort, order = tabs.summary_sort_combo, tabs.summary_order_combo
    sort.setCurrentIndex(sort.findData("GROUP"))
    assert [order.itemText(i) for i in range(order.count())] == ["Z to A", "A to Z"]
    sort.setCurrentIndex(sort.findData("DURATION"))
    assert order.itemText(order.findData("DESCENDING")) == "Largest first"
    detailed = tabs.detailed_order_combo
    assert detailed.itemText(detailed.findData("DESCENDING")) == "Newest first"


def test_export_format_choice_is_kept(signed_in: MainWindow) -> None:
    signed_in.export_panel.set_fmt(ExportFormat.PDF)
    assert signed_in.settings.text("format") == "pdf"


def test_a_narrow_window_puts_the_report_under_the_filters(signed_in: MainWindow) -> None:
    signed_in.resize(700, 600)
    _settle()
    area = signed_in.scroll_area
    assert area.columns() == 1
    assert not area.horizontalScrollBar().isVisible()  # it scrolls down, never sideways
    _assert_export_row_in_reach(signed_in)
    signed_in.resize(*SCREENS["1366x768@100%"])
    _settle()
    assert area.columns() == 2
