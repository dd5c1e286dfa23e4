"""Report items between the paginator and the output: identity, de-duplication, sinks.

This is the seam every output plugs into. For paged reports (detailed, attendance,
expenses) the engine hands the items in their final order, each exactly once, to an
`ItemSink`: `add(item)` per item, then `close(trailer)` with the keys that follow the item
list in Clockify's JSON shape (for detailed `{"totals": [{…recomputed…}]}`). For summary and
weekly it hands one merged document (Clockify's shape: `groupOne` tree + `totals`, weekly
with `weeks`) to a `DocumentSink`. The JSON writers of `core.writers` are one such pair; a
local CSV/XLSX/PDF renderer is another.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterator
from typing import Any, Protocol

from core.reports import ReportKind

_OBJECT_ID = re.compile(r"[0-9a-f]{24}")


class ItemSink(Protocol):
    def add(self, item: dict[str, Any]) -> None: ...

    def close(self, trailer: dict[str, Any]) -> None: ...


class DocumentSink(Protocol):
    def write(self, document: dict[str, Any]) -> None: ...


def items_of(data: dict[str, Any], kind: ReportKind) -> list[dict[str, Any]]:
    """The page's item list (`timeentries`, `entities`, `expenses`)."""
    items = data.get(kind.items_key or "")
    if items is None and kind is ReportKind.DETAILED:
        items = data.get("timeEntries")  # the older spelling
    return [x for x in items or [] if isinstance(x, dict)]


def identity(item: dict[str, Any], kind: ReportKind) -> int | str | None:
    """What makes an item the same item in another page or window (None: nothing)."""
    if kind is ReportKind.ATTENDANCE:  # one row per user and day; no id of its own
        return f"{item.get('userId')}|{item.get('date')}"
    value = item.get("_id", item.get("id"))
    if value is None:
        return None
    if not isinstance(value, str):
        return json.dumps(value, sort_keys=True)
    if _OBJECT_ID.fullmatch(value):
        return int(value, 16)  # Clockify's ids: 96 bits, kept in a compact table
    return value


_BITS64 = (1 << 64) - 1


class _IdTable:
    """A set of 96-bit ids (Clockify's 24 hex digits) in two flat arrays, open addressing.

    12 bytes a slot instead of ~70 for a Python int in a set, and sized to what it is to
    hold (any size, not a power of two; at most half full), so the ids of a 200,000-entry
    export take ~5 MB and the export's memory stays flat however many entries it has. A
    slot of zeros is free; the all-zero id itself is kept by the caller (`SeenItems`)."""

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._allocate(capacity)

    def _allocate(self, capacity: int) -> None:
        self._capacity = max(2, capacity)
        self._high = array("Q", bytes(8 * self._capacity))  # bits 95…32
        self._low = array("I", bytes(4 * self._capacity))  # bits 31…0
        self._limit = self._capacity // 2  # at most half full: short probes
        self.size = 0

    def add(self, key: int, only_test: bool = False) -> bool:
        """Add `key` (unless `only_test`); → whether it was not there."""
        high, low, capacity = self._high, self._low, self._capacity
        hi, lo = key >> 32, key & 0xFFFFFFFF
        # Fibonacci hashing: ids share long runs of bits (a time stamp, a counter), and
        # the top bits of the product depend on every bit of the id; they pick the slot
        # (multiply-shift onto any capacity).
        i = (((hi ^ lo << 29) * 0x9E3779B97F4A7C15) & _BITS64) * capacity >> 64
        while True:
            h = high[i]
            if h == hi and low[i] == lo:
                return False
            if h == 0 and low[i] == 0:
                break
            i += 1
            if i == capacity:
                i = 0
        if not only_test:
            high[i], low[i] = hi, lo
            self.size += 1
            if self.size > self._limit:
                self._grow()
        return True

    def __contains__(self, key: int) -> bool:
        return not self.add(key, only_test=True)

    def _grow(self, at_least: int = 0) -> None:
        capacity = max(self._capacity * 2, 2 * at_least + 2)
        high, low = self._high, self._low
        self._allocate(capacity)
        for hi, lo in zip(high, low, strict=True):
            if hi or lo:
                self.add(hi << 32 | lo)

    def reserve(self, count: int) -> None:
        """Room for `count` keys in all, grown once rather than step by step."""
        if count > self._limit:
            self._grow(count)

    def __iter__(self) -> Iterator[int]:
        for hi, lo in zip(self._high, self._low, strict=True):
            if hi or lo:
                yield hi << 32 | lo


_MAX_EARLIER_TABLES = 4  # beyond this many earlier windows, their tables become one


class SeenItems:
    """Which items were handed on already, and which of them in the current window.

    Each earlier window keeps its own table, sized to that window: no table is copied into
    a growing one at each new window (which held the old copy, the new one and the window's
    at once: 12 MB at 200,000 entries instead of 5). An export of many windows merges them
    now and then, so that a lookup never checks more than a few tables."""

    def __init__(self) -> None:
        self._earlier: list[_IdTable] = []
        self._window = _IdTable()
        self._earlier_other: set[int | str] = set()  # ids not in Clockify's usual form
        self._window_other: set[int | str] = set()

    def next_window(self, expected: int | None = None) -> None:
        """Start the next window; `expected`: how many items Clockify says it holds."""
        if self._window.size:
            self._earlier.append(self._window)
            if len(self._earlier) > _MAX_EARLIER_TABLES:
                merged = _IdTable(2 * sum(t.size for t in self._earlier) + 2)
                for table in self._earlier:
                    for key in table:
                        merged.add(key)
                self._earlier = [merged]
            self._window = _IdTable(2 * expected + 2 if expected else 1 << 12)
        elif expected:
            self._window.reserve(expected)
        self._earlier_other.update(self._window_other)
        self._window_other = set()

    def add(self, ident: int | str | None) -> tuple[bool, bool]:
        """→ (new in this window, new in the whole export)."""
        if ident is None:
            return True, True
        if isinstance(ident, int) and ident:
            if not self._window.add(ident):
                return False, False
            for table in self._earlier:
                if ident in table:
                    return True, False
            return True, True
        if ident in self._window_other:  # also the all-zero id
            return False, False
        self._window_other.add(ident)
        return True, ident not in self._earlier_other
