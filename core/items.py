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


def identity(item: dict[str, Any], kind: ReportKind) -> str | int | None:
    """What makes an item the same item in another page or window (None: nothing)."""
    if kind is ReportKind.ATTENDANCE:  # one row per user and day; no id of its own
        return f"{item.get('userId')}|{item.get('date')}"
    value = item.get("_id", item.get("id"))
    if value is None:
        return None
    if not isinstance(value, str):
        return json.dumps(value, sort_keys=True)
    if _OBJECT_ID.fullmatch(value):
        # Clockify's ids are 24 lower-case hex digits: as a number they take half the
        # memory in the set that remembers every id of a 200,000-entry export.
        return int(value, 16)
    return value


class SeenItems:
    """Which items were handed on already, and which of them in the current window."""

    def __init__(self) -> None:
        self._earlier: set[str | int] = set()
        self._window: set[str | int] = set()

    def next_window(self) -> None:
        self._earlier.update(self._window)
        self._window = set()

    def add(self, ident: str | int | None) -> tuple[bool, bool]:
        """→ (new in this window, new in the whole export)."""
        if ident is None:
            return True, True
        if ident in self._window:
            return False, False
        self._window.add(ident)
        return True, ident not in self._earlier
