"""The one way the app talks to Clockify: a `requests.Session` with retries and rate limits.

Report requests only read, so every transient failure is retried: HTTP 429 (honouring
`Retry-After`), 5xx, timeouts, dropped connections and truncated or invalid bodies, with
bounded exponential back-off and jitter. A Free workspace's hourly quota is a state to wait
out, reported through the `Pacer`, not a crash. Clockify's `{"message", "code"}` error
bodies become the typed errors of `core.errors`.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any, TypeVar
from urllib.parse import unquote

import orjson
import requests

from core import APP_ID, __version__
from core.errors import (
    AuthenticationError,
    CancelledError,
    ClockifyError,
    NetworkError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestRejectedError,
)
from core.limits import (
    FREE_HOURLY_QUOTA,
    QUOTA_WINDOW_SECONDS,
    WaitInfo,
    WaitReason,
    describe_wait,
    human_duration,
)
from core.paging import list_pages
from core.servers import Server, check_url_allowed
from core.writers import output_error

log = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK_SIZE = 1 << 16
LIST_PAGE_SIZE = 1000  # main-API lists; Clockify caps page-size at 5000
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 120.0  # big report pages take a while to render on Clockify's side
# When Clockify says "hourly limit" without Retry-After and our own log cannot tell when the
# window resets (other apps used the quota), look again after this long.
QUOTA_UNKNOWN_RESET_SECONDS = 600.0


class Pacer:
    """Cancellable, reported waits; the one place the engine ever sleeps.

    `max_wait` bounds a single rate-limit wait: a longer one raises RateLimitError at once
    instead of waiting. Waits wake at least once a second so cancel is felt within a second.
    """

    def __init__(
        self,
        cancel: threading.Event | None = None,
        on_wait: Callable[[WaitInfo], None] | None = None,
        *,
        max_wait: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.cancel = cancel or threading.Event()
        self.on_wait = on_wait
        self.max_wait = max_wait
        self.clock = clock
        self.custom_sleep = sleep  # kept so a job can rebuild the pacer with the same sleep
        self._sleep = sleep or self.cancel.wait

    def check_cancelled(self) -> None:
        if self.cancel.is_set():
            raise CancelledError()

    def wait(self, seconds: float, reason: str) -> None:
        seconds = max(0.0, seconds)
        if (
            reason != WaitReason.RETRY
            and self.max_wait is not None
            and seconds > self.max_wait
        ):
            raise RateLimitError(
                f"Clockify's rate limit needs a wait of {human_duration(seconds)}, longer than the "
                f"{human_duration(self.max_wait)} allowed.",
                "Try again later, allow a longer wait, or export a shorter range.",
            )
        resume_at = datetime.now().astimezone() + timedelta(seconds=seconds)
        deadline = self.clock() + seconds
        while True:
            self.check_cancelled()
            left = deadline - self.clock()
            if left <= 0:
                break
            if self.on_wait:
                self.on_wait(WaitInfo(reason, left, resume_at,
                                      describe_wait(reason, resume_at, left)))
            self._sleep(min(1.0, left))
        self.check_cancelled()


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


class _BrokenBody(Exception):
    """The response body was cut short or is not what its headers promised."""


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class ClockifyClient:
    """Clockify's main and Reports APIs for one server and one API key."""

    def __init__(
        self,
        server: Server,
        api_key: str,
        *,
        pacer: Pacer | None = None,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        rng: random.Random | None = None,
    ) -> None:
        self.server = server
        self.pacer = pacer or Pacer()
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self._rng = rng or random.Random()
        self._session = session or requests.Session()
        self._session.headers.update(
            {
                "X-Api-Key": api_key,
                "Accept": "application/json",
                "User-Agent": f"{APP_ID}/{__version__} python-requests/{requests.__version__}",
            }
        )
        # workspace id → (requests allowed per window, timestamps of our requests)
        self._quotas: dict[str, tuple[int, deque[float]]] = {}
        self.requests_sent = 0

    def close(self) -> None:
        self._session.close()

    # ---- quota -------------------------------------------------------------------------

    def set_hourly_quota(self, workspace_id: str, limit: int = FREE_HOURLY_QUOTA) -> None:
        """Pace requests to a Free workspace so they stay within its hourly quota."""
        self._quotas.setdefault(workspace_id, (limit, deque()))

    def _quota_log(self, workspace_id: str | None) -> tuple[int, deque[float]] | None:
        return self._quotas.get(workspace_id) if workspace_id else None

    def _wait_for_quota(self, workspace_id: str | None) -> None:
        quota = self._quota_log(workspace_id)
        if quota is None:
            return
        limit, sent = quota
        now = self.pacer.clock()
        while sent and now - sent[0] >= QUOTA_WINDOW_SECONDS:
            sent.popleft()
        if len(sent) >= limit:
            self.pacer.wait(sent[0] + QUOTA_WINDOW_SECONDS - now, WaitReason.HOURLY_QUOTA)

    def _quota_reset_in(self, workspace_id: str | None) -> float:
        quota = self._quota_log(workspace_id)
        now = self.pacer.clock()
        # The request that was just refused is in the log; only older ones tell the reset.
        if quota and len(quota[1]) > 1:
            reset = quota[1][0] + QUOTA_WINDOW_SECONDS - now
            if reset > 0:
                return reset
        return QUOTA_UNKNOWN_RESET_SECONDS

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
        stream: bool = False,
    ) -> T:
        """Send one request and `read` its answer, retrying what can be retried.

        `read` runs inside the retry loop, so a body that breaks while being read (cut
        connection, truncated JSON) is fetched again.
        """
        check_url_allowed(url)
        failures = 0
        rate_limited = 0
        while True:
            self.pacer.check_cancelled()
            self._wait_for_quota(workspace_id)
            quota = self._quota_log(workspace_id)
            if quota:
                quota[1].append(self.pacer.clock())
            self.requests_sent += 1
            started = time.monotonic()
            try:
                with self._session.request(
                    method, url, params=params, json=json_body, timeout=self.timeout,
                    stream=stream,
                ) as resp:
                    log.debug("%s %s -> %s in %.2fs", method, _path(url), resp.status_code,
                              time.monotonic() - started)
                    if resp.status_code == 429:
                        rate_limited += 1
                        self._wait_after_429(resp, rate_limited, workspace_id)
                        continue
                    if resp.status_code >= 500:
                        raise _ServerTrouble(resp.status_code)
                    if resp.status_code >= 400:
                        raise self._error(resp, url)
                    return read(resp)
            except CancelledError:
                raise
            except (_ServerTrouble, _BrokenBody, requests.RequestException, ValueError) as exc:
                failures += 1
                why = _why(exc)
                log.info("%s %s failed (%s), attempt %d of %d", method, _path(url), why,
                         failures, self.retry.attempts)
                if failures >= self.retry.attempts:
                    raise NetworkError(
                        f"Clockify at {self.server.label} kept failing: {why}.",
                        "Check your internet connection and try again in a few minutes.",
                        details=f"{method} {_path(url)} failed {failures} times; last: {why}",
                    ) from None
                self.pacer.wait(self.retry.delay(failures, self._rng), WaitReason.RETRY)

    def _wait_after_429(
        self, resp: requests.Response, count: int, workspace_id: str | None
    ) -> None:
        if count > self.retry.rate_limit_attempts:
            raise RateLimitError(
                "Clockify kept refusing requests because of its rate limit.",
                "Wait a while and export again.",
                status=429,
            )
        hourly = self._quota_log(workspace_id) is not None
        after = parse_retry_after(resp.headers.get("Retry-After"))
        if after is None:
            after = (self._quota_reset_in(workspace_id) if hourly
                     else self.retry.delay(count, self._rng))
        self.pacer.wait(after, WaitReason.HOURLY_QUOTA if hourly else WaitReason.RATE_LIMIT)

    def _error(self, resp: requests.Response, url: str) -> ClockifyError:
        message, code = _error_body(resp)
        status = resp.status_code
        where = self.server.label
        details = f"HTTP {status} from {_path(url)}: {message or '(no message)'} (code {code})"
        kwargs: dict[str, Any] = dict(status=status, code=code, server_message=message,
                                      details=details)
        if status == 401:
            if code == 1000:
                return AuthenticationError(
                    "Clockify received no usable API key.",
                    "Paste your API key again (Clockify → Profile settings → API).", **kwargs)
            return AuthenticationError(
                f"Clockify at {where} does not accept this API key.",
                "API keys belong to one region or subdomain: check the server choice, or "
                "create a new key in Clockify under Profile settings → API.", **kwargs)
        if status == 403:
            return PermissionDeniedError(
                f"Clockify refused: {message or 'access denied'}.",
                "Your role or your workspace's plan does not allow this report; ask a "
                "workspace admin, or choose another report or format.", **kwargs)
        if status == 404:
            if code == 3000:
                return NotFoundError(
                    f"{where} has no such address; this server does not look like the "
                    "right Clockify server for your workspace.",
                    "Check the server choice: regional and subdomain workspaces have their "
                    "own servers.", **kwargs)
            return NotFoundError(f"Clockify could not find it: {message or 'not found'}.",
                                 "Check the workspace and filters.", **kwargs)
        return RequestRejectedError(
            f"Clockify rejected the request: {message or f'HTTP {status}'}.",
            "Adjust the dates, filters or options and try again.", **kwargs)

    # ---- JSON and pick-lists -----------------------------------------------------------

    def get_json(self, url: str, params: dict[str, Any] | None = None,
                 workspace_id: str | None = None) -> Any:
        return self.call("GET", url, _read_json, params=params, workspace_id=workspace_id)

    def post_json(self, url: str, body: dict[str, Any], workspace_id: str | None = None) -> Any:
        return self.call("POST", url, _read_json, json_body=body, workspace_id=workspace_id)

    def current_user(self) -> dict[str, Any]:
        data = self.get_json(f"{self.server.api_base}/user")
        if not isinstance(data, dict):
            raise NetworkError("Clockify sent an unexpected answer for the current user.")
        return data

    def workspaces(self) -> list[dict[str, Any]]:
        data = self.get_json(f"{self.server.api_base}/workspaces")
        return [w for w in data if isinstance(w, dict)] if isinstance(data, list) else []

    def workspace(self, workspace_id: str) -> dict[str, Any]:
        data = self.get_json(f"{self.server.api_base}/workspaces/{workspace_id}",
                             workspace_id=workspace_id)
        return data if isinstance(data, dict) else {}

    def list_all(self, workspace_id: str, what: str,
                 params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Every page of a workspace list (`projects`, `clients`, `users`, `tags`, …)."""
        url = f"{self.server.api_base}/workspaces/{workspace_id}/{what}"

        def page(number: int) -> tuple[list[dict[str, Any]], bool | None]:
            query = {**(params or {}), "page": number, "page-size": LIST_PAGE_SIZE}
            return self.call("GET", url, _read_list, params=query, workspace_id=workspace_id)

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

    def report_url(self, workspace_id: str, path: str) -> str:
        return f"{self.server.reports_base}/workspaces/{workspace_id}/{path}"

    def report(self, workspace_id: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """One JSON report request."""
        data = self.post_json(self.report_url(workspace_id, path), body, workspace_id)
        if not isinstance(data, dict):
            raise NetworkError("Clockify sent a report that is not a JSON object.",
                               "Try again; if it keeps happening, export another format.")
        return data

    def download(
        self,
        workspace_id: str,
        path: str,
        body: dict[str, Any],
        sink: IO[bytes],
        target: Path,
        is_complete: Callable[[IO[bytes]], bool] | None = None,
    ) -> Download:
        """Stream a rendered report file (CSV, XLSX, PDF) into `sink`, retrying as needed.

        Each attempt starts `sink` afresh; a body shorter than its Content-Length or one that
        `is_complete` rejects is fetched again.
        """

        def read(resp: requests.Response) -> Download:
            size = 0
            try:
                sink.seek(0)
                sink.truncate()
                for chunk in resp.iter_content(CHUNK_SIZE):
                    self.pacer.check_cancelled()
                    sink.write(chunk)
                    size += len(chunk)
                sink.flush()
            except OSError as exc:
                if isinstance(exc, requests.RequestException):
                    raise
                raise output_error(exc, target) from None
            expected = resp.headers.get("Content-Length")
            if expected and expected.isdigit() and int(expected) != size:
                raise _BrokenBody(f"{size} of {expected} bytes")
            if is_complete and not is_complete(sink):
                raise _BrokenBody("incomplete file")
            return Download(resp.headers.get("Content-Type", ""),
                            _disposition_name(resp.headers.get("Content-Disposition", "")),
                            size)

        return self.call("POST", self.report_url(workspace_id, path), read, json_body=body,
                         workspace_id=workspace_id, stream=True)


@dataclass(frozen=True)
class Download:
    content_type: str
    filename: str | None
    size: int


def _disposition_name(header: str) -> str | None:
    """The `filename=` of a Content-Disposition header, percent-decoded."""
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "filename" and value:
            return unquote(value.strip().strip('"'))
    return None


class _ServerTrouble(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


def _why(exc: BaseException) -> str:
    if isinstance(exc, _ServerTrouble):
        return f"server error HTTP {exc.status}"
    if isinstance(exc, requests.Timeout):
        return "no answer in time"
    if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError):
        return "the connection was dropped"
    if isinstance(exc, _BrokenBody | ValueError):
        return "the answer was incomplete or garbled"
    return type(exc).__name__


def _path(url: str) -> str:
    """The path of a URL, for logs and details (never query strings or keys)."""
    return url.split("://", 1)[-1].split("?", 1)[0]


def _read_json(resp: requests.Response) -> Any:
    data = resp.content  # raises ChunkedEncodingError/ConnectionError on a cut body
    if not data:
        raise _BrokenBody("empty body")
    # orjson: a 1,000-entry page in a third of `json`'s time, and strict (no NaN, no lone
    # surrogates, bounded nesting); its JSONDecodeError is a ValueError → retried.
    return orjson.loads(data)


def _read_list(resp: requests.Response) -> tuple[list[dict[str, Any]], bool | None]:
    data = _read_json(resp)
    if not isinstance(data, list):
        raise _BrokenBody("expected a list")
    header = resp.headers.get("Last-Page")
    last = None if header is None else header.strip().lower() == "true"
    return [x for x in data if isinstance(x, dict)], last


def _error_body(resp: requests.Response) -> tuple[str, int | None]:
    try:
        data = resp.json()
    except ValueError:
        text = resp.text.strip()
        return (text[:200] if text and not text.startswith("<") else ""), None
    if not isinstance(data, dict):
        return "", None
    message = str(data.get("message") or data.get("error") or "").strip()
    code = data.get("code")
    return message, code if isinstance(code, int) else None
