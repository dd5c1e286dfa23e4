"""Cell values as Clockify's files show them: dates in the profile's format, durations as
`HH:MM:SS` and decimal hours, money from cents to currency units. One place for every
text form, so CSV and PDF agree and XLSX gets the same numbers typed."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

# Clockify's profile `dateFormat` values use these tokens (DD/MM/YYYY, MM-DD-YYYY, …).
_DATE_TOKENS = {"YYYY": ("%Y", "yyyy"), "YY": ("%y", "yy"), "MM": ("%m", "mm"),
                "DD": ("%d", "dd")}
_TOKEN_RE = re.compile("YYYY|YY|MM|DD")
DEFAULT_DATE_FORMAT = "MM/DD/YYYY"  # what Clockify's own exports use without a profile


@lru_cache(maxsize=16)
def date_patterns(profile_format: str | None) -> tuple[str, str]:
    """(strftime pattern, Excel number format) for a profile `dateFormat` like DD/MM/YYYY."""
    fmt = (profile_format or DEFAULT_DATE_FORMAT).upper()
    if not _TOKEN_RE.search(fmt):
        fmt = DEFAULT_DATE_FORMAT
    py = _TOKEN_RE.sub(lambda m: _DATE_TOKENS[m.group()][0], fmt.replace("%", "%%"))
    excel = _TOKEN_RE.sub(lambda m: _DATE_TOKENS[m.group()][1], fmt)
    return py, excel


def time_patterns(profile_format: str | None) -> tuple[str, str]:
    """(strftime pattern, Excel number format) for `timeFormat` HOUR12 / HOUR24."""
    if (profile_format or "").upper() == "HOUR12":
        return "%I:%M:%S %p", "hh:mm:ss AM/PM"
    return "%H:%M:%S", "hh:mm:ss"


def hms(seconds: float) -> str:
    """`HH:MM:SS` as in Clockify's files (hours may exceed 99; negative kept)."""
    total = round(seconds)
    sign = "-" if total < 0 else ""
    hours, rest = divmod(abs(total), 3600)
    return f"{sign}{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def decimal_hours(seconds: float) -> str:
    return f"{seconds / 3600:.2f}"


def major_units(cents: float) -> float:
    return cents / 100


def money_text(cents: float, *, grouped: bool = False) -> str:
    """Currency units with 2 decimals, more when Clockify sent fractional cents (the web
    app keeps 4): the file's sum must equal the report's total. `grouped` puts commas
    between thousands, for people (never in a file another program reads)."""
    value = cents / 100
    plain = f"{value:.2f}"  # one CSV cell in two is money: format once where possible
    if abs(float(plain) - value) > 1e-9:
        return f"{value:{',' if grouped else ''}.6f}".rstrip("0")
    return f"{value:,.2f}" if grouped else plain


def number_text(value: float) -> str:
    """A quantity or count: `3`, `2.5`, `1985`, never `1.985e+03`."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


_JSON_NUMBERS = (int, float)


def num(value: Any) -> float:
    """A JSON number, or 0 for null, missing, booleans and text."""
    # `type` rather than isinstance: bool is an int subclass, and this runs on every cell.
    return value if type(value) in _JSON_NUMBERS else 0


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_time(value: Any, tz: ZoneInfo | None) -> datetime | None:
    """An ISO timestamp from the report, on the report zone's wall clock."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if tz is not None and moment.tzinfo is not None:
        moment = moment.astimezone(tz)
    return moment


def parse_day(value: Any) -> date | None:
    """`2026-03-02` or `2026-03-02T00:00:00Z` → the calendar day as written."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


FORMULA_STARTS = "=+-@\t\r"  # test one character: `text[0] in FORMULA_STARTS`


def escape_formula(text: str) -> str:
    """OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading '."""
    return "'" + text if text and text[0] in FORMULA_STARTS else text
