"""Atomic output files, the streaming JSON writer and the CSV joiner."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core import atomic, writers
from core.errors import DataError, OutputError
from core.writers import (
    UTF8_BOM,
    AtomicFile,
    AtomicGroup,
    CsvJoiner,
    JsonDocumentWriter,
    JsonListWriter,
    csv_record_count,
    file_digest,
    looks_complete,
    numbered_paths,
    output_error,
    preflight_output,
)


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# ---- AtomicFile --------------------------------------------------------------------------


def test_commit_replaces_only_on_commit(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    atomic = AtomicFile(target)
    atomic.write(b"new ")
    atomic.write(b"content")
    assert target.read_bytes() == b"old"  # nothing visible before commit
    assert atomic.temp_path.parent == tmp_path and atomic.temp_path.exists()
    atomic.commit()
    assert target.read_bytes() == b"new content"
    assert leftovers(tmp_path, {"report.json"}) == []


def test_commit_creates_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    atomic = AtomicFile(target)
    atomic.write(b"a,b\n")
    atomic.commit()
    assert target.read_bytes() == b"a,b\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_saved_file_gets_the_usual_permissions_not_private_temp_ones(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        atomic._UMASK = 0o027  # the mask is read once at import, as a real process would
        out = AtomicFile(tmp_path / "r.json")
        out.write(b"{}")
        out.commit()
    finally:
        os.umask(mask)
        atomic._UMASK = mask
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o640


def test_abort_leaves_the_existing_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"precious")
    atomic = AtomicFile(target)
    atomic.write(b"half a report")
    atomic.abort()
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path, {"report.json"}) == []
    atomic.abort()  # twice is harmless


def test_disk_full_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"precious")
    atomic = AtomicFile(target)
    atomic.write(b"some data")

    def no_space(data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.file, "write", no_space)
    with pytest.raises(OutputError) as info:
        atomic.write(b"more data")
    assert "disk" in info.value.message and "full" in info.value.message
    assert str(tmp_path) in info.value.message
    assert "nothing was saved" in info.value.hint
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path, {"report.json"}) == []


def test_disk_full_while_committing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"precious")
    atomic = AtomicFile(target)
    atomic.write(b"x")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers.os, "fsync", no_space)
    with pytest.raises(OutputError, match="full"):
        atomic.commit()
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path, {"report.json"}) == []


def test_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        AtomicFile(tmp_path / "nope" / "report.json")


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "full"), (errno.EACCES, "No permission"), (errno.EROFS, "No permission"),
     (errno.ENOENT, "does not exist"), (errno.EIO, "Could not write")],
)
def test_output_error_sentences(tmp_path: Path, code: int, words: str) -> None:
    err = output_error(OSError(code, os.strerror(code)), tmp_path / "r.pdf")
    assert words in err.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
@pytest.mark.parametrize("opener", [AtomicFile, preflight_output])
def test_read_only_folder(tmp_path: Path, opener: Callable[[Path], object]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="No permission"):
            opener(folder / "r.json")
    finally:
        folder.chmod(0o700)


# ---- AtomicGroup -------------------------------------------------------------------------


def test_group_commits_all(tmp_path: Path) -> None:
    group = AtomicGroup()
    targets = [tmp_path / f"part{i}.pdf" for i in range(3)]
    for i, target in enumerate(targets):
        group.open(target).write(f"pdf {i}".encode())
    assert not any(t.exists() for t in targets)
    assert group.commit() == targets
    assert [t.read_bytes() for t in targets] == [b"pdf 0", b"pdf 1", b"pdf 2"]
    assert leftovers(tmp_path, {t.name for t in targets}) == []


def test_group_commits_none_when_the_disk_fills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(b"old a")
    group = AtomicGroup()
    group.open(first).write(b"new a")
    group.open(second).write(b"new b")
    calls = []
    real_fsync = os.fsync

    def fsync_second_fails(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(writers.os, "fsync", fsync_second_fails)
    with pytest.raises(OutputError, match="full"):
        group.commit()
    assert first.read_bytes() == b"old a"
    assert not second.exists()
    assert leftovers(tmp_path, {"a.pdf"}) == []


def test_group_abort(tmp_path: Path) -> None:
    group = AtomicGroup()
    group.open(tmp_path / "a.pdf").write(b"a")
    group.open(tmp_path / "b.pdf").write(b"b")
    group.abort()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("obstacle", ["folder", "locked"])
def test_group_is_all_or_none_when_a_later_replace_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, obstacle: str
) -> None:
    # The second target cannot be replaced: a folder of that name, or (as on Windows) the old
    # PDF still open in a viewer. The first target must then keep its old content.
    first, second = tmp_path / "Report_jan.pdf", tmp_path / "Report_feb.pdf"
    first.write_bytes(b"old january")
    group = AtomicGroup()
    group.open(first).write(b"new january")
    group.open(second).write(b"new february")
    if obstacle == "folder":  # appears during the export (one there before is refused at open)
        second.mkdir()
    else:
        second.write_bytes(b"old february")
        real_replace = os.replace

        def replace(src: Any, dst: Any) -> None:
            if second in (Path(src), Path(dst)):
                raise PermissionError(errno.EACCES, "The file is being used by another process")
            real_replace(src, dst)

        monkeypatch.setattr(writers.os, "replace", replace)
    with pytest.raises(OutputError):
        group.commit()
    group.abort()
    assert first.read_bytes() == b"old january"
    if obstacle == "locked":
        assert second.read_bytes() == b"old february"


# ---- JSON --------------------------------------------------------------------------------


def test_json_list_writer_output_parses(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    out = AtomicFile(target)
    writer = JsonListWriter(out, "timeentries")
    entries: list[dict[str, Any]] = [{"_id": "a", "d": "é ✓"}, {"_id": "b"}, {"no": "id"},
                                     {"id": "x", "n": 1.5}]
    for item in entries:
        writer.add(item)
    writer.close({"totals": [{"_id": "", "entriesCount": 4}], "extra": None})
    out.commit()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["timeentries"] == entries
    assert data["totals"] == [{"_id": "", "entriesCount": 4}]
    assert data["extra"] is None
    assert writer.count == 4
    assert "é ✓" in target.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_json_list_writer_empty(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    out = AtomicFile(target)
    writer = JsonListWriter(out, "expenses")
    writer.close({"totals": [None]})
    out.commit()
    assert json.loads(target.read_bytes()) == {"expenses": [], "totals": [None]}


@pytest.mark.parametrize("bad", ["\ud800", 2**70])
def test_json_list_writer_refuses_what_json_cannot_hold(tmp_path: Path, bad: Any) -> None:
    out = AtomicFile(tmp_path / "r.json")
    writer = JsonListWriter(out, "timeentries")
    with pytest.raises(DataError, match="cannot be saved as JSON"):
        writer.add({"_id": "a", "description": bad})
    out.abort()


def test_json_document_writer(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    out = AtomicFile(target)
    JsonDocumentWriter(out).write({"groupOne": [{"name": "Zürich"}]})
    out.commit()
    assert json.loads(target.read_text(encoding="utf-8")) == {"groupOne": [{"name": "Zürich"}]}


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "\udfff"])
def test_json_document_writer_never_writes_nan(tmp_path: Path, bad: Any) -> None:
    out = AtomicFile(tmp_path / "s.json")
    with pytest.raises(DataError, match="cannot be saved as JSON"):
        JsonDocumentWriter(out).write({"totals": [{"totalTime": bad}]})
    out.abort()


# ---- CSV ---------------------------------------------------------------------------------

HEADER = b'"Project","Description","Duration (h)"\r\n'


def part(*rows: bytes, header: bytes = HEADER, newline_at_end: bool = True) -> io.BytesIO:
    data = header + b"".join(rows)
    if not newline_at_end:
        data = data.rstrip(b"\r\n")
    return io.BytesIO(data)


def join(tmp_path: Path, *parts: io.BytesIO) -> tuple[bytes, CsvJoiner]:
    target = tmp_path / "joined.csv"
    out = AtomicFile(target)
    joiner = CsvJoiner(out)
    for p in parts:
        joiner.add(p)
    out.commit()
    return target.read_bytes(), joiner


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_parts_join_under_one_header(tmp_path: Path) -> None:
    a = part(b'"Web","one","01:00:00"\r\n', b'"Web","two","02:00:00"\r\n')
    b = part(b'"App","three","03:00:00"\r\n')
    data, joiner = join(tmp_path, a, b)
    rows = parse(data)
    assert rows[0] == ["Project", "Description", "Duration (h)"]
    assert [r[1] for r in rows[1:]] == ["one", "two", "three"]
    assert data.count(b'"Project"') == 1
    assert joiner.records == 3


def test_csv_quoted_newlines_in_fields(tmp_path: Path) -> None:
    header = b'"Project","Description\nwith break","Duration (h)"\r\n'
    a = part(b'"Web","line one\r\nline two","01:00:00"\r\n', header=header)
    b = part(b'"App","say ""hi""\nthere","02:00:00"\r\n', header=header)
    data, joiner = join(tmp_path, a, b)
    rows = parse(data)
    assert len(rows) == 3
    assert rows[0][1] == "Description\nwith break"
    assert rows[1][1] == "line one\r\nline two"
    assert rows[2][1] == 'say "hi"\nthere'
    assert joiner.records == 2


def test_csv_bom_on_later_parts_is_dropped(tmp_path: Path) -> None:
    a = part(b'"Web","one","01:00:00"\r\n', header=UTF8_BOM + HEADER)
    b = part(b'"App","two","02:00:00"\r\n', header=UTF8_BOM + HEADER)
    c = part(b'"App","three","03:00:00"\r\n')
    data, _ = join(tmp_path, a, b, c)
    assert data.startswith(UTF8_BOM)
    assert data.count(UTF8_BOM) == 1
    assert [r[1] for r in parse(data)[1:]] == ["one", "two", "three"]


def test_csv_last_line_without_newline(tmp_path: Path) -> None:
    a = part(b'"Web","one","01:00:00"\r\n', b'"Web","two","02:00:00"', newline_at_end=False)
    b = part(b'"App","three","03:00:00"', newline_at_end=False)
    c = part(b'"App","four","04:00:00"\r\n')
    data, joiner = join(tmp_path, a, b, c)
    assert [r[1] for r in parse(data)[1:]] == ["one", "two", "three", "four"]
    assert joiner.records == 4


def test_csv_part_with_header_only(tmp_path: Path) -> None:
    a = part(b'"Web","one","01:00:00"\r\n')
    empty = part()
    header_no_newline = io.BytesIO(HEADER.rstrip())
    b = part(b'"App","two","02:00:00"\r\n')
    data, joiner = join(tmp_path, a, empty, header_no_newline, b)
    assert [r[1] for r in parse(data)[1:]] == ["one", "two"]
    assert joiner.records == 2


def test_csv_first_part_empty_then_rows(tmp_path: Path) -> None:
    data, joiner = join(tmp_path, io.BytesIO(HEADER.rstrip()), part(b'"A","x","1"\r\n'))
    assert parse(data) == [["Project", "Description", "Duration (h)"], ["A", "x", "1"]]
    assert joiner.records == 1


def test_csv_lf_and_crlf_headers_match(tmp_path: Path) -> None:
    a = part(b'"Web","one","1"\r\n')
    b = part(b'"App","two","2"\n', header=HEADER.replace(b"\r\n", b"\n"))
    data, _ = join(tmp_path, a, b)
    assert len(parse(data)) == 3


def test_csv_different_headers_are_refused(tmp_path: Path) -> None:
    out = AtomicFile(tmp_path / "j.csv")
    joiner = CsvJoiner(out)
    joiner.add(part(b'"Web","one","01:00:00"\r\n'))
    with pytest.raises(OutputError, match="different columns"):
        joiner.add(part(b'"Web","two","1","0"\r\n',
                        header=b'"Project","Description","Duration (h)","Amount"\r\n'))
    out.abort()


CHUNK_BUG = (
    "BUG: CsvJoiner._write inserts CRLF before every chunk that follows a chunk not ending "
    "in a newline, so any CSV part over 64 KiB is corrupted at chunk boundaries")


def big_csv(rows: int, first: int = 0) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(["Project", "Description", "Duration (h)"])
    for i in range(first, first + rows):
        writer.writerow([f"Project {i % 7}", f"entry number {i}", "01:00:00"])
    return buf.getvalue().encode()


def test_csv_part_bigger_than_a_chunk_is_copied_byte_for_byte(tmp_path: Path) -> None:
    data = big_csv(3000)
    assert len(data) > 1 << 16  # more than one 64 KiB chunk
    joined, joiner = join(tmp_path, io.BytesIO(data))
    assert joiner.records == 3000
    assert joined == data


def test_csv_big_parts_join_intact(tmp_path: Path) -> None:
    a, b = big_csv(2000), big_csv(2000, first=2000)
    joined, _ = join(tmp_path, io.BytesIO(a), io.BytesIO(b))
    rows = parse(joined)
    assert len(rows) == 4001
    assert [r[1] for r in rows[1:]] == [f"entry number {i}" for i in range(4000)]


def test_csv_header_longer_than_a_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "CHUNK", 7)
    header = b'"A","B\nB","C"\r\n'
    a = part(b'"1","x\ny","3"\r\n' * 3, header=header)
    b = part(b'"4","5","6"\r\n', header=header)
    data, joiner = join(tmp_path, a, b)
    rows = parse(data)
    assert rows[0] == ["A", "B\nB", "C"]
    assert rows[1:] == [["1", "x\ny", "3"]] * 3 + [["4", "5", "6"]]
    assert joiner.records == 4


def test_csv_header_split_over_chunks_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the header spans chunks here; the body fits one chunk.
    monkeypatch.setattr(writers, "CHUNK", 64)
    header = b'"Project","Description\nsecond line","Duration (h)",' + b'"x",' * 10 + b'"y"\r\n'
    rows = b'"a","b","c"\r\n'
    data, joiner = join(tmp_path, part(rows, header=header), part(rows, header=header))
    assert data.count(b"second line") == 1
    assert joiner.records == 2


@pytest.mark.parametrize(
    ("data", "count"),
    [
        (HEADER, 0),
        (b"", 0),
        (HEADER + b'"a","b\r\nc\nd","1"\r\n"e","f","2"\r\n', 2),
        (UTF8_BOM + HEADER + b'"a","b","1"', 1),
        (HEADER + b'"a","""quoted"" and\nnewline","1"\r\n', 1),
    ],
)
def test_csv_record_count(data: bytes, count: int) -> None:
    src = io.BytesIO(data)
    assert csv_record_count(src) == count
    assert not src.closed  # the caller's file stays usable


