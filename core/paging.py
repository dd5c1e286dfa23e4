"""The one paginator: every paged read of an export, and of a pick-list, goes through here.

A "window" is one run of pages (a date window of a report, or a whole pick-list). The
paginator decides which pages to ask for, fetches them — one after another, or several at
once on a thread pool — and hands them on strictly in order (window by window, page by
page), so the output is the same whatever order the answers arrive in.

How many pages a window has:

* The source states a count on page 1 (`totals[0].entriesCount`): pages 2…⌈count/size⌉ are
  fetched at once, concurrently. The window is complete only when that many *different*
  items arrived; until then paging goes on, and a page that brings nothing new (empty, or
  the same page again: a server that ignores `page`) ends it with `IncompleteError`
  naming both numbers. A last page fuller than the count allows means entries were added
  meanwhile: paging goes on until a short page.
* No count: the next page is asked for while pages come back full (and `Last-Page` does not
  say otherwise). A full page with nothing new is a repeated page: an error, not a loop.

Requests at once: given a `rate` (requests a second the server allows), as many as that
rate needs at the latency measured so far (rate × latency, with a margin), up to the
`in_flight` ceiling — so the rate limit, not the pool, is the bound, and no more pages are
held in memory than that takes. Back-pressure: pages held (in flight, or arrived ahead of
their turn) never exceed the requests at once plus `buffer_pages`; when full, no page is
fetched ahead, except the one the output waits for.
"""

from __future__ import annotations

import math
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from core.errors import CancelledError, IncompleteError

W = TypeVar("W")  # what identifies a window (a DateWindow, a list name)
P = TypeVar("P")  # what a fetched page carries

MAX_PAGES = 10_000  # per window: a list that never ends is an error, not a hang
DEFAULT_BUFFER_PAGES = 2  # ~3 MB each as parsed JSON at 1,000 entries
_LATENCY_MARGIN = 1.5  # requests at once = rate × latency × this: room for jitter
_LATENCY_SAMPLES = 16  # the latency is the quickest of the last pages: what a request
# costs unqueued. An average would grow with the requests at once when the server slows
# under them, and ask for ever more.
_POLL_SECONDS = 0.2  # how often the waiting thread looks at the cancel flag


@dataclass(frozen=True)
class Fetched(Generic[P]):
    """One page as fetched: its payload, how many items it holds, and what it says."""

    payload: P
    rows: int
    count: int | None = None  # items the whole window holds, as the source states it
    last: bool | None = None  # the source says whether this is the last page
    # The request's round trip as the source timed it (to the answer's headers), without
    # queueing before it or parsing after it; None: the paginator times the whole fetch.
    seconds: float | None = None


class SplitWindow(Exception):
    """Raised by a fetch: the window is to be replaced by these smaller ones."""

    def __init__(self, parts: Sequence[Any]) -> None:
        super().__init__(f"split into {len(parts)}")
        self.parts = list(parts)


@dataclass(eq=False)
class WindowPages(Generic[W]):
    """What the paginator knows of one window's pages (compared by identity)."""

    key: W
    count: int | None = None  # what the source stated on page 1
    due: int = 1  # highest page number known to be needed
    asked: int = 0  # highest page number asked for
    delivered: int = 0  # pages handed on in order
    distinct: int = 0  # items that were new in this window
    repeated: bool = False  # a page after the first brought nothing new
    sized: bool = False  # page 1 came back: the pages it tells about are planned
    done: bool = False


FetchPage = Callable[[W, int], Fetched[P]]
DeliverPage = Callable[[W, int, Fetched[P]], int]  # → items new in this window
_Done = tuple[WindowPages[W], int, Future[tuple[Fetched[P], float]]]


