"""The one paginator, without HTTP: which pages it asks for, in which order it hands them
on, what it calls incomplete, back-pressure, failure and cancel with pages in flight."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from core.errors import CancelledError, IncompleteError, NetworkError
from core.items import SeenItems, identity
from core.paging import MAX_LIST_PAGES, Fetched, Paginator, SplitWindow, list_pages
from core.reports import ReportKind

Page = list[str]  # item ids


@dataclass
class Source:
    """Windows of item ids served in pages; `serve` can change any page's answer."""

    data: dict[str, list[str]]
    size: int
    counts: bool = True
    serve: Callable[[str, int, Page], Page] | None = None
    asked: list[tuple[str, int]] = field(default_factory=list)
    delivered: list[tuple[str, int]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    gate: Callable[[str, int], None] | None = None  # runs before a page is answered
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fetch(self, window: str, page: int) -> Fetched[Page]:
        with self.lock:
            self.asked.append((window, page))
        if self.gate is not None:
            self.gate(window, page)
        rows = self.data[window][(page - 1) * self.size: page * self.size]
        if self.serve is not None:
            rows = self.serve(window, page, rows)
        count = len(self.data[window]) if self.counts and page == 1 else None
        return Fetched(rows, rows=len(rows), count=count)

    def pager(self, in_flight: int = 1, **kw: Any) -> Paginator[str, Page]:
        seen = SeenItems()

        def deliver(window: str, page: int, fetched: Fetched[Page]) -> int:
            if page == 1:
                seen.next_window()
            self.delivered.append((window, page))
            new = 0
            for item in fetched.payload:
                in_window, in_export = seen.add(identity({"_id": item}, ReportKind.DETAILED))
                new += in_window
                if in_export:
                    self.written.append(item)
            return new

        return Paginator(self.fetch, deliver, page_size=self.size,
                         cancel=kw.pop("cancel", threading.Event()), in_flight=in_flight, **kw)


def ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i:05d}" for i in range(n)]


def in_order(data: dict[str, list[str]]) -> list[str]:
    return [item for window in data.values() for item in window]


# ---- which pages ------------------------------------------------------------------------


@pytest.mark.parametrize("in_flight", [1, 5])
@pytest.mark.parametrize("counts", [True, False])
def test_every_page_once_and_no_more(in_flight: int, counts: bool) -> None:
    data = {"a": ids("a", 7), "b": ids("b", 6), "c": [], "d": ids("d", 1)}
    source = Source(data, size=3, counts=counts)
    source.pager(in_flight).run(list(data))
    assert source.written == in_order(data)
    # With a count the pages are exactly ⌈n/size⌉ (one for an empty window); without one,
    # a full last page needs one more (empty) page to show the end.
    extra = 0 if counts else 1
    expected = {"a": 3, "b": 2 + extra, "c": 1, "d": 1}
    assert sorted(source.asked) == sorted((w, p) for w, n in expected.items()
                                          for p in range(1, n + 1))
    assert source.delivered == sorted(source.delivered, key=lambda k: (list(data).index(k[0]),
                                                                       k[1]))


def test_planned_pages_follow_the_counts() -> None:
    data = {"a": ids("a", 2500), "b": ids("b", 10)}
    source = Source(data, size=1000)
    pager = source.pager(4)
    pager.run(list(data))
    assert pager.pages_planned == pager.pages_done == 4
    assert pager.expected == 2510


def test_pages_answered_in_reverse_are_handed_on_in_order() -> None:
    data = {"a": ids("a", 50), "b": ids("b", 30)}
    release = {key: threading.Event() for key in
               [("a", p) for p in range(1, 6)] + [("b", p) for p in range(1, 4)]}
    arrived: list[tuple[str, int]] = []

    def gate(window: str, page: int) -> None:
        release[(window, page)].wait(5)
        arrived.append((window, page))

    source = Source(data, size=10, gate=gate)
    runner = threading.Thread(target=source.pager(8, buffer_pages=8).run, args=(list(data),))
    runner.start()
    release[("a", 1)].set()
    release[("b", 1)].set()
    for key in reversed(list(release)):
        release[key].set()
        threading.Event().wait(0.01)
    runner.join(10)
    assert not runner.is_alive()
    assert arrived != sorted(arrived), "the answers did come out of order"
    assert source.written == in_order(data)