def test_file_digest_ignores_the_header() -> None:
    rows = b'"a","b","1"\r\n'
    same = file_digest(part(rows))
    assert file_digest(part(rows, header=UTF8_BOM + b'"X"\r\n')) == same
    assert file_digest(part(b'"a","b","2"\r\n')) != same


# ---- looks_complete ----------------------------------------------------------------------

PDF = b"%PDF-1.5\n" + b"1 0 obj\n" * 500 + b"trailer\n%%EOF\n"


def small_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Project", "Description", "Duration"])
    for i in range(200):
        sheet.append([f"Project {i % 5}", f"entry {i} " * 3, i * 0.25])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_pdf_complete_and_truncated() -> None:
    assert looks_complete("pdf", io.BytesIO(PDF))
    assert not looks_complete("pdf", io.BytesIO(PDF[: len(PDF) // 2]))
    assert not looks_complete("pdf", io.BytesIO(b"<html>error</html>"))
    assert not looks_complete("pdf", io.BytesIO(b""))


def test_xlsx_complete_and_truncated() -> None:
    data = small_xlsx()
    assert looks_complete("xlsx", io.BytesIO(data))
    assert not looks_complete("xlsx", io.BytesIO(data[:-100]))
    assert not looks_complete("xlsx", io.BytesIO(data[: len(data) // 2]))
    assert not looks_complete("xlsx", io.BytesIO(b'{"message":"error","code":501}'))


@pytest.mark.parametrize("data", [
    b'\xef\xbb\xbf"A","B"\r\n"1","2"\r\n', b'"A","B"\n"1","2"', b'"A","B"\n',
    b'"A","B"\n"x\ny","2"\n', b'"A","B"\n"say ""hi""","2"\n', b"",
    b'"A","B"\n"1","2"\n"Total"\r\n'])  # a short row with its line break: the server's
def test_csv_whole(data: bytes) -> None:
    assert looks_complete("csv", io.BytesIO(data))


@pytest.mark.parametrize("data", [
    b'"A","B"\n"1","2', b'"A","B"\n"1",', b'"A","B"\n"1"', b'"A","B"\n"x\ny',
    b'"A","B"\n"1","2"\n"3"', b'"A","B"\n"caf\xc3'])
def test_csv_cut_short_inside_a_record(data: bytes) -> None:
    assert not looks_complete("csv", io.BytesIO(data))


def test_xlsx_check_reads_from_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(small_xlsx())
    with path.open("rb") as fh:
        assert looks_complete("xlsx", fh)


def corrupted_xlsx() -> bytes:
    """A whole-length XLSX whose compressed sheet data is damaged (not truncated)."""
    data = bytearray(small_xlsx())
    # Damage the middle of the biggest compressed member: the worksheet.
    import zipfile

    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = max(zf.infolist(), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + info.compress_size - 10, 3):
        data[offset] ^= 0x5A
    return bytes(data)


def test_xlsx_with_damaged_data_is_not_complete() -> None:
    assert looks_complete("xlsx", io.BytesIO(corrupted_xlsx())) is False


def test_other_formats_are_not_checked() -> None:
    assert looks_complete("csv", io.BytesIO(b""))
    assert looks_complete("json", io.BytesIO(b"{"))


def test_numbered_paths(tmp_path: Path) -> None:
    target = tmp_path / "Report.pdf"
    assert numbered_paths(target, ["2024-01-01_2024-01-31", "2024-02-01"]) == [
        tmp_path / "Report_2024-01-01_2024-01-31.pdf", tmp_path / "Report_2024-02-01.pdf"]