class Paginator(Generic[W, P]):
    """Fetches the pages of several windows and delivers them in order.

    `fetch(window, page)` runs on pool threads (or inline when `in_flight` is 1) and may
    raise `SplitWindow`; `deliver(window, page, fetched)` always runs in the calling
    thread, in order, and returns how many of the page's items were new in the window.
    """

    def __init__(
        self,
        fetch: FetchPage[W, P],
        deliver: DeliverPage[W, P],
        *,
        page_size: int,
        cancel: threading.Event,
        in_flight: int = 1,
        rate: float | None = None,
        buffer_pages: int = DEFAULT_BUFFER_PAGES,
        max_pages: int = MAX_PAGES,
        describe: Callable[[W], str] = str,
        noun: str = "entries",
        repeat_ends: bool = False,
        on_page: Callable[[], None] | None = None,
    ) -> None:
        self._fetch = fetch
        self._deliver = deliver
        self.page_size = page_size
        self.cancel = cancel
        self.in_flight = max(1, in_flight)  # the ceiling
        self.rate = rate
        self._latencies: deque[float] = deque(maxlen=_LATENCY_SAMPLES)
        self.buffer_pages = max(0, buffer_pages)
        self.max_pages = max_pages
        self._describe = describe
        self._noun = noun
        # Clockify's own files may ignore paging: page 2 the same as page 1 then means
        # page 1 held everything (without a count to say otherwise), not an error.
        self.repeat_ends = repeat_ends
        self._on_page = on_page  # after each page handed on: progress
        self.windows: list[WindowPages[W]] = []
        self._cursor = 0  # index of the window being delivered
        self._ready: dict[tuple[WindowPages[W], int], Fetched[P]] = {}
        self._running = 0

    # ---- what progress shows ------------------------------------------------------------

    @property
    def pages_done(self) -> int:
        return sum(w.delivered for w in self.windows)

    @property
    def pages_planned(self) -> int:
        return sum(w.due for w in self.windows)

    @property
    def window_index(self) -> int:
        """1-based index of the window being delivered."""
        return min(self._cursor + 1, len(self.windows))

    @property
    def expected(self) -> int | None:
        """Items the source counted over every window (None: some window did not say)."""
        counts = [w.count for w in self.windows]
        return None if any(c is None for c in counts) else sum(c or 0 for c in counts)

    # ---- running ----------------------------------------------------------------------

    def run(self, windows: Sequence[W]) -> None:
        self.windows = [WindowPages(key) for key in windows]
        self._cursor = 0
        if self.in_flight == 1:
            self._run_inline()
        else:
            self._run_pool()

    def _run_inline(self) -> None:
        while (job := self._next_job()) is not None:
            window, page = job
            window.asked = page
            try:
                fetched = self._fetch(window.key, page)
            except SplitWindow as split:
                self._split(window, split.parts)
                continue
            self._fetched(window, page, fetched)
            self._deliver_ready()

    @property
    def latency(self) -> float | None:
        """Seconds a page takes, unqueued (None: no page yet)."""
        return min(self._latencies) if self._latencies else None

    @property
    def at_once(self) -> int:
        """Requests to keep in flight now."""
        if self.rate is None:
            return self.in_flight
        latency = self.latency
        if latency is None:
            return min(self.in_flight, 2)  # until a first answer tells the latency
        wanted = math.ceil(self.rate * latency * _LATENCY_MARGIN)
        return max(1, min(self.in_flight, wanted))

    def _timed_fetch(self, window: W, page: int) -> tuple[Fetched[P], float]:
        """The page, and its latency: the round trip the source timed, else the whole
        fetch. Waits for the limiter or for the CPU (parsing, under load) count as
        latency otherwise, and would ask for ever more pages at once: up to 18 parsed pages
        held (~3.3 MB each) instead of ~11 at 100 ms (benchmarks/RESULTS.md, memory)."""
        started = time.monotonic()
        fetched = self._fetch(window, page)
        if fetched.seconds is not None:
            return fetched, fetched.seconds
        return fetched, time.monotonic() - started

    def _run_pool(self) -> None:
        done: queue.SimpleQueue[_Done[W, P]] = queue.SimpleQueue()
        pool = ThreadPoolExecutor(self.in_flight, thread_name_prefix="clockify-page")
        try:
            while self._cursor < len(self.windows):
                self._submit(pool, done)
                try:
                    window, page, future = done.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    self._check_cancelled()
                    continue
                self._running -= 1
                try:
                    fetched, seconds = future.result()
                except SplitWindow as split:
                    self._split(window, split.parts)
                    continue
                self._latencies.append(seconds)
                self._fetched(window, page, fetched)
                self._deliver_ready()
        except BaseException:
            # Requests still in flight stop at once (the client closes their connections
            # on cancel); waiting for them below means no thread outlives the export.
            self.cancel.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _check_cancelled(self) -> None:
        if self.cancel.is_set():
            raise CancelledError()

    def _submit(self, pool: ThreadPoolExecutor, done: queue.SimpleQueue[_Done[W, P]]) -> None:
        at_once = self.at_once
        while self._running < at_once and (job := self._next_job()) is not None:
            window, page = job
            waited_for = self.windows[self._cursor] is window and page == window.delivered + 1
            if not waited_for and len(self._ready) + self._running >= (
                    at_once + self.buffer_pages):
                return  # back-pressure: the buffer is full
            self._check_cancelled()
            window.asked = page
            future = pool.submit(self._timed_fetch, window.key, page)
            self._running += 1
            future.add_done_callback(_reporter(done, window, page))

    def _next_job(self) -> tuple[WindowPages[W], int] | None:
        """The first page, in output order, that is due and not yet asked for.

        Past a window whose page 1 has not come back yet (its page count is unknown), only
        the first pages of later windows are asked for: were their further pages fetched
        ahead, they would fill the buffer before the earlier window's pages are known, and
        back-pressure would then leave that window one page at a time (seen: 38 pages
        fetched one after another, 5 s instead of 0.3 s)."""
        unsized = False
        for window in self.windows[self._cursor:]:
            if not window.done and window.asked < window.due and (
                    not unsized or window.asked == 0):
                return window, window.asked + 1
            unsized = unsized or not window.sized
        return None

    def _split(self, window: WindowPages[W], parts: list[W]) -> None:
        at = self.windows.index(window)
        self.windows[at:at + 1] = [WindowPages(part) for part in parts]

    def _fetched(self, window: WindowPages[W], page: int, fetched: Fetched[P]) -> None:
        """A page arrived: plan the pages it tells about, keep it until its turn."""
        if page == 1:
            window.sized = True
        if page == 1 and fetched.count is not None:
            window.count = max(0, fetched.count)
            if fetched.rows < window.count:  # else all on page 1, or paging ignored
                window.due = max(window.due, math.ceil(window.count / self.page_size))
        elif window.count is None and self._more_after(fetched):
            self._plan_next(window, page)
        self._ready[(window, page)] = fetched

    def _more_after(self, fetched: Fetched[P]) -> bool:
        if fetched.last is not None:
            return not fetched.last and fetched.rows > 0
        return fetched.rows >= self.page_size

    def _plan_next(self, window: WindowPages[W], page: int) -> None:
        if page >= self.max_pages:
            raise self._too_many_pages(window)
        window.due = max(window.due, page + 1)

    def _too_many_pages(self, window: WindowPages[W]) -> IncompleteError:
        return IncompleteError(
            f"Clockify kept sending pages for {self._describe(window.key)}: more than "
            f"{self.max_pages:,}, so the export stopped.",
            "Export a shorter date range; nothing was saved.",
            expected=window.count, received=window.distinct)

    def _retry_hint(self) -> str:
        return "Nothing was saved. Try again; if it keeps happening, export a shorter range."

    def _deliver_ready(self) -> None:
        while self._cursor < len(self.windows):
            window = self.windows[self._cursor]
            page = window.delivered + 1
            fetched = self._ready.pop((window, page), None)
            if fetched is None:
                return
            self._check_cancelled()
            new = self._deliver(window.key, page, fetched)
            window.delivered = page
            window.distinct += new
            if page > 1 and fetched.rows > 0 and new == 0:
                window.repeated = True
            self._after_delivery(window, page, fetched, new)
            if window.done:
                self._cursor += 1
            if self._on_page is not None:
                self._on_page()

    def _after_delivery(self, window: WindowPages[W], page: int, fetched: Fetched[P],
                        new: int) -> None:
        if window.count is None:
            if window.repeated and not self.repeat_ends:
                raise self._incomplete(window, repeated_page=page)
            window.done = window.repeated or page >= window.due
            return
        short = window.distinct < window.count
        if short and fetched.rows == 0:
            raise self._incomplete(window)  # an empty page before the count is reached
        if page < window.due:
            return
        if short:
            if new == 0:
                raise self._incomplete(window)
            self._plan_next(window, page)  # page on until the count is reached
        elif window.distinct > window.count and fetched.rows >= self.page_size and new:
            self._plan_next(window, page)  # more than counted (added meanwhile): go on
        else:
            window.done = True

    def _incomplete(self, window: WindowPages[W], repeated_page: int = 0) -> IncompleteError:
        where = self._describe(window.key)
        hint = self._retry_hint()
        if window.count is None:
            return IncompleteError(
                f"Clockify sent page {repeated_page} of {where} again instead of new "
                f"{self._noun}: it seems to ignore paging.", hint,
                expected=None, received=window.distinct)
        message = (f"Clockify counted {window.count:,} {self._noun} for {where} but sent only "
                   f"{window.distinct:,} different ones")
        if window.repeated:
            message += "; it sent the same page more than once, so it seems to ignore paging"
        return IncompleteError(message + ".", hint, expected=window.count,
                               received=window.distinct)