def test_back_pressure_bounds_the_pages_held() -> None:
    data = {"a": ids("a", 400)}
    held = 0
    most = 0
    lock = threading.Lock()
    slow_first = threading.Event()

    def gate(window: str, page: int) -> None:
        nonlocal held, most
        if page == 2:
            slow_first.wait(0.5)  # the page the output waits for comes last
        with lock:
            held += 1
            most = max(most, held)

    source = Source(data, size=10, gate=gate)
    pager = source.pager(4, buffer_pages=3)
    original = pager._deliver

    def deliver(window: str, page: int, fetched: Fetched[Page]) -> int:
        nonlocal held
        with lock:
            held -= 1
        return original(window, page, fetched)

    pager._deliver = deliver
    pager.run(["a"])
    assert source.written == data["a"]
    assert most <= 4 + 3 + 1, "in flight + buffer (+ the page waited for)"


def test_a_late_first_page_does_not_leave_its_window_one_page_at_a_time() -> None:
    # Page 1 of "b" answers before page 1 of "a": b's further pages must not fill the
    # buffer ahead of a's, or back-pressure fetches a's pages one after another.
    data = {"a": ids("a", 200), "b": ids("b", 200)}
    b_first = threading.Event()
    a_first_back = threading.Event()
    lock = threading.Lock()
    running: dict[str, int] = {"a": 0, "b": 0}
    most = {"a": 0, "b": 0}
    b_ahead: list[int] = []

    def gate(window: str, page: int) -> None:
        if (window, page) == ("a", 1):
            b_first.wait(5)
            threading.Event().wait(0.05)
        elif window == "b" and page > 1 and not a_first_back.is_set():
            b_ahead.append(page)
        with lock:
            running[window] += 1
            most[window] = max(most[window], running[window])
        threading.Event().wait(0.02)
        with lock:
            running[window] -= 1
        if (window, page) == ("b", 1):
            b_first.set()
        if (window, page) == ("a", 1):
            a_first_back.set()

    source = Source(data, size=10, gate=gate)
    source.pager(4, buffer_pages=1).run(list(data))
    assert source.written == in_order(data)
    assert b_ahead == [], "no page of b beyond its first before a's size is known"
    assert most["a"] >= 3, "a's pages were fetched several at once"


# ---- what is incomplete -------------------------------------------------------------------


def test_short_page_mid_stream_names_both_numbers() -> None:
    data = {"a": ids("a", 25)}
    source = Source(data, size=10, serve=lambda w, p, rows: rows[:-1] if p == 2 else rows)
    with pytest.raises(IncompleteError, match="counted 25 entries for a but sent only 24") \
            as info:
        source.pager(3).run(["a"])
    assert (info.value.expected, info.value.received) == (25, 24)


def test_short_page_is_made_up_by_paging_on() -> None:
    """Page 2 one short (its last entry shows up later, on page 4): paging goes on past the
    counted pages while they bring new entries, and the export is complete."""
    data = {"a": ids("a", 25)}

    def serve(window: str, page: int, rows: Page) -> Page:
        return {2: rows[:-1], 4: [data["a"][19]]}.get(page, rows)

    source = Source(data, size=10, serve=serve)
    source.pager().run(["a"])
    assert sorted(source.written) == data["a"]
    assert [p for _, p in source.asked] == [1, 2, 3, 4]


def test_empty_page_before_the_count_is_an_error() -> None:
    data = {"a": ids("a", 25)}
    source = Source(data, size=10, serve=lambda w, p, rows: [] if p == 2 else rows)
    with pytest.raises(IncompleteError, match="only 10"):
        source.pager().run(["a"])


