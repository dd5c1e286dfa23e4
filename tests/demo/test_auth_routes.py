"""Auth errors, routing, workspace access and request recording."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import requests

from core.demo import DEMO_API_KEY, DEMO_MANAGER_KEY, DemoConfig, DemoServer

TODAY = date(2026, 11, 28)
MARCH = {"dateRangeStart": "2026-03-01T00:00:00", "dateRangeEnd": "2026-03-31T23:59:59.999",
         "timeZone": "Europe/Berlin", "detailedFilter": {"page": 1, "pageSize": 50}}


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(entries_per_workspace=600, today=TODAY)) as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh(srv: DemoServer) -> None:
    srv.reset()


def detailed_url(srv: DemoServer, ws: str | None = None, base: str = "/report/v1") -> str:
    return f"{srv.root_url}{base}/workspaces/{ws or srv.paid_workspace_id}/reports/detailed"


def post(url: str, headers: dict[str, str], body: Any = None) -> requests.Response:
    return requests.post(url, json=MARCH if body is None else body, headers=headers, timeout=10)


def test_no_auth_header_is_1000(srv: DemoServer) -> None:
    r = post(detailed_url(srv), {})
    assert r.status_code == 401
    assert r.json() == {"message": "Multiple or none auth tokens present", "code": 1000}
    assert r.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("headers", [
    {"X-Api-Key": DEMO_API_KEY, "X-Addon-Token": "abc"},
    {"Authorization": "Bearer " + DEMO_API_KEY},
    {"Authorization": "Bearer x", "X-Api-Key": DEMO_API_KEY},
    {"X-Api-Key": ""},
])
def test_both_none_or_bearer_is_1000(srv: DemoServer, headers: dict[str, str]) -> None:
    r = requests.get(f"{srv.root_url}/api/v1/user", headers=headers, timeout=10)
    assert r.status_code == 401
    assert r.json()["code"] == 1000


def test_unknown_key_is_4003_and_bad_addon_token_4017(srv: DemoServer) -> None:
    r = post(detailed_url(srv), {"X-Api-Key": "nope"})
    assert (r.status_code, r.json()) == (401, {"message": "Api key does not exist",
                                               "code": 4003})
    r = post(detailed_url(srv), {"X-Addon-Token": "jwt"})
    assert (r.status_code, r.json()["code"]) == (401, 4017)


def test_header_names_are_case_insensitive(srv: DemoServer) -> None:
    r = requests.get(f"{srv.root_url}/api/v1/user", headers={"x-api-key": DEMO_API_KEY},
                     timeout=10)
    assert r.status_code == 200
    r = requests.get(f"{srv.root_url}/api/v1/user", headers={"X-API-KEY": DEMO_API_KEY},
                     timeout=10)
    assert r.status_code == 200


def test_demo_keys_do_not_look_like_real_keys() -> None:
    for key in (DEMO_API_KEY, DEMO_MANAGER_KEY):
        assert key.startswith("demo-key-")
        assert not re.fullmatch(r"[A-Za-z0-9]{48}", key)


def test_manager_needs_hide_amount(srv: DemoServer) -> None:
    headers = {"X-Api-Key": DEMO_MANAGER_KEY}
    for shown in (None, "EARNED", "COST"):
        body = dict(MARCH, amountShown=shown) if shown else MARCH
        r = post(detailed_url(srv), headers, body)
        assert r.status_code == 403
        assert r.json() == {"message": "You don't have permission to see amounts. Hide "
                            "amounts to view the report.", "code": 403}
    r = post(detailed_url(srv), headers, dict(MARCH, amountShown="HIDE_AMOUNT"))
    assert r.status_code == 200
    data = r.json()
    assert data["totals"][0]["amounts"] == []
    assert all(e["amount"] == 0 for e in data["timeentries"])
    summary = {**MARCH, "amountShown": "EARNED", "summaryFilter": {"groups": ["USER"]}}
    r = post(detailed_url(srv).replace("detailed", "summary"), headers, summary)
    assert r.status_code == 403


def test_manager_sees_only_the_paid_workspace(srv: DemoServer) -> None:
    headers = {"X-Api-Key": DEMO_MANAGER_KEY}
    r = requests.get(f"{srv.root_url}/api/v1/workspaces", headers=headers, timeout=10)
    assert [w["id"] for w in r.json()] == [srv.paid_workspace_id]
    r = post(detailed_url(srv, srv.free_workspace_id), headers,
             dict(MARCH, amountShown="HIDE_AMOUNT"))
    assert r.status_code == 403
    assert set(r.json()) == {"message", "code"}
    me = requests.get(f"{srv.root_url}/api/v1/user", headers=headers, timeout=10).json()
    assert me["name"] == "José Álvarez"


def test_reports_under_main_api_are_404_3000(srv: DemoServer) -> None:
    ws = srv.paid_workspace_id
    r = post(detailed_url(srv, base="/api/v1"), {"X-Api-Key": DEMO_API_KEY})
    assert r.status_code == 404
    assert r.json() == {"message": f"No static resource v1/workspaces/{ws}/reports/detailed.",
                        "code": 3000}


def test_reports_host_style_paths_work(srv: DemoServer) -> None:
    r = post(detailed_url(srv, base="/v1"), {"X-Api-Key": DEMO_API_KEY})
    assert r.status_code == 200
    assert "timeentries" in r.json()


def test_unknown_routes_methods_and_workspaces(srv: DemoServer) -> None:
    h = {"X-Api-Key": DEMO_API_KEY}
    r = requests.get(f"{srv.root_url}/api/v1/nothing/here", headers=h, timeout=10)
    assert (r.status_code, r.json()) == (404, {"message": "No static resource v1/nothing/here.",
                                               "code": 3000})
    r = requests.get(f"{srv.root_url}/report/v1/user", headers=h, timeout=10)
    assert (r.status_code, r.json()["code"]) == (404, 3000)
    r = requests.get(detailed_url(srv), headers=h, timeout=10)
    assert r.status_code == 405
    missing = "0123456789abcdef01234567"
    r = post(detailed_url(srv, missing), h)
    assert r.status_code == 404
    assert r.json() == {"message": f"Workspace with id {missing} does not exist.", "code": 404}
    r = requests.get(f"{srv.root_url}/api/v1/workspaces/{missing}/projects", headers=h,
                     timeout=10)
    assert r.status_code == 404


def test_bad_json_body_is_400(srv: DemoServer) -> None:
    r = requests.post(detailed_url(srv), data=b"{not json", timeout=10,
                      headers={"X-Api-Key": DEMO_API_KEY, "Content-Type": "application/json"})
    assert (r.status_code, r.json()["code"]) == (400, 501)


def test_requests_are_recorded_without_the_key(srv: DemoServer) -> None:
    post(detailed_url(srv), {"X-Api-Key": DEMO_API_KEY, "X-Extra": "1"})
    requests.get(f"{srv.root_url}/api/v1/workspaces/{srv.paid_workspace_id}/tags?page=2"
                 "&page-size=3", headers={"X-Api-Key": "wrong-key"}, timeout=10)
    first, second = srv.requests
    assert first.method == "POST"
    assert first.path == f"/report/v1/workspaces/{srv.paid_workspace_id}/reports/detailed"
    assert first.body == MARCH
    assert first.status == 200
    assert first.headers["X-Extra"] == "1"
    assert second.query == {"page": "2", "page-size": "3"}
    assert second.status == 401
    assert second.body is None
    for rec in (first, second):
        text = repr(rec)
        assert DEMO_API_KEY not in text and "wrong-key" not in text
        assert rec.headers["X-Api-Key"] == "<redacted>"
