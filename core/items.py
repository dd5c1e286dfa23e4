"""Report items between the paginator and the output: identity, de-duplication, sinks.

This is the seam every output plugs into. For paged reports (detailed, attendance,
expenses) the engine hands the items in their final order, each exactly once, to an
`ItemSink`: `add(item)` per item, then `close(trailer)` with the keys that follow the item
list in Clockify's JSON shape (for detailed `{"totals": [{…recomputed…}]}`). For summary and
weekly it hands one merged document (Clockify's shape: `groupOne` tree + `totals`, weekly
with `weeks`) to a `DocumentSink`. The JSON writers of `core.writers` are one such pair; a
local CSV/XLSX/PDF renderer is another.

A page reaches the output in one of two forms (`PageItems`). For JSON files, a page is read
raw (`read_raw_page`): each item stays the bytes Clockify sent, and only the few fields that
identity, de-duplication and totals need are decoded (`ItemFields`), when the page's turn
comes (`RawPage`), so an item is neither built as a dict nor encoded again. That took the
CPU time of a 1,000-entry page from ~24 ms to ~9 ms in a concurrent export
(benchmarks/RESULTS.md, issue 10); parsing the whole page and then only skipping the
re-encoding saved nothing. Anything else — a page in another shape, text the fast reader
does not check as strictly as `core.wire.parse_json`, and every page a renderer reads — is
parsed in full (`parsed_page`), as before.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import msgspec

from core.reports import ReportKind
from core.wire import parse_json

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


Identity = int | str | None


def identity(item: dict[str, Any], kind: ReportKind) -> Identity:
    """What makes an item the same item in another page or window (None: nothing)."""
    if kind is ReportKind.ATTENDANCE:  # one row per user and day; no id of its own
        return f"{item.get('userId')}|{item.get('date')}"
    return _identity_of(item.get("_id", item.get("id")))


def _identity_of(value: Any) -> Identity:
    if value is None:
        return None
    if not isinstance(value, str):
        return json.dumps(value, sort_keys=True)
    if _OBJECT_ID.fullmatch(value):
        return int(value, 16)  # Clockify's ids: 96 bits, kept in a compact table
    return value


# ---- pages read raw ----------------------------------------------------------------------


class _Interval(msgspec.Struct, gc=False):
    duration: Any = None


class ItemFields(msgspec.Struct, gc=False):
    """What identity, de-duplication and totals read of an item; the rest stays raw.

    A missing key reads as None, as `dict.get` gives, except the ids: `_id` wins over `id`
    even when it is null, as in `identity`. `timeInterval` must be an object or null (any
    other value sends the page to the full parser, which treats it as no duration). Decoded
    values cannot form cycles, so the garbage collector need not track these."""

    id_: Any = msgspec.field(default=msgspec.UNSET, name="_id")
    id: Any = msgspec.UNSET
    userId: Any = None
    date: Any = None
    amount: Any = None
    billable: Any = None
    currency: Any = None
    earnedAmount: Any = None
    costAmount: Any = None
    timeInterval: _Interval | None = None

    @property
    def duration(self) -> Any:
        interval = self.timeInterval
        return None if interval is None else interval.duration

    def get(self, key: str, default: Any = None) -> Any:
        """`dict.get` for the keys above (JSON names), for code that reads either form."""
        if key not in _FIELD_KEYS:
            return default
        value = getattr(self, "id_" if key == "_id" else key)
        return default if value is msgspec.UNSET else value


_FIELD_KEYS = frozenset(ItemFields.__struct_encode_fields__)


def fields_identity(fields: ItemFields, kind: ReportKind) -> Identity:
    """`identity` of an item read raw."""
    if kind is ReportKind.ATTENDANCE:
        return f"{fields.userId}|{fields.date}"
    value = fields.id if fields.id_ is msgspec.UNSET else fields.id_
    return _identity_of(None if value is msgspec.UNSET else value)


@dataclass(frozen=True, slots=True)
class PageItems:
    """One page as the output takes it.

    `data`: the page's keys the export reads besides the items (`totals`). `items`: the
    parsed items (dicts), or, for a page read raw, their `ItemFields`; then `raw` holds each
    item's bytes as sent. `idents`: each item's `identity`."""

    data: dict[str, Any]
    items: Sequence[Any]
    idents: list[Identity]
    raw: list[msgspec.Raw] | None = None

    @property
    def rows(self) -> int:
        return len(self.items)

    def read(self) -> PageItems:
        return self


def parsed_page(data: dict[str, Any], kind: ReportKind) -> PageItems:
    """A page parsed in full."""
    items = items_of(data, kind)
    return PageItems(data, items, [identity(item, kind) for item in items])


@dataclass(frozen=True, slots=True)
class RawPage:
    """A page read raw, as it waits for its turn: the bytes Clockify sent, each item's bytes
    within them (`raw`) and the page's other keys (`data`: `totals`).

    The fields that totals and de-duplication read are decoded when the page is delivered
    (`read`), a page at a time. Decoded in the page threads, they were ~0.45 MB of small
    objects a page (1,000 entries) beside its ~0.65 MB of bytes, for each of the ~10 pages
    a concurrent export holds: peak RSS 58 / 63 / 64 MB at 20k / 100k / 200k entries,
    54 / 58 / 58 MB without them, at the same speed (benchmarks/RESULTS.md, issue 10)."""

    data: dict[str, Any]
    raw: list[msgspec.Raw]
    body: bytes
    kind: ReportKind

    @property
    def rows(self) -> int:
        return len(self.raw)

    def read(self) -> PageItems:
        """The page's items as `ItemFields` beside their bytes; a page whose fields are not
        of the shapes `ItemFields` reads (a `timeInterval` that is not an object) is read
        in full, as the full parser reads any page (its syntax was checked already)."""
        try:
            items: list[ItemFields] = _READERS[self.kind].fields.decode(self.body).items
        except (msgspec.DecodeError, RecursionError):  # msgspec.ValidationError too
            return parsed_page(parse_json(self.body), self.kind)
        if len(items) != len(self.raw):  # the same list read twice: never, short of a bug
            return parsed_page(parse_json(self.body), self.kind)
        return PageItems(self.data, items, _object_ids([f.id_ for f in items]) or
                         [fields_identity(f, self.kind) for f in items], self.raw)


class _RawReader:
    """The two decoders of one report kind's pages: items as raw bytes (with the page's
    totals), and the items' fields."""

    def __init__(self, key: str) -> None:
        rename = {"items": key}
        raw = msgspec.defstruct("RawItems", [("items", list[msgspec.Raw]),
                                             ("totals", Any, None)], rename=rename)
        fields = msgspec.defstruct("ItemFieldsPage", [("items", list[ItemFields])],
                                   rename=rename)
        # Types made at run time: what they decode is typed where it is read.
        self.raw: msgspec.json.Decoder[Any] = msgspec.json.Decoder(raw)
        self.fields: msgspec.json.Decoder[Any] = msgspec.json.Decoder(fields)


