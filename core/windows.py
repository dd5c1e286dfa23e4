"""Date ranges: presets, splitting into windows a plan allows, and wall-clock bounds.

Clockify reads `dateRangeStart/End` as wall-clock times in the request's `timeZone` (a `Z`
suffix does not make them UTC), so bounds are always written without an offset: the whole
first day from `T00:00:00` to the last day's `T23:59:59.999`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from core.errors import UsageError

FREE_PLAN_MAX_DAYS = 31
# Paid plans have no documented maximum, but very long ranges time out on Clockify's side;
# a year per request keeps each request reasonable.
PAID_PLAN_MAX_DAYS = 366
WEEKLY_DAYS = 7
WEEKDAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")


@dataclass(frozen=True, order=True)
class DateWindow:
    """An inclusive range of calendar days, as one report request asks for it."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[str, str]:
        """Wall-clock bounds without offset: the whole first day to the end of the last."""
        return f"{self.start.isoformat()}T00:00:00.000", f"{self.end.isoformat()}T23:59:59.999"

    def label(self) -> str:
        """For file names: `2026-01-01_2026-01-31`."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def text(self) -> str:
        """For people: `2026-01-01 – 2026-01-31`."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def check_range(start: date, end: date) -> None:
    if end < start:
        raise UsageError(
            f"The end date {end.isoformat()} is before the start date {start.isoformat()}.",
            "Pick an end date on or after the start date.",
        )


def split_range(start: date, end: date, max_days: int) -> list[DateWindow]:
    """Consecutive windows of at most `max_days` days covering start..end exactly."""
    check_range(start, end)
    if max_days < 1:
        raise UsageError(f"The window size must be at least one day (got {max_days}).")
    windows: list[DateWindow] = []
    cursor = start
    while True:
        # Compared as day counts: `cursor + max_days` overflows near year 9999.
        last = end if (end - cursor).days < max_days else cursor + timedelta(days=max_days - 1)
        windows.append(DateWindow(cursor, last))
        if last == end:
            return windows
        cursor = last + timedelta(days=1)


def weekly_windows(start: date, end: date) -> list[DateWindow]:
    """Consecutive 7-day windows from `start`; Clockify's weekly report takes exactly 7 days.

    A range that is not a whole number of weeks is extended to the end of its last week, so
    the last window may end after `end` (callers say so to the user).
    """
    check_range(start, end)
    weeks = (end - start).days // WEEKLY_DAYS + 1
    if (date.max - start).days < weeks * WEEKLY_DAYS - 1:
        last = start + timedelta(days=WEEKLY_DAYS * (weeks - 1))
        raise UsageError(
            f"Weekly reports cover whole weeks, and the week from {last.isoformat()} would "
            f"end after the last day a calendar has ({date.max.isoformat()}).",
            "Pick an earlier range.")
    return [DateWindow(start + timedelta(days=WEEKLY_DAYS * i),
                       start + timedelta(days=WEEKLY_DAYS * i + WEEKLY_DAYS - 1))
            for i in range(weeks)]


def week_start_of(day: date, week_start: str = "MONDAY") -> date:
    first = WEEKDAYS.index(week_start) if week_start in WEEKDAYS else 0
    back = (day.weekday() - first) % 7
    if (day - date.min).days < back:  # `day - back` would overflow in year 1
        raise UsageError(
            f"Weekly reports cover whole weeks, and the week of {day.isoformat()} would "
            f"start before the first day a calendar has ({date.min.isoformat()}).",
            "Pick a later range.")
    return day - timedelta(days=back)


class Preset(StrEnum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this-week"
    LAST_WEEK = "last-week"
    THIS_MONTH = "this-month"
    LAST_MONTH = "last-month"
    THIS_YEAR = "this-year"
    LAST_YEAR = "last-year"
    PAST_TWO_WEEKS = "past-two-weeks"  # last week and this week, as in Clockify's picker
    LAST_7_DAYS = "last-7-days"  # today and the six days before
    LAST_30_DAYS = "last-30-days"


def preset_range(preset: Preset, today: date, week_start: str = "MONDAY") -> DateWindow:
    """The date range a preset means on `today` (in the user's Clockify time zone)."""
    if preset is Preset.TODAY:
        return DateWindow(today, today)
    if preset is Preset.YESTERDAY:
        day = today - timedelta(days=1)
        return DateWindow(day, day)
    if preset in (Preset.THIS_WEEK, Preset.LAST_WEEK, Preset.PAST_TWO_WEEKS):
        first = week_start_of(today, week_start)
        if preset is Preset.LAST_WEEK:
            first -= timedelta(days=7)
        if preset is Preset.PAST_TWO_WEEKS:
            return DateWindow(first - timedelta(days=7), first + timedelta(days=6))
        return DateWindow(first, first + timedelta(days=6))
    if preset in (Preset.LAST_7_DAYS, Preset.LAST_30_DAYS):
        days = 7 if preset is Preset.LAST_7_DAYS else 30
        return DateWindow(today - timedelta(days=days - 1), today)
    if preset is Preset.THIS_MONTH:
        return _month(today.year, today.month)
    if preset is Preset.LAST_MONTH:
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return _month(year, month)
    year = today.year if preset is Preset.THIS_YEAR else today.year - 1
    return DateWindow(date(year, 1, 1), date(year, 12, 31))


def _month(year: int, month: int) -> DateWindow:
    # The day before the next month's first, without the calendar module (and the locale
    # module it loads): the window's first paint shows a month preset. December is 31 days
    # long, and 9999-12 has no next month.
    last = 31 if month == 12 else (date(year, month + 1, 1) - timedelta(days=1)).day
    return DateWindow(date(year, month, 1), date(year, month, last))


def is_time_zone(name: str) -> bool:
    """Whether `name` is an IANA zone this machine knows (loads that one zone only)."""
    # Here, not at the top: the window's first paint (in UTC until signed in) does without.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def check_time_zone(name: str) -> str:
    """Return `name` if it is an IANA zone this machine knows, else a clear UsageError."""
    if not is_time_zone(name):
        raise UsageError(
            f"'{name}' is not a time zone this computer knows.",
            "Use an IANA name such as Europe/Berlin, America/New_York or UTC.",
        )
    return name


def time_zone_names() -> list[str]:
    """Every zone name; it scans the zone database (tens of milliseconds), so callers that
    show a window ask for it after the window is up."""
    from zoneinfo import available_timezones

    return sorted(available_timezones())
