"""The HTTP request handler of the demo server: reads requests, writes (or breaks) answers."""

from __future__ import annotations

import json
import logging
import socket
import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from core.demo.common import JSON_TYPE
from core.demo.config import RecordedRequest

if TYPE_CHECKING:
    from core.demo.server import DemoServer

log = logging.getLogger(__name__)

_SECRET_HEADERS = ("x-api-key", "x-addon-token", "authorization")


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    report: bool = False


class DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    demo: DemoServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection error from %s", client_address, exc_info=True)


class DemoHandler(BaseHTTPRequestHandler):
    server: DemoHTTPServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body then waits for
    # the client's delayed ACK of the headers: about 40 ms added to every request.
    disable_nagle_algorithm = True
    server_version = "clockify-demo/1"
    sys_version = ""

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def log_message(self, format: str, *args: Any) -> None:
        level = logging.INFO if self.server.demo.config.log_requests else logging.DEBUG
        log.log(level, "%s - %s", self.address_string(), format % args)

    def _handle(self, method: str) -> None:
        demo = self.server.demo
        latency = demo.faults.latency
        if "/reports/" in self.path:
            latency += demo.faults.report_latency
        if latency > 0:
            threading.Event().wait(latency)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        raw = self.rfile.read(length) if length > 0 else b""
        split = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        response, result = demo.dispatch(method, split.path, query, self.headers, raw)
        try:
            body: dict[str, Any] | None = json.loads(raw) if raw else None
        except (ValueError, UnicodeDecodeError):
            body = None
        if not isinstance(body, dict):
            body = None
        headers = {k: ("<redacted>" if k.lower() in _SECRET_HEADERS else v)
                   for k, v in self.headers.items()}
        if (response.status == 200 and result is not None and result.req.kind == "detailed"
                and not result.req.is_file):
            extra = demo.faults.insert_entries_between_pages
            if extra > 0:
                demo.data.insert_entries(result.req.ws.id, extra, result.req.lo, result.req.hi)
        demo.record(RecordedRequest(method, split.path, query, headers, body, response.status))
        mode = ""
        if response.report and demo.take("drop_connection_next"):
            mode = "drop"
        elif (response.report and response.status == 200
              and (not demo.faults.truncate_files_only
                   or (result is not None and result.req.is_file))
              and demo.take("truncate_json_next")):
            mode = "truncate-nolength" if demo.faults.truncate_without_length else "truncate"
        self._write(response, mode)

    def _write(self, response: Response, mode: str) -> None:
        body = response.body
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if mode != "truncate-nolength":
            self.send_header("Content-Length", str(len(body)))
        if mode:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if mode == "":
            self.wfile.write(body)
            return
        cut = len(body) // 3 if mode == "drop" else len(body) // 2
        self.wfile.write(body[:cut])
        self.wfile.flush()
        if mode == "drop":  # abort: RST instead of an orderly close
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