@pytest.mark.parametrize("counts", [True, False])
def test_a_server_repeating_page_one_is_caught(counts: bool) -> None:
    data = {"a": ids("a", 35)}
    source = Source(data, size=10, counts=counts,
                    serve=lambda w, p, rows: data["a"][:10])
    with pytest.raises(IncompleteError, match="ignore paging"):
        source.pager(4).run(["a"])
    assert source.written == data["a"][:10]


def test_more_than_counted_keeps_paging_to_a_short_page() -> None:
    data = {"a": ids("a", 35)}
    source = Source(data, size=10)
    original = source.fetch

    def fetch(window: str, page: int) -> Fetched[Page]:
        fetched = original(window, page)
        return Fetched(fetched.payload, fetched.rows, 12 if page == 1 else None)

    source.fetch = fetch  # type: ignore[method-assign]
    source.pager(2).run(["a"])
    assert source.written == data["a"]


def test_a_list_that_never_ends_is_stopped() -> None:
    source = Source({"a": ids("a", 1000)}, size=1, counts=False)
    with pytest.raises(IncompleteError, match="more than 50"):
        source.pager(max_pages=50).run(["a"])


def test_the_same_entry_in_two_windows_counts_for_both_but_is_written_once() -> None:
    data = {"a": ["x1", "x2"], "b": ["x2", "x3"]}
    source = Source(data, size=10)
    source.pager(2).run(list(data))
    assert source.written == ["x1", "x2", "x3"]  # and window b still has its 2 of 2


# ---- split, failure, cancel ---------------------------------------------------------------


def test_a_window_split_by_the_fetch_is_fetched_in_parts_in_place() -> None:
    data = {"ab": [], "a": ids("a", 12), "b": ids("b", 3), "c": ids("c", 2)}
    source = Source(data, size=5)
    original = source.fetch

    def fetch(window: str, page: int) -> Fetched[Page]:
        if window == "ab":
            raise SplitWindow(["a", "b"])
        return original(window, page)

    source.fetch = fetch  # type: ignore[method-assign]
    pager = source.pager(3)
    pager.run(["ab", "c"])
    assert source.written == data["a"] + data["b"] + data["c"]
    assert [w.key for w in pager.windows] == ["a", "b", "c"]


def page_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("clockify-page")]


def test_a_failing_page_stops_the_others_and_leaves_no_thread() -> None:
    data = {"a": ids("a", 100)}
    cancel = threading.Event()

    def gate(window: str, page: int) -> None:
        if page == 3:
            raise NetworkError("Clockify kept failing")
        if page > 3:
            cancel.wait(5)  # a slow request: stopped by the cancel the failure sets

    source = Source(data, size=10, gate=gate)
    with pytest.raises(NetworkError):
        source.pager(5, cancel=cancel).run(["a"])
    assert cancel.is_set()
    assert page_threads() == []
    assert source.written == data["a"][:20]


def test_cancel_with_pages_in_flight_returns_and_leaves_no_thread() -> None:
    data = {"a": ids("a", 100)}
    cancel = threading.Event()

    def gate(window: str, page: int) -> None:
        if page > 1:
            cancel.wait(5)  # the client wakes in-flight requests on cancel
            raise CancelledError()

    source = Source(data, size=10, gate=gate)
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    with pytest.raises(CancelledError):
        source.pager(6, cancel=cancel).run(["a"])
    timer.join()
    assert page_threads() == []


# ---- pick-lists ---------------------------------------------------------------------------


def test_list_pages_follow_the_last_page_header() -> None:
    pages = {1: ([{"id": "1"}, {"id": "2"}], False), 2: ([{"id": "3"}], False),
             3: ([{"id": "4"}], True)}
    got = list_pages(lambda n: pages[n], page_size=2, cancel=threading.Event(), name="tags")
    assert [t["id"] for t in got] == ["1", "2", "3", "4"]


