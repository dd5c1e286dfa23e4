"""Dates, report options and what the window remembers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from core.demo import DemoServer
from core.reports import ExportFormat, ReportKind
from core.windows import Preset, preset_range
from gui.date_panel import CUSTOM
from gui.main_window import MainWindow
from gui.settings import AppSettings
from tests.gui.conftest import FakeDialogs, WindowFactory, choose_workspace, sign_in


def test_end_before_start_disables_export_and_says_why(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs) -> None:
    panel = signed_in.export_panel
    signed_in.date_panel.set_range(date(2026, 3, 10), date(2026, 3, 1))
    assert signed_in.date_panel.preset() == CUSTOM
    assert not panel.export_button.isEnabled()
    assert not signed_in.export_action.isEnabled()
    assert panel.reason_label.isVisible()
    assert "2026-03-01 is before the start date 2026-03-10" in panel.reason_label.text()
    signed_in.activateWindow()
    qtbot.keyClick(signed_in, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not fake_dialogs.named("ask_save_path")
    signed_in.date_panel.set_range(date(2026, 3, 1), date(2026, 3, 10))
    assert panel.export_button.isEnabled()
    assert not panel.reason_label.isVisible()


def test_dates_show_in_a_fixed_format(signed_in: MainWindow) -> None:
    signed_in.date_panel.set_range(date(2026, 2, 3), date(2026, 2, 9))
    assert signed_in.date_panel.start_edit.text() == "2026-02-03"
    assert signed_in.date_panel.start_edit.calendarPopup()


def test_presets_use_the_profile_week_start_and_zone(signed_in: MainWindow) -> None:
    panel = signed_in.date_panel
    assert panel.time_zone() == "Europe/Berlin"  # from the Clockify profile
    panel.set_preset(Preset.LAST_WEEK.value)
    expected = preset_range(Preset.LAST_WEEK, date.today(), "MONDAY")
    assert (panel.start_date(), panel.end_date()) == (expected.start, expected.end)
    assert panel.start_date().weekday() == 0


def test_an_unknown_time_zone_is_refused(signed_in: MainWindow) -> None:
    signed_in.date_panel.time_zone_combo.setCurrentText("Mars/Olympus")
    assert not signed_in.export_panel.export_button.isEnabled()
    assert "Mars/Olympus" in signed_in.export_panel.reason_label.text()


def test_summary_groups_must_differ(signed_in: MainWindow) -> None:
    tabs = signed_in.report_tabs
    tabs.set_kind(ReportKind.SUMMARY)
    first, second, third = tabs.group_combos
    first.setCurrentIndex(first.findData("PROJECT"))
    second.setCurrentIndex(second.findData("PROJECT"))
    assert not signed_in.export_panel.export_button.isEnabled()
    assert "must be different" in signed_in.export_panel.reason_label.text()
    second.setCurrentIndex(second.findData("USER"))  # USER and TAG too (API.md §3.5)
    third.setCurrentIndex(third.findData("TAG"))
    assert tabs.options().summary_groups == ("PROJECT", "USER", "TAG")
    assert signed_in.export_panel.export_button.isEnabled()
    second.setCurrentIndex(second.findData(""))  # no second level: no third either
    assert not third.isEnabled()
    assert tabs.options().summary_groups == ("PROJECT",)


def test_each_tab_has_only_its_own_options(signed_in: MainWindow) -> None:
    tabs = signed_in.report_tabs
    tabs.set_kind(ReportKind.WEEKLY)
    tabs.weekly_group_combo.setCurrentIndex(tabs.weekly_group_combo.findData("PROJECT"))
    assert tabs.options().weekly_group == "PROJECT"
    tabs.set_kind(ReportKind.DETAILED)
    tabs.detailed_sort_combo.setCurrentIndex(tabs.detailed_sort_combo.findData("DURATION"))
    options = tabs.options()
    assert options.detailed_sort_column == "DURATION"
    assert options.weekly_group == "USER"  # another tab's choice does not leak in


def test_weekly_explains_whole_weeks_before_export(signed_in: MainWindow) -> None:
    signed_in.report_tabs.set_kind(ReportKind.WEEKLY)
    signed_in.date_panel.set_range(date(2026, 1, 5), date(2026, 1, 14))
    note = signed_in.export_panel.note_label.text()
    assert "whole weeks" in note and "2026-01-18" in note
    assert "Requests needed: 2" in signed_in.export_panel.cost_label.text()


def test_the_cost_is_shown_without_spending_requests(
        signed_in: MainWindow, demo_server: DemoServer) -> None:
    before = len(demo_server.requests)
    signed_in.date_panel.set_range(date(2025, 1, 1), date(2025, 12, 31))
    assert "at least 1 " in signed_in.export_panel.cost_label.text()
    signed_in.date_panel.set_range(date(2024, 1, 1), date(2025, 12, 31))
    assert "at least 2 " in signed_in.export_panel.cost_label.text()
    signed_in.report_tabs.set_kind(ReportKind.SUMMARY)
    assert len(demo_server.requests) == before


def test_expenses_disable_filters_they_ignore(signed_in: MainWindow) -> None:
    filters = signed_in.filters_panel
    signed_in.report_tabs.set_kind(ReportKind.EXPENSES)
    assert not filters.buttons["tags"].isEnabled()
    assert not filters.description_edit.isEnabled()
    signed_in.report_tabs.set_kind(ReportKind.DETAILED)
    assert filters.buttons["tags"].isEnabled()


def test_pick_lists_search_and_select(signed_in: MainWindow, demo_server: DemoServer) -> None:
    pick = signed_in.filters_panel.buttons["projects"].pick_list
    assert "Website Relaunch" in pick.names()
    pick.search_edit.setText("web")
    assert pick.proxy.rowCount() == 1
    wanted = {p["id"] for p in signed_in.filters_panel._cache[demo_server.paid_workspace_id]
              ["projects"] if p["name"] == "Website Relaunch"}
    pick.set_selected_ids(wanted)
    assert signed_in.filters_panel.filters().projects.ids == tuple(wanted)
    assert "Website Relaunch" in signed_in.filters_panel.buttons["projects"].text()


def test_settings_survive_a_restart_without_the_key(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        isolated_settings: Path, tmp_path: Path) -> None:
    window = make_window()
    sign_in(qtbot, window, demo_server)
    choose_workspace(qtbot, window, demo_server.free_workspace_id)
    window.report_tabs.set_kind(ReportKind.SUMMARY)
    window.export_panel.set_fmt(ExportFormat.PDF)
    window.date_panel.set_preset(Preset.THIS_YEAR.value)
    window.date_panel.time_zone_combo.setCurrentText("America/New_York")
    window.filters_panel.billable_combo.setCurrentIndex(1)
    window.filters_panel.description_edit.setText("café")
    pick = window.filters_panel.buttons["tags"].pick_list
    tag_ids = set(pick.selected_ids()) | {
        window.filters_panel._cache[demo_server.free_workspace_id]["tags"][0]["id"]}
    pick.set_selected_ids(tag_ids)
    AppSettings().set_text("last_folder", str(tmp_path))
    window.resize(760, 700)  # within the offscreen screen, which restoreGeometry respects
    size = window.size()
    window.close()

    again = make_window()
    with qtbot.waitSignal(again.account_panel.workspace_changed, timeout=15_000,
                          check_params_cb=lambda ws: ws is not None):
        again.start()  # the key is in the (memory) keyring: signs in by itself
    qtbot.waitUntil(again.filters_panel.is_loaded, timeout=15_000)
    assert (again.account_panel.workspace() or {}).get("id") == demo_server.free_workspace_id
    assert again.report_tabs.kind() is ReportKind.SUMMARY
    assert again.export_panel.fmt() is ExportFormat.PDF
    assert again.date_panel.preset() == Preset.THIS_YEAR.value
    assert again.date_panel.time_zone() == "America/New_York"
    assert again.filters_panel.filters().billable is True
    assert again.filters_panel.filters().description == "café"
    assert set(again.filters_panel.filters().tags.ids) == tag_ids
    assert again.settings.last_folder() == tmp_path
    assert again.size().width() == size.width()  # (the height follows the content)
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in isolated_settings.rglob("*") if p.is_file())
    assert demo_server.root_url in text  # the server is remembered…
    assert demo_server.api_key not in text  # …never the key


def test_a_custom_range_is_remembered(make_window: WindowFactory) -> None:
    window = make_window()
    start, end = date.today() - timedelta(days=40), date.today() - timedelta(days=2)
    window.date_panel.set_range(start, end)
    window.close()
    again = make_window()
    assert again.date_panel.preset() == CUSTOM
    assert (again.date_panel.start_date(), again.date_panel.end_date()) == (start, end)


def test_about_shows_the_version(signed_in: MainWindow, fake_dialogs: FakeDialogs) -> None:
    [about] = [a for a in signed_in.findChildren(QAction) if a.text() == "&About"]
    about.trigger()
    assert fake_dialogs.named("show_about")


def test_tab_order_follows_the_window_top_to_bottom(signed_in: MainWindow) -> None:
    account, dates = signed_in.account_panel, signed_in.date_panel
    wanted = [account.server_combo, account.key_edit, account.sign_in_button,
              account.workspace_combo, dates.preset_combo, dates.start_edit, dates.end_edit,
              dates.time_zone_combo, signed_in.report_tabs.tabBar(),
              signed_in.filters_panel.buttons["projects"],
              signed_in.filters_panel.description_edit, signed_in.export_panel.format_combo,
              signed_in.export_panel.export_button]
    chain: list[QWidget] = []
    widget: QWidget = signed_in.account_panel.server_combo
    for _ in range(200):
        chain.append(widget)
        widget = widget.nextInFocusChain() or widget
    positions = [chain.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_controls_have_accessible_names(signed_in: MainWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDateEdit,
        QLineEdit,
        QListView,
        QMenu,
    )

    for cls in (QComboBox, QDateEdit, QLineEdit, QListView, QAbstractButton):
        for widget in signed_in.findChildren(cls):
            if widget.objectName().startswith("qt_") or isinstance(widget.parent(), QLineEdit) or (
                    widget.window() is not signed_in and not isinstance(widget.window(), QMenu)):
                continue  # Qt's own parts of a control: line edits in spin boxes, popups
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, widget


def test_unhandled_errors_are_logged_and_shown(
        fake_dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    import sys
    import threading

    from gui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook()
    try:
        raise ValueError("kaput")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [(_parent, message, details)] = fake_dialogs.named("show_unexpected_error")
    assert "kaput" in message and "ValueError" in details
    assert "kaput" in caplog.text
