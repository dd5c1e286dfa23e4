"""Connection: server + key → a client with one pacer; the key never shows in repr."""

from __future__ import annotations

import threading

from core.connection import Connection
from core.limits import WaitInfo
from tests.core.fakes import API_KEY, LOCAL


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

