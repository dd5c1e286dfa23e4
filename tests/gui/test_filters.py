"""The web app's filters in the window: they reach Clockify's request and the file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.demo import DemoServer
from core.reports import ExportFormat, ReportKind
from gui.main_window import MainWindow
from tests.gui.conftest import TIMEOUT_MS, FakeDialogs, WindowFactory, run_export, sign_in
from tests.openapi import check_body, kind_for_path

ZONE = "Europe/Berlin"
END = date.today()
START = END - timedelta(days=55)


def _report_bodies(srv: DemoServer, first: int) -> list[dict[str, object]]:
    bodies = []
    for recorded in srv.requests[first:]:
        if recorded.method == "POST" and "/reports/" in recorded.path:
            assert recorded.body is not None
            check_body(kind_for_path(recorded.path), recorded.body)
            bodies.append(recorded.body)
    return bodies


def test_a_task_of_a_chosen_project_status_and_tag_matching_reach_the_export(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    ws = demo_server.data.workspace(demo_server.paid_workspace_id)
    assert ws is not None
    in_range = demo_server.data.entry_ids(ws.id, START, END, ZONE)
    used = [e for e in demo_server.data.entries(ws.id) if e.id in in_range and e.task_id]
    task = next(t for t in ws.tasks if any(e.task_id == t.id for e in used))
    panel = signed_in.filters_panel
    tasks = panel.buttons["tasks"]
    assert not tasks.isEnabled()  # tasks belong to projects: choose those first
    panel.buttons["projects"].pick_list.set_selected_ids({task.project_id})
    qtbot.waitUntil(lambda: task.name in tasks.pick_list.names(), timeout=TIMEOUT_MS)
    assert tasks.isEnabled()
    tasks.pick_list.set_selected_ids({task.id})
    tag = next(t for t in ws.tags if any(t.id in e.tag_ids for e in used))
    panel.buttons["tags"].pick_list.set_selected_ids({tag.id})
    panel.tag_mode_combo.setCurrentIndex(panel.tag_mode_combo.findData("DOES_NOT_CONTAIN"))
    panel.approval_combo.setCurrentIndex(panel.approval_combo.findData("ALL"))
    signed_in.report_tabs.set_kind(ReportKind.DETAILED)
    signed_in.export_panel.set_fmt(ExportFormat.JSON)
    signed_in.date_panel.set_range(START, END)
    first = len(demo_server.requests)
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "task.json")
    rows = json.loads((tmp_path / "task.json").read_text(encoding="utf-8"))["timeentries"]
    expected = {e.id for e in used if e.task_id == task.id and tag.id not in e.tag_ids}
    assert {row["_id"] for row in rows} == expected
    body = _report_bodies(demo_server, first)[0]
    assert body["tasks"] == {"ids": [task.id], "contains": "CONTAINS", "status": "ALL"}
    assert body["tags"]["containedInTimeentry"] == "DOES_NOT_CONTAIN"  # type: ignore[index]


def test_amounts_rounding_and_user_groups_are_sent(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    ws = demo_server.data.workspace(demo_server.paid_workspace_id)
    assert ws is not None and ws.groups
    panel = signed_in.filters_panel
    panel.buttons["user-groups"].pick_list.set_selected_ids({ws.groups[0].id})
    tabs = signed_in.report_tabs
    tabs.set_kind(ReportKind.SUMMARY)
    tabs.amounts_combo.setCurrentIndex(tabs.amounts_combo.findData("PROFIT"))
    tabs.rounding_check.setChecked(True)
    signed_in.export_panel.set_fmt(ExportFormat.JSON)
    first = len(demo_server.requests)
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "summary.json")
    body = _report_bodies(demo_server, first)[0]
    assert (body["amountShown"], body["amounts"], body["rounding"]) == ("PROFIT", ["PROFIT"],
                                                                        True)
    assert body["userGroups"]["ids"] == [ws.groups[0].id]  # type: ignore[index]


def test_the_new_filters_are_remembered_per_workspace(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer) -> None:
    window = make_window()
    sign_in(qtbot, window, demo_server)
    panel = window.filters_panel
    ws = demo_server.data.workspace(demo_server.paid_workspace_id)
    assert ws is not None
    task = ws.tasks[0]
    panel.buttons["projects"].pick_list.set_selected_ids({task.project_id})
    qtbot.waitUntil(lambda: bool(panel.buttons["tasks"].pick_list.names()), timeout=TIMEOUT_MS)
    panel.buttons["tasks"].pick_list.set_selected_ids({task.id})
    panel.tag_mode_combo.setCurrentIndex(panel.tag_mode_combo.findData("CONTAINS_ONLY"))
    panel.invoicing_combo.setCurrentIndex(panel.invoicing_combo.findData("UNINVOICED"))
    panel.without_task_check.setChecked(True)
    window.close()

    again = make_window()
    sign_in(qtbot, again, demo_server)
    restored = again.filters_panel
    qtbot.waitUntil(lambda: restored.buttons["tasks"].pick_list.selected_ids() == [task.id],
                    timeout=TIMEOUT_MS)
    filters = restored.filters()
    assert filters.tags.contains == "CONTAINS_ONLY"
    assert filters.invoicing_state == "UNINVOICED"
    assert filters.without_task

