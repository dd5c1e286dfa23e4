"""Entries in the order the user chose, for the files this app builds, in flat memory.

The engine fetches JSON pages in creation order, so that entries added while it pages
cannot shift later pages, and several date windows arrive one after another: neither is
the "newest first" (or by user, by duration…) that the window and `--sort` promise. This
sink puts them in that order before the renderer sees them: an external merge sort, with
runs of `RUN_ITEMS` sorted in memory and spilled to anonymous temporary files beside the
output (the file system the user chose, checked before the first request), then merged.
Memory stays bounded by one run however long the report; the spill files have no name on
POSIX and are deleted on close on Windows, so a killed export leaves none behind.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from core.bodies import ReportOptions
from core.errors import OutputError
from core.items import ItemSink
from core.render.values import local_time
from core.reports import ReportKind
from core.summaries import duration_seconds

RUN_ITEMS = 10_000  # items sorted in memory at once (~40 MB of parsed entries)

SortKey = Callable[[dict[str, Any]], Any]


def _start(item: dict[str, Any]) -> float:
    """The start as a timestamp, so offsets (summer/winter time) compare rightly."""
    moment = local_time((item.get("timeInterval") or {}).get("start"), None)
    if moment is None:
        return float("-inf")  # no start: first in ascending order, as Clockify lists them
    return moment.timestamp()


def _text(name: str) -> SortKey:
    return lambda item: (str(item.get(name) or "").casefold(), _start(item))


def _day(item: dict[str, Any]) -> Any:
    return (str(item.get("date") or ""), str(item.get("userName") or "").casefold())


def _duration(item: dict[str, Any]) -> Any:
    value = (item.get("timeInterval") or {}).get("duration")
    return (duration_seconds(value, "a time entry"), _start(item))


_DETAILED: dict[str, SortKey] = {
    "DATE": _start,
    # Clockify's ids are 24 lowercase hex digits: as text they sort as they were created.
    "ID": lambda item: str(item.get("_id") or item.get("id") or ""),
    "USER": _text("userName"),
    "DESCRIPTION": _text("description"),
    "DURATION": _duration,
}


def sort_key(kind: ReportKind, options: ReportOptions) -> SortKey | None:
    """How the user asked the items to be ordered; None: keep the fetched order."""
    if kind is ReportKind.DETAILED:
        return _DETAILED.get(options.detailed_sort_column)
    if kind is ReportKind.ATTENDANCE:
        return _day
    if kind is ReportKind.EXPENSES:
        return lambda item: str(item.get("date") or "")
    return None


class SortedItems:
    """An item sink that hands its items on to `inner` in `key` order when closed."""

    def __init__(self, inner: ItemSink, key: SortKey, *, descending: bool, folder: Path,
                 run_items: int = RUN_ITEMS) -> None:
        self.inner = inner
        self.descending = descending
        self.folder = folder
        self.run_items = run_items
        self._key = key
        self._run: list[tuple[Any, int, dict[str, Any]]] = []
        self._spilled: list[IO[bytes]] = []
        self._seq = 0

    def add(self, item: dict[str, Any]) -> None:
        # The arrival number breaks ties, so equal keys keep a repeatable order.
        self._run.append((self._key(item), self._seq, item))
        self._seq += 1
        if len(self._run) >= self.run_items:
            self._spill()

    def close(self, trailer: dict[str, Any]) -> None:
        try:
            if not self._spilled:
                self._run.sort(key=_order, reverse=self.descending)
                for _, _, item in self._run:
                    self.inner.add(item)
            else:
                self._spill()
                runs = [self._read(run) for run in self._spilled]
                for _, _, item in heapq.merge(*runs, key=_order, reverse=self.descending):
                    self.inner.add(item)
            self._run = []
            self.inner.close(trailer)
        finally:
            self.discard()

    def discard(self) -> None:
        """Drop the spill files (also when the export fails or is cancelled)."""
        for run in self._spilled:
            run.close()
        self._spilled = []

    def _spill(self) -> None:
        self._run.sort(key=_order, reverse=self.descending)
        try:
            # Kept open past this block: the run is read back when the sink closes.
            run = tempfile.TemporaryFile(prefix=".clockify-sort-", dir=self.folder)  # noqa: SIM115
            try:
                for _, seq, item in self._run:
                    run.write(orjson.dumps([seq, item]))
                    run.write(b"\n")
                run.flush()
            except BaseException:
                run.close()
                raise
        except OSError as exc:
            raise OutputError(
                f"Could not sort the entries in {self.folder}: {exc.strerror or exc}.",
                "Free some disk space there, or save the file somewhere else.",
                path=self.folder, errno=exc.errno) from None
        self._spilled.append(run)
        self._run = []

    def _read(self, run: IO[bytes]) -> Iterator[tuple[Any, int, dict[str, Any]]]:
        run.seek(0)
        for line in run:
            seq, item = orjson.loads(line)
            yield self._key(item), seq, item


def _order(entry: tuple[Any, int, dict[str, Any]]) -> tuple[Any, int]:
    return entry[0], entry[1]
