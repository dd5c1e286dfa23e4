"""The totals check: what a locally built file holds must equal the JSON report's totals.

Each renderer adds up what it writes (rows, seconds, billable seconds, cents per currency)
and compares before the file is committed; a difference is an error, never a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import ErrorKind, ExporterError
from core.render.values import hms, money_text, num

# Clockify rounds totals to hundredths of a cent per request; half a cent is a real error.
_CENT_TOLERANCE = 0.5


class TotalsMismatchError(ExporterError):
    """A built file would not add up to the report's totals; nothing was saved."""

    kind = ErrorKind.TOTALS


@dataclass
class Tally:
    count: int = 0
    seconds: float = 0.0
    billable_seconds: float = 0.0
    cents: dict[str, float] = field(default_factory=dict)

    def add(self, seconds: float, billable: bool, cents: float, currency: str) -> None:
        self.count += 1
        self.seconds += seconds
        if billable:
            self.billable_seconds += seconds
        if cents:
            self.cents[currency] = self.cents.get(currency, 0.0) + cents

    @property
    def total_cents(self) -> float:
        return sum(self.cents.values())


@dataclass(frozen=True)
class Expected:
    """The report's own totals, each None when the report does not state it."""

    count: int | None = None
    seconds: float | None = None
    billable_seconds: float | None = None
    cents: float | None = None
    cents_by_currency: dict[str, float] | None = None


def first_totals(data: Any) -> dict[str, Any] | None:
    """The totals object of a report or of a sink trailer: `{"totals": [..]}`, `[{..}]`,
    `{..}`; None for `[null]`, `[]` or nothing."""
    if isinstance(data, dict) and "totals" in data:
        data = data["totals"]
    if isinstance(data, list):
        data = data[0] if data else None
    return data if isinstance(data, dict) else None


def _by_currency(value: Any) -> dict[str, float] | None:
    """`totalAmountByCurrency` as `[{currency, amount}]` (2026) or `{code: amount}` (2024)."""
    if isinstance(value, list):
        out = {str(i.get("currency")): num(i.get("amount")) for i in value
               if isinstance(i, dict)}
        return out or None
    if isinstance(value, dict) and value:
        return {str(k): num(v) for k, v in value.items()}
    return None


def expected_from(data: Any, *, empty_count: bool = True) -> Expected:
    """Read a time report's totals (detailed, summary, weekly) or the expense totals."""
    totals = first_totals(data)
    if totals is None:
        # `totals: [null]` is how Clockify says "no entries".
        return Expected(count=0, seconds=0, billable_seconds=0, cents=0) if empty_count \
            else Expected()
    if "expensesCount" in totals:
        return Expected(count=_int(totals.get("expensesCount")),
                        cents=_opt(totals.get("totalAmount")))
    return Expected(count=_int(totals.get("entriesCount")),
                    seconds=_opt(totals.get("totalTime")),
                    billable_seconds=_opt(totals.get("totalBillableTime")),
                    cents=_opt(totals.get("totalAmount")),
                    cents_by_currency=_by_currency(totals.get("totalAmountByCurrency")))


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _opt(value: Any) -> float | None:
    return None if value is None else num(value)


def check(tally: Tally, expected: Expected, what: str, *, counts_rows: bool = True,
          rounded_rows: int = 0) -> None:
    """Raise TotalsMismatchError when the file's tally differs from the report's totals.

    `rounded_rows`: how many rows carry an amount Clockify rounded to 1/100 cent (summary
    and weekly groups); their rounding may add up beyond half a cent.
    """
    tolerance = max(_CENT_TOLERANCE, 0.005 * rounded_rows)
    problems = []
    if counts_rows and expected.count is not None and tally.count != expected.count:
        problems.append(f"{tally.count:,} rows instead of {expected.count:,}")
    for name, got, want in (("time", tally.seconds, expected.seconds),
                            ("billable time", tally.billable_seconds,
                             expected.billable_seconds)):
        if want is not None and abs(got - want) >= 0.5:
            problems.append(f"{name} {hms(got)} instead of {hms(want)}")
    if expected.cents_by_currency:
        for code in sorted(set(expected.cents_by_currency) | set(tally.cents)):
            got, want = tally.cents.get(code, 0.0), expected.cents_by_currency.get(code, 0.0)
            if abs(got - want) > tolerance:
                problems.append(f"amount {money_text(got)} {code} instead of "
                                f"{money_text(want)} {code}")
    elif expected.cents is not None and abs(tally.total_cents - expected.cents) > tolerance:
        problems.append(f"amount {money_text(tally.total_cents)} instead of "
                        f"{money_text(expected.cents)}")
    if problems:
        raise TotalsMismatchError(
            f"The {what} built from the report does not add up to Clockify's totals: "
            + "; ".join(problems) + ".",
            "Nothing was saved. Try again; if it happens again, export JSON and report it.")
