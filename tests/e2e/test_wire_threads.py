"""Several threads share one client over real loopback HTTP: each gets its own answer, the
in-flight ceiling holds, a 429 slows the others down, and close() ends every session."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from core.client import ClockifyClient, RetryPolicy
from core.demo import DemoServer
from core.errors import RateLimitError
from core.ratelimit import Pacer, RateLimits
from core.servers import custom_server
from tests.e2e.conftest import make_client
from tests.e2e.wire_server import Handler, WireServer

KEY = "wire-test-key-0123456789abcdef"


def run_together(target: Callable[..., None], n: int, *args: Any) -> None:
    """`n` threads run `target(i, *args)` at once; returns when all have ended."""
    threads = [threading.Thread(target=target, args=(i, *args)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def echo_after_a_moment(h: Handler) -> None:
    time.sleep(0.05)  # long enough for requests to overlap
    h.send(200, json.dumps({"echo": json.loads(h.body)}).encode())


def test_threads_get_their_own_answers_within_the_in_flight_ceiling() -> None:
    results: dict[int, Any] = {}
    lock = threading.Lock()
    with WireServer(echo_after_a_moment) as srv:
        client = ClockifyClient(custom_server(srv.url), KEY,
                                limits=RateLimits(per_window=1000, max_in_flight=3))

        def fetch(n: int) -> None:
            for page in range(5):
                data = client.report("ws", "reports/detailed", {"n": n, "page": page})
                with lock:
                    results[n * 100 + page] = data["echo"]

        run_together(fetch, 8)
        client.close()
    assert len(results) == 40
    assert all(v == {"n": k // 100, "page": k % 100} for k, v in results.items())
    assert 2 <= srv.most_in_flight <= 3
    assert all(s.headers["X-Api-Key"] == KEY for s in srv.seen)


def test_threads_against_the_demo_server_see_what_one_thread_sees(demo: DemoServer) -> None:
    client = make_client(demo)
    workspace = demo.paid_workspace_id
    kinds = ("projects", "clients", "users", "tags")
    expected = [client.list_all(workspace, what) for what in kinds]
    seen: list[list[list[dict[str, Any]]]] = []
    lock = threading.Lock()

    def lists(_n: int) -> None:
        got = [client.list_all(workspace, what) for what in kinds]
        with lock:
            seen.append(got)

    run_together(lists, 6)
    client.close()
    assert seen == [expected] * 6


def test_a_rate_limit_beyond_max_wait_fails_every_thread_cleanly() -> None:
    with WireServer(lambda h: h.send(429, b"", {"Retry-After": "100"})) as srv:
        client = ClockifyClient(custom_server(srv.url), KEY, pacer=Pacer(max_wait=1),
                                retry=RetryPolicy(base_delay=0.01))
        errors: list[BaseException] = []

        def one(_n: int) -> None:
            try:
                client.current_user()
            except RateLimitError as exc:
                errors.append(exc)

        run_together(one, 5)
    assert len(errors) == 5
    assert len(srv.seen) == 5
