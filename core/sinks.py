"""Where downloaded report files go: an open file, with write errors worded for the user.

The HTTP client only hands bytes to a sink (`core.wire.ByteSink`); this one writes them to
a file and turns an OSError into the OutputError that names the file the user chose.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from core.writers import looks_complete, output_error


class FileSink:
    """Bytes into `file` (rewound on each attempt); `fmt` ("pdf", "xlsx") checks the end."""

    def __init__(self, file: IO[bytes], target: Path, fmt: str | None = None) -> None:
        self.file = file
        self.target = target
        self.fmt = fmt

    def reset(self) -> None:
        try:
            self.file.seek(0)
            self.file.truncate()
        except OSError as exc:
            raise output_error(exc, self.target) from None

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as exc:
            raise output_error(exc, self.target) from None

    def is_complete(self) -> bool:
        try:
            self.file.flush()
            return self.fmt is None or looks_complete(self.fmt, self.file)
        except OSError as exc:
            raise output_error(exc, self.target) from None