_READERS = {kind: _RawReader(kind.items_key) for kind in ReportKind if kind.items_key}


_HEAD = 4096  # bytes: a JSON writer's separators show in its first keys
_BRACE = ord("{")


def _loose(data: bytes) -> bool:
    # Substring searches (memchr): a regular expression for the same took 14 ms a page.
    # `": ` is looked for in the head only: over the whole page it took 0.5 ms.
    return b"\n" in data or b"\r" in data or b"\t" in data or b'": ' in data[:_HEAD]


def read_raw_page(data: bytes, kind: ReportKind) -> RawPage | None:
    """A page of items read raw, or None: not plainly such a page (parse it in full).

    msgspec refuses what `core.wire.parse_json` refuses (truncated or invalid JSON, NaN,
    control characters, lone surrogates, bad escapes, trailing data, deep nesting) except
    invalid UTF-8 inside the strings it skips: that is checked here. The items must be a
    list of objects under their usual key; anything else (a null or missing list, the older
    `timeEntries`, an item that is not an object, an error body) goes to the full parser,
    which knows those.

    Clockify sends compact JSON. A page with whitespace where compact JSON has none — a line
    break or tab (never raw inside a JSON string), or `": ` in its first keys (Python's
    default separators) — is compacted first, so that each item is written on one line, as
    a re-encoded item was. Compacting every page would cost 1.5 ms; these tests, 0.03 ms."""
    try:
        if _loose(data):
            data = msgspec.json.format(data, indent=-1)
        if not data.isascii():
            # The page decoded as one text: in a big block, which goes back to the system at
            # once. Pieces of 4-16 kB cost a third of the 1.5 ms but fragmented the C heap:
            # peak RSS of a 200,000-entry export 68-165 MB instead of 62, and not flat.
            data.decode("utf-8")
        page = _READERS[kind].raw.decode(data)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return None  # msgspec.ValidationError is a DecodeError
    raw: list[msgspec.Raw] = page.items
    if not all(memoryview(item)[0] == _BRACE for item in raw):  # 0.2 ms a page
        return None
    totals = page.totals
    return RawPage({} if totals is None else {"totals": totals}, raw, data, kind)


_HEX = "0123456789abcdef"