def _reporter(done: queue.SimpleQueue[_Done[W, P]], window: WindowPages[W],
              page: int) -> Callable[[Future[tuple[Fetched[P], float]]], None]:
    """A done-callback that hands the finished page to the paginator's thread."""
    def report(future: Future[tuple[Fetched[P], float]]) -> None:
        done.put((window, page, future))
    return report


MAX_LIST_PAGES = 1_000  # a pick-list of a million items is not a pick-list


def list_pages(fetch: Callable[[int], tuple[list[dict[str, Any]], bool | None]], *,
               page_size: int, cancel: threading.Event, name: str) -> list[dict[str, Any]]:
    """Every item of a main-API list (projects, users, tags…), each id once.

    `fetch(page)` → (items, what the `Last-Page` header says, None when it is missing)."""
    items: list[dict[str, Any]] = []
    seen: set[Any] = set()

    def fetch_page(_: str, page: int) -> Fetched[list[dict[str, Any]]]:
        batch, last = fetch(page)
        return Fetched(batch, rows=len(batch), last=last)

    def deliver(_: str, page: int, fetched: Fetched[list[dict[str, Any]]]) -> int:
        new = 0
        for item in fetched.payload:
            key = item.get("id")
            if key is None or key not in seen:
                seen.add(key)
                items.append(item)
                new += 1
        return new

    label = name.replace("-", " ")  # "user-groups" (the API path) → "user groups"
    _ListPaginator(fetch_page, deliver, page_size=page_size, cancel=cancel,
                   max_pages=MAX_LIST_PAGES, describe=lambda what: f"the list of {what}",
                   noun=label).run([label])
    return items


class _ListPaginator(Paginator[str, list[dict[str, Any]]]):
    """A pick-list has no date range to shorten: its errors say what is wrong with it."""

    def _too_many_pages(self, window: WindowPages[str]) -> IncompleteError:
        return IncompleteError(
            f"Clockify's list of {window.key} did not end after {self.max_pages:,} pages, "
            "so it was not read.",
            "The server keeps saying there are more pages; try again later, and if it "
            "keeps happening, tell the server's administrator or Clockify's support.",
            expected=None, received=window.distinct)

    def _retry_hint(self) -> str:
        return ("The list was not read. Try again later; if it keeps happening, tell the "
                "server's administrator or Clockify's support.")
