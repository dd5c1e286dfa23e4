"""Bad CLI input is refused at once with a clear message, before any request is sent;
waits are bounded and reported; server text reaches the terminal clean."""

from __future__ import annotations

import io
import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from core.cli import run
from core.demo import DemoConfig, DemoServer
from core.errors import EXIT_AUTH, EXIT_OK, EXIT_OUTPUT, EXIT_RATE_LIMIT, EXIT_USAGE
from tests.e2e.conftest import TODAY
from tests.e2e.test_cli_e2e import cli

JAN = ("--start", "2026-01-01", "--end", "2026-01-31")


def sent(demo: DemoServer, since: int) -> int:
    return len(demo.requests) - since


def one_line_error(err: str) -> str:
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


# ---- options that cannot be right ---------------------------------------------------------


@pytest.mark.parametrize(("args", "words"), [
    (("--max-wait", "-1", *JAN), "not a number of seconds"),
    (("--max-wait", "nan", *JAN), "not a number of seconds"),
    (("--max-wait", "inf", *JAN), "not a number of seconds"),
    (("--max-wait", "soon", *JAN), "not a number of seconds"),
    (("--workspace", "", *JAN), "empty value"),
    (("--workspace", "   ", *JAN), "empty value"),
    (("--project", "", *JAN), "empty value"),
    (("--time-zone", "", *JAN), "empty value"),
    (("--server", "", *JAN), "empty value"),  # not: quietly Clockify's global server
    (("--subdomain", "", *JAN), "empty value"),
    (("--period", "last-month", "--start", "2026-01-01"), "--period and --start/--end"),
    (("--period", "last-month", *JAN), "--period and --start/--end"),
    (("--start", "2026-01-01"), "Give --start and --end"),
    (("--max-days", "99999999999", *JAN), "from 1 to 3660"),
    (("--max-days", "0", *JAN), "from 1 to 3660"),
    (("--max-days", "٣", *JAN), "from 1 to 3660"),  # an Arabic-Indic digit is no number here
    (("--time-zone", "Mars/Olympus", *JAN), "time zone"),
    (("--start", "2026-02-01", "--end", "2026-01-01"), "before the start date"),
])
def test_usage_errors_before_any_request(demo: DemoServer, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         args: tuple[str, ...], words: str) -> None:
    first = len(demo.requests)
    code, out, err = cli(demo, monkeypatch, *args, "--output", str(tmp_path / "x.json"))
    assert code == EXIT_USAGE, err
    assert words in one_line_error(err) and out == ""
    assert sent(demo, first) == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "name", "words"), [
    ((), "report.docx", "not an export format"),
    ((), "report.2026", "not an export format"),
    (("--format", "csv"), "x.json", "does not fit the file name"),
    (("--format", "json"), "report.docx", "does not fit the file name"),
])
def test_output_name_must_fit_the_format(demo: DemoServer, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         args: tuple[str, ...], name: str, words: str) -> None:
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, *args, *JAN, "--output", str(tmp_path / name))
    assert code == EXIT_USAGE
    assert words in one_line_error(err)
    assert sent(demo, first) == 0 and list(tmp_path.iterdir()) == []


def test_matching_format_and_name_and_a_name_without_extension(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli(demo, monkeypatch, "--format", "json", "--time-zone", "UTC", *JAN,
                       "--output", str(tmp_path / "Report.JSON"))
    assert code == EXIT_OK, err
    code, _, err = cli(demo, monkeypatch, "--time-zone", "UTC", *JAN,
                       "--output", str(tmp_path / "plain"))
    assert code == EXIT_OK, err
    assert json.loads((tmp_path / "plain").read_bytes())["timeentries"]


# ---- the output folder and target, before the first request ------------------------------


def test_missing_output_folder_is_found_before_any_request(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, *JAN, "--output", str(tmp_path / "no" / "x.json"))
    assert code == EXIT_OUTPUT
    assert "does not exist" in one_line_error(err)
    assert sent(demo, first) == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX file types")
@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_non_regular_target_is_refused_before_any_request(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    target = tmp_path / "x.json"
    if kind == "symlink":
        (tmp_path / "real.json").write_bytes(b"real")
        target.symlink_to(tmp_path / "real.json")
    else:
        os.mkfifo(target)
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, *JAN, "--output", str(target))
    assert code == EXIT_OUTPUT
    assert ("symbolic link" if kind == "symlink" else "named pipe") in one_line_error(err)
    assert sent(demo, first) == 0
    assert target.is_symlink() if kind == "symlink" else stat.S_ISFIFO(os.lstat(target).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_private_file_stays_private(demo: DemoServer, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "private.json"
    target.write_bytes(b"{}")
    target.chmod(0o600)
    code, _, err = cli(demo, monkeypatch, *JAN, "--time-zone", "UTC", "--output", str(target))
    assert code == EXIT_OK, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_bytes())["timeentries"]


# ---- the API key -------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "words"), [
    ("demo-key\nsecond-line", "line break"),
    ("demo-key-\u00e9t\u00e9", "not plain ASCII"),
    ("demo-key-\u201cquoted\u201d", "not plain ASCII"),
    ("demo key", "a space"),
])
def test_unusable_key_is_named_at_once(demo: DemoServer, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch, key: str,
                                       words: str) -> None:
    first = len(demo.requests)
    code, out, err = cli(demo, monkeypatch, *JAN, "--output", str(tmp_path / "x.json"),
                         key=key)
    assert code == EXIT_AUTH
    assert words in one_line_error(err) and "CLOCKIFY_API_KEY" in err
    assert key not in out + err and key.split()[0] not in err
    assert sent(demo, first) == 0


