"""Account: the Clockify server, the API key, sign-in and the workspace to export from."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.credentials import CredentialStore
from core.errors import ExporterError, ServerConfigError
from core.servers import REGION_LABELS, Server, global_server, make_server, server_from_key
from gui import wording
from gui.session import KeyKeeper, Session
from gui.settings import AppSettings
from gui.widgets import StatusLabel, Tone, shipped_icon
from gui.worker import WorkerThreads

if TYPE_CHECKING:
    from core.connection import Connection

log = logging.getLogger(__name__)

API_KEYS_URL = "https://app.clockify.me/manage-api-keys"
_SUBDOMAIN = "subdomain"
_CUSTOM = "custom"
class AccountPanel(QGroupBox):
    """Server choice, API key, sign-in status and the workspace list."""

    signed_in = Signal(object)  # Session
    signed_out = Signal()
    sign_in_failed = Signal(object)  # core.errors.ExporterError
    workspace_changed = Signal(object)  # the workspace dict, or None

    def __init__(self, threads: WorkerThreads, settings: AppSettings,
                 credentials: CredentialStore | None, demo: Server | None = None,
                 demo_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Account"), parent)
        self._threads = threads
        self._settings = settings
        self._keys = KeyKeeper(credentials)  # None: never touch the keyring (demo mode)
        self._demo = demo
        self._demo_key = demo_key
        self._session: Session | None = None
        self._generation = 0  # answers of superseded sign-ins are ignored
        self._busy = False
        self._key_stored = False  # whether "Forget key" has anything to forget

        self.server_combo = QComboBox(self)
        self.server_combo.setAccessibleName(self.tr("Clockify server"))
        self.server_detail_edit = QLineEdit(self)
        self.server_detail_edit.setAccessibleName(self.tr("Subdomain or server address"))
        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste your Clockify API key"))
        self.key_edit.setAccessibleName(self.tr("API key"))
        self.show_key_action = QAction(shipped_icon("view-visible"), self.tr("Show key"), self)
        self.show_key_action.setCheckable(True)
        self.key_edit.addAction(self.show_key_action, QLineEdit.ActionPosition.TrailingPosition)
        self.sign_in_button = QPushButton(self.tr("S&ign in"), self)
        self.forget_button = QPushButton(self.tr("Forget ke&y"), self)
        self.forget_button.setToolTip(self.tr("Remove the key from this computer and sign out"))
        self.key_link = QLabel(self)
        self.key_link.setText('<a href="{url}">{text}</a>'.format(
            url=API_KEYS_URL, text=self.tr("Where do I find my API key?")))
        self.key_link.setOpenExternalLinks(True)
        self.status_label = StatusLabel(self)
        self.status_label.setAccessibleName(self.tr("Sign-in status"))
        self.keyring_label = StatusLabel(self)
        self.workspace_combo = QComboBox(self)
        self.workspace_combo.setAccessibleName(self.tr("Workspace"))
        self.workspace_combo.setMinimumContentsLength(18)
        self.workspace_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_label = StatusLabel(self)
        self.plan_label.setAccessibleName(self.tr("Workspace plan"))

        server_label = QLabel(self.tr("&Server:"), self)
        server_label.setBuddy(self.server_combo)
        key_label = QLabel(self.tr("API &key:"), self)
        key_label.setBuddy(self.key_edit)
        workspace_label = QLabel(self.tr("&Workspace:"), self)
        workspace_label.setBuddy(self.workspace_combo)

        grid = QGridLayout(self)
        grid.addWidget(server_label, 0, 0)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_combo, 1)
        server_row.addWidget(self.server_detail_edit, 2)
        grid.addLayout(server_row, 0, 1)
        grid.addWidget(key_label, 1, 0)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.sign_in_button)
        key_row.addWidget(self.forget_button)
        grid.addLayout(key_row, 1, 1)
        grid.addWidget(self.key_link, 2, 1)
        grid.addWidget(self.status_label, 3, 1)
        grid.addWidget(self.keyring_label, 4, 1)
        grid.addWidget(workspace_label, 5, 0)
        grid.addWidget(self.workspace_combo, 5, 1)
        grid.addWidget(self.plan_label, 6, 1)
        grid.setColumnStretch(1, 1)

        self._fill_servers()
        self.server_combo.currentIndexChanged.connect(self.on_server_combo_changed)
        self.server_detail_edit.editingFinished.connect(self.on_server_detail_edit_finished)
        self.show_key_action.toggled.connect(self.on_show_key_action_toggled)
        self.key_edit.returnPressed.connect(self.sign_in)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.forget_button.clicked.connect(self.on_forget_button_clicked)
        self.workspace_combo.currentIndexChanged.connect(self.on_workspace_combo_changed)
        self._restore()

    # ---- public ------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._session

    def workspace(self) -> dict[str, Any] | None:
        data = self.workspace_combo.currentData()
        return data if isinstance(data, dict) else None

    def current_server(self) -> Server:
        """The server the controls describe; ServerConfigError when they describe none."""
        if self._demo is not None:
            return self._demo
        choice = str(self.server_combo.currentData())
        if choice in (_SUBDOMAIN, _CUSTOM):
            return make_server(choice, self.server_detail_edit.text().strip())
        return make_server("region", choice)  # the region names include "global"

    def add_clear_button(self) -> None:
        """The key field's clear button, once the window has painted (MainWindow)."""
        self.key_edit.setClearButtonEnabled(self._demo is None)  # the demo key is read-only

    def set_busy(self, busy: bool) -> None:
        """While an export runs, the account and workspace must not change."""
        self._busy = busy
        self._update_enabled()

    def start(self) -> None:
        """After the window's first paint: read the keyring, and sign in when the key is
        known.

        The keyring is first touched here, not while the window is built or first paints:
        loading and probing its backends takes ~50 ms frozen (gui.app.after_first_paint).
        """
        self.keyring_label.set_status(*self._keys.startup_note())
        if self._demo is None:
            with contextlib.suppress(ServerConfigError):  # no usable server: no key to find
                self.key_edit.setText(self._known_key(self.current_server()))
            self._update_enabled()
        if self._demo is not None or self.key_edit.text().strip():
            self.sign_in()

    @Slot()
    def sign_in(self) -> None:
        try:
            server = self.current_server()
        except ServerConfigError as exc:
            self.status_label.set_status(wording.error_line(exc), Tone.ERROR)
            return
        key = "".join(self.key_edit.text().split())  # pasted keys often carry spaces
        if not key:
            self.status_label.set_status(self.tr("Paste your API key first."), Tone.ERROR)
            self.key_edit.setFocus()
            return
        self._sign_out(quiet=True)
        self._generation += 1
        generation = self._generation
        from core.connection import Connection  # with the first sign-in, not at start

        connection = Connection(server, key)
        self._show_signing_in(server)
        self._update_enabled(signing_in=True)
        self._threads.call(
            connection, lambda client: client.current_user(),
            lambda user: self._on_user_loaded(generation, connection, user),
            lambda error: self._on_sign_in_failed(generation, error))

    # ---- sign-in -----------------------------------------------------------------------

    def _on_user_loaded(self, generation: int, connection: Connection,
                        user: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self._session = Session(connection, user)
        self.keyring_label.set_status(*self._keys.remember(connection.server.key,
                                                           connection.api_key))
        self._key_stored = True
        self._settings.set_text("server_key", connection.server.key)
        self.status_label.set_status(
            self.tr("Signed in as {name} ({email}) on {server}.").format(
                name=user.get("name") or "?", email=user.get("email") or "?",
                server=self._server_name(connection.server)), Tone.SUCCESS)
        self._update_enabled()
        self.signed_in.emit(self._session)
        self._threads.call(
            connection, lambda client: client.workspaces(),
            lambda workspaces: self._on_workspaces_loaded(generation, workspaces),
            lambda error: self._on_workspaces_failed(generation, error))

    def _on_sign_in_failed(self, generation: int, error: ExporterError) -> None:
        if generation != self._generation:
            return
        self.status_label.set_status(wording.error_line(error), Tone.ERROR)
        self._update_enabled()
        self.sign_in_failed.emit(error)

    def _on_workspaces_loaded(self, generation: int, workspaces: list[dict[str, Any]]) -> None:
        if generation != self._generation or self._session is None:
            return
        ids = {str(ws.get("id")) for ws in workspaces}
        user = self._session.user
        # The one used last, else the one the user has open in Clockify.
        wanted = next((str(choice) for choice in (
            self._settings.text("workspace_id"), user.get("activeWorkspace"),
            user.get("defaultWorkspace")) if choice and str(choice) in ids), "")
        self.workspace_combo.blockSignals(True)
        self.workspace_combo.clear()
        for ws in sorted(workspaces, key=lambda w: str(w.get("name", "")).casefold()):
            self.workspace_combo.addItem(str(ws.get("name") or ws.get("id")), ws)
            if ws.get("id") == wanted:
                self.workspace_combo.setCurrentIndex(self.workspace_combo.count() - 1)
        self.workspace_combo.blockSignals(False)
        if not workspaces:
            self.plan_label.set_status(self.tr("This account has no workspaces."), Tone.ERROR)
        self._update_enabled()
        self.on_workspace_combo_changed()

    def _on_workspaces_failed(self, generation: int, error: ExporterError) -> None:
        if generation == self._generation:
            self.plan_label.set_status(wording.error_line(error), Tone.ERROR)
            self.sign_in_failed.emit(error)

    # ---- slots -------------------------------------------------------------------------

    @Slot()
    def on_server_combo_changed(self) -> None:
        choice = self.server_combo.currentData()
        self.server_detail_edit.setVisible(choice in (_SUBDOMAIN, _CUSTOM))
        self.server_detail_edit.setPlaceholderText(
            self.tr("Subdomain, e.g. acme") if choice == _SUBDOMAIN
            else self.tr("https://clockify.example.com"))
        self.on_server_detail_edit_finished()

    @Slot()
    def on_server_detail_edit_finished(self) -> None:
        """A different server: sign out, and offer the key known for that server."""
        try:
            server = self.current_server()
        except ServerConfigError:
            return
        if self._session is not None and self._session.connection.server == server:
            return
        was_signed_in = self._session is not None
        self._generation += 1
        self._sign_out(quiet=not was_signed_in)
        known = self._known_key(server)
        if known or was_signed_in:  # keep a key the user pasted before picking the server
            self.key_edit.setText(known)
        self._show_signed_out()

    @Slot(bool)
    def on_show_key_action_toggled(self, shown: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)
        self.show_key_action.setText(self.tr("Hide key") if shown else self.tr("Show key"))
        self.show_key_action.setIcon(shipped_icon("view-hidden" if shown else "view-visible"))

    @Slot()
    def on_forget_button_clicked(self) -> None:
        try:
            server = self.current_server()
        except ServerConfigError as exc:
            self.status_label.set_status(wording.error_line(exc), Tone.ERROR)
            return
        self._generation += 1
        note = self._keys.forget(server.key)
        self._key_stored = False
        if note[0]:
            self.keyring_label.set_status(*note)
        self.key_edit.clear()
        self._sign_out()
        self.status_label.set_status(
            self.tr("The API key for {server} was forgotten.").format(
                server=self._server_name(server)),
            Tone.PLAIN)

    @Slot()
    def on_workspace_combo_changed(self) -> None:
        workspace = self.workspace()
        if workspace is None:
            self.plan_label.set_status("")
        else:
            self._settings.set_text("workspace_id", str(workspace.get("id", "")))
            self.plan_label.set_status(wording.plan_text(workspace), Tone.PLAIN)
        self.workspace_changed.emit(workspace)

    # ---- helpers -----------------------------------------------------------------------

    def _show_signing_in(self, server: Server) -> None:
        self.status_label.set_status(
            self.tr("Signing in to {server}…").format(server=self._server_name(server)),
            Tone.INFO)

    def _show_signed_out(self) -> None:
        self.status_label.set_status(self.tr("Not signed in."), Tone.PLAIN)

    def _sign_out(self, quiet: bool = False) -> None:
        had_session = self._session is not None
        self._session = None
        self.workspace_combo.blockSignals(True)
        self.workspace_combo.clear()
        self.workspace_combo.blockSignals(False)
        self.plan_label.set_status("")
        self._update_enabled()
        if had_session or not quiet:
            self.signed_out.emit()
            self.workspace_changed.emit(None)

    def _known_key(self, server: Server) -> str:
        key, note = self._keys.known(server.key)
        if note[0]:
            self.keyring_label.set_status(*note)
        self._key_stored = bool(key)
        self._update_enabled()
        return key

    def _server_name(self, server: Server) -> str:
        return wording.server_name(server, self._demo)

    def _fill_servers(self) -> None:
        if self._demo is not None:
            self.server_combo.addItem(self._server_name(self._demo), "demo")
            return
        for region in REGION_LABELS:
            self.server_combo.addItem(wording.region_name(region), region)
        self.server_combo.addItem(self.tr("Subdomain (Enterprise)"), _SUBDOMAIN)
        self.server_combo.addItem(self.tr("Custom server address"), _CUSTOM)

    def _restore(self) -> None:
        # The status line the sign-in in start() will show, shown from the first paint on
        # (start() runs after it), so that the form does not shift down a moment later.
        if self._demo is not None:
            self.server_detail_edit.hide()
            self.key_edit.setText(self._demo_key)
            self._show_signing_in(self._demo)
            self._update_enabled()
            return
        saved = self._settings.text("server_key")
        if saved:  # signed in before: start() looks for that server's key
            self._show_signed_out()
        try:
            server = server_from_key(saved)
        except ServerConfigError:
            server = global_server()
        # The combo lists regions by name (with "global") and the other kinds by kind.
        choice = server.region or server.kind
        self.server_combo.blockSignals(True)
        self.server_combo.setCurrentIndex(max(0, self.server_combo.findData(choice)))
        self.server_combo.blockSignals(False)
        detail = server.subdomain if server.kind == _SUBDOMAIN else (
            server.root_url if server.kind == _CUSTOM else "")
        self.server_detail_edit.setText(detail or "")
        self.server_detail_edit.setVisible(server.kind in (_SUBDOMAIN, _CUSTOM))
        self._update_enabled()

    def _update_enabled(self, signing_in: bool = False) -> None:
        free = not self._busy and not signing_in
        demo = self._demo is not None
        self.server_combo.setEnabled(free and not demo)
        self.server_detail_edit.setEnabled(free and not demo)
        self.key_edit.setReadOnly(demo)
        self.key_edit.setEnabled(free)
        self.sign_in_button.setEnabled(free)
        self.sign_in_button.setText(self.tr("S&ign in again") if self._session is not None
                                    else self.tr("S&ign in"))
        self.forget_button.setVisible(not demo)
        self.forget_button.setEnabled(free and self._key_stored)
        # Once signed in, the way to a key is in the Help menu: a more compact account box.
        self.key_link.setVisible(self._session is None and not demo)
        self.workspace_combo.setEnabled(free and self.workspace_combo.count() > 0)
