"""Account panel: sign-in, keyring, wrong keys, workspaces and plans."""

from __future__ import annotations

import keyring
import keyring.backends.fail
from pytestqt.qtbot import QtBot

from core.credentials import SERVICE
from core.demo import DemoServer
from core.servers import custom_server
from gui.main_window import MainWindow
from gui.settings import AppSettings
from gui.widgets import Tone
from tests.conftest import MemoryKeyring
from tests.gui.conftest import TIMEOUT_MS, WindowFactory, choose_workspace, sign_in


def _account(srv: DemoServer) -> str:
    return f"{custom_server(srv.root_url).key}|default"


def test_sign_in_stores_the_key_and_loads_workspaces(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        memory_keyring: MemoryKeyring) -> None:
    window = make_window()
    sign_in(qtbot, window, demo_server)
    panel = window.account_panel
    status = panel.status_label.text()
    assert "Zoë Müller" in status and "zoe.mueller@acme-studio.example" in status
    assert panel.status_label.tone is Tone.SUCCESS
    assert memory_keyring.entries[(SERVICE, _account(demo_server))] == demo_server.api_key
    assert "system keyring" in panel.keyring_label.text()
    names = [panel.workspace_combo.itemText(i) for i in range(panel.workspace_combo.count())]
    assert sorted(names) == ["Acme Studio", "Empty Workspace", "Side Projects"]
    assert (panel.workspace() or {}).get("id") == demo_server.paid_workspace_id  # active
    assert "every format" in panel.plan_label.text()
    assert window.export_panel.export_button.isEnabled()


def test_a_plan_clockify_does_not_state_is_said_so_not_called_free(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer) -> None:
    demo_server.faults.hide_plan = True
    window = make_window()
    sign_in(qtbot, window, demo_server)
    shown = window.account_panel.plan_label.text()
    assert shown.startswith("Clockify does not say which plan this workspace is on")
    assert "at most 31 days per request and 30 requests per hour" in shown
    assert "Free plan:" not in shown and "every format" not in shown


def test_free_workspace_shows_its_limits(qtbot: QtBot, signed_in: MainWindow,
                                         demo_server: DemoServer) -> None:
    choose_workspace(qtbot, signed_in, demo_server.free_workspace_id)
    plan = signed_in.account_panel.plan_label.text()
    assert "Free plan" in plan and "31 days" in plan and "30 requests" in plan
    assert "CSV" in plan
    assert "30 requests an hour" in signed_in.export_panel.cost_label.text()


def test_a_wrong_key_names_the_server_and_explains_regions(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        memory_keyring: MemoryKeyring) -> None:
    window = make_window()
    panel = window.account_panel
    panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
    panel.server_detail_edit.setText(demo_server.root_url)
    panel.key_edit.setText("this-key-is-wrong")
    with qtbot.waitSignal(panel.sign_in_failed, timeout=TIMEOUT_MS):
        panel.sign_in_button.click()
    text = panel.status_label.text()
    assert "does not accept this API key" in text
    assert demo_server.root_url in text
    assert "one region or subdomain" in text
    assert panel.status_label.tone is Tone.ERROR
    assert panel.session is None
    assert not memory_keyring.entries
    assert not window.export_panel.export_button.isEnabled()


def test_no_keyring_keeps_the_key_for_this_session_and_says_so(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by memory_keyring
    window = make_window()
    panel = window.account_panel
    assert panel.keyring_label.text() == "", "the keyring is first read after show()"
    window.start()
    assert "No system keyring" in panel.keyring_label.text()
    sign_in(qtbot, window, demo_server)
    assert "session only" in panel.keyring_label.text()
    # Another server, then back: the key is still known for this run.
    with qtbot.waitSignal(panel.signed_out, timeout=TIMEOUT_MS):
        panel.server_combo.setCurrentIndex(panel.server_combo.findData("global"))
    panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
    panel.server_detail_edit.setText(demo_server.root_url)
    panel.server_detail_edit.editingFinished.emit()
    assert panel.key_edit.text() == demo_server.api_key


def test_a_remembered_key_signs_in_on_start(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        memory_keyring: MemoryKeyring) -> None:
    server = custom_server(demo_server.root_url)
    AppSettings().set_text("server_key", server.key)
    memory_keyring.set_password(SERVICE, _account(demo_server), demo_server.api_key)
    window = make_window()
    status = window.account_panel.status_label
    # The first paint (before start) already holds the status line the sign-in uses.
    assert status.isVisibleTo(window) and status.text() == "Not signed in."
    with qtbot.waitSignal(window.account_panel.workspace_changed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda ws: ws is not None):
        window.start()
        assert status.text().startswith("Signing in to")
    assert window.account_panel.server_detail_edit.text() == demo_server.root_url
    assert "Zoë Müller" in window.account_panel.status_label.text()


def test_forget_key_removes_it_and_signs_out(
        qtbot: QtBot, signed_in: MainWindow, demo_server: DemoServer,
        memory_keyring: MemoryKeyring) -> None:
    panel = signed_in.account_panel
    with qtbot.waitSignal(panel.signed_out, timeout=TIMEOUT_MS):
        panel.forget_button.click()
    assert not memory_keyring.entries
    assert panel.key_edit.text() == ""
    assert panel.session is None
    assert panel.workspace_combo.count() == 0
    assert signed_in.export_panel.reason_label.text() == "Sign in to export."


def test_the_key_field_is_masked_and_can_be_shown(make_window: WindowFactory) -> None:
    panel = make_window().account_panel
    assert panel.key_edit.echoMode() == panel.key_edit.EchoMode.Password
    panel.show_key_action.trigger()
    assert panel.key_edit.echoMode() == panel.key_edit.EchoMode.Normal
    assert "manage-api-keys" in panel.key_link.text()


def test_demo_mode_never_touches_the_keyring(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        memory_keyring: MemoryKeyring) -> None:
    server = custom_server(demo_server.root_url)
    window = make_window(demo=(server, demo_server.api_key))
    assert "DEMO" in window.windowTitle()
    with qtbot.waitSignal(window.account_panel.workspace_changed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda ws: ws is not None):
        window.start()
    assert not memory_keyring.entries
    assert not window.account_panel.forget_button.isVisible()
    assert not window.account_panel.server_combo.isEnabled()
