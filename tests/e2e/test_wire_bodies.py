"""Odd, endless or hostile answers over real loopback HTTP: each becomes a clear error (or is
handled), never a crash, a hang or a memory blow-up — and what cannot improve is not retried."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

import core.paging
from core.client import ClockifyClient, RetryPolicy
from core.errors import IncompleteError, NetworkError, RateLimitError, RequestRejectedError
from core.limits import WaitInfo
from core.ratelimit import Pacer
from core.servers import custom_server
from core.wire import JSON_LIMIT
from tests.e2e.wire_server import Handler, WireServer

KEY = "wire-test-key-0123456789abcdef"
WS = "ws1"
REPORT = "reports/detailed"


def client_for(srv: WireServer, **pacer: Any) -> ClockifyClient:
    return ClockifyClient(custom_server(srv.url), KEY, pacer=Pacer(**pacer),
                          retry=RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02))


def always(status: int, body: bytes, headers: dict[str, str] | None = None
           ) -> Callable[[Handler], None]:
    return lambda h: h.send(status, body, headers)


Answer = tuple[int, bytes, dict[str, str] | None]


def in_turn(*answers: Answer) -> Callable[[Handler], None]:
    """Each request gets the next answer."""
    left = iter(answers)

    def respond(h: Handler) -> None:
        status, body, headers = next(left)
        h.send(status, body, headers)

    return respond


# ---- bodies JSON does not allow, or nobody could use ---------------------------------------


@pytest.mark.parametrize(("body", "why"), [
    (b'{"timeentries": [{"duration": NaN}]}', "NaN or Infinity"),
    (b'{"timeentries": [], "totals": [{"totalTime": Infinity}]}', "NaN or Infinity"),
    (b'{"totals": [{"totalTime": -Infinity}]}', "NaN or Infinity"),
    (b"[" * 200_000 + b"]" * 200_000, "nested"),
])
def test_a_body_json_forbids_is_a_clear_error_asked_once(body: bytes, why: str) -> None:
    with WireServer(always(200, body)) as srv, pytest.raises(NetworkError) as info:
        client_for(srv).report(WS, REPORT, {})
    assert why in info.value.message and "cannot be used" in info.value.message
    assert len(srv.seen) == 1


def test_a_lone_surrogate_becomes_a_replacement_character() -> None:
    body = (b'{"timeentries": [{"description": "a\\ud800b", "tags": ["\\udc00"]}],'
            b' "x": "\\ud83d\\ude00"}')
    with WireServer(always(200, body)) as srv:
        data = client_for(srv).report(WS, REPORT, {})
    assert data["timeentries"][0]["description"] == "a\ufffdb"
    assert data["timeentries"][0]["tags"] == ["\ufffd"]
    assert data["x"] == "\U0001f600"  # a proper pair stays what it is
    json.dumps(data).encode("utf-8")  # writable as UTF-8


def test_clockifys_error_with_http_200_is_an_error_not_a_report() -> None:
    text = "Please select date range of exactly 7 days for weekly report"
    body = json.dumps({"code": 501, "message": text}).encode()
    with WireServer(always(200, body)) as srv, pytest.raises(RequestRejectedError) as info:
        client_for(srv).report(WS, "reports/weekly", {})
    assert text in info.value.message
    assert info.value.code == 501
    assert len(srv.seen) == 1


def test_a_report_that_merely_has_a_message_is_still_a_report() -> None:
    body = json.dumps({"code": 1, "message": "x", "timeentries": []}).encode()
    with WireServer(always(200, body)) as srv:
        assert client_for(srv).report(WS, REPORT, {})["timeentries"] == []


# ---- unbounded answers ---------------------------------------------------------------------


def endless(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = b" " * (1 << 20)
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    h.wfile.write(b"1\r\n[\r\n")
    while not h.server.wire.stopping.is_set():
        h.wfile.write(frame)


def test_an_endless_body_stops_at_the_cap() -> None:
    with WireServer(endless) as srv, pytest.raises(NetworkError) as info:
        client_for(srv).report(WS, REPORT, {})
    assert f"larger than {JSON_LIMIT >> 20} MiB" in info.value.message
    assert len(srv.seen) == 1


def test_a_declared_huge_body_is_refused_before_reading() -> None:
    def huge(h: Handler) -> None:
        h.send(200, b"[]", {"Content-Length": str(10 << 30)})

    with WireServer(huge) as srv, pytest.raises(NetworkError, match="larger than"):
        client_for(srv).report(WS, REPORT, {})


def test_a_list_that_never_ends_fails_after_the_page_cap(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(core.paging, "MAX_LIST_PAGES", 5)

    def more(h: Handler) -> None:
        page = h.path.split("page=")[1].split("&")[0]
        h.send(200, json.dumps([{"id": f"p{page}"}]).encode(), {"Last-Page": "false"})

    with WireServer(more) as srv, pytest.raises(IncompleteError) as info:
        client_for(srv).projects(WS)
    assert info.value.message == ("Clockify's list of projects did not end after 5 pages, so "
                                  "it was not read.")
    assert "range" not in info.value.hint
    assert len(srv.seen) == 5


def test_a_list_that_ignores_the_page_fails_at_the_repeat() -> None:
    srv = WireServer(always(200, b'[{"id": "p1"}]', {"Last-Page": "false"}))
    with srv, pytest.raises(IncompleteError, match="again instead of new tags"):
        client_for(srv).tags(WS)
    assert len(srv.seen) == 2


# ---- Retry-After values nobody should send --------------------------------------------------


def far_future() -> str:
    return format_datetime(datetime(9999, 12, 31, tzinfo=UTC), usegmt=True)


@pytest.mark.parametrize("value", ["inf", "1e12", "99999999999999999999", "Infinity",
                                   "far-future-date"])
def test_an_absurd_retry_after_with_max_wait_fails_at_once(value: str) -> None:
    value = far_future() if value == "far-future-date" else value
    waits: list[WaitInfo] = []
    srv = WireServer(always(429, b"", {"Retry-After": value}))
    with srv, pytest.raises(RateLimitError, match="longer than the 5 s allowed"):
        client_for(srv, max_wait=5, on_wait=waits.append).current_user()
    assert len(srv.seen) == 1 and waits == []


@pytest.mark.parametrize("value", ["nan", "-5", "-inf", "soon", "Wed, 99 Foo 2026 99:99:99",
                                   "0"])
def test_a_meaningless_retry_after_is_ignored_and_the_request_retried(value: str) -> None:
    respond = in_turn((429, b"", {"Retry-After": value}), (200, b'{"id": "u1"}', None))
    with WireServer(respond) as srv:
        client = ClockifyClient(custom_server(srv.url), KEY, pacer=Pacer(max_wait=5),
                                retry=RetryPolicy(base_delay=0.01, max_delay=0.02))
        assert client.current_user() == {"id": "u1"}
    assert len(srv.seen) == 2


# ---- max_wait covers every request, and every wait is reported --------------------------------


@pytest.mark.parametrize("call", [
    lambda c: c.current_user(),
    lambda c: c.workspaces(),
    lambda c: c.projects(WS),
    lambda c: c.list_all(WS, "user-groups"),
    lambda c: c.get_json(f"{c.server.api_base}/workspaces/{WS}", workspace_id=WS),
    lambda c: c.report(WS, REPORT, {}),
], ids=["user", "workspaces", "projects", "user-groups", "workspace", "report"])
def test_max_wait_holds_for_every_kind_of_request(call: Callable[[ClockifyClient], Any]
                                                  ) -> None:
    srv = WireServer(always(429, b"", {"Retry-After": "200"}))
    with srv, pytest.raises(RateLimitError):
        call(client_for(srv, max_wait=5))
    assert len(srv.seen) == 1


def test_each_wait_is_reported() -> None:
    respond = in_turn((429, b"", {"Retry-After": "1"}), (503, b"", None),
                      (200, b'{"id": "u1"}', None))
    waits: list[WaitInfo] = []
    with WireServer(respond) as srv:
        client_for(srv, on_wait=waits.append).current_user()
    assert {w.reason for w in waits} == {"rate-limit", "retry"}


def test_a_date_retry_after_is_honoured() -> None:
    when = datetime.now(UTC) + timedelta(seconds=2)
    respond = in_turn((429, b"", {"Retry-After": format_datetime(when, usegmt=True)}),
                      (200, b'{"id": "u1"}', None))
    waits: list[WaitInfo] = []
    with WireServer(respond) as srv:
        assert client_for(srv, on_wait=waits.append).current_user() == {"id": "u1"}
    assert waits and waits[0].reason == "rate-limit" and waits[0].seconds_left <= 2
