"""The main API: user, workspaces, paged pick-lists with Last-Page and the 5000 cap."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import requests

from core.demo import DemoConfig, DemoServer

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def srv() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(entries_per_workspace=50, today=TODAY)) as server:
        yield server


def get(srv: DemoServer, path: str, **params: Any) -> requests.Response:
    return requests.get(f"{srv.root_url}/api/v1{path}", params=params, timeout=10,
                        headers={"X-Api-Key": srv.api_key})


def test_user_profile(srv: DemoServer) -> None:
    me = get(srv, "/user").json()
    assert me["id"] == srv.data.user.id
    assert me["name"] == "Zoë Müller"
    assert me["settings"]["timeZone"] == "Europe/Berlin"
    assert me["settings"]["weekStart"] == "MONDAY"
    assert me["memberships"] == []
    me = get(srv, "/user", **{"include-memberships": "true"}).json()
    assert {m["targetId"] for m in me["memberships"]} == {
        srv.paid_workspace_id, srv.free_workspace_id, srv.empty_workspace_id}


def test_workspaces_ignore_paging(srv: DemoServer) -> None:
    r = get(srv, "/workspaces", page=2, **{"page-size": 1})
    assert r.status_code == 200
    assert "Last-Page" not in r.headers
    spaces = {w["name"]: w for w in r.json()}
    assert set(spaces) == {"Acme Studio", "Side Projects", "Empty Workspace"}
    acme, side = spaces["Acme Studio"], spaces["Side Projects"]
    assert acme["id"] == srv.paid_workspace_id and side["id"] == srv.free_workspace_id
    assert acme["featureSubscriptionType"] == "PRO_YEAR_2024"
    assert side["featureSubscriptionType"] == "FREE"
    assert acme["hourlyRate"] == {"amount": 9500, "currency": "EUR"}
    assert isinstance(acme["hourlyRate"]["amount"], int)
    assert acme["currencies"][0]["code"] == "EUR" and side["currencies"][0]["code"] == "USD"
    assert set(acme["workspaceSettings"]) >= {"timeRoundingInReports", "durationFormat",
                                              "trackTimeDownToSecond"}
    assert acme["subdomain"] == {"enabled": False, "name": None}
    one = get(srv, f"/workspaces/{srv.free_workspace_id}").json()
    assert one == side


def test_projects_paging_and_last_page(srv: DemoServer) -> None:
    full = get(srv, f"/workspaces/{srv.paid_workspace_id}/projects").json()
    assert len(full) == 8
    pages, flags = [], []
    for page in (1, 2, 3):
        r = get(srv, f"/workspaces/{srv.paid_workspace_id}/projects", page=page,
                **{"page-size": 3})
        pages += r.json()
        flags.append(r.headers["Last-Page"])
    assert flags == ["false", "false", "true"]
    assert pages == full
    r = get(srv, f"/workspaces/{srv.paid_workspace_id}/projects", page=4, **{"page-size": 3})
    assert (r.json(), r.headers["Last-Page"]) == ([], "true")
    assert get(srv, f"/workspaces/{srv.paid_workspace_id}/projects",
               **{"page-size": 8}).headers["Last-Page"] == "true"
    # camelCase pageSize is not the main API's spelling: silently ignored (default 50)
    assert len(get(srv, f"/workspaces/{srv.paid_workspace_id}/projects", pageSize=2).json()) \
        == 8
    no_client = [p for p in full if not p["clientId"]]
    assert {p["name"] for p in no_client} == {"Internal Training", "Recruiting"}
    assert [p["name"] for p in full if p["archived"]] == ["Legacy Portal"]


def test_page_size_cap(srv: DemoServer) -> None:
    ok = get(srv, f"/workspaces/{srv.paid_workspace_id}/tags", **{"page-size": 5000})
    assert ok.status_code == 200
    r = get(srv, f"/workspaces/{srv.paid_workspace_id}/tags", **{"page-size": 5001})
    assert r.status_code == 400
    assert r.json() == {"message": "Page size cannot be larger than 5,000.", "code": 501}


@pytest.mark.parametrize("kind", ["clients", "users", "tags", "user-groups", "projects"])
def test_lists_have_last_page_and_bare_arrays(srv: DemoServer, kind: str) -> None:
    r = get(srv, f"/workspaces/{srv.paid_workspace_id}/{kind}", **{"page-size": 2})
    assert r.status_code == 200
    assert isinstance(r.json(), list) and len(r.json()) == 2
    assert r.headers["Last-Page"] == "false"
    empty = get(srv, f"/workspaces/{srv.empty_workspace_id}/{kind}")
    assert empty.headers["Last-Page"] == "true"
    assert empty.json() == ([] if kind != "users" else empty.json())


def test_users_clients_tags_groups_content(srv: DemoServer) -> None:
    ws = srv.paid_workspace_id
    users = get(srv, f"/workspaces/{ws}/users").json()
    names = {u["name"] for u in users}
    assert {"Zoë Müller", "José Álvarez", "Åsa Ström"} <= names and len(names) == 8
    assert [u["email"] for u in users] == sorted(u["email"] for u in users)
    clients = get(srv, f"/workspaces/{ws}/clients").json()
    assert "Café Olé S.L." in {c["name"] for c in clients}
    assert get(srv, f"/workspaces/{ws}/clients", archived="false").json() == [
        c for c in clients if not c["archived"]]
    tags = get(srv, f"/workspaces/{ws}/tags", name="RÉU").json()
    assert [t["name"] for t in tags] == ["réunion"]
    groups = get(srv, f"/workspaces/{ws}/user-groups").json()
    assert {g["name"] for g in groups} == {"Design Team", "Engineering", "Management"}
    empty_users = get(srv, f"/workspaces/{srv.empty_workspace_id}/users").json()
    assert [u["name"] for u in empty_users] == ["Zoë Müller"]


def test_tasks_of_a_project(srv: DemoServer) -> None:
    ws = srv.paid_workspace_id
    projects = {p["name"]: p["id"] for p in get(srv, f"/workspaces/{ws}/projects").json()}
    r = get(srv, f"/workspaces/{ws}/projects/{projects['Website Relaunch']}/tasks",
            **{"page-size": 3})
    assert [t["name"] for t in r.json()] == ["Backend", "Design", "Frontend"]
    assert r.headers["Last-Page"] == "false"
    assert get(srv, f"/workspaces/{ws}/projects/{projects['Recruiting']}/tasks").json() == []
    missing = get(srv, f"/workspaces/{ws}/projects/000000000000000000000000/tasks")
    assert missing.status_code == 404
    assert set(missing.json()) == {"message", "code"}
