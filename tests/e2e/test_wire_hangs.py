"""No hang: a silent or trickling server is given up on at the request's deadline, and cancel
closes the connection of a request blocked in a read — over real loopback HTTP.

The deadlines here are short and the read timeouts long: if the deadline or the cancel did
not cut the read, the call would end a minute later by a read timeout with another error,
so the assertions are on outcomes, not on times (benchmarks/bench_transport.py times them)."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.client import ClockifyClient, RetryPolicy, Timeouts
from core.errors import CancelledError, NetworkError
from core.ratelimit import Pacer
from core.servers import custom_server
from core.sinks import FileSink
from tests.e2e.wire_server import Handler, WireServer

KEY = "wire-test-key-0123456789abcdef"
PATIENT = 60.0  # read timeout and deadline a cancelled request must not have waited for


def trickle(h: Handler) -> None:
    """A 200 that promises 1,000 bytes and sends one every 0.2 s."""
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    h.wfile.write(b"[")
    while not h.server.wire.stopping.wait(0.2):
        h.wfile.write(b" ")
        h.wfile.flush()


def trickle_headers(h: Handler) -> None:
    """The status line and headers, one byte every 0.2 s."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 500:
        if h.server.wire.stopping.wait(0.2):
            return
        h.wfile.write(bytes([byte]))
        h.wfile.flush()


def client_for(srv: WireServer, *, deadline: float, cancel: threading.Event | None = None,
               attempts: int = 3) -> ClockifyClient:
    return ClockifyClient(
        custom_server(srv.url), KEY, pacer=Pacer(cancel),
        retry=RetryPolicy(attempts=attempts, base_delay=0.01, max_delay=0.02),
        timeouts=Timeouts(connect=5, read=PATIENT, deadline=deadline,
                          download_deadline=deadline))


@pytest.fixture(autouse=True)
def no_watcher_left() -> Iterator[None]:
    yield
    for thread in threading.enumerate():
        if thread.name == "http-watcher":
            thread.join(5)  # it ends once no request is in flight
            assert not thread.is_alive()


@pytest.mark.parametrize("respond", [Handler.hold, trickle, trickle_headers],
                         ids=["never-answers", "trickles-the-body", "trickles-the-headers"])
def test_the_deadline_ends_a_silent_or_trickling_answer(
        respond: Callable[[Handler], None]) -> None:
    with WireServer(respond) as srv, pytest.raises(NetworkError) as info:
        client_for(srv, deadline=1.0).current_user()
    assert "within 1 s" in info.value.message  # the deadline, not a read timeout
    assert len(srv.seen) >= 1


def test_the_deadline_covers_all_attempts_of_a_call() -> None:
    # Each attempt is cut by the deadline; a call does not start afresh after a failure.
    with WireServer(Handler.hold) as srv, pytest.raises(NetworkError, match="within 1 s"):
        client_for(srv, deadline=1.0, attempts=6).current_user()
    assert len(srv.seen) == 1


def test_a_download_trickle_is_given_up_on(tmp_path: Path) -> None:
    with WireServer(trickle) as srv, pytest.raises(NetworkError, match="within 1 s"):
        client_for(srv, deadline=1.0).download(
            "ws", "reports/detailed", {}, FileSink(io.BytesIO(), tmp_path / "r.csv"))


@pytest.mark.parametrize("respond", [Handler.hold, trickle, trickle_headers],
                         ids=["never-answers", "trickles-the-body", "trickles-the-headers"])
def test_cancel_closes_a_blocked_read(respond: Callable[[Handler], None]) -> None:
    cancel = threading.Event()
    with WireServer(respond) as srv:
        client = client_for(srv, deadline=PATIENT, cancel=cancel)

        def cancel_once_it_waits() -> None:
            srv.arrived.wait(10)
            time.sleep(0.3)  # the client is now blocked in its read
            cancel.set()

        helper = threading.Thread(target=cancel_once_it_waits)
        helper.start()
        with pytest.raises(CancelledError):  # not the read timeout's NetworkError
            client.current_user()
        helper.join()
    assert len(srv.seen) == 1  # cancelled, not retried


def test_cancel_while_downloading_from_a_trickle(tmp_path: Path) -> None:
    cancel = threading.Event()
    with WireServer(trickle) as srv:
        threading.Timer(0.5, cancel.set).start()
        with pytest.raises(CancelledError):
            client_for(srv, deadline=PATIENT, cancel=cancel).download(
                "ws", "reports/detailed", {}, FileSink(io.BytesIO(), tmp_path / "r.csv"))


@pytest.fixture
def unanswered_connect() -> Iterator[str]:
    """The root URL of a port whose connects are never answered: a listener that never
    accepts, with its queue already full, drops further SYNs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    root = f"http://127.0.0.1:{listener.getsockname()[1]}"
    queued = []
    for _ in range(3):  # fill the queue (Linux takes backlog + 1)
        probe = socket.socket()
        probe.setblocking(False)
        probe.connect_ex(listener.getsockname())
        queued.append(probe)
    probe = socket.socket()
    probe.settimeout(0.5)
    try:
        probe.connect(listener.getsockname())
        pytest.skip("this system answers connects to a full queue")
    except TimeoutError:
        pass
    finally:
        probe.close()
    yield root
    for s in [*queued, listener]:
        s.close()


# Without the sliced connect the call would end only at the connect timeout (and then as
# cancelled, too): what fails it then is this limit on the test's run, not an assertion.
@pytest.mark.timeout(PATIENT / 3)
def test_cancel_leaves_a_connect_that_is_never_answered(unanswered_connect: str) -> None:
    cancel = threading.Event()
    client = ClockifyClient(custom_server(unanswered_connect), KEY, pacer=Pacer(cancel),
                            timeouts=Timeouts(connect=PATIENT, deadline=PATIENT))
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(CancelledError):  # not a connect timeout's NetworkError a minute later
        client.current_user()


def test_the_deadline_bounds_a_connect_that_is_never_answered(unanswered_connect: str
                                                              ) -> None:
    client = ClockifyClient(custom_server(unanswered_connect), KEY,
                            retry=RetryPolicy(attempts=3, base_delay=0.01),
                            timeouts=Timeouts(connect=PATIENT, deadline=1.0))
    with pytest.raises(NetworkError, match="within 1 s"):
        client.current_user()