def test_list_pages_without_header_stop_at_a_short_page() -> None:
    asked: list[int] = []

    def fetch(n: int) -> tuple[list[dict[str, Any]], bool | None]:
        asked.append(n)
        return [{"id": f"{n}-{i}"} for i in range(2 if n < 3 else 1)], None

    assert len(list_pages(fetch, page_size=2, cancel=threading.Event(), name="x")) == 5
    assert asked == [1, 2, 3]


def test_a_list_that_always_says_more_is_caught() -> None:
    with pytest.raises(IncompleteError, match="page 2 of the list of projects again") as info:
        list_pages(lambda n: ([{"id": "same"}], False), page_size=1000,
                   cancel=threading.Event(), name="projects")
    assert "range" not in info.value.hint and "list was not read" in info.value.hint


def test_a_list_that_never_ends_says_so_without_date_range_advice() -> None:
    asked: list[int] = []

    def fetch(n: int) -> tuple[list[dict[str, Any]], bool | None]:
        asked.append(n)
        return [{"id": f"g{n}"}], False  # always something new, always "more to come"

    with pytest.raises(IncompleteError) as info:
        list_pages(fetch, page_size=1, cancel=threading.Event(), name="user-groups")
    assert info.value.message == (
        f"Clockify's list of user groups did not end after {MAX_LIST_PAGES:,} pages, so it "
        "was not read.")
    assert "range" not in info.value.hint and "export" not in str(info.value).lower()
    assert asked == list(range(1, MAX_LIST_PAGES + 1))


def test_seen_items_remember_many_ids_exactly() -> None:
    seen = SeenItems()
    first = [f"{i:024x}" for i in range(0, 30_000, 3)]
    for oid in first:
        assert seen.add(identity({"_id": oid}, ReportKind.DETAILED)) == (True, True)
    assert seen.add(identity({"_id": first[5]}, ReportKind.DETAILED)) == (False, False)
    assert seen.add("odd-id") == (True, True) and seen.add("odd-id") == (False, False)
    seen.next_window()
    for oid in first[:100]:  # the same entries in the next window
        assert seen.add(identity({"_id": oid}, ReportKind.DETAILED)) == (True, False)
    assert seen.add(identity({"_id": f"{1:024x}"}, ReportKind.DETAILED)) == (True, True)
    assert seen.add("odd-id") == (True, False)


def test_seen_items_across_many_windows_sized_or_not() -> None:
    # More windows than are kept apart (their tables are merged), counted or not, some
    # fuller than counted: every id is new exactly once in the export and once per window.
    seen = SeenItems()
    windows = [list(range(1 + w * 700, 1 + w * 700 + 1000)) for w in range(8)]  # overlap
    written: list[int] = []
    for number, ids_ in enumerate(windows):
        seen.next_window(None if number % 3 == 2 else len(ids_) // 2)
        for key in ids_:
            in_window, in_export = seen.add(key)
            assert in_window
            if in_export:
                written.append(key)
            assert seen.add(key) == (False, False)
    assert written == sorted(set().union(*map(set, windows)))


def test_identity_forms() -> None:
    kind = ReportKind.DETAILED
    oid = "6650c0de0000000000440001"
    assert identity({"_id": oid}, kind) == int(oid, 16)
    assert identity({"_id": oid.upper()}, kind) == oid.upper()  # not folded into another id
    assert identity({"_id": "0x" + oid[2:]}, kind) == "0x" + oid[2:]
    assert identity({"_id": "a", "id": "b"}, kind) == "a"
    assert identity({"id": "b"}, ReportKind.EXPENSES) == "b"
    assert identity({}, kind) is None
    assert identity({"_id": {"b": 1, "a": 2}}, kind) == identity({"_id": {"a": 2, "b": 1}}, kind)
    assert identity({"userId": "u", "date": "d"}, ReportKind.ATTENDANCE) == "u|d"
