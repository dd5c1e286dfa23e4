"""Plan limits, rate limits (with a fake clock, no sleeping) and every fault switch."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import requests

from core.demo import DemoConfig, DemoServer

TODAY = date(2026, 11, 28)
TOO_MANY = {"message": "Too Many Requests", "code": 429}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="module")
def limited(clock: FakeClock) -> Iterator[DemoServer]:
    cfg = DemoConfig(entries_per_workspace=300, today=TODAY, free_quota_per_window=5,
                     quota_window_seconds=60.0, paid_rps=4, clock=clock)
    with DemoServer(cfg) as server:
        yield server


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(entries_per_workspace=3000, today=TODAY)) as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh(request: pytest.FixtureRequest) -> None:
    for name in ("limited", "srv"):
        if name in request.fixturenames:
            request.getfixturevalue(name).reset()


def body(start: str = "2026-03-01", end: str = "2026-03-31", **extra: Any) -> dict[str, Any]:
    return {"dateRangeStart": f"{start}T00:00:00", "dateRangeEnd": f"{end}T23:59:59.999",
            "timeZone": "Europe/Berlin", "detailedFilter": {"page": 1, "pageSize": 50}, **extra}


def detailed(server: DemoServer, payload: dict[str, Any] | None = None, ws: str | None = None,
             ) -> requests.Response:
    return requests.post(
        f"{server.root_url}/report/v1/workspaces/{ws or server.paid_workspace_id}/reports/"
        "detailed", json=payload or body(), headers={"X-Api-Key": server.api_key}, timeout=30)


def tags(server: DemoServer, ws: str) -> requests.Response:
    return requests.get(f"{server.root_url}/api/v1/workspaces/{ws}/tags", timeout=30,
                        headers={"X-Api-Key": server.api_key})


# -- Free plan -------------------------------------------------------------------------

def test_free_plan_allows_31_days_only(limited: DemoServer) -> None:
    ws = limited.free_workspace_id
    assert detailed(limited, body("2026-03-01", "2026-03-31"), ws).status_code == 200
    exclusive = body(dateRangeStart="2026-03-01T00:00:00", dateRangeEnd="2026-04-01T00:00:00")
    assert detailed(limited, exclusive, ws).status_code == 200
    r = detailed(limited, body("2026-03-01", "2026-04-01"), ws)
    assert r.status_code == 400
    assert r.json() == {"message": "The date range is too long for your plan: reports are "
                                   "limited to 31 days.", "code": 501}
    assert detailed(limited, body("2025-06-01", "2026-04-01")).status_code == 200  # paid


def test_free_quota_counts_main_lists_and_reports(limited: DemoServer, clock: FakeClock,
                                                  ) -> None:
    ws = limited.free_workspace_id
    for _ in range(3):
        assert tags(limited, ws).status_code == 200
    assert detailed(limited, None, ws).status_code == 200
    assert requests.get(f"{limited.root_url}/api/v1/workspaces/{ws}", timeout=30,
                        headers={"X-Api-Key": limited.api_key}).status_code == 200
    r = detailed(limited, None, ws)
    assert (r.status_code, r.json(), r.headers["Retry-After"]) == (429, TOO_MANY, "60")
    assert tags(limited, ws).status_code == 429
    # not workspace-scoped, and other workspaces have their own budget
    assert requests.get(f"{limited.root_url}/api/v1/user", timeout=30,
                        headers={"X-Api-Key": limited.api_key}).status_code == 200
    assert detailed(limited).status_code == 200
    clock.now += 25
    assert tags(limited, ws).headers["Retry-After"] == "35"
    clock.now += 35
    assert tags(limited, ws).status_code == 200


def test_quota_without_retry_after(clock: FakeClock) -> None:
    cfg = DemoConfig(entries_per_workspace=10, today=TODAY, free_quota_per_window=1,
                     quota_retry_after=False, clock=clock)
    with DemoServer(cfg) as server:
        assert tags(server, server.free_workspace_id).status_code == 200
        r = tags(server, server.free_workspace_id)
        assert r.status_code == 429 and "Retry-After" not in r.headers


def test_paid_rate_limit_is_a_sliding_second(limited: DemoServer, clock: FakeClock) -> None:
    for _ in range(4):
        assert tags(limited, limited.paid_workspace_id).status_code == 200
    r = detailed(limited)
    assert (r.status_code, r.json()) == (429, TOO_MANY)
    assert "Retry-After" not in r.headers
    assert tags(limited, limited.empty_workspace_id).status_code == 200
    clock.now += 0.5
    assert tags(limited, limited.paid_workspace_id).status_code == 429
    clock.now += 0.51
    assert detailed(limited).status_code == 200


def test_exhaust_quota_fault(limited: DemoServer, clock: FakeClock) -> None:
    limited.faults.exhaust_quota = True
    r = tags(limited, limited.free_workspace_id)
    assert (r.status_code, r.headers["Retry-After"]) == (429, "60")
    assert detailed(limited, None, limited.free_workspace_id).status_code == 429
    assert tags(limited, limited.paid_workspace_id).status_code == 200
    clock.now += 60
    assert tags(limited, limited.free_workspace_id).status_code == 200


# -- faults ----------------------------------------------------------------------------

def test_rate_limit_next(srv: DemoServer) -> None:
    srv.faults.rate_limit_next = 2
    srv.faults.rate_limit_retry_after = 0.5
    assert tags(srv, srv.paid_workspace_id).status_code == 200  # main API: unaffected
    for _ in range(2):
        r = detailed(srv)
        assert (r.status_code, r.json(), r.headers["Retry-After"]) == (429, TOO_MANY, "0.5")
    assert detailed(srv).status_code == 200
    srv.faults.rate_limit_next = 1
    srv.faults.rate_limit_retry_after = None
    r = detailed(srv)
    assert r.status_code == 429 and "Retry-After" not in r.headers


@pytest.mark.parametrize("status", [503, 502])
def test_server_error_next(srv: DemoServer, status: int) -> None:
    srv.faults.server_error_next = 2
    srv.faults.server_error_status = status
    for _ in range(2):
        r = detailed(srv)
        assert r.status_code == status
        assert r.headers["Content-Type"] == "text/html"
    assert detailed(srv).status_code == 200
    assert [rec.status for rec in srv.requests] == [status, status, 200]


def test_drop_connection_next(srv: DemoServer) -> None:
    srv.faults.drop_connection_next = 2
    with pytest.raises((requests.exceptions.ConnectionError,
                        requests.exceptions.ChunkedEncodingError)):
        detailed(srv)
    with pytest.raises((requests.exceptions.ConnectionError,
                        requests.exceptions.ChunkedEncodingError)):
        detailed(srv, body(exportType="CSV"))
    assert detailed(srv).status_code == 200
    assert srv.faults.drop_connection_next == 0


def test_truncate_json_next(srv: DemoServer) -> None:
    srv.faults.truncate_json_next = 1
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        detailed(srv)
    srv.faults.truncate_json_next = 1
    srv.faults.truncate_without_length = True
    r = detailed(srv)
    assert r.status_code == 200 and "Content-Length" not in r.headers
    with pytest.raises(requests.exceptions.JSONDecodeError):
        r.json()
    assert detailed(srv).json()["timeentries"]


def test_latency(srv: DemoServer) -> None:
    srv.faults.latency = 0.2
    began = time.perf_counter()
    assert tags(srv, srv.paid_workspace_id).status_code == 200
    assert time.perf_counter() - began >= 0.2


def test_insert_entries_between_pages(srv: DemoServer) -> None:
    ws = srv.paid_workspace_id
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    before = srv.data.entry_ids(ws, start, end, "Europe/Berlin")
    highest = max(e.id for e in srv.data.entries(ws))
    srv.faults.insert_entries_between_pages = 3
    seen: list[str] = []
    counts = []
    page = 1
    while True:
        payload = body(sortOrder="ASCENDING", detailedFilter={
            "page": page, "pageSize": 100, "sortColumn": "ID"})
        data = detailed(srv, payload).json()
        counts.append(data["totals"][0]["entriesCount"])
        seen += [e["_id"] for e in data["timeentries"]]
        if len(data["timeentries"]) < 100:
            break
        page += 1
    srv.faults.insert_entries_between_pages = 0
    after = srv.data.entry_ids(ws, start, end, "Europe/Berlin")
    new = after - before
    assert len(new) == 3 * page
    assert all(i > highest for i in new)
    assert counts == [len(before) + 3 * i for i in range(page)]
    assert set(seen) <= after and len(seen) == len(set(seen))
    assert before <= set(seen)  # sorting by ID keeps older rows on their pages


def test_empty_fault(srv: DemoServer) -> None:
    srv.faults.empty = True
    assert detailed(srv).json() == {"totals": [None], "timeentries": []}
    url = f"{srv.root_url}/report/v1/workspaces/{srv.paid_workspace_id}/reports"
    h = {"X-Api-Key": srv.api_key}
    summary = requests.post(f"{url}/summary", headers=h, timeout=30, json=body(
        summaryFilter={"groups": ["USER"]})).json()
    assert summary["totals"] == [None] and summary["groupOne"] == []
    expenses = requests.post(f"{url}/expenses/detailed", headers=h, timeout=30,
                             json=body()).json()
    assert expenses["expenses"] == [] and expenses["totals"]["expensesCount"] == 0
    attendance = requests.post(f"{url}/attendance", headers=h, timeout=30,
                               json=body(attendanceFilter={})).json()
    assert attendance == {"entities": []}
    assert tags(srv, srv.paid_workspace_id).json()  # main API lists keep their data
    srv.faults.empty = False
    assert detailed(srv).json()["timeentries"]
