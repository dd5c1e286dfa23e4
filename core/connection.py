"""Where to reach Clockify and with which key: the one factory of clients for a front end."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.limits import QUOTA_WINDOW_SECONDS, WaitInfo
from core.servers import Server

if TYPE_CHECKING:
    from core.client import ClockifyClient


@dataclass(frozen=True)
class Connection:
    """A server and an API key; each background job makes its own client from it.

    The key is left out of `repr()` so that logging a Connection never shows it.
    """

    server: Server
    api_key: str = field(repr=False)

    def client(self, cancel: threading.Event | None = None, *,
               on_wait: Callable[[WaitInfo], None] | None = None,
               max_wait: float | None = None) -> ClockifyClient:
        # Imported here: the HTTP stack is not needed to show the window, and loading it
        # later (in the worker thread) makes the window appear sooner.
        from core.client import ClockifyClient
        from core.ratelimit import Pacer

        return ClockifyClient(self.server, self.api_key,
                              pacer=Pacer(cancel, on_wait, max_wait=max_wait),
                              on_start=STARTS.record)


class RequestStarts:
    """When this process's clients started requests to each workspace, over the last hour
    (the longest window a Clockify limit counts), and who is to hear of new ones.

    Clockify counts every request to a workspace against its limits, whoever sends it. The
    window's export runs in a process of its own (`core.export_process`), whose limiter
    and quota would otherwise not know of the window's own requests (its pick-lists, loaded
    while the export starts): measured, 1-3 answers 429 per export and 4-8 s instead of
    2.5 s (benchmarks/bench_gui_stall.py)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._starts: dict[str, deque[float]] = {}
        self._listeners: list[Callable[[str], None]] = []

    def record(self, workspace_id: str) -> None:
        """A client of this process started a request to `workspace_id` now."""
        with self._lock:
            now = self._clock()
            starts = self._starts.setdefault(workspace_id, deque())
            starts.append(now)
            while now - starts[0] >= QUOTA_WINDOW_SECONDS:
                starts.popleft()
            listeners = list(self._listeners)
        for listener in listeners:
            listener(workspace_id)

    def ages(self, workspace_id: str) -> tuple[float, ...]:
        """How many seconds ago each request to `workspace_id` of the last hour started."""
        with self._lock:
            now = self._clock()
            return tuple(now - at for at in self._starts.get(workspace_id, ())
                         if now - at < QUOTA_WINDOW_SECONDS)

    @contextlib.contextmanager
    def listening(self, listener: Callable[[str], None]) -> Iterator[None]:
        """Call `listener(workspace_id)` for each request started while inside."""
        with self._lock:
            self._listeners.append(listener)
        try:
            yield
        finally:
            with self._lock:
                self._listeners.remove(listener)


STARTS = RequestStarts()  # this process's
