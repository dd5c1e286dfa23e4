"""The one way the app talks to Clockify: retries, rate limits and deadlines over HTTP.

Report requests only read, so every transient failure is retried: HTTP 429 (honouring
`Retry-After`), 5xx, timeouts, dropped connections and truncated or invalid bodies, with
bounded exponential back-off and jitter. What a retry cannot fix fails at once: 4xx, a
redirect, a Clockify error sent with HTTP 200, an answer too large or not valid JSON.

The client is safe to call from several threads at once (see `core.transport`). Every
request to a workspace passes its rate limiter and, on a Free workspace, its hourly quota;
every wait goes through the one `Pacer` given at construction, which the export job shares.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

import requests

from core import APP_ID, __version__
from core.answers import (
    ServerTrouble,
    TooManyRequests,
    error_body_of,
    error_for,
    error_from,
    is_error_body,
    kind_of,
    read_json,
    read_list,
    redirect_error,
    url_path,
    why,
)
from core.errors import CancelledError, ErrorKind, NetworkError, RateLimitError
from core.limits import FREE_HOURLY_QUOTA, WaitReason
from core.paging import list_pages
from core.ratelimit import HourlyQuota, Pacer, RateLimiter, RateLimits
from core.servers import Server
from core.transport import CANCELLED, Attempt, Sessions, Watcher
from core.wire import (
    BadAnswer,
    BrokenBody,
    ByteSink,
    parse_json,
    parse_retry_after,
    read_body,
    stream_into,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

LIST_PAGE_SIZE = 1000  # main-API lists; Clockify caps page-size at 5000


@dataclass(frozen=True)
class Timeouts:
    """Seconds. `deadline` bounds one call's time on the wire (connect + every read, over
    all its attempts; waits between attempts are not counted); downloads get their own."""

    connect: float = 10.0
    read: float = 60.0  # silence allowed within one attempt
    deadline: float = 120.0  # big report pages take a while to render on Clockify's side
    download_deadline: float = 600.0


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # tries for 5xx, timeouts, dropped connections and broken bodies
    rate_limit_attempts: int = 20  # tries for HTTP 429 (each waits; the wait is what counts)
    base_delay: float = 1.0
    max_delay: float = 60.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Exponential back-off with "equal jitter": half fixed, half random."""
        full = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return full / 2 + rng.uniform(0, full / 2)


_RETRIED = (ServerTrouble, BrokenBody, requests.RequestException)


