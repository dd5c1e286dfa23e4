"""Clockify's answers read and classified: JSON and lists, and errors as typed errors.

Clockify words its errors as `{"message", "code"}` bodies, with a 4xx status or — seen on
the weekly endpoint — with HTTP 200. Redirects are errors too: Clockify's API never needs
one, and following one could carry the API key to another host. 5xx and 429 are
`ServerTrouble` and `TooManyRequests`, which the client retries.
"""

from __future__ import annotations

import json
from typing import Any

import requests
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from core.errors import (
    AuthenticationError,
    ClockifyError,
    ErrorKind,
    NotFoundError,
    PermissionDeniedError,
    RequestRejectedError,
    ServerConfigError,
    ServerProblem,
)
from core.servers import Server, printable
from core.wire import BrokenBody, parse_json, read_body, read_error_text


class ServerTrouble(Exception):
    """A 5xx answer (retried)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


class TooManyRequests(Exception):
    """A 429 answer and the wait it asked for, if any (retried after the wait)."""

    def __init__(self, retry_after: float | None) -> None:
        super().__init__("HTTP 429")
        self.retry_after = retry_after


def read_json(server: Server, resp: requests.Response) -> Any:
    data = parse_json(read_body(resp))
    if is_error_body(data):  # Clockify's weekly endpoint words errors with HTTP 200
        raise error_from(server, resp.status_code, *error_body_of(data), url_path(resp.url))
    return data


def read_list(server: Server, resp: requests.Response
              ) -> tuple[list[dict[str, Any]], bool | None]:
    """A page of a main-API list and its `Last-Page` header (None when absent)."""
    data = read_json(server, resp)
    if not isinstance(data, list):
        raise BrokenBody("expected a list")
    header = resp.headers.get("Last-Page")
    last = None if header is None else header.strip().lower() == "true"
    return [x for x in data if isinstance(x, dict)], last


def why(exc: BaseException) -> str:
    """A failure the client retries, in a few words."""
    if isinstance(exc, ServerTrouble):
        return f"server error HTTP {exc.status}"
    if isinstance(exc, requests.Timeout):
        return "no answer in time"
    if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError):
        return "the connection was dropped"
    if isinstance(exc, BrokenBody):
        return "the answer was incomplete or garbled"
    return type(exc).__name__


def kind_of(exc: BaseException) -> ErrorKind:
    """What `why` says, for front ends that word it themselves."""
    if isinstance(exc, ServerTrouble):
        return ErrorKind.SERVER
    if isinstance(exc, requests.Timeout):
        return ErrorKind.TIMEOUT
    if isinstance(exc, BrokenBody):
        return ErrorKind.BROKEN_ANSWER
    return ErrorKind.NETWORK


def url_path(url: str | None) -> str:
    """The host and path of a URL, for logs and details (never query strings or keys)."""
    return (url or "").split("://", 1)[-1].split("?", 1)[0]


def error_for(server: Server, resp: requests.Response, path: str) -> ClockifyError:
    """A 4xx answer as the error a person can act on."""
    message, code = _error_body(read_error_text(resp))
    return error_from(server, resp.status_code, message, code, path)


def is_error_body(data: Any) -> bool:
    """Whether a 200 answer is only Clockify's `{code, message}` error shape."""
    return isinstance(data, dict) and set(data) == {"code", "message"}


def error_from(server: Server, status: int, message: str, code: int | None,
               path: str) -> ClockifyError:
    where = server.label
    details = f"HTTP {status} from {path}: {message or '(no message)'} (code {code})"
    kwargs: dict[str, Any] = dict(status=status, code=code, server_message=message,
                                  details=details, server=server)
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


def redirect_error(server: Server, resp: requests.Response, path: str) -> ServerConfigError:
    """A 3xx: never followed, named with the server and where it pointed."""
    try:
        host = printable(parse_url(resp.headers.get("Location", "")).host or "")
    except LocationParseError:
        host = ""
    return ServerConfigError(
        f"{server.label} answered with a redirect to {host or 'another address'}; the app "
        "does not follow redirects, so your API key stays with the server you chose.",
        "Check the server address: it should be the Clockify server itself.",
        details=f"HTTP {resp.status_code} from {path}",
        reason=ServerProblem.REDIRECT, host=host, server=server,
    )


def error_body_of(data: dict[str, Any]) -> tuple[str, int | None]:
    message = str(data.get("message") or data.get("error") or "").strip()
    code = data.get("code")
    return message, code if isinstance(code, int) and not isinstance(code, bool) else None


def _error_body(raw: bytes) -> tuple[str, int | None]:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        text = raw.decode("utf-8", "replace").strip()
        return (text[:200] if text and not text.startswith("<") else ""), None
    if not isinstance(data, dict):
        return "", None
    return error_body_of(data)
