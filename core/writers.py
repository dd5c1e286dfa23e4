"""Output files: the streaming JSON merge and joined CSV windows, written through the
atomic files of `core.atomic` (re-exported here, where the engine imports them from)."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import msgspec
import orjson

from core.atomic import AtomicFile, AtomicGroup, output_error, preflight_output  # noqa: F401
from core.errors import DataError, OutputError
from core.planning import SavedFile


def _dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON. orjson: 2.5× faster than `json` on a 1,000-entry page (see
    benchmarks/bench_pages.py); lone surrogates and NaN never reach a file."""
    try:
        return orjson.dumps(value)
    except (TypeError, orjson.JSONEncodeError) as exc:
        raise _unsavable(exc) from None


def _unsavable(exc: Exception) -> DataError:
    return DataError(f"Clockify sent text or numbers that cannot be saved as JSON: {exc}.",
                     "Nothing was saved. Clockify's answer looks broken; try again later.")


WRITE_BACK_EVERY = 8 << 20  # bytes


class JsonListWriter:
    """An item sink writing `{"<key>": [item, item, …], <trailer>}` item by item.

    Items come de-duplicated and in order from the engine; the writer only writes, a page's
    worth at a time (one write per item cost more than encoding it). Items read raw
    (`core.items.read_raw_page`) come as the bytes Clockify sent, already compact JSON.

    The file's size and SHA-256 are worked out as it is written (`saved`), so a large export
    is not read back at the end to tell them (~50 ms for 67 MB, after the last page; the
    hashing releases the GIL, so during the export it overlaps the page threads). Where the
    system allows, the kernel is asked every few MB to start writing what it holds to disk
    (`posix_fadvise`, which does not wait), so the fsync of the commit waits for the last
    few MB only: 67 MB took 25–30 ms to fsync at the end, 4 ms this way."""

    BATCH = 1000

    def __init__(self, out: AtomicFile, key: str) -> None:
        self.out = out
        self.count = 0
        self._batch: list[bytes] = []
        self._digest = hashlib.sha256()
        self._size = 0
        self._flushed = 0  # bytes the kernel was asked to write back
        self._write(b"{\n" + _dumps(key) + b": [\n")

    def add(self, item: dict[str, Any]) -> None:
        self._batch.append(_dumps(item))
        self.count += 1
        if len(self._batch) >= self.BATCH:
            self._flush()

    def add_raw(self, items: Sequence[bytes | msgspec.Raw]) -> None:
        """Items as JSON text, in order (each a whole compact JSON value)."""
        if not items:
            return
        self._flush()
        if self.count:
            self._write(b",\n")
        self.count += len(items)
        self._write(b",\n".join(items))

    def _flush(self) -> None:
        if self._batch:
            if self.count > len(self._batch):
                self._write(b",\n")
            self._write(b",\n".join(self._batch))
            self._batch = []

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self._digest.update(data)
        self._size += len(data)
        if self._size - self._flushed >= WRITE_BACK_EVERY:
            self._write_back()

    def _write_back(self) -> None:
        """Start writing the bytes handed to the system since the last time (Linux; a hint
        only: an error here would show at the commit's fsync)."""
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:
            with contextlib.suppress(OSError, ValueError):
                advise(self.out.file.fileno(), self._flushed, self._size - self._flushed,
                       os.POSIX_FADV_DONTNEED)
        self._flushed = self._size

    def close(self, trailer: dict[str, Any]) -> None:
        self._flush()
        self._write(b"\n]" if self.count else b"]")
        for key, value in trailer.items():
            self._write(b",\n" + _dumps(key) + b": " + _dumps(value))
        self._write(b"\n}\n")

    def saved(self) -> SavedFile:
        """The file as written so far: what `core.manifest.saved_file` reads back."""
        return SavedFile(self.out.target, self._size, self._digest.hexdigest())


class JsonDocumentWriter:
    """A document sink: one JSON document (summary, weekly), indented for people."""

    def __init__(self, out: AtomicFile) -> None:
        self.out = out

    def write(self, document: dict[str, Any]) -> None:
        self.out.write(_dumps_indented(document) + b"\n")


def _dumps_indented(document: Any) -> bytes:
    try:
        text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
        return text.encode("utf-8")
    except (ValueError, UnicodeEncodeError) as exc:
        raise _unsavable(exc) from None


# ---- CSV --------------------------------------------------------------------------------

UTF8_BOM = b"\xef\xbb\xbf"
CHUNK = 1 << 16


def _chunks(src: IO[bytes]) -> Iterator[bytes]:
    src.seek(0)
    while chunk := src.read(CHUNK):
        yield chunk


