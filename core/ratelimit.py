"""Every wait the client makes, and the limits that cause them.

- `Pacer`: cancellable waits, reported to whoever listens; the one place the client sleeps
  for a rate limit, a quota or a retry. `max_wait` bounds each rate-limit wait.
- `HourlyQuota`: a Free workspace's 30 requests per hour, from our own request log.
- `RateLimiter`: per workspace, at most N request starts in any sliding window and at most
  M requests in flight; after a 429 it halves both, and wins them back after a run of
  successes (additive increase, multiplicative decrease).

All three are safe to use from several threads at once.
"""

from __future__ import annotations

import bisect
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.errors import CancelledError, RateLimitError
from core.limits import (
    FREE_HOURLY_QUOTA,
    QUOTA_WINDOW_SECONDS,
    WaitInfo,
    WaitReason,
    describe_wait,
    human_duration,
)

# No wait is ever longer than this: beyond it a figure (Retry-After: 1e12) is nonsense, and
# datetime arithmetic on it would overflow.
LONGEST_WAIT = QUOTA_WINDOW_SECONDS
# When Clockify says "hourly limit" without Retry-After and our own log cannot tell when the
# window resets (other apps used the quota), look again after this long.
QUOTA_UNKNOWN_RESET_SECONDS = 600.0


