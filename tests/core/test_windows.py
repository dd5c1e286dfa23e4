"""Date windows, presets and wall-clock bounds (API.md §5.1, §5.2)."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest

from core.errors import UsageError
from core.windows import (
    FREE_PLAN_MAX_DAYS,
    WEEKDAYS,
    DateWindow,
    Preset,
    check_time_zone,
    preset_range,
    split_range,
    time_zone_names,
    week_start_of,
    weekly_windows,
)


def assert_tiles(windows: list[DateWindow], start: date, end: date, max_days: int) -> None:
    """The windows cover start..end exactly: contiguous, no gap, no overlap, none too long."""
    assert windows, "at least one window"
    assert windows[0].start == start
    assert windows[-1].end == end
    for before, after in itertools.pairwise(windows):
        assert after.start == before.end + timedelta(days=1)
    for window in windows:
        assert window.start <= window.end
        assert 1 <= window.days <= max_days
    assert sum(w.days for w in windows) == (end - start).days + 1


def test_split_over_month_ends_31_days() -> None:
    windows = split_range(date(2023, 1, 15), date(2023, 4, 10), 31)
    assert windows == [
        DateWindow(date(2023, 1, 15), date(2023, 2, 14)),
        DateWindow(date(2023, 2, 15), date(2023, 3, 17)),
        DateWindow(date(2023, 3, 18), date(2023, 4, 10)),
    ]
    assert_tiles(windows, date(2023, 1, 15), date(2023, 4, 10), 31)
    assert [w.days for w in windows] == [31, 31, 24]


def test_split_counts_the_leap_day() -> None:
    # 2024-02-01 .. 2024-03-02 is 31 days only because February 2024 has 29 days.
    windows = split_range(date(2024, 2, 1), date(2024, 3, 3), 31)
    assert windows == [
        DateWindow(date(2024, 2, 1), date(2024, 3, 2)),
        DateWindow(date(2024, 3, 3), date(2024, 3, 3)),
    ]
    assert any(w.start <= date(2024, 2, 29) <= w.end for w in windows)


def test_split_a_leap_year() -> None:
    start, end = date(2024, 1, 1), date(2024, 12, 31)
    windows = split_range(start, end, FREE_PLAN_MAX_DAYS)
    # 366 days = 11 full 31-day windows (341 days) + 25 days.
    assert len(windows) == 12
    assert windows[-1].days == 25
    assert_tiles(windows, start, end, 31)


def test_split_a_common_year() -> None:
    start, end = date(2023, 1, 1), date(2023, 12, 31)
    windows = split_range(start, end, 31)
    assert len(windows) == 12  # ceil(365 / 31)
    assert windows[-1] == DateWindow(date(2023, 12, 8), date(2023, 12, 31))
    assert_tiles(windows, start, end, 31)


def test_split_exact_multiple_has_no_empty_tail() -> None:
    windows = split_range(date(2023, 1, 1), date(2023, 1, 1) + timedelta(days=61), 31)
    assert [w.days for w in windows] == [31, 31]


def test_split_one_day_windows() -> None:
    start, end = date(2024, 2, 27), date(2024, 3, 2)
    windows = split_range(start, end, 1)
    assert [w.start for w in windows] == [start + timedelta(days=i) for i in range(5)]
    assert all(w.start == w.end for w in windows)
    assert_tiles(windows, start, end, 1)


def test_split_single_day_range() -> None:
    assert split_range(date(2024, 5, 5), date(2024, 5, 5), 31) == [
        DateWindow(date(2024, 5, 5), date(2024, 5, 5))
    ]


def test_split_short_range_is_one_window() -> None:
    assert split_range(date(2024, 1, 1), date(2024, 1, 31), 31) == [
        DateWindow(date(2024, 1, 1), date(2024, 1, 31))
    ]


def test_split_zero_window_size_is_refused() -> None:
    with pytest.raises(UsageError):
        split_range(date(2024, 1, 1), date(2024, 1, 2), 0)


def test_end_before_start_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as info:
        split_range(date(2024, 3, 2), date(2024, 3, 1), 31)
    assert "2024-03-01" in info.value.message and "2024-03-02" in info.value.message
    with pytest.raises(UsageError):
        weekly_windows(date(2024, 3, 2), date(2024, 3, 1))


def test_weekly_windows_whole_weeks() -> None:
    start, end = date(2024, 2, 26), date(2024, 3, 24)  # 4 weeks exactly, over the leap day
    windows = weekly_windows(start, end)
    assert len(windows) == 4
    assert all(w.days == 7 for w in windows)
    assert_tiles(windows, start, end, 7)


def test_weekly_windows_extend_a_partial_last_week() -> None:
    start, end = date(2024, 3, 1), date(2024, 3, 10)  # 10 days
    windows = weekly_windows(start, end)
    assert windows == [
        DateWindow(date(2024, 3, 1), date(2024, 3, 7)),
        DateWindow(date(2024, 3, 8), date(2024, 3, 14)),
    ]
    assert windows[-1].end > end


def test_weekly_windows_single_day_is_one_week() -> None:
    assert weekly_windows(date(2024, 1, 3), date(2024, 1, 3)) == [
        DateWindow(date(2024, 1, 3), date(2024, 1, 9))
    ]


def test_bounds_are_wall_clock_without_offset() -> None:
    start, end = DateWindow(date(2024, 2, 1), date(2024, 2, 29)).bounds()
    assert start == "2024-02-01T00:00:00.000"
    assert end == "2024-02-29T23:59:59.999"
    pattern = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$")
    for value in (start, end):
        assert pattern.match(value)
        assert "Z" not in value and "+" not in value


def test_window_label_and_days() -> None:
    assert DateWindow(date(2024, 1, 1), date(2024, 1, 31)).label() == "2024-01-01_2024-01-31"
    assert DateWindow(date(2024, 1, 1), date(2024, 1, 1)).label() == "2024-01-01"
    assert DateWindow(date(2024, 2, 1), date(2024, 2, 29)).days == 29


WEDNESDAY = date(2024, 5, 15)


@pytest.mark.parametrize(
    ("preset", "week_start", "expected"),
    [
        (Preset.TODAY, "MONDAY", (WEDNESDAY, WEDNESDAY)),
        (Preset.YESTERDAY, "MONDAY", (date(2024, 5, 14), date(2024, 5, 14))),
        (Preset.THIS_WEEK, "MONDAY", (date(2024, 5, 13), date(2024, 5, 19))),
        (Preset.LAST_WEEK, "MONDAY", (date(2024, 5, 6), date(2024, 5, 12))),
        (Preset.THIS_WEEK, "SUNDAY", (date(2024, 5, 12), date(2024, 5, 18))),
        (Preset.LAST_WEEK, "SUNDAY", (date(2024, 5, 5), date(2024, 5, 11))),
        (Preset.THIS_WEEK, "WEDNESDAY", (WEDNESDAY, date(2024, 5, 21))),
        (Preset.THIS_WEEK, "THURSDAY", (date(2024, 5, 9), date(2024, 5, 15))),
        (Preset.THIS_MONTH, "MONDAY", (date(2024, 5, 1), date(2024, 5, 31))),
        (Preset.LAST_MONTH, "MONDAY", (date(2024, 4, 1), date(2024, 4, 30))),
        (Preset.THIS_YEAR, "MONDAY", (date(2024, 1, 1), date(2024, 12, 31))),
        (Preset.LAST_YEAR, "MONDAY", (date(2023, 1, 1), date(2023, 12, 31))),
    ],
)
def test_presets(preset: Preset, week_start: str, expected: tuple[date, date]) -> None:
    window = preset_range(preset, WEDNESDAY, week_start)
    assert (window.start, window.end) == expected


def test_every_preset_is_covered() -> None:
    today = date(2024, 5, 15)
    for preset in Preset:
        window = preset_range(preset, today)
        assert window.start <= window.end
        assert window.start <= today or preset is Preset.TODAY


def test_last_month_in_january_is_december_of_last_year() -> None:
    window = preset_range(Preset.LAST_MONTH, date(2024, 1, 10))
    assert window == DateWindow(date(2023, 12, 1), date(2023, 12, 31))


def test_yesterday_on_new_year() -> None:
    assert preset_range(Preset.YESTERDAY, date(2024, 1, 1)) == DateWindow(
        date(2023, 12, 31), date(2023, 12, 31))


def test_this_month_february_of_a_leap_year() -> None:
    assert preset_range(Preset.THIS_MONTH, date(2024, 2, 10)).end == date(2024, 2, 29)
    assert preset_range(Preset.LAST_MONTH, date(2023, 3, 31)).end == date(2023, 2, 28)


def test_week_over_a_dst_change_is_seven_calendar_days() -> None:
    # Europe: clocks go forward on Sunday 2024-03-31. Dates carry no time, so the week is
    # still Monday..Sunday, and its bounds still span whole wall-clock days.
    window = preset_range(Preset.THIS_WEEK, date(2024, 3, 31), "MONDAY")
    assert window == DateWindow(date(2024, 3, 25), date(2024, 3, 31))
    assert window.days == 7
    assert window.bounds() == ("2024-03-25T00:00:00.000", "2024-03-31T23:59:59.999")
    # US autumn change on Sunday 2024-11-03, weeks starting on Sunday.
    week = preset_range(Preset.THIS_WEEK, date(2024, 11, 5), "SUNDAY")
    assert week == DateWindow(date(2024, 11, 3), date(2024, 11, 9))


@pytest.mark.parametrize("week_start", WEEKDAYS)
def test_week_start_of_every_weekday(week_start: str) -> None:
    for offset in range(7):
        day = date(2024, 5, 13) + timedelta(days=offset)
        first = week_start_of(day, week_start)
        assert first.strftime("%A").upper() == week_start
        assert 0 <= (day - first).days <= 6


def test_week_start_of_in_year_one() -> None:
    assert week_start_of(date.min, "MONDAY") == date.min  # 0001-01-01 is a Monday
    with pytest.raises(UsageError, match="before the first day a calendar has"):
        week_start_of(date.min + timedelta(days=2), "SUNDAY")


@pytest.mark.parametrize("name", ["Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata"])
def test_check_time_zone_accepts_iana_names(name: str) -> None:
    assert check_time_zone(name) == name


@pytest.mark.parametrize("name", ["Mars/Base", "", "Europe/Nowhere", "../../etc/passwd"])
def test_check_time_zone_rejects_unknown(name: str) -> None:
    with pytest.raises(UsageError) as info:
        check_time_zone(name)
    assert "time zone" in info.value.message
    assert "Europe/Berlin" in info.value.hint


def test_time_zone_names_sorted_and_known() -> None:
    names = time_zone_names()
    assert names == sorted(names)
    assert "Europe/Berlin" in names and "UTC" in names


@pytest.mark.parametrize("year", [1, 1900, 2000, 2023, 2024, 9999])
def test_this_month_ends_on_the_months_last_day(year: int) -> None:
    import calendar  # the reference the window's own arithmetic must agree with

    for month in range(1, 13):
        today = date(year, month, 15)
        window = preset_range(Preset.THIS_MONTH, today)
        assert window.start == date(year, month, 1)
        assert window.end == date(year, month, calendar.monthrange(year, month)[1])
