"""The headless CLI end to end: exit codes, one-line errors, files, and no key leaks."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from core.cli import run
from core.demo import DemoServer
from core.errors import EXIT_AUTH, EXIT_NETWORK, EXIT_OK, EXIT_PLAN, EXIT_USAGE


def cli(srv: DemoServer, monkeypatch: pytest.MonkeyPatch, *args: str,
        key: str | None = None) -> tuple[int, str, str]:
    monkeypatch.setenv("CLOCKIFY_API_KEY", key if key is not None else srv.api_key)
    out, err = io.StringIO(), io.StringIO()
    code = run(["export", "--server", srv.root_url, *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_detailed_json_export_by_workspace_name(demo: DemoServer, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "jan.json"
    code, out, err = cli(demo, monkeypatch, "--workspace", "acme studio", "--start",
                         "2026-01-01", "--end", "2026-01-31", "--time-zone", "UTC",
                         "--output", str(target))
    assert code == EXIT_OK, err
    assert out == "", "data goes only to --output"
    ids = {e["_id"] for e in json.loads(target.read_text(encoding="utf-8"))["timeentries"]}
    assert ids == demo.data.entry_ids(demo.paid_workspace_id, date(2026, 1, 1),
                                      date(2026, 1, 31), "UTC")
    assert f"Saved {target}" in err


def test_format_follows_the_output_extension(demo: DemoServer, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.csv"
    code, _, err = cli(demo, monkeypatch, "--workspace", demo.paid_workspace_id, "--report",
                       "summary", "--group", "PROJECT", "--group", "DATE", "--start",
                       "2026-02-01", "--end", "2026-02-28", "--output", str(target))
    assert code == EXIT_OK, err
    assert target.read_bytes().count(b"\n") > 2


def test_bad_key_is_one_line_exit_3_and_no_file(demo: DemoServer, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "not-a-real-key-but-secret-123"
    target = tmp_path / "x.json"
    code, out, err = cli(demo, monkeypatch, "--start", "2026-01-01", "--end", "2026-01-02",
                         "--output", str(target), key=secret)
    assert code == EXIT_AUTH
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "region or subdomain" in err
    assert secret not in out + err
    assert not target.exists()


def test_unknown_workspace_lists_the_known_ones(demo: DemoServer, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli(demo, monkeypatch, "--workspace", "Nope", "--start", "2026-01-01",
                       "--end", "2026-01-02", "--output", str(tmp_path / "x.json"))
    assert code == EXIT_USAGE
    assert "No workspace 'Nope'" in err and "Acme Studio" in err
    assert list(tmp_path.iterdir()) == []


def test_failing_server_exit_6_and_no_file(demo: DemoServer, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    demo.faults.server_error_next = 1000
    code, _, err = cli(demo, monkeypatch, "--start", "2026-01-01", "--end", "2026-01-02",
                       "--output", str(tmp_path / "x.json"))
    assert code == EXIT_NETWORK, err
    assert list(tmp_path.iterdir()) == []


def test_free_plan_csv_is_exit_4(demo: DemoServer, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, "--workspace", "Side Projects", "--format", "csv",
                       "--render", "clockify", "--start", "2026-01-01", "--end", "2026-01-31",
                       "--output", str(tmp_path / "x.csv"))
    assert code == EXIT_PLAN and "Free plan" in err
    # The plan is known from the workspace list: no report request is spent on a refusal.
    assert not [r for r in demo.requests[first:] if "/reports/" in r.path]


def test_end_before_start_is_a_usage_error(demo: DemoServer, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli(demo, monkeypatch, "--start", "2026-02-01", "--end", "2026-01-01",
                       "--output", str(tmp_path / "x.json"))
    assert code == EXIT_USAGE and "before the start date" in err


def test_no_key_anywhere_says_how_to_log_in(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOCKIFY_API_KEY", raising=False)
    err = io.StringIO()
    code = run(["export", "--region", "eu", "--start", "2026-01-01", "--end", "2026-01-02",
                "--output", str(tmp_path / "x.json")], out=io.StringIO(), err=err)
    assert code == EXIT_AUTH and "login" in err.getvalue()


def test_plain_http_to_a_remote_host_is_refused(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOCKIFY_API_KEY", "k")
    err = io.StringIO()
    code = run(["export", "--server", "http://clockify.example.com", "--start", "2026-01-01",
                "--end", "2026-01-02", "--output", str(tmp_path / "x.json")],
               out=io.StringIO(), err=err)
    assert code == EXIT_USAGE and "unencrypted" in err.getvalue()


def test_demo_flag_exports_without_account(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOCKIFY_API_KEY", raising=False)
    target = tmp_path / "demo.json"
    err = io.StringIO()
    code = run(["--demo", "export", "--period", "last-month", "--output", str(target)],
               out=io.StringIO(), err=err)
    assert code == EXIT_OK, err.getvalue()
    assert json.loads(target.read_text(encoding="utf-8"))["timeentries"]


def test_login_stores_key_in_keyring_and_workspaces_lists(
        demo: DemoServer, monkeypatch: pytest.MonkeyPatch, memory_keyring: object) -> None:
    monkeypatch.delenv("CLOCKIFY_API_KEY", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(demo.api_key + "\n"))
    out = io.StringIO()
    assert run(["login", "--server", demo.root_url], out=out, err=io.StringIO()) == EXIT_OK
    assert "Signed in as" in out.getvalue() and demo.api_key not in out.getvalue()
    listing = io.StringIO()
    assert run(["workspaces", "--server", demo.root_url], out=listing,
               err=io.StringIO()) == EXIT_OK
    assert "Acme Studio" in listing.getvalue() and "(Free)" in listing.getvalue()
    demo.faults.hide_plan = True
    listing = io.StringIO()
    assert run(["workspaces", "--server", demo.root_url], out=listing,
               err=io.StringIO()) == EXIT_OK
    assert listing.getvalue().count("(plan not stated: kept to Free limits)") == 3
    demo.faults.hide_plan = False
    assert run(["logout", "--server", demo.root_url], out=io.StringIO(),
               err=io.StringIO()) == EXIT_OK
    err = io.StringIO()
    assert run(["workspaces", "--server", demo.root_url], out=io.StringIO(),
               err=err) == EXIT_AUTH