# ---- rate-limit waits --------------------------------------------------------------------


def test_max_wait_covers_the_requests_before_the_report(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo.faults.rate_limit_main_api = True
    demo.faults.rate_limit_next = 1000
    demo.faults.rate_limit_retry_after = 200
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, "--max-wait", "5", *JAN,
                       "--output", str(tmp_path / "x.json"))
    assert code == EXIT_RATE_LIMIT
    assert "longer than the 5 s allowed" in one_line_error(err)
    assert sent(demo, first) == 1  # the first answer said 200 s: no second try
    assert list(tmp_path.iterdir()) == []


def test_each_wait_is_reported_once_on_stderr(demo: DemoServer, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    demo.faults.rate_limit_main_api = True
    demo.faults.rate_limit_next = 1
    demo.faults.rate_limit_retry_after = 2
    code, _, err = cli(demo, monkeypatch, "--max-wait", "5", "--time-zone", "UTC", *JAN,
                       "--output", str(tmp_path / "x.json"))
    assert code == EXIT_OK, err
    waits = [line for line in err.splitlines() if "slow down" in line]
    assert len(waits) == 1, err


# ---- names and server text ---------------------------------------------------------------


HOSTILE = "Evil\x1b]0;owned\x07 \x1b[31mCorp\x1b[0m\nerror: forged line\r\u202eemanelif"


@pytest.fixture
def hostile_demo() -> DemoServer:
    """A server of its own whose workspace names carry escapes, breaks and a Unicode name."""
    srv = DemoServer(DemoConfig(seed=3, entries_per_workspace=200, months=2, today=TODAY))
    srv.data.workspaces[0].name = HOSTILE
    srv.data.workspaces[1].name = "Café Zürich"  # stored composed (NFC)
    return srv


def test_server_text_is_cleaned_and_one_line(hostile_demo: DemoServer, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    with hostile_demo as srv:
        monkeypatch.setenv("CLOCKIFY_API_KEY", srv.api_key)
        out = io.StringIO()
        assert run(["workspaces", "--server", srv.root_url], out=out,
                   err=io.StringIO()) == EXIT_OK
        code, _, err = cli(srv, monkeypatch, "--workspace", "Nope", *JAN,
                           "--output", str(tmp_path / "x.json"))
    listing = out.getvalue()
    assert len(listing.splitlines()) == len(srv.data.workspaces)
    for text in (listing, err):
        assert not any(c in text for c in "\x1b\x07\r\u202e")
    assert "Evil Corp error: forged line emanelif" in listing
    assert code == EXIT_USAGE and "Evil Corp" in one_line_error(err)


def test_workspace_name_matches_in_any_unicode_form(hostile_demo: DemoServer, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    decomposed = unicodedata.normalize("NFD", "café zürich")
    assert decomposed != "café zürich"
    with hostile_demo as srv:
        code, _, err = cli(srv, monkeypatch, "--workspace", decomposed, "--period",
                           "last-month", "--output", str(tmp_path / "x.json"))
    assert code == EXIT_OK, err
    assert "Café Zürich" in err


def test_options_are_checked_before_the_key_is_looked_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOCKIFY_API_KEY", raising=False)
    err = io.StringIO()
    code = run(["export", "--region", "eu", *JAN, "--output", str(tmp_path / "x.docx")],
               out=io.StringIO(), err=err)
    assert code == EXIT_USAGE and "not an export format" in one_line_error(err.getvalue())


# ---- the ends of the calendar --------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("--start", "9999-12-01", "--end", "9999-12-31", "--time-zone", "America/Los_Angeles"),
    ("--start", "9999-12-01", "--end", "9999-12-31", "--time-zone", "Pacific/Kiritimati",
     "--max-days", "3660"),
    ("--report", "summary", "--start", "9999-12-01", "--end", "9999-12-31"),
    ("--report", "weekly", "--start", "9999-12-20", "--end", "9999-12-26",
     "--week-start", "MONDAY", "--time-zone", "America/Los_Angeles"),
    ("--start", "0001-01-01", "--end", "0001-01-05", "--time-zone", "Pacific/Kiritimati"),
    ("--report", "weekly", "--start", "0001-01-01", "--end", "0001-01-05",
     "--week-start", "MONDAY"),
])
def test_days_at_the_ends_of_the_calendar_export(demo: DemoServer, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 args: tuple[str, ...]) -> None:
    for name in ("x.json", "x.csv"):
        code, _, err = cli(demo, monkeypatch, *args, "--output", str(tmp_path / name))
        assert code == EXIT_OK, err
        assert (tmp_path / name).stat().st_size > 0


@pytest.mark.parametrize(("args", "words"), [
    # The last week would end after 9999-12-31.
    (("--start", "9999-12-01", "--end", "9999-12-31"), "after the last day a calendar has"),
    (("--start", "9999-12-27", "--end", "9999-12-31"), "after the last day a calendar has"),
    # 0001-01-01 is a Monday: a week starting on Sunday would begin in year 0.
    (("--start", "0001-01-01", "--end", "0001-01-05", "--week-start", "SUNDAY"),
     "before the first day a calendar has"),
])
def test_weekly_past_the_ends_of_the_calendar_is_a_usage_error(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        args: tuple[str, ...], words: str) -> None:
    first = len(demo.requests)
    code, _, err = cli(demo, monkeypatch, "--workspace", demo.paid_workspace_id, "--report",
                       "weekly", *args, "--output", str(tmp_path / "x.json"))
    assert code == EXIT_USAGE
    assert words in one_line_error(err)
    assert not [r for r in demo.requests[first:] if "/reports/" in r.path]
    assert list(tmp_path.iterdir()) == []


# ---- server addresses urllib.parse or urllib3 cannot read ----------------------------------


@pytest.mark.parametrize("root", [
    "http://[::1", "http://[::1]:99999", "https://exa mple.com", "http://[::1]x",
    "http://]::1[", "http://[1.2.3.4]", "http://[v1.x]", "http://:80",
    "https://[fe80::1%25eth0]", "http://localhost:8a", "http://[::1]:-1", "ftp://localhost",
    "localhost:8080", "https://example.com:0",
])
@pytest.mark.parametrize("command", ["export", "workspaces"])
def test_a_malformed_server_address_is_a_usage_error(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     root: str, command: str) -> None:
    monkeypatch.setenv("CLOCKIFY_API_KEY", "k")
    args = [command, "--server", root]
    if command == "export":
        args += [*JAN, "--output", str(tmp_path / "x.json")]
    err = io.StringIO()
    code = run(args, out=io.StringIO(), err=err)
    assert code == EXIT_USAGE, err.getvalue()
    text = one_line_error(err.getvalue())
    assert "server address" in text or "port" in text, text
    assert "unexpected" not in text and "Traceback" not in text
    assert list(tmp_path.iterdir()) == []


def test_waits_of_pages_in_flight_at_once_are_each_reported_once(
        demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages 2 and 3 (2,500 entries) wait for their 429s at the same time: their countdowns
    interleave, and neither may be printed again when the other's turn comes."""
    demo.faults.rate_limit_pages = {2: 1, 3: 1}
    demo.faults.rate_limit_retry_after = 2
    code, _, err = cli(demo, monkeypatch, "--workspace", demo.paid_workspace_id,
                       "--start", "2025-09-01", "--end", "2026-11-28", "--max-days", "3660",
                       "--time-zone", "UTC",
                       "--output", str(tmp_path / "x.json"))
    assert code == EXIT_OK, err
    assert demo.faults.rate_limit_pages == {2: 0, 3: 0}, "both pages were refused once"
    waits = [line for line in err.splitlines() if "slow down" in line]
    # Each wait once, as it starts: a later tick of one is never printed after the other.
    assert waits == ["Clockify asked to slow down; resuming in 2 s."] * 2, err
