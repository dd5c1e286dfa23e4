"""Totals over real loopback HTTP, from answers written by hand: an entry two date windows
both send is counted once (amounts included), ISO-8601 durations count, amounts per
currency are summed in either of Clockify's shapes, and hidden amounts stay null."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.errors import DataError, ExporterError, NetworkError
from core.export import ExportJob
from core.manifest import verification_summary
from core.planning import ExportRequest
from core.reports import ExportFormat, ReportKind
from tests.e2e.test_wire_bodies import client_for
from tests.e2e.wire_server import Handler, WireServer

WORKSPACE = {"id": "ws1", "name": "Wire", "featureSubscriptionType": "PRO"}
JAN, FEB = "2026-01-01", "2026-02-01"


def entry(n: int, duration: Any, cents: float, currency: str) -> dict[str, Any]:
    return {"_id": f"{n:024x}", "billable": True, "amount": cents, "currency": currency,
            "timeInterval": {"duration": duration}}


def by_window(answers: dict[str, dict[str, Any]]) -> Any:
    """Answer each report request by the first day of its date window."""
    def respond(h: Handler) -> None:
        start = json.loads(h.body)["dateRangeStart"][:10]
        h.send(200, json.dumps(answers[start]).encode())
    return respond


def export(srv: WireServer, out: Path, kind: ReportKind) -> Any:
    request = ExportRequest(workspace_id="ws1", kind=kind, fmt=ExportFormat.JSON,
                            start=date(2026, 1, 1), end=date(2026, 2, 28), output=out,
                            time_zone="UTC", max_days=31)
    return ExportJob(client_for(srv), request, workspace=WORKSPACE).run()


def test_detailed_totals_count_each_entry_once_whatever_the_windows_say(
        tmp_path: Path) -> None:
    both = entry(2, 600, 250.0, "USD")  # a running-over-midnight entry both windows send
    jan = {"timeentries": [entry(1, "PT2H54M", 1000.0, "EUR"), both],
           "totals": [{"_id": "", "entriesCount": 2, "totalTime": 11040,
                       "totalAmount": 1250.0, "amounts": []}]}
    feb = {"timeentries": [both, entry(3, 60, 50.5, "EUR")],
           "totals": [{"_id": "", "entriesCount": 2, "totalTime": 660,
                       "totalAmount": 300.5, "amounts": []}]}
    out = tmp_path / "r.json"
    with WireServer(by_window({JAN: jan, FEB: feb})) as srv:
        result = export(srv, out, ReportKind.DETAILED)
    data = json.loads(out.read_bytes())
    assert [e["_id"] for e in data["timeentries"]] == [f"{n:024x}" for n in (1, 2, 3)]
    totals = data["totals"][0]
    assert totals["entriesCount"] == 3
    assert totals["totalTime"] == 2 * 3600 + 54 * 60 + 600 + 60  # PT2H54M counted
    assert totals["totalAmount"] == 1300.5  # the shared entry's 250 once, not twice
    assert result.verification.totals["amountByCurrency"] == {"EUR": 1050.5, "USD": 250.0}
    assert result.verification.entries_expected == 4  # each window's own count
    assert (result.entries, result.verification.repeats) == (3, 1)
    assert verification_summary(result.verification, "entries", "JSON") == (
        "Verified: 3 entries; all 4 Clockify counted per date range arrived, 1 of them in "
        "two ranges (written once); total 03:05:00, billable 03:05:00, amounts 10.505 EUR, "
        "2.50 USD; 2 requests.")


def test_summary_totals_are_summed_per_currency_and_null_stays_null(tmp_path: Path) -> None:
    jan = {"groupOne": [], "totals": [{"_id": "", "totalTime": 100, "totalAmount": 500,
                                       "numOfCurrencies": 1,
                                       "totalAmountByCurrency": {"EUR": 500}}]}
    feb = {"groupOne": [], "totals": [{"_id": "", "totalTime": 50, "totalAmount": 300,
                                       "numOfCurrencies": 2,
                                       "totalAmountByCurrency": [
                                           {"currency": "EUR", "amount": 100},
                                           {"currency": "USD", "amount": 200}]}]}
    out = tmp_path / "s.json"
    with WireServer(by_window({JAN: jan, FEB: feb})) as srv:
        result = export(srv, out, ReportKind.SUMMARY)
    totals = json.loads(out.read_bytes())["totals"][0]
    assert totals["totalAmountByCurrency"] == {"EUR": 600, "USD": 200}
    assert (totals["totalAmount"], totals["numOfCurrencies"]) == (800, 2)
    assert result.verification.totals["amountByCurrency"] == {"EUR": 600, "USD": 200}

    hidden = {start: {"groupOne": [], "totals": [{"_id": "", "totalTime": 10,
                                                  "totalAmount": None}]}
              for start in (JAN, FEB)}
    with WireServer(by_window(hidden)) as srv:
        result = export(srv, out, ReportKind.SUMMARY)
    totals = json.loads(out.read_bytes())["totals"][0]
    assert totals["totalAmount"] is None and totals["totalTime"] == 20
    assert result.verification.totals["amountByCurrency"] is None


def test_a_duration_of_any_other_shape_is_refused_and_nothing_saved(tmp_path: Path) -> None:
    odd = {"timeentries": [entry(1, "2 hours", 0.0, "EUR")],
           "totals": [{"_id": "", "entriesCount": 1}]}
    empty = {"timeentries": [], "totals": [None]}
    with WireServer(by_window({JAN: odd, FEB: empty})) as srv, \
            pytest.raises(DataError, match="duration that is not one: '2 hours'"):
        export(srv, tmp_path / "r.json", ReportKind.DETAILED)
    assert list(tmp_path.iterdir()) == []


# ---- pages read raw whose fields are read only when delivered (core.items.RawPage) ------


def test_a_page_whose_fields_do_not_fit_the_raw_reader_is_read_in_full_when_its_turn_comes(
        tmp_path: Path) -> None:
    odd = {**entry(2, 0, 10.0, "EUR"), "timeInterval": "PT1H"}  # not an object: no duration
    jan = {"timeentries": [entry(1, 600, 100.0, "EUR"), odd],
           "totals": [{"_id": "", "entriesCount": 2, "totalTime": 600, "amounts": []}]}
    feb = {"timeentries": [entry(3, 60, 5.0, "EUR")],
           "totals": [{"_id": "", "entriesCount": 1, "totalTime": 60, "amounts": []}]}
    out = tmp_path / "r.json"
    with WireServer(by_window({JAN: jan, FEB: feb})) as srv:
        result = export(srv, out, ReportKind.DETAILED)
    data = json.loads(out.read_bytes())
    assert data["timeentries"] == [entry(1, 600, 100.0, "EUR"), odd, entry(3, 60, 5.0, "EUR")]
    assert data["totals"][0]["entriesCount"] == 3 and result.entries == 3
    assert data["totals"][0]["totalTime"] == 660 and data["totals"][0]["totalAmount"] == 115.0


@pytest.mark.parametrize(("body", "error"), [
    # Infinite: held raw, then refused once the page is read in full at its turn.
    (b'{"timeentries":[{"_id":"000000000000000000000001","amount":1e999}],'
     b'"totals":[{"entriesCount":1}]}', DataError),
    # NaN is not JSON: refused in the page thread already, as an unusable answer.
    (b'{"timeentries":[{"_id":"000000000000000000000001","timeInterval":{"duration":NaN}}],'
     b'"totals":[{"entriesCount":1}]}', NetworkError),
], ids=["infinite-amount", "nan-duration"])
def test_a_figure_that_is_no_number_fails_the_export_and_keeps_the_old_file(
        tmp_path: Path, body: bytes, error: type[ExporterError]) -> None:
    out = tmp_path / "r.json"
    out.write_text("precious", encoding="utf-8")

    def respond(h: Handler) -> None:
        h.send(200, body)

    with WireServer(respond) as srv, pytest.raises(error):
        export(srv, out, ReportKind.DETAILED)
    assert out.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
