"""The client-side limiter (fake clock), the hourly quota and the pacer, from several threads."""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterator

import pytest

from core.errors import CancelledError, RateLimitError
from core.limits import QUOTA_WINDOW_SECONDS, WaitInfo, WaitReason, quota_wait_seconds
from core.ratelimit import LONGEST_WAIT, HourlyQuota, Pacer, RateLimiter, RateLimits
from tests.core.fakes import FakeClock

WS = "ws1"


def fake_pacer(clock: FakeClock, **kw: object) -> Pacer:
    return Pacer(clock=clock, sleep=clock.sleep, **kw)  # type: ignore[arg-type]


def starts(limiter: RateLimiter, clock: FakeClock, n: int, key: str = WS, *,
           latency: float = 0.0, rng: random.Random | None = None) -> list[float]:
    """Start and end `n` requests one after another; the fake times they started at."""
    times = []
    for _ in range(n):
        limiter.acquire(key)
        times.append(clock.now)
        if rng is not None:
            clock.now += rng.uniform(0, latency)
        limiter.release(key, rate_limited=False)
    return times


def most_in_a_window(times: list[float], window: float = 1.0) -> int:
    """The most starts in any half-open window (t - window, t]."""
    return max(sum(1 for s in times if t - window < s <= t) for t in times)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.mark.parametrize("latency", [0.0, 0.005, 0.03])
def test_never_more_than_n_starts_in_any_one_second_window(clock: FakeClock,
                                                           latency: float) -> None:
    limiter = RateLimiter(fake_pacer(clock), RateLimits(per_window=50, window=1.0,
                                                        max_in_flight=100))
    times = starts(limiter, clock, 600, latency=latency, rng=random.Random(1))
    assert most_in_a_window(times) == 50
    # …and the limit, not the limiter, is what bounds it: 600 starts in about 12 windows.
    assert times[-1] - times[0] < 600 / 50 + 1


def test_the_default_window_has_slack_for_jitter(clock: FakeClock) -> None:
    limiter = RateLimiter(fake_pacer(clock))
    times = starts(limiter, clock, 300)
    assert most_in_a_window(times, window=1.1) <= 50


def test_each_workspace_has_its_own_lane(clock: FakeClock) -> None:
    limiter = RateLimiter(fake_pacer(clock), RateLimits(per_window=10, window=1.0))
    first = starts(limiter, clock, 10, "a")
    second = starts(limiter, clock, 10, "b")
    assert first[-1] == second[-1] == first[0]  # neither had to wait for the other


def test_a_429_halves_the_rate_and_successes_win_it_back(clock: FakeClock) -> None:
    limits = RateLimits(per_window=40, window=1.0, max_in_flight=100, recover_after=60)
    limiter = RateLimiter(fake_pacer(clock), limits)
    assert most_in_a_window(starts(limiter, clock, 80)) == 40
    limiter.acquire(WS)
    limiter.release(WS, rate_limited=True)  # 40 → 20 per window
    clock.now += 5
    assert most_in_a_window(starts(limiter, clock, 59)) == 20
    # Every 60 successes in a row add a tenth of the limit back, up to the limit itself.
    recovered = starts(limiter, clock, 1500)
    assert 20 < most_in_a_window(recovered[:61]) <= 24
    assert most_in_a_window(recovered[-200:]) == 40


def test_repeated_429s_slow_down_to_one_a_window_but_never_stop(clock: FakeClock) -> None:
    limiter = RateLimiter(fake_pacer(clock), RateLimits(per_window=50, window=1.0))
    for _ in range(10):
        limiter.acquire(WS)
        limiter.release(WS, rate_limited=True)
    clock.now += 5
    times = starts(limiter, clock, 5)
    assert most_in_a_window(times) == 1
    assert times[-1] - times[0] == pytest.approx(4.0)


