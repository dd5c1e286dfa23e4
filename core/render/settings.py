"""How a file is built: which renderer, and the CSV options. Plain data, imported by the
planner and the front ends without loading any rendering library."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Renderer(StrEnum):
    """Who lays out a CSV, XLSX or PDF file."""

    AUTO = "auto"  # Clockify's file when it is complete and allowed, else this app's
    LOCAL = "local"  # always built by this app from the JSON report
    CLOCKIFY = "clockify"  # always Clockify's own file (may be one file per window)


CSV_DELIMITERS = (",", ";")


@dataclass(frozen=True)
class CsvSettings:
    delimiter: str = ","
    bom: bool = True  # Excel reads UTF-8 only with a byte-order mark
    # A cell starting with = + - @ TAB CR gets a leading ' (OWASP CSV injection).
    formula_escape: bool = True
