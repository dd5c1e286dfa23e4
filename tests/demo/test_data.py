"""The dataset: determinism, ids, special entries, lazy generation and the CLI."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import requests

from core.demo import DEMO_API_KEY, Dataset, DemoConfig, DemoServer

TODAY = date(2026, 11, 28)
BERLIN = ZoneInfo("Europe/Berlin")
ROOT = Path(__file__).resolve().parents[2]


def test_same_seed_same_data_other_seed_other_data() -> None:
    a = Dataset(7, 500, 18, TODAY)
    b = Dataset(7, 500, 18, TODAY)
    c = Dataset(8, 500, 18, TODAY)
    ws = a.workspaces[0].id
    assert a.entries(ws) == b.entries(ws)
    assert a.expenses(ws) == b.expenses(ws)
    assert [e.start for e in a.entries(ws)] != [e.start for e in c.entries(ws)]
    assert [w.id for w in a.workspaces] == [w.id for w in c.workspaces]
    # lazy generation order does not matter
    free = a.workspaces[1].id
    d = Dataset(7, 500, 18, TODAY)
    assert d.entries(free) == a.entries(free)


def test_ids_grow_with_creation_order() -> None:
    data = Dataset(7, 3000, 18, TODAY)
    for ws in data.workspaces[:2]:
        entries = data.entries(ws.id)
        assert len(entries) == 3000
        ids = [e.id for e in entries]
        assert all(re.fullmatch(r"[0-9a-f]{24}", i) for i in ids)
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert data.entries(data.workspaces[2].id) == []
    paid = data.workspaces[0].id
    first = datetime(2026, 3, 1, tzinfo=BERLIN).timestamp()
    new = data.insert_entries(paid, 2, first, first + 86400)
    assert all(n.id > max(e.id for e in data.entries(ws.id)
                          if e not in new) for ws in data.workspaces[:2] for n in new)
    assert {n.id for n in new} <= data.entry_ids(paid, date(2026, 3, 1), date(2026, 3, 2),
                                                 "Europe/Berlin")


def test_history_span_and_special_entries() -> None:
    data = Dataset(7, 3000, 18, TODAY)
    ws = data.workspaces[0]
    entries = data.entries(ws.id)
    days = [datetime.fromtimestamp(e.start, BERLIN).date() for e in entries]
    assert min(days) >= date(2025, 5, 28) and max(days) <= TODAY
    assert (max(days) - min(days)).days > 500
    crossing = [e for e in entries
                if datetime.fromtimestamp(e.end, BERLIN).date()
                != datetime.fromtimestamp(e.start, BERLIN).date()]
    assert len(crossing) > 10
    for switch_day in (date(2025, 10, 26), date(2026, 3, 29), date(2026, 10, 25)):
        ids = data.entry_ids(ws.id, switch_day, switch_day, "Europe/Berlin")
        assert len(ids) >= 2
    assert any(e.project_id is None for e in entries)
    assert any(e.task_id for e in entries) and any(len(e.tag_ids) == 2 for e in entries)
    assert any(e.billable for e in entries) and any(not e.billable for e in entries)
    names = {u.name for u in data.users.values()}
    assert {"Zoë Müller", "José Álvarez", "Åsa Ström"} <= names
    assert data.user.name == "Zoë Müller" and data.user.time_zone == "Europe/Berlin"
    assert data.user.week_start == "MONDAY"
    expenses = data.expenses(ws.id)
    assert expenses and {x.category_id for x in expenses} <= set(ws.category_by_id)


def test_entry_ids_are_inclusive_local_days() -> None:
    data = Dataset(7, 3000, 18, TODAY)
    ws = data.workspaces[0].id
    for tz in ("Europe/Berlin", "Pacific/Auckland", "America/Los_Angeles"):
        zone = ZoneInfo(tz)
        expected = {e.id for e in data.entries(ws)
                    if date(2026, 6, 1) <= datetime.fromtimestamp(e.start, zone).date()
                    <= date(2026, 6, 30)}
        assert data.entry_ids(ws, date(2026, 6, 1), date(2026, 6, 30), tz) == expected


def test_generation_times() -> None:
    for count in (3000, 200_000):
        data = Dataset(7, count, 18, TODAY)
        began = time.perf_counter()
        entries = data.entries(data.workspaces[0].id)
        took = time.perf_counter() - began
        print(f"\ngenerated {len(entries)} entries in {took:.2f} s")
        assert len(entries) == count


def test_server_starts_without_generating() -> None:
    began = time.perf_counter()
    with DemoServer(DemoConfig(entries_per_workspace=200_000, today=TODAY)) as server:
        started = time.perf_counter() - began
        print(f"\nserver with 200k entries per workspace started in {started:.3f} s")
        r = requests.get(f"{server.root_url}/api/v1/workspaces", timeout=10,
                         headers={"X-Api-Key": server.api_key})
        assert r.status_code == 200
        assert server.data._stores == {}


def test_command_line_prints_url_and_key() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "core.demo", "--port", "0", "--entries",
                             "20", "--seed", "3"], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert url, first
        lines = [proc.stdout.readline() for _ in range(4)]
        assert any(DEMO_API_KEY in line for line in lines)
        r = requests.get(f"{url.group(0)}/api/v1/user", headers={"X-Api-Key": DEMO_API_KEY},
                         timeout=10)
        assert r.json()["name"] == "Zoë Müller"
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
