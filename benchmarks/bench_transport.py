"""The transport's own costs and promises, measured (run by hand; medians of --runs).

    .venv/bin/python benchmarks/bench_transport.py [--runs 5]

1. JSON parse of a 1,000-entry detailed page: the standard library vs orjson (core.wire).
2. Cancel during a blocked read and during an unanswered TCP connect: time from cancel to
   CancelledError. Goal ≤ 1 s.
3. Deadline: a silent and a trickling server with a 2 s deadline. Goal: given up at ≈ 2 s.
4. The client's own cost per request (guard, limiter, watcher, strict JSON) against a bare
   `requests.Session` loop, on loopback with a tiny answer. Goal: well under a network's
   round trip (≥ 20 ms to Clockify).
5. Rate limiter: 200 report requests (50-entry pages, so that the in-process demo server's
   rendering is not what is timed) from 8 threads, 100 ms latency added, against the demo
   server enforcing 50 requests/s per workspace. Goal: zero 429s, within 1.25× of the
   limiter's own bound 200 ÷ 50 × 1.1 s (its window has 10 % slack).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.bodies import BodyParams, Page, build_body  # noqa: E402
from core.client import ClockifyClient, Timeouts  # noqa: E402
from core.demo import DemoConfig, DemoServer  # noqa: E402
from core.errors import CancelledError, NetworkError  # noqa: E402
from core.ratelimit import Pacer, RateLimits  # noqa: E402
from core.reports import ReportKind  # noqa: E402
from core.servers import Server, custom_server  # noqa: E402
from core.windows import DateWindow  # noqa: E402
from core.wire import parse_json  # noqa: E402

KEY = "bench-key-0123456789abcdef"
TODAY = date(2026, 11, 28)


def median_ms(f: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        f()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def detailed_body(page: int = 1) -> dict[str, Any]:
    return build_body(BodyParams(ReportKind.DETAILED, DateWindow(date(2026, 1, 1), TODAY),
                                 "UTC", page=Page(page, 1000)))


def bench_parse(runs: int) -> None:
    with DemoServer(DemoConfig(seed=3, entries_per_workspace=3000, months=12,
                               today=TODAY)) as srv:
        client = ClockifyClient(custom_server(srv.root_url), srv.api_key)
        page = client.report(srv.paid_workspace_id, "reports/detailed", detailed_body())
        client.close()
    raw = json.dumps(page).encode()
    n = len(page["timeentries"])
    std = median_ms(lambda: json.loads(raw), runs * 10)
    fast = median_ms(lambda: parse_json(raw), runs * 10)
    print(f"1. parse a {n:,}-entry page ({len(raw) / 1e6:.2f} MB): json {std:.1f} ms, "
          f"orjson via core.wire {fast:.1f} ms ({std / fast:.1f}x)")


class _Silent(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    stop = threading.Event()

    def do_GET(self) -> None:
        if self.path.endswith("/user"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "12")
            self.end_headers()
            self.wfile.write(b'{"id": "u1"}')
            return
        try:
            if self.path.endswith("trickle"):
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                while not self.stop.wait(0.5):
                    self.wfile.write(b" ")
                    self.wfile.flush()
            self.stop.wait()
        except OSError:  # the client gave up, as it should
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass


def bench_cancel_and_deadline(runs: int) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Silent)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = custom_server(f"http://127.0.0.1:{httpd.server_address[1]}")
    # A listener that never accepts, its queue full: connects to it are never answered.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    queued = [socket.create_connection(listener.getsockname())]
    unanswered = custom_server(f"http://127.0.0.1:{listener.getsockname()[1]}")
    try:
        for where, during in ((server, "a blocked read"), (unanswered, "an unanswered connect")):
            lags = []
            for _ in range(runs):
                cancel = threading.Event()
                client = ClockifyClient(where, KEY, pacer=Pacer(cancel))
                fired = set_later(cancel, 0.55)  # off the watcher's 0.1 s beat
                try:
                    client.get_json(f"{where.api_base}/silent")
                except CancelledError:
                    lags.append(time.monotonic() - fired[0])
                client.close()
            print(f"2. cancel during {during}: returned {statistics.median(lags):.2f} s after "
                  "cancel (median; goal ≤ 1 s)")
        for what in ("silent", "trickle"):
            spent = []
            for _ in range(runs):
                client = ClockifyClient(server, KEY, timeouts=Timeouts(deadline=2.0))
                started = time.monotonic()
                try:
                    client.get_json(f"{server.api_base}/{what}")
                except NetworkError:
                    spent.append(time.monotonic() - started)
                client.close()
            print(f"3. {what} server, 2 s deadline: given up after "
                  f"{statistics.median(spent):.2f} s (median; goal ≈ 2 s)")
        bench_overhead(server, runs)
    finally:
        _Silent.stop.set()
        httpd.shutdown()
        for s in [*queued, listener]:
            s.close()


def bench_overhead(server: Server, runs: int) -> None:
    url = f"{server.api_base}/user"
    client = ClockifyClient(server, KEY, limits=RateLimits(per_window=10**6))
    bare = requests.Session()
    ours = median_ms(lambda: [client.get_json(url) for _ in range(200)], runs) / 200
    plain = median_ms(lambda: [bare.get(url, headers={"X-Api-Key": KEY}).json()
                               for _ in range(200)], runs) / 200
    client.close()
    bare.close()
    print(f"4. per request on loopback: client {ours:.2f} ms, bare requests {plain:.2f} ms "
          f"({ours - plain:+.2f} ms; goal: well under a 20 ms round trip)")


def set_later(event: threading.Event, delay: float) -> list[float]:
    """Set `event` after `delay` seconds; the list gets the moment it was set."""
    fired: list[float] = []

    def fire() -> None:
        fired.append(time.monotonic())
        event.set()

    threading.Timer(delay, fire).start()
    return fired


def bench_limiter(runs: int) -> None:
    with DemoServer(DemoConfig(seed=3, entries_per_workspace=2000, months=6, today=TODAY,
                               paid_rps=50)) as srv:
        srv.faults.latency = 0.1  # a network's round trip: 8 threads could do 80/s
        spent, refused = [], []
        for _ in range(runs):
            first = len(srv.requests)
            client = ClockifyClient(custom_server(srv.root_url), srv.api_key)
            body = detailed_body()
            body["detailedFilter"]["pageSize"] = 50
            started = time.monotonic()
            threads = [threading.Thread(target=_requests, args=(client, srv.paid_workspace_id,
                                                                body, 25)) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            spent.append(time.monotonic() - started)
            refused.append(sum(1 for r in srv.requests[first:] if r.status == 429))
            client.close()
            time.sleep(1.2)  # let the server's window empty between runs
    bound = 200 / 50 * 1.1
    print(f"5. 200 requests, 8 threads, server enforcing 50/s: {statistics.median(spent):.2f} s "
          f"(bound {bound:.1f} s, goal ≤ {bound * 1.25:.1f} s), 429s: {max(refused)} (goal 0)")


def _requests(client: ClockifyClient, workspace: str, body: dict[str, Any], n: int) -> None:
    for _ in range(n):
        client.report(workspace, "reports/detailed", body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bench_parse(args.runs)
    bench_cancel_and_deadline(args.runs)
    bench_limiter(args.runs)


if __name__ == "__main__":
    main()
