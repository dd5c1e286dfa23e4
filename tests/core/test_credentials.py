"""The keyring wrapper: memory backend round trips, missing and locked keyrings."""

from __future__ import annotations

import logging
from typing import ClassVar

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordSetError

from core.credentials import SERVICE, CredentialStore
from core.errors import CredentialError
from tests.conftest import MemoryKeyring
from tests.core.fakes import API_KEY


class RaisingKeyring(KeyringBackend):
    """A backend whose every call fails with `error`."""

    priority = 1

    def __init__(self, error: KeyringError) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


def error_texts(err: CredentialError) -> list[str]:
    return [str(err), repr(err), err.message, err.hint, err.details]


def test_round_trip(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    assert store.available()
    assert store.get("global") is None
    store.set("global", API_KEY)
    assert store.get("global") == API_KEY
    # One entry under the app's service name, keyed by server (and label).
    assert memory_keyring.entries == {(SERVICE, "global|default"): API_KEY}
    store.delete("global")
    assert store.get("global") is None
    assert memory_keyring.entries == {}


def test_keys_are_separate_per_server_and_label() -> None:
    store = CredentialStore()
    store.set("global", "k-global")
    store.set("region:eu", "k-eu")
    store.set("region:eu", "k-eu-2", label="second")
    assert store.get("global") == "k-global"
    assert store.get("region:eu") == "k-eu"
    assert store.get("region:eu", "second") == "k-eu-2"
    store.delete("region:eu")
    assert store.get("region:eu") is None
    assert store.get("region:eu", "second") == "k-eu-2"


def test_set_overwrites() -> None:
    store = CredentialStore()
    store.set("global", "old")
    store.set("global", "new")
    assert store.get("global") == "new"


def test_delete_missing_entry_is_fine() -> None:
    CredentialStore().delete("subdomain:nobody")


def test_custom_service_name(memory_keyring: MemoryKeyring) -> None:
    CredentialStore("other-app").set("global", "k")
    assert ("other-app", "global|default") in memory_keyring.entries


def test_backend_name() -> None:
    assert CredentialStore().backend_name()


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring,
                                     keyring.backends.null.Keyring])
def test_no_real_keyring(backend: type[KeyringBackend]) -> None:
    keyring.set_keyring(backend())
    store = CredentialStore()
    assert store.available() is False
    assert store.get("global") is None
    with pytest.raises(CredentialError) as info:
        store.set("global", API_KEY)
    err = info.value
    assert "No system keyring" in err.message
    assert "this session only" in err.hint
    assert all(API_KEY not in text for text in error_texts(err))
    store.delete("global")  # nothing to forget: no error


@pytest.mark.parametrize("action", ["get", "set", "delete"])
def test_locked_keyring(action: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    keyring.set_keyring(RaisingKeyring(KeyringLocked("Failed to unlock the collection!")))
    store = CredentialStore()
    assert store.available()
    with pytest.raises(CredentialError) as info:
        if action == "get":
            store.get("global")
        elif action == "set":
            store.set("global", API_KEY)
        else:
            store.delete("global")
    err = info.value
    assert "locked" in err.message
    assert "Unlock" in err.hint
    assert all(API_KEY not in text for text in error_texts(err))
    assert all(API_KEY not in r.getMessage() for r in caplog.records)


def test_other_backend_failure_names_the_action() -> None:
    keyring.set_keyring(RaisingKeyring(PasswordSetError("DBus said no")))
    with pytest.raises(CredentialError) as info:
        CredentialStore().set("global", API_KEY)
    err = info.value
    assert "could not store" in err.message and "PasswordSetError" in err.message
    assert err.details == "DBus said no"
    assert all(API_KEY not in text for text in error_texts(err))


def test_no_keyring_error_from_backend_means_unavailable() -> None:
    keyring.set_keyring(RaisingKeyring(NoKeyringError("no backend")))
    with pytest.raises(CredentialError, match="No system keyring"):
        CredentialStore().get("global")


def test_credential_error_exit_code() -> None:
    from core.errors import EXIT_AUTH

    assert CredentialError("x").exit_code == EXIT_AUTH


def chainer_of(*chained: KeyringBackend) -> KeyringBackend:
    class Chain(keyring.backends.chainer.ChainerBackend):
        backends: ClassVar[list[KeyringBackend]] = list(chained)  # what it found here

    return Chain()


def test_chainer_is_real_only_if_it_chains_a_real_backend() -> None:
    assert not _available_with(chainer_of())
    assert not _available_with(chainer_of(keyring.backends.fail.Keyring()))
    assert _available_with(chainer_of(keyring.backends.fail.Keyring(), MemoryKeyring()))


def test_chainer_with_a_real_backend_round_trips() -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(chainer_of(memory))
    store = CredentialStore()
    store.set("global", API_KEY)
    assert store.get("global") == API_KEY
    assert memory.entries


def _available_with(backend: KeyringBackend) -> bool:
    keyring.set_keyring(backend)
    return CredentialStore().available()