def test_spacing_waits_are_not_reported_but_cancel_them(clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    cancel = threading.Event()
    limiter = RateLimiter(fake_pacer(clock, cancel=cancel, on_wait=waits.append),
                          RateLimits(per_window=2, window=1.0))
    starts(limiter, clock, 2)
    clock.on_sleep = lambda _s: cancel.set()
    with pytest.raises(CancelledError):
        limiter.acquire(WS)
    assert waits == []


# ---- in flight, with real threads -----------------------------------------------------------


def run_threads(limiter: RateLimiter, n: int, key: str = WS) -> int:
    """n threads each hold one request for a moment; the most that were in flight at once."""
    lock = threading.Lock()
    state = {"now": 0, "most": 0}
    go = threading.Event()

    def one() -> None:
        limiter.acquire(key)
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
            if state["most"] >= 2:
                go.set()
        go.wait(0.2)  # overlap with the others, if the limiter lets them in
        with lock:
            state["now"] -= 1
        limiter.release(key, rate_limited=False)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return state["most"]


def test_the_in_flight_ceiling_holds_across_threads() -> None:
    limiter = RateLimiter(Pacer(), RateLimits(per_window=1000, max_in_flight=3))
    assert 2 <= run_threads(limiter, 12) <= 3


def test_a_429_halves_the_requests_in_flight() -> None:
    limiter = RateLimiter(Pacer(), RateLimits(per_window=1000, max_in_flight=4,
                                              recover_after=1000))
    limiter.acquire(WS)
    limiter.release(WS, rate_limited=True)  # 4 → 2
    assert run_threads(limiter, 8) <= 2


def test_cancel_while_waiting_for_a_slot() -> None:
    cancel = threading.Event()
    limiter = RateLimiter(Pacer(cancel), RateLimits(max_in_flight=1))
    limiter.acquire(WS)
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(CancelledError):
        limiter.acquire(WS)


# ---- the hourly quota from several threads ---------------------------------------------------


@pytest.fixture
def many() -> Iterator[list[threading.Thread]]:
    threads: list[threading.Thread] = []
    yield threads
    for t in threads:
        t.join()


def test_the_hourly_quota_is_exact_across_threads(clock: FakeClock,
                                                  many: list[threading.Thread]) -> None:
    quota = HourlyQuota(fake_pacer(clock, max_wait=0))
    quota.pace(WS, 30)
    outcomes: list[str] = []
    lock = threading.Lock()

    def one() -> None:
        try:
            quota.reserve(WS)
            result = "sent"
        except RateLimitError:
            result = "refused"
        with lock:
            outcomes.append(result)

    many.extend(threading.Thread(target=one) for _ in range(45))
    for t in many:
        t.start()
    for t in many:
        t.join()
    assert outcomes.count("sent") == 30 and outcomes.count("refused") == 15


# ---- the pacer -----------------------------------------------------------------------------


@pytest.mark.parametrize("seconds", [math.inf, 1e12, 1e300])
def test_an_absurd_wait_is_clamped_not_a_crash(clock: FakeClock, seconds: float) -> None:
    waits: list[WaitInfo] = []
    fake_pacer(clock, on_wait=waits.append).wait(seconds, WaitReason.RATE_LIMIT)
    assert clock.slept == LONGEST_WAIT
    assert waits[0].seconds_left == LONGEST_WAIT


@pytest.mark.parametrize("seconds", [math.nan, -1.0, -math.inf])
def test_a_meaningless_wait_is_no_wait(clock: FakeClock, seconds: float) -> None:
    fake_pacer(clock).wait(seconds, WaitReason.RATE_LIMIT)
    assert clock.slept == 0


def test_max_wait_refuses_an_absurd_wait_at_once(clock: FakeClock) -> None:
    with pytest.raises(RateLimitError):
        fake_pacer(clock, max_wait=5).wait(math.inf, WaitReason.HOURLY_QUOTA)
    assert clock.slept == 0


# ---- requests another client started (the window's, for an export in its own process) ----


def test_starts_made_elsewhere_count_against_the_window(clock: FakeClock) -> None:
    limiter = RateLimiter(fake_pacer(clock), RateLimits(per_window=3, window=1.0))
    limiter.note_start(WS, ago=0.2)
    limiter.note_start(WS, ago=0.1)
    limiter.note_start(WS, ago=1.0)  # already out of the window: not counted
    limiter.note_start("other", ago=0.0)  # another workspace's lane
    began = clock.now
    times = starts(limiter, clock, 2)
    # One start was left in this window; the next waits until the older noted one is out.
    assert times == [began, pytest.approx(began + 0.8)]
    assert most_in_a_window([began - 0.2, began - 0.1, *times]) == 3


def test_a_start_noted_late_is_kept_in_time_order(clock: FakeClock) -> None:
    limiter = RateLimiter(fake_pacer(clock), RateLimits(per_window=2, window=1.0))
    began = clock.now
    limiter.acquire(WS)
    limiter.release(WS, rate_limited=False)
    clock.now += 0.5
    limiter.note_start(WS, ago=0.9)  # at -0.4, older than ours: the window frees it first
    limiter.acquire(WS)
    assert clock.now == pytest.approx(began + 0.6)  # not 1.0, as if it came after ours


def test_requests_noted_from_elsewhere_use_the_hourly_quota_even_before_it_paces(
        clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    quota = HourlyQuota(fake_pacer(clock, on_wait=waits.append))
    quota.note_start(WS, ago=600)  # the window's pick-lists, told before the plan is known
    quota.note_start(WS, ago=300)
    quota.note_start(WS, ago=QUOTA_WINDOW_SECONDS)  # an hour ago: no longer counted
    quota.pace(WS, 3)
    began = clock.now
    quota.reserve(WS)
    assert clock.now == began and not waits
    quota.reserve(WS)  # 3 in the hour already: wait until the oldest is an hour old
    assert clock.now == pytest.approx(began + QUOTA_WINDOW_SECONDS - 600)
    assert waits and waits[0].reason == WaitReason.HOURLY_QUOTA
    assert waits[0].seconds_left == pytest.approx(QUOTA_WINDOW_SECONDS - 600)


@pytest.mark.parametrize(("requests", "recent"), [
    (1, ()), (30, ()), (31, ()), (70, ()),
    (30, (600,) * 5),  # the window's pick-lists, ten minutes ago
    (26, (3599, 10, 1800)), (90, tuple(range(0, 3600, 100))),
    (5, (QUOTA_WINDOW_SECONDS, 7200)),  # an hour old or older: no longer counted
])
def test_the_free_plan_estimate_is_when_the_quota_lets_the_last_request_go(
        clock: FakeClock, requests: int, recent: tuple[float, ...]) -> None:
    quota = HourlyQuota(fake_pacer(clock))
    for ago in recent:
        quota.note_start(WS, ago)
    quota.pace(WS)
    began = clock.now
    for _ in range(requests):
        quota.reserve(WS)
    assert quota_wait_seconds(requests, recent) == pytest.approx(clock.now - began)


def test_the_free_plan_estimate_counts_hours_and_what_was_sent_before() -> None:
    assert [quota_wait_seconds(n) for n in (1, 30, 31, 60, 61)] == [0, 0, 3600, 3600, 7200]
    assert quota_wait_seconds(25, (600,) * 5) == 0
    assert quota_wait_seconds(26, (600,) * 5) == QUOTA_WINDOW_SECONDS - 600
