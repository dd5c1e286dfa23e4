"""A signed-in session, and where API keys are kept: the OS keyring, or this run's memory.

Every keyring problem becomes a sentence for the window's key status line; nothing here
ever writes a key anywhere but the keyring (never to settings, logs or plain files).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from core.credentials import CredentialStore
from core.errors import CredentialError
from gui.widgets import Tone
from gui.wording import error_line

if TYPE_CHECKING:  # loaded with the first sign-in, not at start
    from core.connection import Connection

log = logging.getLogger(__name__)

Note = tuple[str, Tone]  # a line for the key status label
NO_NOTE: Note = ("", Tone.PLAIN)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_tr


def _error_note(exc: CredentialError) -> Note:
    return error_line(exc), Tone.WARNING


@dataclass(frozen=True)
class Session:
    """A working sign-in: where, with which key, and who the key belongs to."""

    connection: Connection
    user: dict[str, Any]

    @property
    def settings(self) -> dict[str, Any]:
        value = self.user.get("settings")
        return value if isinstance(value, dict) else {}

    @property
    def time_zone(self) -> str:
        return str(self.settings.get("timeZone") or "UTC")

    @property
    def week_start(self) -> str:
        return str(self.settings.get("weekStart") or "MONDAY")


class KeyKeeper:
    """API keys per server: in the keyring when there is one, always in memory for this run.

    `credentials` None means "never touch the keyring" (demo mode).
    """

    def __init__(self, credentials: CredentialStore | None) -> None:
        self._credentials = credentials
        self._memory: dict[str, str] = {}  # server key -> API key, this run only

    def startup_note(self) -> Note:
        if self._credentials is None:
            return _tr("Demo mode: the demo key is used and nothing is stored."), Tone.INFO
        if not self._available():
            return (_tr("No system keyring was found, so your API key is kept only until "
                        "you quit."), Tone.WARNING)
        return NO_NOTE

    def known(self, server_key: str) -> tuple[str, Note]:
        """The key known for a server ("" when none) and what to tell the user."""
        if server_key in self._memory:
            return self._memory[server_key], NO_NOTE
        if self._credentials is None:
            return "", NO_NOTE
        try:
            return self._credentials.get(server_key) or "", NO_NOTE
        except CredentialError as exc:
            return "", _error_note(exc)

    def remember(self, server_key: str, api_key: str) -> Note:
        """Keep a key that worked; say where it is kept."""
        self._memory[server_key] = api_key
        if self._credentials is None:
            return self.startup_note()
        try:
            self._credentials.set(server_key, api_key)
        except CredentialError as exc:
            return _error_note(exc)
        return (_tr("Your API key is stored in the system keyring ({backend}).").format(
            backend=self._backend_name()), Tone.PLAIN)

    def forget(self, server_key: str) -> Note:
        self._memory.pop(server_key, None)
        if self._credentials is None:
            return NO_NOTE
        try:
            self._credentials.delete(server_key)
        except CredentialError as exc:
            return _error_note(exc)
        return NO_NOTE

    def _available(self) -> bool:
        assert self._credentials is not None
        try:
            return self._credentials.available()
        except Exception:  # a broken backend must not break the window
            log.warning("the keyring backend could not be checked", exc_info=True)
            return False

    def _backend_name(self) -> str:
        assert self._credentials is not None
        try:
            return self._credentials.backend_name()
        except Exception:
            return _tr("unknown")
