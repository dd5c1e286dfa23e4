"""A tiny loopback HTTP server whose every answer a test writes by hand, for the adversary
tests of the transport (hostile redirects, silence, trickles, endless or odd bodies)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # see core/demo/handler.py

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        wire = self.server.wire
        with wire.lock:
            wire.seen.append(Seen(self.command, self.path, dict(self.headers.items())))
            wire.in_flight += 1
            wire.most_in_flight = max(wire.most_in_flight, wire.in_flight)
        wire.arrived.set()
        self.done = False
        try:
            wire.respond(self)
        except OSError:  # the client hung up: that is what several tests want
            self.close_connection = True
        finally:
            self._done()

    def _done(self) -> None:
        if not self.done:
            self.done = True
            with self.server.wire.lock:
                self.server.wire.in_flight -= 1

    # ---- answers tests build from ----------------------------------------------------

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None
             ) -> None:
        self._done()  # counted as done before the client can see the answer
        self.send_response(status)
        headers = {"Content-Type": "application/json", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        if "Transfer-Encoding" not in headers and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def hold(self) -> None:
        """Accept and never answer (until the server stops)."""
        self.server.wire.stopping.wait()
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    wire: WireServer


class WireServer:
    """`respond(handler)` answers each request; `seen` records them (headers included)."""

    def __init__(self, respond: Callable[[Handler], None], host: str = "127.0.0.1") -> None:
        self.respond = respond
        self.lock = threading.Lock()
        self.seen: list[Seen] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.arrived = threading.Event()
        self.stopping = threading.Event()
        self._httpd = _Server((host, 0), Handler)
        self._httpd.wire = self
        self.host = host
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,),
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> WireServer:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