class ClockifyClient:
    """Clockify's main and Reports APIs for one server and one API key."""

    def __init__(
        self,
        server: Server,
        api_key: str,
        *,
        pacer: Pacer | None = None,
        retry: RetryPolicy | None = None,
        timeouts: Timeouts | None = None,
        limits: RateLimits | None = None,
        rng: random.Random | None = None,
        on_start: Callable[[str], None] | None = None,
    ) -> None:
        self.server = server
        self.pacer = pacer or Pacer()
        self.retry = retry or RetryPolicy()
        self.timeouts = timeouts or Timeouts()
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self._sessions = Sessions(server, api_key, {
            "Accept": "application/json",
            "User-Agent": f"{APP_ID}/{__version__} python-requests/{requests.__version__}",
        })
        self._watcher = Watcher()
        self._quota = HourlyQuota(self.pacer)
        self._limiter = RateLimiter(self.pacer, limits)
        self._on_start = on_start  # told of each request this client starts to a workspace
        self._count_lock = threading.Lock()
        self.requests_sent = 0  # every attempt, for the export's verification record
        self._round_trips = threading.local()  # this thread's last request: to headers

    def last_round_trip(self) -> float | None:
        """Seconds from sending this thread's last request to its answer's headers: the
        network's and the server's time, without our limiter's queue, the body's transfer
        or its parsing (None: no answer timed yet)."""
        seconds: float | None = getattr(self._round_trips, "seconds", None)
        return seconds

    def close(self) -> None:
        self._sessions.close()

    def set_hourly_quota(self, workspace_id: str, limit: int = FREE_HOURLY_QUOTA) -> None:
        """Pace requests to a Free workspace so they stay within its hourly quota."""
        self._quota.pace(workspace_id, limit)

    def note_start(self, workspace_id: str, ago: float = 0.0) -> None:
        """Count a request to `workspace_id` that another client (the window's, for an
        export in its own process) started `ago` seconds ago, against both limits: Clockify
        counts every request to a workspace, whoever sends it."""
        self._limiter.note_start(workspace_id, ago)
        self._quota.note_start(workspace_id, ago)

    # ---- the request loop --------------------------------------------------------------

    def call(
        self,
        method: str,
        url: str,
        read: Callable[[requests.Response], T],
        *,
        params: dict[str, Any] | None = None,
        json_body: dict[str, Any] | None = None,
        workspace_id: str | None = None,
        deadline: float | None = None,
    ) -> T:
        """Send one request and `read` its answer, retrying what can be retried.

        `read` runs inside the retry loop, so a body that breaks while being read (cut
        connection, truncated JSON) is fetched again.
        """
        self.server.check_url(url)
        budget = self.timeouts.deadline if deadline is None else deadline
        used = 0.0
        failures = rate_limited = 0
        lane = workspace_id or ""
        while True:
            self.pacer.check_cancelled()
            self._quota.reserve(workspace_id)
            self._limiter.acquire(lane)
            if workspace_id and self._on_start is not None:
                self._on_start(workspace_id)
            started = time.monotonic()  # time on the wire is real time, whatever the pacer's clock
            limited: TooManyRequests | None = None
            failure: Exception | None = None
            try:
                return self._attempt(method, url, read, params, json_body, budget - used)
            except TooManyRequests as exc:
                limited = exc
            except _RETRIED as exc:
                failure = exc
            finally:
                self._limiter.release(lane, rate_limited=limited is not None)
                used += time.monotonic() - started
            if limited is not None:
                rate_limited += 1
                self._wait_after_429(limited.retry_after, rate_limited, workspace_id)
                continue
            assert failure is not None
            failures += 1
            reason = why(failure)
            log.info("%s %s failed (%s), attempt %d of %d", method, url_path(url), reason,
                     failures, self.retry.attempts)
            if used >= budget:
                raise NetworkError(
                    f"Clockify at {self.server.label} did not answer completely within "
                    f"{budget:.0f} s.",
                    "Check your internet connection and try again in a few minutes.",
                    details=f"{method} {url_path(url)}: {failures} attempt(s); last: {reason}",
                    kind=ErrorKind.TIMEOUT, server=self.server,
                ) from None
            if failures >= self.retry.attempts:
                raise NetworkError(
                    f"Clockify at {self.server.label} kept failing: {reason}.",
                    "Check your internet connection and try again in a few minutes.",
                    details=f"{method} {url_path(url)} failed {failures} times; last: {reason}",
                    kind=kind_of(failure), server=self.server,
                    status=failure.status if isinstance(failure, ServerTrouble) else None,
                ) from None
            with self._rng_lock:
                delay = self.retry.delay(failures, self._rng)
            self.pacer.wait(delay, WaitReason.RETRY)

    def _attempt(self, method: str, url: str, read: Callable[[requests.Response], T],
                 params: dict[str, Any] | None, json_body: dict[str, Any] | None,
                 left: float) -> T:
        attempt = Attempt(time.monotonic() + left, self.pacer.cancel)
        with self._count_lock:
            self.requests_sent += 1
        timeout = (min(self.timeouts.connect, left), min(self.timeouts.read, left))
        path = url_path(url)
        try:
            with self._watcher.watch(attempt), self._sessions.get().request(
                method, url, params=params, json=json_body, timeout=timeout, stream=True,
                allow_redirects=False,
            ) as resp:
                status = resp.status_code
                elapsed = resp.elapsed.total_seconds()
                self._round_trips.seconds = elapsed if elapsed > 0 else None
                log.debug("%s %s -> %s", method, path, status)
                if status == 429:
                    raise TooManyRequests(parse_retry_after(resp.headers.get("Retry-After")))
                if status >= 500:
                    raise ServerTrouble(status)
                if 300 <= status < 400:
                    raise redirect_error(self.server, resp, path)
                if status >= 400:
                    raise error_for(self.server, resp, path)
                return read(resp)
        except BadAnswer as exc:
            raise NetworkError(
                f"Clockify at {self.server.label} sent an answer that cannot be used: {exc}.",
                "Try again later; if it keeps happening, export a shorter range.",
                details=f"{method} {path}: {exc}",
                kind=ErrorKind.BROKEN_ANSWER, server=self.server,
            ) from None
        except _RETRIED:
            if attempt.aborted == CANCELLED or self.pacer.cancel.is_set():
                raise CancelledError() from None
            raise

    def _wait_after_429(self, after: float | None, count: int,
                        workspace_id: str | None) -> None:
        if count > self.retry.rate_limit_attempts:
            raise RateLimitError(
                "Clockify kept refusing requests because of its rate limit.",
                "Wait a while and export again.",
                status=429,
            )
        hourly = self._quota.paces(workspace_id)
        if after is None:
            if hourly:
                after = self._quota.reset_in(workspace_id)
            else:
                with self._rng_lock:
                    after = self.retry.delay(count, self._rng)
        self.pacer.wait(after, WaitReason.HOURLY_QUOTA if hourly else WaitReason.RATE_LIMIT)

    # ---- JSON and pick-lists -----------------------------------------------------------

    def get_json(self, url: str, params: dict[str, Any] | None = None,
                 workspace_id: str | None = None) -> Any:
        return self.call("GET", url, self._read_json, params=params,
                         workspace_id=workspace_id)

    def current_user(self) -> dict[str, Any]:
        data = self.get_json(f"{self.server.api_base}/user")
        if not isinstance(data, dict):
            raise NetworkError("Clockify sent an unexpected answer for the current user.")
        return data

    def workspaces(self) -> list[dict[str, Any]]:
        data = self.get_json(f"{self.server.api_base}/workspaces")
        return [w for w in data if isinstance(w, dict)] if isinstance(data, list) else []

    def list_all(self, workspace_id: str, what: str,
                 params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Every page of a workspace list (`projects`, `clients`, `users`, `tags`, …)."""
        url = f"{self.server.api_base}/workspaces/{_segment(workspace_id)}/{what}"

        def page(number: int) -> tuple[list[dict[str, Any]], bool | None]:
            query = {**(params or {}), "page": number, "page-size": LIST_PAGE_SIZE}
            return self.call("GET", url, self._read_list, params=query,
                             workspace_id=workspace_id)

        return list_pages(page, page_size=LIST_PAGE_SIZE, cancel=self.pacer.cancel, name=what)

    def projects(self, workspace_id: str) -> list[dict[str, Any]]:
        return self.list_all(workspace_id, "projects")

    def clients(self, workspace_id: str) -> list[dict[str, Any]]:
        return self.list_all(workspace_id, "clients")

    def users(self, workspace_id: str) -> list[dict[str, Any]]:
        return self.list_all(workspace_id, "users")

    def tags(self, workspace_id: str) -> list[dict[str, Any]]:
        return self.list_all(workspace_id, "tags")

    def user_groups(self, workspace_id: str) -> list[dict[str, Any]]:
        return self.list_all(workspace_id, "user-groups")

    def report(self, workspace_id: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """One JSON report request."""
        data = self.call("POST", self._report_url(workspace_id, path), self._read_json,
                         json_body=body, workspace_id=workspace_id)
        if not isinstance(data, dict):
            raise _not_an_object()
        return data

    def report_page(self, workspace_id: str, path: str, body: dict[str, Any],
                    read_raw: Callable[[bytes], T | None]) -> T | dict[str, Any]:
        """One JSON report request whose body `read_raw` reads first; where it gives None
        (not the shape it reads), the body is read as `report` reads it, errors and all.
        `read_raw` runs inside the retry loop: a body it cannot read is not fetched again
        for that, only when the full parser finds it broken."""

        def read(resp: requests.Response) -> T | dict[str, Any]:
            data = read_body(resp)
            page = read_raw(data)
            return page if page is not None else self._report_json(resp, data)

        return self.call("POST", self._report_url(workspace_id, path), read, json_body=body,
                         workspace_id=workspace_id)

    def _report_json(self, resp: requests.Response, data: bytes) -> dict[str, Any]:
        """A report body read in full: what `read_json` and `report` check, for bytes
        already read."""
        value = parse_json(data)
        if is_error_body(value):  # as in core.answers.read_json
            raise error_from(self.server, resp.status_code, *error_body_of(value),
                             url_path(resp.url))
        if not isinstance(value, dict):
            raise _not_an_object()
        return value

    def download(self, workspace_id: str, path: str, body: dict[str, Any],
                 sink: ByteSink) -> int:
        """Stream a rendered report file (CSV, XLSX, PDF) into `sink`, retrying as needed;
        the number of bytes it holds.

        Each attempt resets `sink`; a body shorter than its Content-Length or one the sink
        finds incomplete is fetched again. The sink raises its own errors (a full disk).
        """

        def read(resp: requests.Response) -> int:
            return stream_into(resp, sink, self.pacer.check_cancelled)

        return self.call("POST", self._report_url(workspace_id, path), read, json_body=body,
                         workspace_id=workspace_id, deadline=self.timeouts.download_deadline)

    def _report_url(self, workspace_id: str, path: str) -> str:
        return f"{self.server.reports_base}/workspaces/{_segment(workspace_id)}/{path}"

    def _read_json(self, resp: requests.Response) -> Any:
        return read_json(self.server, resp)

    def _read_list(self, resp: requests.Response) -> tuple[list[dict[str, Any]], bool | None]:
        return read_list(self.server, resp)


def _not_an_object() -> NetworkError:
    return NetworkError("Clockify sent a report that is not a JSON object.",
                        "Try again; if it keeps happening, export another format.")


def _segment(workspace_id: str) -> str:
    """A workspace id as one path segment: an odd id (`../user`, `x?y`) cannot reach
    another endpoint."""
    return quote(workspace_id, safe="")
