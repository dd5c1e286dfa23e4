"""Connection: server + key → a client with one pacer; the key never shows in repr; the
process's record of request starts per workspace."""

from __future__ import annotations

import threading

import pytest
import responses

from core.connection import Connection, RequestStarts
from core.limits import QUOTA_WINDOW_SECONDS, WaitInfo
from tests.core.fakes import API_KEY, LOCAL, FakeClock


def test_the_key_is_not_in_repr() -> None:
    connection = Connection(LOCAL, API_KEY)
    assert API_KEY not in repr(connection) and API_KEY not in str(connection)
    assert LOCAL.label in repr(connection)


def test_client_gets_one_pacer_with_the_cancel_max_wait_and_listener() -> None:
    cancel = threading.Event()
    waits: list[WaitInfo] = []
    client = Connection(LOCAL, API_KEY).client(cancel, on_wait=waits.append, max_wait=7)
    try:
        assert client.server == LOCAL
        assert client.pacer.cancel is cancel and client.pacer.max_wait == 7
        client.pacer.wait(0.01, "retry")
        assert waits and waits[0].reason == "retry"
    finally:
        client.close()



def test_request_starts_are_kept_an_hour_and_heard_while_listening() -> None:
    clock = FakeClock()
    starts = RequestStarts(clock)
    heard: list[str] = []
    starts.record("ws1")
    clock.now += 100
    with starts.listening(heard.append):
        starts.record("ws1")
        starts.record("ws2")
    starts.record("ws1")  # no longer listening
    assert heard == ["ws1", "ws2"]
    assert starts.ages("ws1") == (100, 0, 0) and starts.ages("ws2") == (0,)
    clock.now += QUOTA_WINDOW_SECONDS - 50
    assert starts.ages("ws1") == (QUOTA_WINDOW_SECONDS - 50,) * 2  # the first is out
    assert starts.ages("nowhere") == ()


@responses.activate
def test_clients_of_a_connection_record_their_workspace_requests(
        monkeypatch: pytest.MonkeyPatch) -> None:
    starts = RequestStarts()
    monkeypatch.setattr("core.connection.STARTS", starts)
    base = LOCAL.api_base
    responses.get(f"{base}/workspaces/ws1/projects", json=[])
    responses.get(f"{base}/user", json={"id": "u1"})
    client = Connection(LOCAL, API_KEY).client()
    try:
        client.projects("ws1")
        client.current_user()  # not a workspace's request: Clockify's limits are per workspace
    finally:
        client.close()
    assert len(starts.ages("ws1")) == 1 and starts.ages("") == ()
