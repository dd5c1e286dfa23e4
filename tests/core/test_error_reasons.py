"""Errors with several causes say which, with the values a front end's sentence needs; core's
English sentence stays as the command line prints it, and everything survives a pickle."""

from __future__ import annotations

import pickle
from typing import Any

import keyring
import keyring.backends.fail
import pytest
import requests
from keyring.errors import KeyringError, KeyringLocked, PasswordSetError

from core.answers import redirect_error
from core.credentials import CredentialStore
from core.errors import (
    CredentialError,
    ExporterError,
    KeyringAction,
    KeyringProblem,
    PlanLimitError,
    PlanProblem,
    ServerConfigError,
    ServerProblem,
)
from core.export import _free_format_error
from core.reports import ExportFormat
from core.servers import custom_server, global_server, make_server, subdomain_server
from tests.core.test_credentials import RaisingKeyring


@pytest.mark.parametrize(("typed", "reason", "fields"), [
    ("clockify.example.com", ServerProblem.NOT_AN_ADDRESS,
     {"address": "clockify.example.com"}),
    ("", ServerProblem.NOT_AN_ADDRESS, {"address": ""}),
    ("https://a b.com", ServerProblem.UNSAFE_CHARACTERS, {"address": "https://a b.com"}),
    ("https://x.com/\x1b[2J", ServerProblem.UNSAFE_CHARACTERS,
     {"address": "https://x.com/\\x1b[2J"}),  # a control character, escaped
    ("https://host:70000", ServerProblem.BAD_HOST_OR_PORT, {"address": "https://host:70000"}),
    ("https://host:0", ServerProblem.PORT_RANGE, {"address": "https://host:0", "port": 0}),
    ("http://example.com", ServerProblem.PLAIN_HTTP, {"host": "example.com"}),
    ("https://example.com/?x=1\n", ServerProblem.QUERY_OR_FRAGMENT,
     {"address": "https://example.com/?x=1\\n"}),
])
def test_a_custom_address_says_what_is_wrong(typed: str, reason: ServerProblem,
                                             fields: dict[str, Any]) -> None:
    with pytest.raises(ServerConfigError) as info:
        custom_server(typed)
    assert info.value.reason is reason
    assert {name: getattr(info.value, name) for name in fields} == fields
    assert info.value.message and info.value.hint  # core's sentence, for the CLI and logs


def test_a_bad_subdomain_names_it() -> None:
    with pytest.raises(ServerConfigError) as info:
        subdomain_server("acme corp")
    assert (info.value.reason, info.value.address) == (ServerProblem.SUBDOMAIN, "acme corp")
    assert info.value.message == "'acme corp' is not a valid Clockify subdomain."


def test_a_redirect_names_the_server_and_where_it_pointed() -> None:
    resp = requests.Response()
    resp.status_code = 302
    resp.headers["Location"] = "https://elsewhere.example/login"
    error = redirect_error(global_server(), resp, "api.clockify.me/api/v1/user")
    assert (error.reason, error.host) == (ServerProblem.REDIRECT, "elsewhere.example")
    assert error.server_label == global_server().label
    assert "redirect to elsewhere.example" in error.message


def test_a_request_outside_the_server_names_the_host() -> None:
    server = custom_server("https://clockify.example.com")
    with pytest.raises(ServerConfigError) as info:
        server.check_url("https://other.example/api/v1/user")
    assert (info.value.reason, info.value.host) == (ServerProblem.OTHER_HOST, "other.example")
    assert info.value.server_label == server.label


@pytest.mark.parametrize(("error", "reason", "action"), [
    (KeyringLocked("locked"), KeyringProblem.LOCKED, KeyringAction.STORE),
    (PasswordSetError("no"), KeyringProblem.FAILED, KeyringAction.STORE),
])
def test_a_keyring_failure_says_why_and_what_was_asked(
        error: KeyringError, reason: KeyringProblem, action: KeyringAction) -> None:
    keyring.set_keyring(RaisingKeyring(error))
    with pytest.raises(CredentialError) as info:
        CredentialStore().set("global", "k")
    assert (info.value.reason, info.value.action) == (reason, action)


def test_a_failure_keeps_cores_sentence_with_the_action() -> None:
    keyring.set_keyring(RaisingKeyring(PasswordSetError("no")))
    with pytest.raises(CredentialError) as info:
        CredentialStore().get("global")
    assert info.value.action is KeyringAction.READ
    assert info.value.message == ("The system keyring could not read the API key "
                                  "(PasswordSetError).")


def test_no_keyring_is_unavailable() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(CredentialError) as info:
        CredentialStore().set("global", "k")
    assert (info.value.reason, info.value.action) == (KeyringProblem.UNAVAILABLE, None)


def test_a_free_plan_format_names_the_format() -> None:
    error = _free_format_error(ExportFormat.XLSX)
    assert (error.reason, error.export_format) == (PlanProblem.FREE_FORMAT, "xlsx")
    assert error.message == "Clockify does not export Excel (XLSX) on the Free plan."


@pytest.mark.parametrize("error", [
    ServerConfigError("bad", "fix", reason=ServerProblem.PORT_RANGE, address="https://h:0",
                      port=0, details="d"),
    ServerConfigError("redirect", reason=ServerProblem.REDIRECT, host="h",
                      server=make_server("region", "eu")),
    CredentialError("failed", "kept", reason=KeyringProblem.FAILED,
                    action=KeyringAction.DELETE, details="d"),
    PlanLimitError("no CSV", "hint", reason=PlanProblem.FREE_FORMAT, export_format="csv",
                   status=403, code=403, server_message="no", details="d"),
], ids=lambda e: f"{type(e).__name__}-{e.reason}")
def test_reasons_cross_as_a_pickle(error: ExporterError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and vars(copy) == vars(error)
