"""The verification record worded for the CLI, and the figures of merged summary reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.manifest import verification_summary
from core.planning import SavedFile, Verification
from core.render.values import money_text
from core.summaries import document_figures

FILE = SavedFile(Path("r.json"), 10, "0" * 64)


def record(written: int | None, expected: int | None, totals: dict[str, Any],
           requests: int = 11, files: int = 1) -> Verification:
    return Verification(written, expected, totals, requests, (FILE,) * files)


def test_a_detailed_export_states_count_totals_amounts_and_requests() -> None:
    totals = {"totalTime": 612 * 3600 + 190, "totalBillableTime": 500 * 3600,
              "amountByCurrency": {"EUR": 123456, "USD": 1000.5}}
    assert verification_summary(record(1828, 1828, totals), "entries", "JSON") == (
        "Verified: 1,828 of 1,828 entries Clockify counted; total 612:03:10, billable "
        "500:00:00, amounts 1,234.56 EUR, 10.005 USD; 11 requests.")


def test_hidden_amounts_no_count_and_one_request_are_said_as_such() -> None:
    text = verification_summary(record(9, None, {"totalTime": 60, "amountByCurrency": None},
                                       requests=1), "rows", "JSON")
    assert text == ("Written: 9 rows (Clockify states no count to check them against); "
                    "total 00:01:00, amounts hidden; 1 request.")


def test_a_count_without_totals_is_still_stated() -> None:
    assert verification_summary(record(5, 7, {}), "entries", "CSV") == (
        "Verified: 5 of 7 entries Clockify counted; 11 requests.")


def test_clockify_files_say_what_was_and_was_not_checked() -> None:
    assert verification_summary(record(None, None, {}, requests=3, files=3), "entries",
                                "PDF") == (
        "Not verified: Clockify's own PDF files were saved as sent; it was checked to have "
        "arrived whole, but its entries and totals were not counted; 3 requests.")


def test_grouped_money_text_keeps_the_decimals_rule() -> None:
    assert money_text(123456789) == "1234567.89"
    assert money_text(123456789, grouped=True) == "1,234,567.89"
    assert money_text(4005555.55, grouped=True) == "40,055.5555"


def test_summary_figures_take_either_currency_shape_and_keep_null() -> None:
    listed = {"totals": [{"totalTime": "PT1H", "totalBillableTime": 60, "entriesCount": 3,
                          "totalAmount": 500,
                          "totalAmountByCurrency": [{"currency": "EUR", "amount": 500}]}]}
    assert document_figures(listed) == {"totalTime": 3600, "totalBillableTime": 60,
                                        "entriesCount": 3, "amountByCurrency": {"EUR": 500}}
    hidden = {"totals": [{"totalTime": 1, "totalAmount": None,
                          "totalAmountByCurrency": {"EUR": 1}}]}
    assert document_figures(hidden) == {"totalTime": 1, "amountByCurrency": None}
    assert document_figures({"totals": [None]}) == {}
