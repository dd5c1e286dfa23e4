"""Exports through the window and its worker, against the demo server."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core import export_process
from core.demo import DemoServer
from core.planning import Phase, Progress
from core.reports import ExportFormat, ReportKind
from core.windows import week_start_of
from gui.main_window import MainWindow
from gui.widgets import Tone
from tests.gui.conftest import TIMEOUT_MS, FakeDialogs, WindowFactory, run_export, sign_in

ZONE = "Europe/Berlin"  # the demo user's profile zone
END = date.today()
START = END - timedelta(days=55)  # eight whole weeks


def _choose(window: MainWindow, kind: ReportKind, fmt: ExportFormat = ExportFormat.JSON,
            start: date = START, end: date = END) -> None:
    window.report_tabs.set_kind(kind)
    window.export_panel.set_fmt(fmt)
    window.date_panel.set_range(start, end)
    assert window.date_panel.time_zone() == ZONE


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _no_leftovers(folder: Path) -> bool:
    return not any(folder.iterdir())


@pytest.mark.parametrize("kind", list(ReportKind))
def test_each_report_exports_the_right_entries(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path, kind: ReportKind) -> None:
    ws = demo_server.paid_workspace_id
    _choose(signed_in, kind)
    out = tmp_path / "out" / f"{kind.value}.json"
    out.parent.mkdir()
    run_export(qtbot, signed_in, fake_dialogs, out)
    banner = signed_in.export_panel.banner
    assert banner.tone is Tone.SUCCESS, banner.text_label.text()
    data = _load(out)
    start, end = START, END
    if kind is ReportKind.WEEKLY:  # whole weeks, from the profile's first day of the week
        start = week_start_of(START, "MONDAY")
        end = week_start_of(END, "MONDAY") + timedelta(days=6)
    entries = [e for e in demo_server.data.entries(ws)
               if e.id in demo_server.data.entry_ids(ws, start, end, ZONE)]
    assert entries
    if kind is ReportKind.DETAILED:
        assert {e["_id"] for e in data["timeentries"]} == {e.id for e in entries}
    elif kind in (ReportKind.SUMMARY, ReportKind.WEEKLY):
        totals = data["totals"][0]
        assert totals["entriesCount"] == len(entries)
        assert totals["totalTime"] == sum(e.duration for e in entries)
    elif kind is ReportKind.ATTENDANCE:
        tz = ZoneInfo(ZONE)
        days = Counter((e.user_id, datetime.fromtimestamp(e.start, tz).date().isoformat())
                       for e in entries)
        assert {(row["userId"], row["date"]) for row in data["entities"]} == set(days)
    else:
        expected = demo_server.data.expense_ids(ws, START, END, ZONE)
        assert expected
        assert {x["id"] for x in data["expenses"]} == expected
    assert str(out) in banner.text_label.text()


def test_ctrl_e_asks_where_to_save_with_a_sensible_name(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path) -> None:
    _choose(signed_in, ReportKind.SUMMARY, ExportFormat.PDF)
    fake_dialogs.save_path = None  # the user cancels the save dialog
    signed_in.activateWindow()
    qtbot.waitUntil(signed_in.isActiveWindow)
    qtbot.keyClick(signed_in, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    [(suggested, fmt)] = fake_dialogs.named("ask_save_path")
    assert Path(suggested).name == f"Clockify_Summary_{START}_{END}.pdf"
    assert fmt is ExportFormat.PDF
    assert not signed_in.is_exporting()
    # After an export the dialog opens in the folder used last.
    folder = tmp_path / "reports"
    folder.mkdir()
    run_export(qtbot, signed_in, fake_dialogs, folder / "summary.pdf")
    assert (folder / "summary.pdf").read_bytes().startswith(b"%PDF")
    fake_dialogs.save_path = None
    signed_in.export_action.trigger()
    assert Path(fake_dialogs.named("ask_save_path")[-1][0]).parent == folder


def test_success_offers_open_file_and_show_in_folder(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path) -> None:
    _choose(signed_in, ReportKind.DETAILED, ExportFormat.CSV)
    out = tmp_path / "entries.csv"
    run_export(qtbot, signed_in, fake_dialogs, out)
    open_button, folder_button = signed_in.export_panel.banner.buttons()
    open_button.click()
    folder_button.click()
    assert fake_dialogs.named("open_file") == [(out,)]
    assert fake_dialogs.named("show_in_folder") == [(out,)]


def test_cancel_mid_export_leaves_no_file(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    _choose(signed_in, ReportKind.DETAILED)
    demo_server.faults.latency = 0.4
    out = tmp_path / "out" / "cancelled.json"
    out.parent.mkdir()
    fake_dialogs.save_path = out
    with qtbot.waitSignal(signed_in.export_done, timeout=TIMEOUT_MS):
        signed_in.export_panel.export_button.click()
        assert signed_in.export_panel.cancel_button.isVisible()
        qtbot.waitUntil(lambda: "written" in signed_in.export_panel.progress_label.text(),
                        timeout=TIMEOUT_MS)
        signed_in.export_panel.cancel_button.click()
    assert signed_in.export_panel.banner.title_label.text() == "Export cancelled"
    assert _no_leftovers(out.parent)
    assert signed_in.export_panel.export_button.isEnabled()


def test_escape_cancels(qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
                        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    demo_server.faults.rate_limit_next = 1
    demo_server.faults.rate_limit_retry_after = 30  # would wait half a minute
    out = tmp_path / "out" / "escaped.json"
    out.parent.mkdir()
    fake_dialogs.save_path = out
    with qtbot.waitSignal(signed_in.export_waiting, timeout=TIMEOUT_MS):
        signed_in.export_action.trigger()
    assert "resuming in" in signed_in.export_panel.wait_label.text()
    with qtbot.waitSignal(signed_in.export_done, timeout=3000):  # within a second or so
        signed_in.activateWindow()
        qtbot.keyClick(signed_in, Qt.Key.Key_Escape)
    assert signed_in.export_panel.banner.title_label.text() == "Export cancelled"
    assert _no_leftovers(out.parent)


def test_rate_limit_shows_a_countdown_then_finishes(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    _choose(signed_in, ReportKind.DETAILED)
    demo_server.faults.rate_limit_next = 1
    demo_server.faults.rate_limit_retry_after = 1
    fake_dialogs.save_path = tmp_path / "slow.json"
    with qtbot.waitSignal(signed_in.export_waiting, timeout=TIMEOUT_MS):
        signed_in.export_panel.export_button.click()
    wait_text = signed_in.export_panel.wait_label.text()
    assert "slow down" in wait_text and "1 s" in wait_text
    assert signed_in.export_panel.wait_label.isVisible()
    with qtbot.waitSignal(signed_in.export_done, timeout=TIMEOUT_MS):
        pass
    assert signed_in.export_panel.banner.tone is Tone.SUCCESS
    assert not signed_in.export_panel.wait_label.isVisible()
    assert (tmp_path / "slow.json").is_file()


def test_progress_shows_requests_and_entries(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path) -> None:
    seen: list[Progress] = []
    signed_in.export_panel.show_progress = seen.append  # type: ignore[method-assign,assignment]
    _choose(signed_in, ReportKind.DETAILED)
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "p.json")
    assert seen[-1].phase is Phase.DONE
    assert seen[-1].requests_done >= 1 and seen[-1].entries_written > 0
    # Clockify's count arrives with the first page: the bar can follow the entries.
    assert seen[-1].entries_expected == seen[-1].entries_written


def test_a_failure_shows_title_message_hint_and_copies_details(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path) -> None:
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "missing" / "x.json")
    banner = signed_in.export_panel.banner
    assert banner.tone is Tone.ERROR
    assert banner.title_label.text() == "Could not save the file"
    assert "does not exist" in banner.text_label.text()
    assert str(tmp_path / "missing" / "x.json") in banner.text_label.text()  # the full path
    assert banner.hint_label.text() == "Choose another folder; nothing was saved."
    assert "Traceback" not in banner.text_label.text() + banner.hint_label.text()
    [copy] = banner.buttons()
    copy.click()
    [(details,)] = fake_dialogs.named("copy_text")
    assert "does not exist" in details


def test_an_export_process_that_dies_is_a_failure_with_what_it_said_in_details(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The export runs in a child process (core.export_process); here the child dies at once,
    # the way a crash in a C library would end it.
    dying = "import sys; sys.stderr.write('Fatal Python error: boom\\n'); sys.exit(3)"
    monkeypatch.setattr(export_process, "child_command", lambda: [sys.executable, "-c", dying])
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "x.json")
    banner = signed_in.export_panel.banner
    assert banner.tone is Tone.ERROR
    assert "unexpected" in banner.text_label.text()
    assert "boom" not in banner.text_label.text()
    banner.buttons()[0].click()
    [(details,)] = fake_dialogs.named("copy_text")
    assert "exit code 3" in details and "Fatal Python error: boom" in details
    assert not (tmp_path / "x.json").exists()
    assert signed_in.export_panel.export_button.isEnabled()  # ready for another try


def test_closing_during_an_export_cancels_it(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    demo_server.faults.rate_limit_next = 1
    demo_server.faults.rate_limit_retry_after = 30
    out = tmp_path / "out" / "closed.json"
    out.parent.mkdir()
    fake_dialogs.save_path = out
    with qtbot.waitSignal(signed_in.export_waiting, timeout=TIMEOUT_MS):
        signed_in.export_action.trigger()
    fake_dialogs.confirm_close = False  # "keep exporting"
    assert not signed_in.close()
    assert signed_in.is_exporting() and signed_in.isVisible()
    fake_dialogs.confirm_close = True
    with qtbot.waitSignal(signed_in.export_done, timeout=3000):
        signed_in.close()
    qtbot.waitUntil(lambda: not signed_in.isVisible(), timeout=3000)
    assert len(fake_dialogs.named("confirm_cancel_on_close")) == 2
    assert not signed_in.threads.busy()
    assert _no_leftovers(out.parent)


def test_filters_reach_the_export(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    ws = demo_server.paid_workspace_id
    projects = signed_in.filters_panel._cache[ws]["projects"]
    wanted = {p["id"] for p in projects if p["name"] == "Website Relaunch"}
    signed_in.filters_panel.buttons["projects"].pick_list.set_selected_ids(wanted)
    _choose(signed_in, ReportKind.DETAILED)
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "filtered.json")
    rows = _load(tmp_path / "filtered.json")["timeentries"]
    expected = {e.id for e in demo_server.data.entries(ws)
                if e.project_id in wanted
                and e.id in demo_server.data.entry_ids(ws, START, END, ZONE)}
    assert rows and {row["_id"] for row in rows} == expected


def test_the_api_key_is_never_logged(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    window = make_window()
    sign_in(qtbot, window, demo_server)
    run_export(qtbot, window, fake_dialogs, tmp_path / "x.json")
    assert caplog.records
    assert demo_server.api_key not in caplog.text
    assert all(demo_server.api_key not in str(r.headers.values())
               for r in demo_server.requests)
