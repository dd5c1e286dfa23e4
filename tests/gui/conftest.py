"""Qt-only fixtures: isolated settings, a demo server, patched dialogs and windows.

No test opens a real modal dialog (every function of gui/dialogs.py is replaced), touches
the user's settings (QSettings points at tmp_path) or the real keyring (tests/conftest.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.credentials import CredentialStore
from core.demo import DemoConfig, DemoServer
from core.reports import ExportFormat
from core.servers import Server
from gui import dialogs
from gui.i18n import install_translators
from gui.main_window import MainWindow
from gui.settings import AppSettings

TIMEOUT_MS = 15_000


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """The English catalogue, as the app installs it (it holds the plural forms)."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings in tmp_path, under a name no other test uses."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    name = f"test-{uuid.uuid4().hex[:12]}"
    QCoreApplication.setOrganizationName(name)
    QCoreApplication.setApplicationName(name)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield folder


@dataclass
class FakeDialogs:
    """Stands in for gui/dialogs.py; records every call."""

    save_path: Path | None = None
    confirm_close: bool = True
    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def named(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]

    def ask_save_path(self, parent: QWidget | None, suggested: str,
                      fmt: ExportFormat) -> Path | None:
        self.calls.append(("ask_save_path", (suggested, fmt)))
        return self.save_path

    def confirm_cancel_on_close(self, parent: QWidget | None) -> bool:
        self.calls.append(("confirm_cancel_on_close", ()))
        return self.confirm_close

    def recorder(self, name: str) -> Callable[..., bool]:
        def record(*args: Any) -> bool:
            self.calls.append((name, args))
            return True

        return record


@pytest.fixture(autouse=True)
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    fake = FakeDialogs()
    monkeypatch.setattr(dialogs, "ask_save_path", fake.ask_save_path)
    monkeypatch.setattr(dialogs, "confirm_cancel_on_close", fake.confirm_cancel_on_close)
    for name in ("open_file", "show_in_folder", "open_url", "copy_text", "show_about",
                 "show_unexpected_error"):
        monkeypatch.setattr(dialogs, name, fake.recorder(name))
    return fake


@pytest.fixture
def demo_server() -> Iterator[DemoServer]:
    # Three months of data keep every range in the tests small but full.
    with DemoServer(DemoConfig(entries_per_workspace=400, months=3)) as srv:
        yield srv


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Build windows like the app does; on teardown every background thread has ended."""
    windows: list[MainWindow] = []

    def make(demo: tuple[Server, str] | None = None) -> MainWindow:
        # Demo mode never uses the keyring, as in the app.
        window = MainWindow(AppSettings(), None if demo else CredentialStore(), demo)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
        QCoreApplication.processEvents()  # deliver the last queued signals
        assert not window.threads.busy()


def sign_in(qtbot: QtBot, window: MainWindow, srv: DemoServer, key: str | None = None,
            *, wait_for_lists: bool = True) -> None:
    """Sign in as a user would: custom server address, pasted key, Sign in."""
    panel = window.account_panel
    panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
    panel.server_detail_edit.setText(srv.root_url)
    panel.server_detail_edit.editingFinished.emit()
    panel.key_edit.setText(srv.api_key if key is None else key)
    with qtbot.waitSignal(panel.workspace_changed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda ws: ws is not None):
        qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    if wait_for_lists:
        qtbot.waitUntil(window.filters_panel.is_loaded, timeout=TIMEOUT_MS)


def choose_workspace(qtbot: QtBot, window: MainWindow, workspace_id: str) -> None:
    combo = window.account_panel.workspace_combo
    for index in range(combo.count()):
        if combo.itemData(index)["id"] == workspace_id:
            combo.setCurrentIndex(index)
            break
    else:
        raise AssertionError(f"workspace {workspace_id} not listed")
    qtbot.waitUntil(window.filters_panel.is_loaded, timeout=TIMEOUT_MS)


@pytest.fixture
def signed_in(qtbot: QtBot, make_window: WindowFactory,
              demo_server: DemoServer) -> MainWindow:
    window = make_window()
    sign_in(qtbot, window, demo_server)
    return window


def run_export(qtbot: QtBot, window: MainWindow, fake: FakeDialogs, path: Path) -> None:
    """Export through the Export button into `path` and wait until the worker is done."""
    fake.save_path = path
    assert window.export_panel.export_button.isEnabled(), window.export_panel.reason_label.text()
    with qtbot.waitSignal(window.export_done, timeout=TIMEOUT_MS):
        qtbot.mouseClick(window.export_panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.threads.busy(), timeout=TIMEOUT_MS)