class Pacer:
    """Cancellable, reported waits; one per client, shared by everything the client does.

    `max_wait` bounds a single rate-limit or quota wait: a longer one raises RateLimitError
    at once instead of waiting (retry back-off is not bounded by it). Every reported wait
    goes to `on_wait`, in the waiting thread. Waits wake at least once a second so cancel
    is felt within a second. An export job may point `cancel`, `on_wait` and `max_wait` at
    its own for its run: every request then still goes through this one pacer.
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
        self._sleep = sleep

    def _nap(self, seconds: float) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        else:
            self.cancel.wait(seconds)  # the current event: a job may have set its own

    def check_cancelled(self) -> None:
        if self.cancel.is_set():
            raise CancelledError()

    def wait(self, seconds: float, reason: str) -> None:
        seconds = min(seconds, LONGEST_WAIT) if seconds > 0 else 0.0  # also NaN → 0
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
            on_wait = self.on_wait
            if on_wait is not None:
                on_wait(WaitInfo(reason, left, resume_at, describe_wait(reason, resume_at, left)))
            self._nap(min(1.0, left))
        self.check_cancelled()

    def pause(self, seconds: float) -> None:
        """A short, unreported wait (the limiter's spacing of requests), still cancellable."""
        deadline = self.clock() + min(max(0.0, seconds), 1.0)
        while (left := deadline - self.clock()) > 0:
            self.check_cancelled()
            self._nap(left)
        self.check_cancelled()


def _insert_start(starts: deque[float], at: float) -> None:
    """Log a start at `at` in time order: a start made elsewhere may be older than ours."""
    if not starts or starts[-1] <= at:
        starts.append(at)
    else:
        starts.insert(bisect.bisect_right(starts, at), at)


class HourlyQuota:
    """Free workspaces: at most `limit` requests in any hour, per workspace: ours, and those
    made elsewhere that we were told of (`note_start`)."""

    def __init__(self, pacer: Pacer) -> None:
        self._pacer = pacer
        self._lock = threading.Lock()
        self._limits: dict[str, int] = {}  # the workspaces paced
        self._sent: dict[str, deque[float]] = {}  # ws → request times, in order

    def pace(self, workspace_id: str, limit: int = FREE_HOURLY_QUOTA) -> None:
        with self._lock:
            self._limits.setdefault(workspace_id, limit)
            self._sent.setdefault(workspace_id, deque())

    def paces(self, workspace_id: str | None) -> bool:
        return workspace_id is not None and workspace_id in self._limits

    def note_start(self, workspace_id: str, ago: float = 0.0) -> None:
        """A request to `workspace_id` that another client started `ago` seconds ago."""
        with self._lock:
            now = self._pacer.clock()
            if ago < QUOTA_WINDOW_SECONDS:
                _insert_start(self._sent.setdefault(workspace_id, deque()), now - max(0.0, ago))

    def reserve(self, workspace_id: str | None) -> None:
        """Wait (reported) until the quota allows one more request, and log it as sent."""
        if not self.paces(workspace_id):
            return
        assert workspace_id is not None
        while True:
            with self._lock:
                limit, sent = self._limits[workspace_id], self._sent[workspace_id]
                now = self._pacer.clock()
                while sent and now - sent[0] >= QUOTA_WINDOW_SECONDS:
                    sent.popleft()
                if len(sent) < limit:
                    sent.append(now)
                    return
                wait = sent[len(sent) - limit] + QUOTA_WINDOW_SECONDS - now
            self._pacer.wait(wait, WaitReason.HOURLY_QUOTA)

    def reset_in(self, workspace_id: str | None) -> float:
        """Seconds until the window frees a request, after Clockify refused one."""
        with self._lock:
            sent = self._sent.get(workspace_id or "")
            now = self._pacer.clock()
            # The request that was just refused is in the log; only older ones tell the reset.
            if sent and len(sent) > 1:
                reset = sent[0] + QUOTA_WINDOW_SECONDS - now
                if reset > 0:
                    return reset
        return QUOTA_UNKNOWN_RESET_SECONDS


@dataclass(frozen=True)
class RateLimits:
    """The client's own limits per workspace (paid plans: Clockify allows 50 requests/s).

    `window` is a little longer than Clockify's second so that jitter on the way cannot
    make two of our bursts land in one of Clockify's windows.
    """

    per_window: int = 50
    window: float = 1.1
    max_in_flight: int = 16
    recover_after: int = 20  # successes in a row before the limits grow again


@dataclass
class _Lane:
    rate: float  # starts allowed per window now (≤ per_window)
    slots: int  # requests allowed in flight now (≤ max_in_flight)
    starts: deque[float]
    in_flight: int = 0
    streak: int = 0


class RateLimiter:
    """Starts and in-flight requests per workspace; slows down on 429, then recovers."""

    def __init__(self, pacer: Pacer, limits: RateLimits | None = None) -> None:
        self.limits = limits or RateLimits()
        self._pacer = pacer
        self._cond = threading.Condition()
        self._lanes: dict[str, _Lane] = {}

    def _lane(self, key: str) -> _Lane:
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane(float(self.limits.per_window),
                                            self.limits.max_in_flight, deque())
        return lane

    def acquire(self, key: str) -> None:
        """Block (cancellably) until a request to `key` may start, and count it started."""
        window = self.limits.window
        while True:
            self._pacer.check_cancelled()
            with self._cond:
                lane = self._lane(key)
                now = self._pacer.clock()
                while lane.starts and lane.starts[0] <= now - window:
                    lane.starts.popleft()
                allowed = max(1, math.floor(lane.rate))
                if lane.in_flight >= lane.slots:
                    # Another thread's release wakes us; the timeout keeps cancel felt.
                    self._cond.wait(0.1)
                    continue
                if len(lane.starts) < allowed:
                    lane.starts.append(now)
                    lane.in_flight += 1
                    return
                delay = lane.starts[len(lane.starts) - allowed] + window - now
            self._pacer.pause(delay)

    def note_start(self, key: str, ago: float = 0.0) -> None:
        """A request to `key` that another client started `ago` seconds ago: it counts
        against the window as ours do (it is not in flight here)."""
        with self._cond:
            now = self._pacer.clock()
            if ago < self.limits.window:
                _insert_start(self._lane(key).starts, now - max(0.0, ago))

    def release(self, key: str, *, rate_limited: bool) -> None:
        """The request to `key` has ended; `rate_limited` if Clockify answered 429."""
        limits = self.limits
        with self._cond:
            lane = self._lane(key)
            lane.in_flight = max(0, lane.in_flight - 1)
            if rate_limited:
                lane.rate = max(1.0, lane.rate / 2)
                lane.slots = max(1, lane.slots // 2)
                lane.streak = 0
            else:
                lane.streak += 1
                if lane.streak >= limits.recover_after:
                    lane.streak = 0
                    lane.rate = min(float(limits.per_window),
                                    lane.rate + max(1.0, limits.per_window / 10))
                    lane.slots = min(limits.max_in_flight, lane.slots + 1)
            self._cond.notify_all()
