"""The shape every file format is built from: typed columns, rows and their style.

Rows hold typed values (dates as `date`, times of day as `time`, durations in seconds,
money in cents); each writer turns them into its own form through `Formats`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from core.render.values import (
    date_patterns,
    decimal_hours,
    hms,
    money_text,
    number_text,
    time_patterns,
)


class Kind(Enum):
    TEXT = "text"
    DATE = "date"  # datetime.date
    TIME = "time"  # datetime.time (time of day)
    DURATION = "duration"  # seconds, shown HH:MM:SS
    HOURS = "hours"  # seconds, shown as decimal hours
    MONEY = "money"  # cents, shown in currency units
    NUMBER = "number"  # a plain number (quantity)


NUMERIC = frozenset({Kind.DURATION, Kind.HOURS, Kind.MONEY, Kind.NUMBER})


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    width: int = 12  # characters, a hint for XLSX column widths and PDF layout
    currency: str = ""  # MONEY columns: the currency code shown in number formats


class Style(Enum):
    ROW = "row"
    GROUP = "group"  # a subtotal row (summary/weekly group)
    TOTAL = "total"  # the grand total row


@dataclass(frozen=True)
class Row:
    values: Sequence[Any]
    style: Style = Style.ROW
    level: int = 0  # nesting depth of summary rows (0 = first group)


@dataclass(frozen=True)
class Section:
    """A titled part of a table (a weekly week in the PDF) with its own header."""

    title: str
    columns: Sequence[Column]


@dataclass(frozen=True)
class Formats:
    """Text forms from the profile: date and time patterns."""

    date_format: str | None = None  # Clockify profile `dateFormat`, e.g. DD/MM/YYYY
    time_format: str | None = None  # HOUR12 | HOUR24
    py_date: str = field(init=False)
    excel_date: str = field(init=False)
    py_time: str = field(init=False)
    excel_time: str = field(init=False)

    def __post_init__(self) -> None:
        py_date, excel_date = date_patterns(self.date_format)
        py_time, excel_time = time_patterns(self.time_format)
        object.__setattr__(self, "py_date", py_date)
        object.__setattr__(self, "excel_date", excel_date)
        object.__setattr__(self, "py_time", py_time)
        object.__setattr__(self, "excel_time", excel_time)

    def day(self, value: date | datetime) -> str:
        return value.strftime(self.py_date)

    def converter(self, kind: Kind) -> Callable[[Any], str]:
        """The function that shows a cell of `kind` as CSV and PDF text (empty for None)."""
        if kind is Kind.TEXT:
            return _text
        if kind is Kind.TIME and self.py_time == "%H:%M:%S":
            return _clock  # the common 24-hour form, without strftime's cost
        if kind is Kind.DATE:
            pattern = self.py_date
        elif kind is Kind.TIME:
            pattern = self.py_time
        else:
            return _remembered(_NUMBER_TEXT[kind])
        shown: dict[Any, str] = {}  # dates repeat on every row of a day: format each once

        def show(value: Any) -> str:
            text = shown.get(value)
            if text is None:
                text = value.strftime(pattern) if isinstance(value, date | time) else _text(value)
                if len(shown) < 4096:
                    shown[value] = text
            return text

        return show

    def converters(self, columns: Sequence[Column]) -> list[Callable[[Any], str]]:
        return [self.converter(c.kind) for c in columns]


def _remembered(number: Callable[[Any], str]) -> Callable[[Any], str]:
    """`number` as cell text, remembering the texts of the first 4,096 values: a column's
    rates and many durations repeat on row after row."""
    shown: dict[Any, str] = {}

    def show(value: Any) -> str:
        text = shown.get(value)
        if text is None:
            text = "" if value is None or value == "" else number(value)
            if len(shown) < 4096:
                shown[value] = text
        return text

    return show


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _clock(value: Any) -> str:
    return value.isoformat("seconds") if isinstance(value, time) else _text(value)


_NUMBER_TEXT: dict[Kind, Callable[[Any], str]] = {
    Kind.DURATION: hms, Kind.HOURS: decimal_hours, Kind.MONEY: money_text,
    Kind.NUMBER: number_text,
}
