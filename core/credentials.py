"""The one wrapper over `keyring`: the API key lives in the OS keyring or only in memory.

One service name, one entry per account (server + label). Missing, locked or absent
backends (headless Linux ends up with `keyring.backends.fail`) become one `CredentialError`
with a sentence the user can act on; callers then keep the key for this run only. There is
never a plaintext fallback.
"""

from __future__ import annotations

import logging
from types import ModuleType
from typing import TYPE_CHECKING

from core.errors import AuthenticationError, CredentialError, KeyringAction, KeyringProblem

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "clockify-report-exporter"
_NOT_REAL = ("keyring.backends.fail", "keyring.backends.null")


def _keyring() -> ModuleType:
    """keyring, imported on first use: its import scans entry points (~0.1 s), which the
    window should not pay before it first shows."""
    import keyring
    import keyring.errors

    return keyring


def check_api_key(key: str, source: str = "The API key") -> str:
    """`key` if it can be an API key at all, else an error that says what is wrong, at once.

    A key is sent in an HTTP header, so it is plain printable ASCII without spaces (a
    Clockify key is 48 letters and digits). A line break, a space or a non-ASCII character
    (a typographic quote, a letter pasted from elsewhere) would otherwise fail deep in the
    HTTP stack, where it looks like a network problem. The message never contains the key.
    `source` says where it came from ("The API key in CLOCKIFY_API_KEY").
    """
    for char in key:
        if " " < char <= "~":
            continue
        if char in "\r\n":
            what = "a line break"
        elif char.isspace():
            what = "a space"
        elif char < " " or char == "\x7f":
            what = "a control character"
        else:
            what = "a character that is not plain ASCII (a typographic quote, an accent…)"
        raise AuthenticationError(
            f"{source} contains {what}, so it cannot be an API key.",
            "Copy the key again from Clockify → Profile settings → API: it is one line of "
            "letters and digits.")
    if not key:
        raise AuthenticationError(f"{source} is empty.",
                                  "Copy the key from Clockify → Profile settings → API.")
    return key


def _account(server_key: str, label: str) -> str:
    return f"{server_key}|{label}"


class CredentialStore:
    """Get, store and forget API keys in the OS keyring."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @staticmethod
    def _backend() -> KeyringBackend:
        backend: KeyringBackend = _keyring().get_keyring()
        return backend

    def backend_name(self) -> str:
        backend = self._backend()
        return str(getattr(backend, "name", type(backend).__name__))

    def available(self) -> bool:
        """Whether a real keyring backend is there (not the fail/null stand-ins)."""
        backend = self._backend()
        backends = getattr(backend, "backends", None)
        if backends is not None:  # the chainer: real only if it chains something real
            return any(type(b).__module__ not in _NOT_REAL for b in backends)
        return type(backend).__module__ not in _NOT_REAL

    def get(self, server_key: str, label: str = "default") -> str | None:
        """The stored key, or None when there is none (not an error)."""
        if not self.available():
            return None
        keyring = _keyring()
        try:
            key: str | None = keyring.get_password(self.service, _account(server_key, label))
        except keyring.errors.KeyringError as exc:
            raise self._error(exc, KeyringAction.READ) from None
        return key

    def set(self, server_key: str, api_key: str, label: str = "default") -> None:
        if not self.available():
            raise self._unavailable()
        keyring = _keyring()
        try:
            keyring.set_password(self.service, _account(server_key, label), api_key)
        except keyring.errors.KeyringError as exc:
            raise self._error(exc, KeyringAction.STORE) from None

    def delete(self, server_key: str, label: str = "default") -> None:
        """Forget the key; forgetting a key that is not there is fine."""
        if not self.available():
            return
        keyring = _keyring()
        try:
            keyring.delete_password(self.service, _account(server_key, label))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise self._error(exc, KeyringAction.DELETE) from None

    def _unavailable(self) -> CredentialError:
        return CredentialError(
            "No system keyring is available on this computer, so the API key cannot be "
            "remembered.",
            "The key is kept for this session only. On Linux, install and unlock a Secret "
            "Service keyring (e.g. GNOME Keyring or KWallet) to have it remembered.",
            reason=KeyringProblem.UNAVAILABLE,
        )

    def _error(self, exc: Exception, action: KeyringAction) -> CredentialError:
        # The exception text comes from the backend and never contains the secret.
        errors = _keyring().errors
        log.warning("keyring %s failed: %s", action, type(exc).__name__)
        if isinstance(exc, errors.KeyringLocked):
            return CredentialError(
                "The system keyring is locked.",
                "Unlock your keyring (password manager) and try again; until then the key "
                "is kept for this session only.",
                reason=KeyringProblem.LOCKED, action=action,
            )
        if isinstance(exc, errors.NoKeyringError):
            return self._unavailable()
        return CredentialError(
            f"The system keyring could not {action} the API key ({type(exc).__name__}).",
            "The key is kept for this session only.",
            details=str(exc), reason=KeyringProblem.FAILED, action=action,
        )