def csv_record_count(src: IO[bytes]) -> int:
    """Data records after the header; quoted fields may hold line breaks."""
    src.seek(0)
    text = io.TextIOWrapper(src, encoding="utf-8-sig", errors="replace", newline="")
    try:
        return max(0, sum(1 for row in csv.reader(text) if row) - 1)
    finally:
        text.detach()


def file_digest(src: IO[bytes], skip_header: bool = True) -> str:
    """A digest of a CSV document's records, to notice a server that ignores paging."""
    digest = hashlib.sha256()
    in_header = skip_header
    in_quotes = False
    for chunk in _chunks(src):
        if in_header:
            cut, in_quotes = _header_end(chunk, in_quotes)
            if cut is None:
                continue
            chunk, in_header = chunk[cut:], False
        digest.update(chunk)
    return digest.hexdigest()


def _header_end(chunk: bytes, in_quotes: bool) -> tuple[int | None, bool]:
    """Index just past the first record's line break in `chunk`, and the quote state."""
    for i, byte in enumerate(chunk):
        if byte == 0x22:  # "
            in_quotes = not in_quotes
        elif byte == 0x0A and not in_quotes:  # \n
            return i + 1, in_quotes
    return None, in_quotes


class CsvJoiner:
    """Appends CSV documents (one per window or page) under the first one's header."""

    def __init__(self, out: AtomicFile) -> None:
        self.out = out
        self.header: bytes | None = None
        self.records = 0
        self._ends_with_newline = True
        self._part_started = False

    def add(self, src: IO[bytes]) -> None:
        self._part_started = False
        header = bytearray()
        in_quotes = False
        body_started = False
        first = self.header is None
        for chunk in _chunks(src):
            if not body_started:
                cut, in_quotes = _header_end(chunk, in_quotes)
                header += chunk if cut is None else chunk[:cut]
                if cut is None:
                    continue
                body_started = True
                self._start_part(bytes(header), first)
                chunk = chunk[cut:]
            if chunk:
                self._write(chunk)
        if not body_started and header:  # a header without records and without newline
            self._start_part(bytes(header), first)
        self.records += csv_record_count(src)

    def _start_part(self, header: bytes, first: bool) -> None:
        clean = header.removeprefix(UTF8_BOM).strip()
        if first:
            self.header = clean
            self._write(header)
        elif clean != self.header:
            raise OutputError(
                "Clockify sent CSV parts with different columns, so they cannot be joined.",
                "Export a shorter date range so it fits one request.",
            )

    def _write(self, data: bytes) -> None:
        if not self._part_started:  # a part that ended without a line break gets one
            if not self._ends_with_newline:
                self.out.write(b"\r\n")
            self._part_started = True
        self.out.write(data)
        self._ends_with_newline = data.endswith(b"\n")


def looks_complete(fmt: str, src: IO[bytes]) -> bool:
    """A cheap end-to-end check that a downloaded PDF, XLSX or CSV file is whole."""
    if fmt == "csv":
        return _csv_is_whole(src)
    src.seek(0, os.SEEK_END)
    size = src.tell()
    if fmt == "pdf":
        src.seek(0)
        head = src.read(5)
        src.seek(max(0, size - 1024))
        return head.startswith(b"%PDF") and b"%%EOF" in src.read()
    if fmt == "xlsx":
        src.seek(0)
        try:
            with zipfile.ZipFile(src) as zf:
                return zf.testzip() is None
        except (zipfile.BadZipFile, zlib.error, EOFError):
            return False
    return True


def _csv_is_whole(src: IO[bytes]) -> bool:
    """A response cut short without a Content-Length to tell (the server closed the
    connection early) ends inside a quoted field, or inside a record: Clockify quotes every
    field, so the file then ends in a bare comma, or without a line break in a record
    shorter than the header. (A short last record that does end its line, such as a totals
    row, is the server's own.) A cut exactly between records shows only in the row count
    (core.export_files)."""
    size = src.seek(0, os.SEEK_END)
    end = b""
    if size:
        src.seek(size - 1)
        end = src.read(1)
    if end == b",":
        return False
    src.seek(0)
    text = io.TextIOWrapper(src, encoding="utf-8-sig", errors="replace", newline="")
    try:
        width = last = 0
        for row in csv.reader(text, strict=True):
            if row:
                width = width or len(row)
                last = len(row)
        return last >= width or end in (b"\n", b"\r")
    except csv.Error:  # strict: the data ended inside a quoted field
        return False
    finally:
        text.detach()


def numbered_paths(target: Path, labels: Iterable[str]) -> list[Path]:
    """`Report.pdf` → `Report_<label>.pdf` for each window."""
    return [target.with_name(f"{target.stem}_{label}{target.suffix}") for label in labels]