def _object_ids(values: list[Any]) -> list[Identity] | None:
    """`identity` of every item at once when all have `_id`s in Clockify's usual form (24
    lowercase hex digits), else None. A third of the time of one call per item."""
    try:
        text = "".join(values)  # TypeError: not all strings (or a missing `_id`)
    except TypeError:
        return None
    if (not values or min(map(len, values)) != 24 or max(map(len, values)) != 24
            or text.strip(_HEX)):  # what strip leaves is not a hex digit
        return None
    return [int(value, 16) for value in values]


_BITS64 = (1 << 64) - 1


class _IdTable:
    """A set of 96-bit ids (Clockify's 24 hex digits) in two flat arrays, open addressing.

    12 bytes a slot instead of ~70 for a Python int in a set, and sized to what it is to
    hold (any size, not a power of two; at most three quarters full), so the ids of a
    200,000-entry export take ~3.2 MB and the export's memory stays flat however many
    entries it has. A slot of zeros is free; the all-zero id itself is kept by the caller
    (`SeenItems`)."""

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._allocate(capacity)

    @staticmethod
    def room_for(count: int) -> int:
        """The capacity that holds `count` keys within the fill limit."""
        return count * 4 // 3 + 2

    def _allocate(self, capacity: int) -> None:
        self._capacity = max(2, capacity)
        self._high = array("Q", bytes(8 * self._capacity))  # bits 95…32
        self._low = array("I", bytes(4 * self._capacity))  # bits 31…0
        # At most 3/4 full: probes stay short with this hash (~2.5 for a hit), and memory
        # stays flat (half full cost 1.6 MB more at 200,000 entries: +12 % from 20,000).
        self._limit = self._capacity * 3 // 4
        self.size = 0

    def add(self, key: int, only_test: bool = False) -> bool:
        """Add `key` (unless `only_test`); → whether it was not there."""
        return self.add_all((key,), only_test)[0]

    def add_all(self, keys: Iterable[int], only_test: bool = False) -> list[bool]:
        """Add each key in turn (unless `only_test`); → for each, whether it was not there.
        One loop for a page's keys: a call per key cost as much as the probing."""
        out: list[bool] = []
        high, low, capacity = self._high, self._low, self._capacity
        for key in keys:
            hi, lo = key >> 32, key & 0xFFFFFFFF
            # Fibonacci hashing: ids share long runs of bits (a time stamp, a counter), and
            # the top bits of the product depend on every bit of the id; they pick the slot
            # (multiply-shift onto any capacity).
            i = (((hi ^ lo << 29) * 0x9E3779B97F4A7C15) & _BITS64) * capacity >> 64
            while True:
                h = high[i]
                if h == hi and low[i] == lo:
                    out.append(False)
                    break
                if h == 0 and low[i] == 0:
                    out.append(True)
                    if not only_test:
                        high[i], low[i] = hi, lo
                        self.size += 1
                        if self.size > self._limit:
                            self._grow()
                            high, low, capacity = self._high, self._low, self._capacity
                    break
                i += 1
                if i == capacity:
                    i = 0
        return out

    def __contains__(self, key: int) -> bool:
        return not self.add(key, only_test=True)

    def _grow(self, at_least: int = 0) -> None:
        capacity = max(self._capacity * 2, self.room_for(at_least))
        high, low = self._high, self._low
        self._allocate(capacity)
        self.add_all(hi << 32 | lo for hi, lo in zip(high, low, strict=True) if hi or lo)

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
                merged = _IdTable(_IdTable.room_for(sum(t.size for t in self._earlier)))
                for table in self._earlier:
                    merged.add_all(table)
                self._earlier = [merged]
            self._window = _IdTable(_IdTable.room_for(expected) if expected else 1 << 12)
        elif expected:
            self._window.reserve(expected)
        self._earlier_other.update(self._window_other)
        self._window_other = set()

    def add(self, ident: Identity) -> tuple[bool, bool]:
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

    def add_page(self, idents: Sequence[Identity]) -> tuple[int, list[int]]:
        """`add` for each of a page's items in order → (how many were new in this window,
        the indexes of those new in the whole export). Ids in Clockify's usual form are
        looked up a table at a time."""
        if not all(ident.__class__ is int and ident for ident in idents):
            new = 0
            kept: list[int] = []
            for index, ident in enumerate(idents):
                in_window, in_export = self.add(ident)
                new += in_window
                if in_export:
                    kept.append(index)
            return new, kept
        keys: list[int] = idents  # type: ignore[assignment]  # all ints, tested above
        kept = [index for index, fresh in enumerate(self._window.add_all(keys)) if fresh]
        new = len(kept)
        for table in self._earlier:
            if kept:
                seen = table.add_all([keys[index] for index in kept], only_test=True)
                kept = [index for index, fresh in zip(kept, seen, strict=True) if fresh]
        return new, kept
