"""Pages read raw (core.items.read_raw_page): the same items, ids, totals and bytes as a
page parsed in full and re-encoded, and the full parser for anything else."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import orjson
import pytest

from core.errors import DataError
from core.items import (
    ItemFields,
    SeenItems,
    _IdTable,
    identity,
    parsed_page,
    read_raw_page,
)
from core.manifest import saved_file
from core.reports import ReportKind
from core.summaries import JsonTotals
from core.wire import parse_json
from core.writers import AtomicFile, JsonListWriter

DETAILED = ReportKind.DETAILED


def entry(n: int, **extra: Any) -> dict[str, Any]:
    return {"_id": f"6650c0de{n:016x}", "description": f"Zürich ✓ 📱 \"{n}\"\n",
            "timeInterval": {"start": "2026-03-01T09:00:00Z", "duration": 600 * n},
            "billable": n % 2 == 0, "amount": 12.5 * n, "rate": 1000.0, "earnedAmount": 12.5 * n,
            "costAmount": 2.25 * n, "currency": "EUR" if n % 3 else "USD", "tags": [],
            **extra}


def page(items: list[Any], **extra: Any) -> dict[str, Any]:
    return {"timeentries": items, "totals": [{"entriesCount": len(items)}], **extra}


def compact(value: Any) -> bytes:
    """What Clockify (and the demo) send: compact UTF-8."""
    return orjson.dumps(value)


def test_a_plain_page_keeps_each_items_bytes_and_reads_its_fields() -> None:
    data = page([entry(1), entry(2)])
    held = read_raw_page(compact(data), DETAILED)
    assert held is not None and held.rows == 2
    assert held.data == {"totals": data["totals"]}
    got = held.read()
    assert got.raw is held.raw
    assert [bytes(r) for r in got.raw] == [orjson.dumps(e) for e in data["timeentries"]]
    assert got.data == {"totals": data["totals"]}
    assert got.idents == [identity(e, DETAILED) for e in data["timeentries"]]
    fields = got.items[0]
    assert isinstance(fields, ItemFields)
    assert (fields.amount, fields.duration, fields.billable, fields.currency) == (
        12.5, 600, False, "EUR")


@pytest.mark.parametrize("dumps", [
    lambda v: json.dumps(v).encode(),  # Python's default separators, \\u escapes
    lambda v: json.dumps(v, indent=2, ensure_ascii=False).encode(),
    lambda v: json.dumps(v, indent="\t").encode(),
], ids=["spaced", "indented", "tabs"])
def test_a_loose_page_is_compacted_to_the_same_values(dumps: Any) -> None:
    data = page([entry(1), entry(2)])
    got = read_raw_page(dumps(data), DETAILED)
    assert got is not None and got.raw is not None
    for raw, item in zip(got.raw, data["timeentries"], strict=True):
        assert b"\n" not in bytes(raw) and b'": ' not in bytes(raw)
        assert json.loads(bytes(raw)) == item


@pytest.mark.parametrize("body", [
    b'{"timeentries":[{"_id":"a","d":"\xff"}]}',  # invalid UTF-8 where msgspec skips
    b'{"timeentries":[{"_id":"a","d":"\xc3"}],"x":"a"}',  # a cut sequence
    b'{"timeentries":[{"_id":"a","d":"\\ud800"}]}',  # a lone surrogate (kept as U+FFFD)
    b'{"timeentries":[{"_id":"a","d":NaN}]}',
    b'{"timeentries":[{"_id":"a"}',  # truncated
    b'{"timeentries":[]} trailing',
    b'{"timeentries":[{"_id":"a","d":' + b"[" * 5000 + b"]" * 5000 + b"}]}",
    b'{"timeEntries":[{"_id":"a"}]}',  # the older spelling
    b'{"timeentries":null,"totals":[null]}',
    b'{"timeentries":[1,{"_id":"a"}]}',  # an item that is not an object (dropped)
    b'{"code":501,"message":"Report error"}',  # Clockify's error with HTTP 200
    b'[{"_id":"a"}]',
    b'',
], ids=["bad-utf8", "cut-utf8", "surrogate", "nan", "truncated", "trailing", "deep",
        "old-spelling", "null-items", "non-object", "error-body", "list", "empty"])
def test_what_the_raw_reader_cannot_vouch_for_goes_to_the_full_parser(body: bytes) -> None:
    assert read_raw_page(body, DETAILED) is None


@pytest.mark.parametrize("body", [
    b'{"timeentries":[{"_id":"a","amount":1e999}]}',  # infinite as a float
    b'{"timeentries":[{"_id":"a","timeInterval":"PT1H"}],"totals":[{"entriesCount":1}]}',
], ids=["infinite", "odd-interval"])
def test_fields_the_raw_reader_cannot_hold_are_read_in_full_when_delivered(body: bytes
                                                                          ) -> None:
    held = read_raw_page(body, DETAILED)  # valid JSON, items all objects: held raw
    assert held is not None and held.rows == 1
    got = held.read()  # fields are decoded only now, a page at a time
    expected = parsed_page(parse_json(body), DETAILED)
    assert got.raw is None
    assert (got.data, got.items, got.idents) == (expected.data, expected.items,
                                                 expected.idents)


@pytest.mark.parametrize("kind", [ReportKind.ATTENDANCE, ReportKind.EXPENSES])
def test_other_paged_kinds_read_raw_with_their_own_identity(kind: ReportKind) -> None:
    items = [{"userId": "u1", "date": "2026-03-01", "amount": 3},
             {"id": "x1", "userId": "u2", "billable": True, "amount": 2.5}]
    assert kind.items_key is not None
    body = compact({kind.items_key: items, "totals": {"expensesCount": 2}})
    held = read_raw_page(body, kind)
    assert held is not None
    assert held.read().idents == parsed_page(orjson.loads(body), kind).idents


@pytest.mark.parametrize("ids", [
    ["6650c0de0000000000010001", "000000000000000000000000"],  # the all-zero id too
    ["6650C0DE0000000000010001"],  # not Clockify's lowercase form: kept as text
    ["short", "6650c0de0000000000010001"],
    [None, "6650c0de0000000000010001"],
    [{"$oid": "x"}],
])
def test_ids_read_raw_are_the_ids_identity_gives(ids: list[Any]) -> None:
    items = [{"_id": value} for value in ids] + [{"id": "only-id"}, {}]
    body = compact(page(items))
    held = read_raw_page(body, DETAILED)
    assert held is not None
    assert held.read().idents == [identity(item, DETAILED) for item in items]


def test_fields_get_answers_like_a_dict() -> None:
    item = {"_id": None, "id": "x", "amount": 3}
    held = read_raw_page(compact(page([item, {}])), DETAILED)
    assert held is not None
    fields, empty = held.read().items
    for key in ("_id", "id", "amount", "currency", "description"):
        assert fields.get(key) == item.get(key)
        assert empty.get(key) is None
    # A missing id is told apart from a null one (the other fields read None either way).
    assert (fields.get("_id", "?"), empty.get("_id", "?"), empty.get("id", "?")) == (
        None, "?", "?")


# ---- the same totals ------------------------------------------------------------------------


def totals_both_ways(items: list[dict[str, Any]], amounts: tuple[str, ...] = ("EARNED",)
                     ) -> tuple[JsonTotals, JsonTotals]:
    parsed, raw = JsonTotals(DETAILED, amounts), JsonTotals(DETAILED, amounts)
    for item in items:
        parsed.add_item(item)
    held = read_raw_page(compact(page(items)), DETAILED)
    assert held is not None
    for fields in held.read().items:
        raw.add_fields(fields)
    return parsed, raw


def test_totals_of_items_read_raw_are_the_same_to_the_last_bit() -> None:
    rng = random.Random(7)
    items = [entry(n, amount=rng.uniform(0, 1e5), timeInterval={"duration": rng.choice(
        [rng.randint(0, 9999), rng.random() * 100, None, "PT1H2M3.5S"])}) for n in range(300)]
    items.append({"_id": "x", "timeInterval": None})
    items.append({"_id": "y"})
    for amounts in [(), ("EARNED",), ("EARNED", "COST", "PROFIT")]:
        parsed, raw = totals_both_ways(items, amounts)
        assert raw.trailer() == parsed.trailer() and raw.figures() == parsed.figures()
        assert raw.time == parsed.time and raw.amount == parsed.amount  # not only rounded


@pytest.mark.parametrize("bad", [{"amount": "12"}, {"amount": True},
                                 {"timeInterval": {"duration": -5}},
                                 {"timeInterval": {"duration": "P"}}])
def test_a_bad_figure_read_raw_is_the_same_error(bad: dict[str, Any]) -> None:
    item = {"_id": "6650c0de0000000000010001", **bad}
    with pytest.raises(DataError) as parsed:
        JsonTotals(DETAILED).add_item(item)
    held = read_raw_page(compact(page([item])), DETAILED)
    assert held is not None
    with pytest.raises(DataError) as raw:
        JsonTotals(DETAILED).add_fields(held.read().items[0])
    assert str(raw.value) == str(parsed.value)


# ---- de-duplication a page at a time --------------------------------------------------------


def test_add_page_answers_what_add_answers_item_by_item() -> None:
    rng = random.Random(3)
    pool: list[Any] = [rng.getrandbits(96) for _ in range(400)] + [0, None, "x|y", "z"]
    one_by_one, by_page = SeenItems(), SeenItems()
    for window in range(7):  # more windows than tables kept apart: they are merged
        one_by_one.next_window(300)
        by_page.next_window(300)
        for _ in range(3):
            idents = [rng.choice(pool) for _ in range(150)]
            if rng.random() < 0.5:
                idents = [i for i in idents if isinstance(i, int) and i]  # the fast case
            expected = [one_by_one.add(i) for i in idents]
            new, kept = by_page.add_page(idents)
            assert new == sum(w for w, _ in expected), window
            assert kept == [n for n, (_, e) in enumerate(expected) if e]


def test_id_table_grows_while_a_batch_is_added() -> None:
    table = _IdTable(4)
    rng = random.Random(1)
    keys = [rng.getrandbits(96) | 1 for _ in range(1000)]
    assert table.add_all(keys + keys[:10]) == [True] * 1000 + [False] * 10
    assert all(key in table for key in keys) and table.size == 1000


# ---- the writer -----------------------------------------------------------------------------


def test_raw_items_are_written_like_re_encoded_ones(tmp_path: Path) -> None:
    items = [entry(1), entry(2), entry(3)]
    files = []
    for name, raw in (("parsed", False), ("raw", True)):
        out = AtomicFile(tmp_path / f"{name}.json")
        writer = JsonListWriter(out, "timeentries")
        writer.add(items[0])
        if raw:
            writer.add_raw([orjson.dumps(e) for e in items[1:]])
            writer.add_raw([])
        else:
            for item in items[1:]:
                writer.add(item)
        writer.close({"totals": [None]})
        assert writer.saved() == saved_file(out)  # what reading the file back tells
        out.commit()
        files.append(out.target.read_bytes())
    assert files[0] == files[1]


def test_the_writer_asks_for_write_back_as_the_file_grows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr("core.writers.WRITE_BACK_EVERY", 1000)
    monkeypatch.setattr("os.posix_fadvise", lambda fd, start, length, advice:
                        calls.append((start, length)), raising=False)
    out = AtomicFile(tmp_path / "r.json")
    writer = JsonListWriter(out, "timeentries")
    for _ in range(10):
        writer.add_raw([b'"' + b"x" * 600 + b'"'])
    writer.close({})
    out.commit()
    assert len(calls) >= 5 and calls[0][0] == 0
    assert all(a + n == b for (a, n), (b, _) in itertools.pairwise(calls))  # no gap
    monkeypatch.delattr("os.posix_fadvise", raising=False)  # Windows and macOS have none
    out = AtomicFile(tmp_path / "r2.json")
    writer = JsonListWriter(out, "timeentries")
    writer.add_raw([b"1"] * 2000)
    writer.close({})
    out.commit()
    assert json.loads(out.target.read_bytes())["timeentries"] == [1] * 2000

