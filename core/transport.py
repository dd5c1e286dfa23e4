"""The HTTP plumbing under the client: guarded sessions, deadlines and cancel.

Sessions: one `requests.Session` per thread (`threading.local`). requests does not document
Session as thread-safe (its cookie jar, hooks and adapters are shared, mutable state), and
the engine fetches pages from several threads; a session per thread needs no argument
about what is shared, and costs only one TLS handshake per worker thread.

Guard: each session's adapter checks every request actually sent against the server's
origins (with urllib3's parser, the one that connects) and only then adds `X-Api-Key`, so
no code path, redirect or URL trick can hand the key to another host. The key never sits
in the session's headers.

Watch: every attempt has a deadline (connect + all reads). A watcher thread, alive only
while attempts are in flight, shuts down the socket of an attempt whose deadline passed or
whose cancel event was set: a read blocked on a silent or trickling server returns at once.
A TCP connect waits in slices and looks at the same flag, so an unanswered connect is left
too; only a DNS lookup in progress cannot be cut short.
"""

from __future__ import annotations

import contextlib
import errno
import os
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family

from core.credentials import check_api_key
from core.servers import Server

CANCELLED = "cancelled"
DEADLINE = "deadline"
WATCH_TICK = 0.1  # seconds between the watcher's looks; cancel is felt within this
_CONNECTING = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, 10035}  # 10035: Windows

_current = threading.local()  # .attempt: the Attempt this thread is running, if any


class Attempt:
    """One try of one request: its deadline, its cancel flag and the connections it uses.

    It holds the connections from the pool and, until urllib3 stores it in one of them, the
    socket it has just connected: an abort shuts whatever it holds, whenever it comes.
    """

    def __init__(self, deadline: float, cancel: threading.Event) -> None:
        self.deadline = deadline
        self.cancel = cancel
        self.aborted: str | None = None
        self._held: list[HTTPConnection | socket.socket] = []
        self._lock = threading.Lock()
        self._done = False

    def adopt(self, held: HTTPConnection | socket.socket) -> None:
        with self._lock:
            self._held.append(held)
            if self.aborted:
                _shut(held)

    def abort(self, why: str) -> None:
        with self._lock:
            if self.aborted or self._done:
                return
            self.aborted = why
            for held in self._held:
                _shut(held)

    def finish(self) -> None:
        # Its connections go back to the pool now and may serve another attempt.
        with self._lock:
            self._done = True
            self._held.clear()


class Watcher:
    """Aborts attempts that are cancelled or past their deadline (one thread, on demand)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._attempts: set[Attempt] = set()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watch(self, attempt: Attempt) -> Iterator[Attempt]:
        with self._lock:
            self._attempts.add(attempt)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="http-watcher",
                                                daemon=True)
                self._thread.start()
        _current.attempt = attempt
        try:
            yield attempt
        finally:
            _current.attempt = None
            attempt.finish()
            with self._lock:
                self._attempts.discard(attempt)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._attempts:
                    self._thread = None  # the next watch() starts a new one
                    return
                attempts = list(self._attempts)
            now = self._clock()
            for attempt in attempts:
                if attempt.cancel.is_set():
                    attempt.abort(CANCELLED)
                elif now >= attempt.deadline:
                    attempt.abort(DEADLINE)
            time.sleep(WATCH_TICK)


def _shut(held: HTTPConnection | socket.socket) -> None:
    sock = held if isinstance(held, socket.socket) else getattr(held, "sock", None)
    if isinstance(sock, socket.socket):
        # The plain socket's shutdown, also for an SSLSocket: it wakes a blocked read
        # without touching the TLS state another thread is using.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _adopted(conn: Any) -> Any:
    attempt = getattr(_current, "attempt", None)
    if attempt is not None:
        attempt.adopt(conn)
    return conn


class _WatchedConnection(HTTPConnection):
    """urllib3's connection, with a TCP connect that an aborted attempt leaves at once."""

    def _new_conn(self) -> socket.socket:
        attempt: Attempt | None = getattr(_current, "attempt", None)
        if attempt is None:
            return super()._new_conn()
        # The same errors as urllib3's own _new_conn, so requests words them the same way.
        try:
            return _connect(self, attempt)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})",
            ) from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}"
                                     ) from exc


def _connect(conn: HTTPConnection, attempt: Attempt) -> socket.socket:
    """urllib3's create_connection, but waiting for the connect in slices of WATCH_TICK."""
    timeout = conn.timeout if isinstance(conn.timeout, int | float) else None
    limit = None if timeout is None else time.monotonic() + timeout
    error: OSError = OSError("the host name has no address")
    host = conn._dns_host.strip("[]")  # what urllib3 itself connects to
    for family, kind, proto, _name, address in socket.getaddrinfo(
            host, conn.port, allowed_gai_family(), socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        try:
            for option in conn.socket_options or ():
                sock.setsockopt(*option)
            if conn.source_address:
                sock.bind(conn.source_address)
            sock.setblocking(False)
            code = sock.connect_ex(address)
            with selectors.DefaultSelector() as selector:  # reports failure on Windows too
                selector.register(sock, selectors.EVENT_WRITE)
                while code in _CONNECTING:
                    if attempt.aborted:
                        raise OSError(errno.ECONNABORTED, f"connect {attempt.aborted}")
                    left = None if limit is None else limit - time.monotonic()
                    if left is not None and left <= 0:
                        raise TimeoutError("timed out")
                    if selector.select(WATCH_TICK if left is None else min(WATCH_TICK, left)):
                        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                raise OSError(code, os.strerror(code))
            sock.settimeout(timeout)
            attempt.adopt(sock)  # an abort from now on shuts it, before urllib3 holds it
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error


class _WatchedHTTPConnection(_WatchedConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        return _adopted(super()._get_conn(timeout))


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        return _adopted(super()._get_conn(timeout))


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class GuardedAdapter(HTTPAdapter):
    """Sends only to the server's origins, adds the key there, and lets attempts be watched."""

    def __init__(self, server: Server, api_key: str) -> None:
        self._server = server
        self._api_key = api_key
        super().__init__(max_retries=0)  # the client retries, knowing what may be retried

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if type(manager).__module__.startswith("urllib3.poolmanager"):  # not SOCKS
            assert isinstance(manager, PoolManager)
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager

    def send(self, request: requests.PreparedRequest,
             *args: Any, **kwargs: Any) -> requests.Response:
        self._server.check_url(request.url or "")
        request.headers["X-Api-Key"] = self._api_key
        return super().send(request, *args, **kwargs)


class Sessions:
    """One guarded `requests.Session` per thread; `close()` closes them all."""

    def __init__(self, server: Server, api_key: str, headers: dict[str, str]) -> None:
        check_api_key(api_key)
        self._server = server
        self._api_key = api_key
        self._headers = headers
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[requests.Session] = []

    def get(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers.update(self._headers)
            if self._server.is_loopback:
                # Plain HTTP to this computer must not leave it through an HTTP_PROXY from
                # the environment: the proxy would read the key. (HTTPS tunnels through a
                # proxy end to end, so those keep the environment's proxy settings.)
                session.trust_env = False
            adapter = GuardedAdapter(self._server, self._api_key)
            for prefix in ("https://", "http://"):
                session.mount(prefix, adapter)
            self._local.session = session
            with self._lock:
                self._all.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._all = self._all, []
        self._local = threading.local()
        for session in sessions:
            session.close()
