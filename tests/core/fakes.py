"""Test doubles shared by the core tests: injected time and a ready-made client."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from typing import Any

import requests

from core.client import ClockifyClient, RetryPolicy
from core.limits import WaitInfo
from core.ratelimit import Pacer
from core.servers import Server, custom_server

# A made-up key in Clockify's 48-character shape; tests look for it in every error and log.
API_KEY = "ZmFrZS1hcGkta2V5LWZvci10ZXN0cy0wMTIzNDU2Nzg5YWJj"
LOCAL = custom_server("http://127.0.0.1:9")


class FakeClock:
    """A monotonic clock that only moves when the code under test sleeps on it."""

    def __init__(self, start: float = 10_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[float], None] | None = None

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self.on_sleep is not None:
            self.on_sleep(seconds)

    @property
    def slept(self) -> float:
        return sum(self.sleeps)


def make_client(
    server: Server = LOCAL,
    *,
    clock: FakeClock | None = None,
    cancel: threading.Event | None = None,
    on_wait: Callable[[WaitInfo], None] | None = None,
    max_wait: float | None = None,
    retry: RetryPolicy | None = None,
    key: str = API_KEY,
) -> ClockifyClient:
    clock = clock or FakeClock()
    pacer = Pacer(cancel, on_wait, max_wait=max_wait, clock=clock, sleep=clock.sleep)
    return ClockifyClient(server, key, pacer=pacer,
                          retry=retry or RetryPolicy(attempts=4, base_delay=1.0, max_delay=8.0),
                          rng=random.Random(0))


# ---- scripted HTTP answers ---------------------------------------------------------------

Reply = tuple[int, dict[str, str], str | bytes] | Exception


def json_reply(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(data)


def error_reply(status: int, message: str, code: int) -> Reply:
    return json_reply({"message": message, "code": code}, status)


class Script:
    """A `responses` callback answering from a list in order (the last answer repeats).

    It records each request and the fake-clock time it arrived at.
    """

    def __init__(self, replies: list[Reply], clock: Callable[[], float] | None = None) -> None:
        assert replies
        self.replies = list(replies)
        self.clock = clock
        self.requests: list[requests.PreparedRequest] = []
        self.times: list[float] = []

    def __call__(self, request: requests.PreparedRequest) -> Any:
        self.requests.append(request)
        if self.clock is not None:
            self.times.append(self.clock())
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    @property
    def count(self) -> int:
        return len(self.requests)

    def bodies(self) -> list[dict[str, Any]]:
        out = []
        for req in self.requests:
            raw = req.body or b"{}"
            out.append(json.loads(raw.decode() if isinstance(raw, bytes) else raw))
        return out
