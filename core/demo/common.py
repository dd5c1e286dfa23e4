"""Small helpers shared by the demo server modules: errors, time and number formatting."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

JSON_TYPE = "application/json"
CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"

# Clockify's validation errors answer 400 with this code (API.md §7.4).
VALIDATION_CODE = 501

_EPOCH = date(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH.toordinal()
_DATE_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"(Z|[+-]\d{2}(?::?\d{2})?)?$"
)


class ApiError(Exception):
    """An error answer: `status` plus the Clockify body `{"message", "code"}`."""

    def __init__(
        self, status: int, message: str, code: int, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"message": self.message, "code": self.code}


def bad_request(message: str) -> ApiError:
    return ApiError(400, message, VALIDATION_CODE)


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`; ApiError 400 when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise bad_request(f"Invalid time zone: '{name}'.") from exc


def parse_wall_clock(value: object, field: str) -> datetime:
    """Parse a report bound as a naive wall-clock datetime.

    A trailing `Z` or `±HH:MM` offset is accepted and then ignored, as Clockify does: the
    digits are re-read in the request's time zone (API.md §5.1).
    """
    if not isinstance(value, str) or not value.strip():
        raise bad_request(f"{field}: must not be blank")
    match = _DATE_RE.match(value.strip())
    if match is None:
        raise bad_request(f"{field}: invalid date '{value}', expected YYYY-MM-DDTHH:MM:SS.")
    day, hh, mm, ss, frac, _offset = match.groups()
    try:
        base = date.fromisoformat(day)
        micro = int((frac or "0")[:6].ljust(6, "0"))
        return datetime(base.year, base.month, base.day, int(hh or 0), int(mm or 0),
                        int(ss or 0), micro)
    except ValueError as exc:
        raise bad_request(f"{field}: invalid date '{value}'.") from exc


def local_to_epoch(local: datetime, tz: ZoneInfo) -> float:
    """Epoch seconds of the naive wall-clock `local` in `tz` (first occurrence if ambiguous)."""
    return local.replace(tzinfo=tz).timestamp()


def day_bounds(start: date, end: date, tz: ZoneInfo) -> tuple[float, float]:
    """[start 00:00, end+1 00:00) in `tz` as epoch seconds (half-open)."""
    lo = local_to_epoch(datetime(start.year, start.month, start.day), tz)
    nxt = end + timedelta(days=1)
    hi = local_to_epoch(datetime(nxt.year, nxt.month, nxt.day), tz)
    return lo, hi


def to_local(ts: float, tz: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(ts, tz)


def iso_in_zone(ts: float, tz: ZoneInfo) -> str:
    """ISO-8601 with the zone's offset, e.g. `2026-03-29T01:30:00+01:00` (UTC → `Z`)."""
    text = datetime.fromtimestamp(ts, tz).isoformat()
    if tz.key in ("UTC", "Etc/UTC") and text.endswith("+00:00"):
        return text[:-6] + "Z"
    return text


class LocalClock:
    """Fast epoch-seconds → wall clock in one zone.

    The zone's offset is cached per 15-minute bucket (real transitions fall on such
    boundaries; a bucket whose two ends disagree is never cached).
    """

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._offsets: dict[int, int] = {}
        self._utc_z = tz.key in ("UTC", "Etc/UTC")

    def _exact(self, ts: float) -> int:
        offset = datetime.fromtimestamp(ts, self.tz).utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    def offset(self, ts: int) -> int:
        bucket = ts // 900
        cached = self._offsets.get(bucket)
        if cached is not None:
            return cached
        first, last = self._exact(bucket * 900), self._exact(bucket * 900 + 899)
        if first != last:
            return self._exact(ts)
        self._offsets[bucket] = first
        return first

    def parts(self, ts: int) -> tuple[date, int, int]:
        """(local date, seconds since local midnight, offset seconds)."""
        offset = self.offset(ts)
        days, secs = divmod(ts + offset, 86400)
        return date.fromordinal(_EPOCH_ORDINAL + days), secs, offset

    def day(self, ts: int) -> date:
        return date.fromordinal(_EPOCH_ORDINAL + (ts + self.offset(ts)) // 86400)

    def iso(self, ts: int) -> str:
        """Like `iso_in_zone`: `2026-03-29T01:30:00+01:00` (`Z` for UTC)."""
        day, secs, offset = self.parts(ts)
        clock = f"{day.isoformat()}T{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}"
        if self._utc_z and offset == 0:
            return clock + "Z"
        sign = "+" if offset >= 0 else "-"
        hours, rest = divmod(abs(offset), 3600)
        return f"{clock}{sign}{hours:02d}:{rest // 60:02d}"


def iso_utc(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def naive_epoch(day: date) -> int:
    """Seconds from 1970-01-01 to `day` 00:00, reading the day as if it were UTC."""
    return (day - _EPOCH).days * 86400


def hms(seconds: float) -> str:
    """`HH:MM:SS` (hours may exceed 99)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def decimal_hours(seconds: float) -> str:
    return f"{seconds / 3600:.2f}"


def money(cents: float) -> str:
    """Cents → `12.34` (major units, 2 dp) for files."""
    return f"{cents / 100:.2f}"


def us_date(day: date) -> str:
    return day.strftime("%m/%d/%Y")


def as_int(value: object, field: str, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise bad_request(f"{field}: must be a number")
    try:
        return int(value)
    except ValueError as exc:
        raise bad_request(f"{field}: must be a number") from exc
