"""Files this app builds list entries in the order the user chose (core.render.order)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from core.bodies import ReportOptions
from core.errors import OutputError
from core.render.order import SortedItems, sort_key
from core.reports import ReportKind


class Collect:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.trailer: dict[str, Any] | None = None

    def add(self, item: dict[str, Any]) -> None:
        self.items.append(item)

    def close(self, trailer: dict[str, Any]) -> None:
        self.trailer = trailer


def entry(n: int, start: str, user: str = "Ann", duration: Any = 60,
          description: str = "") -> dict[str, Any]:
    return {"_id": f"{n:024x}", "userName": user, "description": description,
            "timeInterval": {"start": start, "duration": duration}}


def sorted_ids(items: list[dict[str, Any]], column: str, order: str, tmp_path: Path,
               run_items: int = 3) -> list[str]:
    options = ReportOptions(detailed_sort_column=column, sort_order=order)
    key = sort_key(ReportKind.DETAILED, options)
    assert key is not None
    out = Collect()
    sink = SortedItems(out, key, descending=order == "DESCENDING", folder=tmp_path,
                       run_items=run_items)
    for item in items:
        sink.add(item)
    sink.close({"totals": []})
    assert out.trailer == {"totals": []}
    return [i["_id"][-2:] for i in out.items]


# Created in this order (ids grow), but not in time order, across two "windows".
ITEMS = [
    entry(1, "2026-03-02T09:00:00+01:00", "Zoë", 300, "b"),
    entry(2, "2026-03-01T09:00:00+01:00", "ann", 100, "C"),
    entry(3, "2026-03-03T09:00:00+01:00", "Bob", 200, "a"),
    entry(4, "2026-03-30T01:30:00+02:00", "Bob", "PT1H", "d"),  # summer time: 23:30 UTC
    entry(5, "2026-03-29T23:45:00+00:00", "Cy", 50, "e"),  # later than #4, though as text
    # it reads as earlier
    entry(6, "2026-03-01T09:00:00+01:00", "Ann", 100, "f"),  # same start as #2
    entry(7, "2026-03-05T10:00:00Z", "Dee", 70, "g"),
]


@pytest.mark.parametrize("run_items", [3, 100])  # spilled to disk, or sorted in memory
def test_newest_first_across_windows_and_offsets(tmp_path: Path, run_items: int) -> None:
    assert sorted_ids(ITEMS, "DATE", "DESCENDING", tmp_path, run_items) == [
        "05", "04", "07", "03", "01", "06", "02"]
    assert sorted_ids(ITEMS, "DATE", "ASCENDING", tmp_path, run_items) == [
        "02", "06", "01", "03", "07", "04", "05"]


def test_by_user_ignores_case_then_time(tmp_path: Path) -> None:
    assert sorted_ids(ITEMS, "USER", "ASCENDING", tmp_path) == [
        "02", "06", "03", "04", "05", "07", "01"]


def test_by_duration_reads_iso_durations(tmp_path: Path) -> None:
    assert sorted_ids(ITEMS, "DURATION", "DESCENDING", tmp_path)[:2] == ["04", "01"]


def test_by_description_and_by_id(tmp_path: Path) -> None:
    assert sorted_ids(ITEMS, "DESCRIPTION", "ASCENDING", tmp_path) == [
        "03", "01", "02", "04", "05", "06", "07"]
    assert sorted_ids(ITEMS, "ID", "DESCENDING", tmp_path) == [
        "07", "06", "05", "04", "03", "02", "01"]


def test_attendance_and_expenses_go_by_date() -> None:
    for kind in (ReportKind.ATTENDANCE, ReportKind.EXPENSES):
        key = sort_key(kind, ReportOptions())
        assert key is not None
        assert key({"date": "2026-03-02"}) > key({"date": "2026-03-01"})
    assert sort_key(ReportKind.SUMMARY, ReportOptions()) is None


def test_spill_files_leave_nothing_in_the_folder(tmp_path: Path) -> None:
    items = [entry(n, f"2026-03-{n % 28 + 1:02d}T09:00:00Z") for n in range(1, 50)]
    assert len(sorted_ids(items, "DATE", "DESCENDING", tmp_path, run_items=5)) == 49
    assert os.listdir(tmp_path) == []


def test_a_full_disk_while_sorting_is_an_output_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("core.render.order.tempfile.TemporaryFile", full)
    key = sort_key(ReportKind.DETAILED, ReportOptions())
    assert key is not None
    sink = SortedItems(Collect(), key, descending=True, folder=tmp_path, run_items=2)
    sink.add(ITEMS[0])
    with pytest.raises(OutputError) as caught:
        sink.add(ITEMS[1])
    assert caught.value.errno == errno.ENOSPC and str(tmp_path) in caught.value.message
