"""The API key goes only where the user pointed: over real loopback HTTP, a hostile server's
redirects and URL tricks never bring the key (or any request) to a second server."""

from __future__ import annotations

import json
import socket

import pytest

from core.client import ClockifyClient, RetryPolicy
from core.errors import AuthenticationError, ServerConfigError
from core.servers import custom_server
from tests.e2e.wire_server import Handler, WireServer

KEY = "wire-test-key-0123456789abcdef"
NO_RETRY = RetryPolicy(attempts=1)


def ok(h: Handler) -> None:
    h.send(200, json.dumps({"id": "u1"}).encode())


def client_for(srv: WireServer, key: str = KEY) -> ClockifyClient:
    return ClockifyClient(custom_server(srv.url), key, retry=NO_RETRY)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("other_host", ["127.0.0.1", "127.0.0.2"])
def test_a_redirect_never_reaches_the_other_server(status: int, other_host: str) -> None:
    with WireServer(ok, host=other_host) as other:
        def redirect(h: Handler) -> None:
            h.send(status, b"", {"Location": f"{other.url}/api/v1/user"})

        with WireServer(redirect) as first, pytest.raises(ServerConfigError) as info:
            client_for(first).current_user()
    assert other.seen == []  # neither the key nor any request
    assert len(first.seen) == 1 and first.seen[0].headers["X-Api-Key"] == KEY
    assert "redirect" in info.value.message and other_host in info.value.message
    assert first.url.removeprefix("http://") in info.value.message  # names the server
    assert KEY not in str(info.value)


def test_a_redirect_to_the_same_server_is_not_followed_either() -> None:
    def redirect(h: Handler) -> None:
        if h.path.endswith("/user"):
            h.send(307, b"", {"Location": "/api/v1/elsewhere"})
        else:
            ok(h)

    with WireServer(redirect) as srv, pytest.raises(ServerConfigError, match="redirect"):
        client_for(srv).current_user()
    assert [s.path for s in srv.seen] == ["/api/v1/user"]


def test_a_redirect_is_not_retried_as_a_failure() -> None:
    def redirect(h: Handler) -> None:
        h.send(302, b"", {"Location": "https://example.com/"})

    with WireServer(redirect) as srv:
        client = ClockifyClient(custom_server(srv.url), KEY, retry=RetryPolicy(attempts=4))
        with pytest.raises(ServerConfigError):
            client.current_user()
    assert len(srv.seen) == 1


def test_a_url_outside_the_server_is_refused_before_connecting() -> None:
    with WireServer(ok, host="127.0.0.2") as other, WireServer(ok) as mine:
        client = client_for(mine)
        for url in (f"{other.url}/api/v1/user",
                    f"http://127.0.0.1:{other.port}/api/v1/user",  # same host, other port
                    f"{mine.url}\\@127.0.0.2:{other.port}/api/v1/user"):
            with pytest.raises(ServerConfigError, match="Refusing to send the API key"):
                client.get_json(url)
        assert client.current_user() == {"id": "u1"}
    assert other.seen == []
    assert len(mine.seen) == 1


@pytest.mark.parametrize("trick", [
    "http://127.0.0.2:{port}\\@localhost",
    "http://127.0.0.2:{port}\\@127.0.0.1",
    "http://localhost@127.0.0.2:{port}",
    "http://127.0.0.2:{port}#@localhost",
    "http://127.0.0.2:{port}?@localhost",
])
def test_url_tricks_are_refused_and_the_other_server_sees_nothing(trick: str) -> None:
    with WireServer(ok, host="127.0.0.2") as other, pytest.raises(ServerConfigError):
        ClockifyClient(custom_server(trick.format(port=other.port)), KEY).current_user()
    assert other.seen == []


@pytest.mark.parametrize("key", [f"{KEY}\n", f"{KEY}\r\nX-Evil: 1", f"{KEY} x", "ключ" + KEY,
                                 f"{KEY}\x00", "", "é" * 10])
def test_an_impossible_key_is_refused_at_once_without_a_request(key: str) -> None:
    with WireServer(ok) as srv, pytest.raises(AuthenticationError) as info:
        client_for(srv, key).current_user()
    assert srv.seen == []
    assert "API key" in info.value.message
    if key:
        assert key not in str(info.value)


def test_plain_http_to_this_computer_never_goes_through_an_environment_proxy(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with WireServer(ok, host="127.0.0.2") as proxy, WireServer(ok) as srv:
        for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.setenv(name, proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        assert client_for(srv).current_user() == {"id": "u1"}
    assert proxy.seen == []
    assert len(srv.seen) == 1


def lan_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # UDP: picks a route, sends nothing
            address: str = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


@pytest.mark.skipif(lan_address() is None, reason="this machine has no non-loopback address")
def test_a_server_on_a_non_loopback_address_never_sees_the_key() -> None:
    host = lan_address()
    assert host is not None
    with WireServer(ok, host=host) as lan:
        def redirect(h: Handler) -> None:
            h.send(307, b"", {"Location": f"{lan.url}/api/v1/user"})

        with WireServer(redirect) as first, pytest.raises(ServerConfigError):
            client_for(first).current_user()
        for trick in (f"{lan.url}\\@localhost", f"http://localhost@{host}:{lan.port}",
                      lan.url):
            with pytest.raises(ServerConfigError):
                ClockifyClient(custom_server(trick), KEY).current_user()
    assert lan.seen == []
