"""The HTTP client: error mapping, retries, rate limits, quota pacing, paging and downloads."""

from __future__ import annotations

import errno
import io
import logging
import random
import re
import threading
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests
import responses

from core.client import LIST_PAGE_SIZE, ClockifyClient, RetryPolicy
from core.errors import (
    AuthenticationError,
    CancelledError,
    ClockifyError,
    ExporterError,
    IncompleteError,
    NetworkError,
    NotFoundError,
    OutputError,
    PermissionDeniedError,
    RateLimitError,
    RequestRejectedError,
    ServerConfigError,
)
from core.limits import QUOTA_WINDOW_SECONDS, WaitInfo, WaitReason, is_free_plan
from core.ratelimit import LONGEST_WAIT, QUOTA_UNKNOWN_RESET_SECONDS, Pacer, RateLimits
from core.servers import custom_server, region_server
from core.sinks import FileSink
from core.wire import parse_retry_after
from tests.core.fakes import (
    API_KEY,
    LOCAL,
    FakeClock,
    Script,
    error_reply,
    json_reply,
    make_client,
)

USER_URL = f"{LOCAL.api_base}/user"
WS = "ws1"
WS_URL = f"{LOCAL.api_base}/workspaces/{WS}"
DETAILED_URL = f"{LOCAL.reports_base}/workspaces/{WS}/reports/detailed"
OK_USER = {"id": "u1", "settings": {"timeZone": "Europe/Berlin"}}


@pytest.fixture
def rs() -> Any:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def script(rs: Any, method: str, url: str | re.Pattern[str], replies: list[Any],
           clock: FakeClock | None = None) -> Script:
    s = Script(replies, clock)
    rs.add_callback(method, url, callback=s)
    return s


# ---- error mapping -----------------------------------------------------------------------


def test_401_unknown_key_names_the_server_and_regions(rs: Any) -> None:
    server = region_server("eu")
    s = script(rs, "GET", f"{server.api_base}/user",
               [error_reply(401, "Api key does not exist", 4003)])
    client = make_client(server)
    with pytest.raises(AuthenticationError) as info:
        client.current_user()
    err = info.value
    assert server.label in err.message  # "EU (Germany) (euc1.clockify.me)"
    assert "euc1.clockify.me" in err.message
    assert "region or subdomain" in err.hint
    assert (err.status, err.code, err.server_message) == (401, 4003, "Api key does not exist")
    assert s.count == 1  # an auth error is never retried


def test_401_no_token(rs: Any) -> None:
    script(rs, "GET", USER_URL, [error_reply(401, "Multiple or none auth tokens present", 1000)])
    with pytest.raises(AuthenticationError) as info:
        make_client().current_user()
    assert "no usable API key" in info.value.message
    assert info.value.code == 1000


def test_403_shows_clockifys_message(rs: Any) -> None:
    s = script(rs, "POST", DETAILED_URL, [error_reply(403, "Access denied to amounts", 403)])
    with pytest.raises(PermissionDeniedError) as info:
        make_client().report(WS, "reports/detailed", {"x": 1})
    assert "Access denied to amounts" in info.value.message
    assert info.value.status == 403
    assert s.count == 1


@pytest.mark.parametrize("status", [400, 422])
def test_rejected_request_shows_clockifys_message(rs: Any, status: int) -> None:
    text = "Please select date range of exactly 7 days for weekly report"
    s = script(rs, "POST", DETAILED_URL, [error_reply(status, text, 501)])
    with pytest.raises(RequestRejectedError) as info:
        make_client().report(WS, "reports/detailed", {})
    assert text in info.value.message
    assert info.value.code == 501 and info.value.server_message == text
    assert text in info.value.details and "HTTP" in info.value.details
    assert s.count == 1


def test_404_code_3000_means_wrong_host(rs: Any) -> None:
    script(rs, "POST", DETAILED_URL, [error_reply(
        404, "No static resource v1/workspaces/ws1/reports/detailed.", 3000)])
    with pytest.raises(NotFoundError) as info:
        make_client().report(WS, "reports/detailed", {})
    assert "right Clockify server" in info.value.message
    assert LOCAL.label in info.value.message
    assert "server choice" in info.value.hint


def test_404_other_is_not_found(rs: Any) -> None:
    script(rs, "GET", WS_URL, [error_reply(404, "Workspace not found", 501)])
    with pytest.raises(NotFoundError) as info:
        make_client().get_json(WS_URL, workspace_id=WS)
    assert "Workspace not found" in info.value.message


def test_non_json_error_text_is_shown(rs: Any) -> None:
    script(rs, "GET", USER_URL, [(400, {"Content-Type": "text/plain"}, "Bad filter value")])
    with pytest.raises(RequestRejectedError) as info:
        make_client().current_user()
    assert "Bad filter value" in info.value.message
    assert info.value.code is None


def test_html_error_page_is_not_dumped(rs: Any) -> None:
    html = "<html><body><h1>400 Bad Request</h1>" + "x" * 500 + "</body></html>"
    script(rs, "GET", USER_URL, [(400, {"Content-Type": "text/html"}, html)])
    with pytest.raises(RequestRejectedError) as info:
        make_client().current_user()
    assert "<html>" not in str(info.value)
    assert "HTTP 400" in info.value.message


def test_401_with_empty_body_still_explains(rs: Any) -> None:
    script(rs, "GET", USER_URL, [(401, {}, "")])
    with pytest.raises(AuthenticationError) as info:
        make_client().current_user()
    assert "does not accept this API key" in info.value.message
    assert info.value.code is None


def test_json_error_without_dict(rs: Any) -> None:
    script(rs, "GET", USER_URL, [json_reply(["odd"], 400)])
    with pytest.raises(RequestRejectedError) as info:
        make_client().current_user()
    assert "HTTP 400" in info.value.message


# ---- retries -----------------------------------------------------------------------------


def test_429_honours_retry_after_exactly(rs: Any, clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    s = script(rs, "GET", USER_URL,
               [(429, {"Retry-After": "7"}, '{"message":"Too Many Requests","code":429}'),
                json_reply(OK_USER)], clock)
    client = make_client(clock=clock, on_wait=waits.append)
    assert client.current_user() == OK_USER
    assert s.count == 2
    assert s.times[1] - s.times[0] == 7
    assert clock.slept == 7
    assert all(w.reason == WaitReason.RATE_LIMIT for w in waits)
    assert waits[0].seconds_left == 7
    assert "slow down" in waits[0].message


def test_retry_after_as_http_date(rs: Any, clock: FakeClock) -> None:
    when = datetime.now().astimezone() + timedelta(seconds=30)
    s = script(rs, "GET", USER_URL, [
        (429, {"Retry-After": format_datetime(when, usegmt=False)}, ""),
        json_reply(OK_USER)], clock)
    make_client(clock=clock).current_user()
    assert s.count == 2
    assert 27 <= clock.slept <= 31  # whole seconds in the header; real time passes a little


def test_429_without_retry_after_backs_off_exponentially_with_jitter(
    rs: Any, clock: FakeClock
) -> None:
    policy = RetryPolicy(attempts=3, rate_limit_attempts=10, base_delay=2.0, max_delay=16.0)
    s = script(rs, "GET", USER_URL, [(429, {}, "")] * 7 + [json_reply(OK_USER)], clock)
    client = make_client(clock=clock, retry=policy)
    assert client.current_user() == OK_USER
    assert s.count == 8
    gaps = [b - a for a, b in zip(s.times, s.times[1:], strict=False)]
    fulls = [min(16.0, 2.0 * 2 ** i) for i in range(7)]  # 2, 4, 8, 16, 16, 16, 16
    for gap, full in zip(gaps, fulls, strict=True):
        assert full / 2 - 1e-9 <= gap <= full + 1e-9
    assert max(gaps) <= 16.0  # bounded by max_delay
    assert any(abs(g - f / 2) > 1e-6 and abs(g - f) > 1e-6 for g, f in zip(gaps, fulls,
                                                                             strict=True))


def test_jitter_spreads_the_delays() -> None:
    policy = RetryPolicy()
    rng = random.Random(7)
    delays = {round(policy.delay(3, rng), 6) for _ in range(20)}
    assert len(delays) > 10  # not one fixed value: clients do not retry in lockstep


@pytest.mark.parametrize("attempt", range(1, 12))
def test_retry_delay_bounds(attempt: int) -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=60.0)
    rng = random.Random(attempt)
    full = min(60.0, 2.0 ** (attempt - 1))
    for _ in range(50):
        assert full / 2 <= policy.delay(attempt, rng) <= full


def test_persistent_429_gives_up_with_rate_limit_error(rs: Any, clock: FakeClock) -> None:
    policy = RetryPolicy(attempts=3, rate_limit_attempts=4, base_delay=1.0, max_delay=2.0)
    s = script(rs, "GET", USER_URL, [(429, {"Retry-After": "1"}, "")], clock)
    with pytest.raises(RateLimitError) as info:
        make_client(clock=clock, retry=policy).current_user()
    assert s.count == 5  # four waits, then the fifth 429 gives up
    assert info.value.status == 429


def test_429_on_a_paced_workspace_waits_for_the_quota_window(rs: Any, clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    s = script(rs, "GET", WS_URL, [json_reply({"id": WS})] * 3 + [
        (429, {}, '{"message":"Too Many Requests","code":429}'), json_reply({"id": WS})], clock)
    client = make_client(clock=clock, on_wait=waits.append)
    client.set_hourly_quota(WS)
    first = clock.now
    for _ in range(3):
        client.get_json(WS_URL, workspace_id=WS)
        clock.now += 10
    before = datetime.now().astimezone()
    assert client.get_json(WS_URL, workspace_id=WS) == {"id": WS}
    # Our oldest request in the window was at `first`: the window frees up an hour later.
    assert s.times[-1] == first + QUOTA_WINDOW_SECONDS
    assert clock.slept == QUOTA_WINDOW_SECONDS - 30
    assert waits and all(w.reason == WaitReason.HOURLY_QUOTA for w in waits)
    info = waits[0]
    match = re.search(r"resuming at (\d\d:\d\d)", info.message)
    assert match, info.message
    assert match.group(1) == f"{info.resume_at:%H:%M}"
    expected = before + timedelta(seconds=QUOTA_WINDOW_SECONDS - 30)
    assert abs((info.resume_at - expected).total_seconds()) < 5
    assert "hourly" in info.message


def test_429_on_first_paced_request_rechecks_after_the_unknown_reset(
    rs: Any, clock: FakeClock
) -> None:
    s = script(rs, "GET", WS_URL, [(429, {}, ""), json_reply({"id": WS})], clock)
    client = make_client(clock=clock)
    client.set_hourly_quota(WS)
    client.get_json(WS_URL, workspace_id=WS)
    assert s.times[1] - s.times[0] == QUOTA_UNKNOWN_RESET_SECONDS


def test_retry_after_on_a_paced_workspace_is_honoured(rs: Any, clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    s = script(rs, "GET", WS_URL, [(429, {"Retry-After": "90"}, ""), json_reply({})], clock)
    client = make_client(clock=clock, on_wait=waits.append)
    client.set_hourly_quota(WS)
    client.get_json(WS_URL, workspace_id=WS)
    assert s.times[1] - s.times[0] == 90
    assert waits[0].reason == WaitReason.HOURLY_QUOTA


def test_max_wait_shorter_than_retry_after_fails_at_once(rs: Any, clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    s = script(rs, "GET", USER_URL, [(429, {"Retry-After": "120"}, ""), json_reply(OK_USER)],
               clock)
    with pytest.raises(RateLimitError) as info:
        make_client(clock=clock, max_wait=60, on_wait=waits.append).current_user()
    assert s.count == 1
    assert clock.slept == 0 and waits == []
    assert "2 min" in info.value.message and "60 s" in info.value.message


def test_max_wait_does_not_limit_retry_back_off(rs: Any, clock: FakeClock) -> None:
    policy = RetryPolicy(attempts=3, base_delay=100.0, max_delay=100.0)
    s = script(rs, "GET", USER_URL, [(503, {}, ""), json_reply(OK_USER)], clock)
    make_client(clock=clock, max_wait=1, retry=policy).current_user()
    assert s.count == 2
    assert 50 <= clock.slept <= 100


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_then_success(rs: Any, clock: FakeClock, status: int) -> None:
    waits: list[WaitInfo] = []
    s = script(rs, "GET", USER_URL, [(status, {}, "upstream"), (503, {}, ""),
                                     json_reply(OK_USER)], clock)
    assert make_client(clock=clock, on_wait=waits.append).current_user() == OK_USER
    assert s.count == 3
    assert {w.reason for w in waits} == {WaitReason.RETRY}
    assert "trying again" in waits[0].message


@pytest.mark.parametrize(
    "failure",
    [
        requests.exceptions.ReadTimeout("read timed out"),
        requests.exceptions.ConnectTimeout("connect timed out"),
        requests.exceptions.ConnectionError("Connection reset by peer"),
        requests.exceptions.ChunkedEncodingError("Connection broken"),
    ],
    ids=["read-timeout", "connect-timeout", "reset", "chunked"],
)
def test_transport_failure_then_success(rs: Any, clock: FakeClock, failure: Exception) -> None:
    s = script(rs, "GET", USER_URL, [failure, json_reply(OK_USER)], clock)
    assert make_client(clock=clock).current_user() == OK_USER
    assert s.count == 2
    assert clock.slept > 0


@pytest.mark.parametrize(
    "broken",
    ['{"timeentries": [', "", "not json at all", "<html>oops</html>"],
    ids=["truncated", "empty", "garbage", "html"],
)
def test_broken_body_then_success(rs: Any, clock: FakeClock, broken: str) -> None:
    good = {"timeentries": [], "totals": [None]}
    s = script(rs, "POST", DETAILED_URL, [(200, {"Content-Type": "application/json"}, broken),
                                          json_reply(good)], clock)
    assert make_client(clock=clock).report(WS, "reports/detailed", {}) == good
    assert s.count == 2


@pytest.mark.parametrize("attempts", [1, 3, 5])
def test_persistent_failure_gives_up_after_exactly_attempts(
    rs: Any, clock: FakeClock, attempts: int
) -> None:
    policy = RetryPolicy(attempts=attempts, base_delay=1.0, max_delay=4.0)
    s = script(rs, "GET", USER_URL, [(503, {}, "")], clock)
    with pytest.raises(NetworkError) as info:
        make_client(clock=clock, retry=policy).current_user()
    assert s.count == attempts
    assert LOCAL.label in info.value.message
    assert "HTTP 503" in info.value.message
    assert f"failed {attempts} times" in info.value.details


def test_persistent_timeout_is_a_network_error(rs: Any, clock: FakeClock) -> None:
    s = script(rs, "GET", USER_URL, [requests.exceptions.ReadTimeout()], clock)
    with pytest.raises(NetworkError, match="no answer in time"):
        make_client(clock=clock, retry=RetryPolicy(attempts=2)).current_user()
    assert s.count == 2


def test_report_that_is_not_an_object_is_refused(rs: Any) -> None:
    script(rs, "POST", DETAILED_URL, [json_reply([1, 2])])
    with pytest.raises(NetworkError):
        make_client().report(WS, "reports/detailed", {})


# ---- cancel ------------------------------------------------------------------------------


def test_cancel_during_a_wait_stops_promptly(rs: Any, clock: FakeClock) -> None:
    cancel = threading.Event()
    clock.on_sleep = lambda _seconds: cancel.set()
    s = script(rs, "GET", USER_URL, [(429, {"Retry-After": "3600"}, ""), json_reply(OK_USER)],
               clock)
    with pytest.raises(CancelledError):
        make_client(clock=clock, cancel=cancel).current_user()
    assert s.count == 1
    assert clock.slept <= 1.0  # woke within a second of the cancel
    assert len(clock.sleeps) == 1


def test_cancel_during_quota_wait(rs: Any, clock: FakeClock) -> None:
    cancel = threading.Event()
    s = script(rs, "GET", WS_URL, [json_reply({})], clock)
    client = make_client(clock=clock, cancel=cancel)
    client.set_hourly_quota(WS, limit=2)
    client.get_json(WS_URL, workspace_id=WS)
    client.get_json(WS_URL, workspace_id=WS)
    clock.on_sleep = lambda _seconds: cancel.set()
    with pytest.raises(CancelledError):
        client.get_json(WS_URL, workspace_id=WS)
    assert s.count == 2
    assert clock.slept <= 1.0


def test_cancelled_before_the_request_sends_nothing(rs: Any) -> None:
    cancel = threading.Event()
    cancel.set()
    s = script(rs, "GET", USER_URL, [json_reply(OK_USER)])
    with pytest.raises(CancelledError):
        make_client(cancel=cancel).current_user()
    assert s.count == 0


# ---- proactive quota pacing --------------------------------------------------------------


def test_31st_request_to_a_free_workspace_waits_for_the_window(rs: Any, clock: FakeClock) -> None:
    waits: list[WaitInfo] = []
    s = script(rs, "GET", WS_URL, [json_reply({"id": WS})], clock)
    other = script(rs, "GET", f"{LOCAL.api_base}/workspaces/other", [json_reply({})], clock)
    client = make_client(clock=clock, on_wait=waits.append)
    client.set_hourly_quota(WS)
    start = clock.now
    for _ in range(30):
        client.get_json(WS_URL, workspace_id=WS)
        clock.now += 1
    assert clock.slept == 0 and waits == []
    # Another workspace is not paced.
    client.get_json(f"{LOCAL.api_base}/workspaces/other", workspace_id="other")
    assert other.count == 1 and clock.slept == 0
    client.get_json(WS_URL, workspace_id=WS)
    assert s.count == 31
    assert s.times[-1] == start + QUOTA_WINDOW_SECONDS
    assert waits and waits[0].reason == WaitReason.HOURLY_QUOTA
    assert waits[0].seconds_left == QUOTA_WINDOW_SECONDS - 30
    # The window slides: the 32nd request only needs the second request to expire.
    client.get_json(WS_URL, workspace_id=WS)
    assert s.times[-1] == start + 1 + QUOTA_WINDOW_SECONDS


def test_quota_wait_longer_than_max_wait_fails_without_sending(
    rs: Any, clock: FakeClock
) -> None:
    s = script(rs, "GET", WS_URL, [json_reply({})], clock)
    client = make_client(clock=clock, max_wait=600)
    client.set_hourly_quota(WS, limit=3)
    for _ in range(3):
        client.get_json(WS_URL, workspace_id=WS)
    with pytest.raises(RateLimitError):
        client.get_json(WS_URL, workspace_id=WS)
    assert s.count == 3 and clock.slept == 0


def test_quota_is_free_again_after_an_hour(rs: Any, clock: FakeClock) -> None:
    s = script(rs, "GET", WS_URL, [json_reply({})], clock)
    client = make_client(clock=clock)
    client.set_hourly_quota(WS, limit=2)
    client.get_json(WS_URL, workspace_id=WS)
    client.get_json(WS_URL, workspace_id=WS)
    clock.now += QUOTA_WINDOW_SECONDS
    client.get_json(WS_URL, workspace_id=WS)
    assert s.count == 3 and clock.slept == 0


# ---- main-API list paging ----------------------------------------------------------------


def items(prefix: str, n: int) -> list[dict[str, str]]:
    return [{"id": f"{prefix}{i}", "name": f"{prefix} {i}"} for i in range(n)]


def test_list_all_follows_last_page_header(rs: Any) -> None:
    url = f"{WS_URL}/projects"
    s = script(rs, "GET", url, [
        json_reply(items("a", 3), headers={"Last-Page": "false"}),
        json_reply(items("b", 2), headers={"Last-Page": "false"}),
        json_reply(items("c", 1), headers={"Last-Page": "TRUE"}),
    ])
    result = make_client().list_all(WS, "projects", {"archived": "false"})
    assert [p["id"] for p in result] == ["a0", "a1", "a2", "b0", "b1", "c0"]
    assert s.count == 3
    queries = [r.url.split("?", 1)[1] for r in s.requests if r.url]
    for number, query in enumerate(queries, start=1):
        assert f"page={number}" in query.split("&")
        assert f"page-size={LIST_PAGE_SIZE}" in query.split("&")
        assert "archived=false" in query.split("&")


def test_list_all_missing_header_and_short_page_stops(rs: Any) -> None:
    s = script(rs, "GET", f"{WS_URL}/tags", [json_reply(items("t", 5)), json_reply(items("x", 1))])
    assert len(make_client().tags(WS)) == 5
    assert s.count == 1


def test_list_all_missing_header_and_full_page_asks_again(rs: Any) -> None:
    s = script(rs, "GET", f"{WS_URL}/users", [
        json_reply(items("u", LIST_PAGE_SIZE)), json_reply(items("v", 2))])
    assert len(make_client().users(WS)) == LIST_PAGE_SIZE + 2
    assert s.count == 2


def test_list_all_empty_page_stops_even_if_not_last(rs: Any) -> None:
    s = script(rs, "GET", f"{WS_URL}/clients", [
        json_reply(items("c", 2), headers={"Last-Page": "false"}),
        json_reply([], headers={"Last-Page": "false"})])
    assert len(make_client().clients(WS)) == 2
    assert s.count == 2


def test_list_all_last_page_true_on_first_page(rs: Any) -> None:
    s = script(rs, "GET", f"{WS_URL}/user-groups", [
        json_reply(items("g", LIST_PAGE_SIZE), headers={"Last-Page": "true"})])
    assert len(make_client().list_all(WS, "user-groups")) == LIST_PAGE_SIZE
    assert s.count == 1


def test_list_that_is_not_a_list_is_retried(rs: Any, clock: FakeClock) -> None:
    s = script(rs, "GET", f"{WS_URL}/projects", [
        json_reply({"oops": 1}), json_reply(items("p", 1), headers={"Last-Page": "true"})],
        clock)
    assert len(make_client(clock=clock).projects(WS)) == 1
    assert s.count == 2


def test_a_list_that_never_ends_is_an_error_about_the_list(
        rs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.paging.MAX_LIST_PAGES", 3)
    pages = [json_reply(items(f"p{n}-", LIST_PAGE_SIZE), headers={"Last-Page": "false"})
             for n in range(4)]
    s = script(rs, "GET", f"{WS_URL}/projects", pages)
    with pytest.raises(IncompleteError) as info:
        make_client().projects(WS)
    assert info.value.message == ("Clockify's list of projects did not end after 3 pages, "
                                  "so it was not read.")
    assert "date range" not in str(info.value) and "export" not in str(info.value).lower()
    assert s.count == 3


def test_workspaces_keeps_only_objects(rs: Any) -> None:
    script(rs, "GET", f"{LOCAL.api_base}/workspaces", [json_reply([{"id": "a"}, "junk", 3])])
    assert make_client().workspaces() == [{"id": "a"}]


# ---- downloads ---------------------------------------------------------------------------

PDF = b"%PDF-1.5\n" + b"0" * 5000 + b"\n%%EOF\n"


def test_download_streams_into_the_sink(rs: Any, tmp_path: Path) -> None:
    s = script(rs, "POST", DETAILED_URL, [(200, {
        "Content-Type": "application/pdf",
        "Content-Disposition":
            "attachment; filename=Clockify_Time_Report_Detailed_03%2F01%2F2026-03%2F31%2F2026.pdf",
        "Content-Length": str(len(PDF)),
    }, PDF)])
    sink = io.BytesIO(b"old content that must go away" * 1000)
    size = make_client().download(WS, "reports/detailed", {"exportType": "PDF"},
                                  FileSink(sink, tmp_path / "r.pdf", "pdf"))
    assert sink.getvalue() == PDF
    assert size == len(PDF)
    assert s.count == 1
    assert s.bodies() == [{"exportType": "PDF"}]


def test_download_short_body_is_fetched_again(rs: Any, clock: FakeClock, tmp_path: Path
                                               ) -> None:
    s = script(rs, "POST", DETAILED_URL, [
        (200, {"Content-Length": str(len(PDF))}, PDF[:100]),
        (200, {"Content-Length": str(len(PDF))}, PDF),
    ], clock)
    sink = io.BytesIO()
    size = make_client(clock=clock).download(WS, "reports/detailed", {},
                                             FileSink(sink, tmp_path / "r.pdf"))
    assert s.count == 2
    assert sink.getvalue() == PDF  # the first, partial attempt is not kept
    assert size == len(PDF)


def test_download_rejected_by_is_complete_is_fetched_again(
    rs: Any, clock: FakeClock, tmp_path: Path
) -> None:
    s = script(rs, "POST", DETAILED_URL, [(200, {}, PDF[:-20]), (200, {}, PDF)], clock)
    sink = io.BytesIO()
    make_client(clock=clock).download(WS, "reports/detailed", {},
                                      FileSink(sink, tmp_path / "r.pdf", "pdf"))
    assert s.count == 2
    assert sink.getvalue() == PDF


def test_download_never_complete_is_a_network_error(
    rs: Any, clock: FakeClock, tmp_path: Path
) -> None:
    s = script(rs, "POST", DETAILED_URL, [(200, {}, PDF[:-20])], clock)
    with pytest.raises(NetworkError, match="incomplete or garbled"):
        make_client(clock=clock, retry=RetryPolicy(attempts=3)).download(
            WS, "reports/detailed", {}, FileSink(io.BytesIO(), tmp_path / "r.pdf", "pdf"))
    assert s.count == 3


class FullDisk(io.BytesIO):
    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_download_disk_full_is_an_output_error_and_not_retried(
    rs: Any, tmp_path: Path
) -> None:
    s = script(rs, "POST", DETAILED_URL, [(200, {}, PDF)])
    with pytest.raises(OutputError) as info:
        make_client().download(WS, "reports/detailed", {},
                               FileSink(FullDisk(), tmp_path / "r.pdf"))
    assert "full" in info.value.message and str(tmp_path) in info.value.message
    assert s.count == 1


def test_cancel_while_streaming(rs: Any, tmp_path: Path) -> None:
    cancel = threading.Event()

    class CancellingSink(io.BytesIO):
        def write(self, data: Any) -> int:
            cancel.set()
            return super().write(data)

    big = b"x" * (3 * (1 << 16))
    s = script(rs, "POST", DETAILED_URL, [(200, {}, big)])
    sink = CancellingSink()
    with pytest.raises(CancelledError):
        make_client(cancel=cancel).download(WS, "reports/detailed", {},
                                           FileSink(sink, tmp_path / "r"))
    assert s.count == 1
    assert len(sink.getvalue()) < len(big)


# ---- the API key -------------------------------------------------------------------------


def test_key_and_headers_are_sent(rs: Any) -> None:
    s = script(rs, "GET", USER_URL, [json_reply(OK_USER)])
    make_client().current_user()
    headers = s.requests[0].headers
    assert headers["X-Api-Key"] == API_KEY
    assert headers["Accept"] == "application/json"
    assert "Authorization" not in headers
    assert API_KEY not in (s.requests[0].url or "")


def test_post_sends_json(rs: Any) -> None:
    s = script(rs, "POST", DETAILED_URL, [json_reply({"timeentries": []})])
    make_client().report(WS, "reports/detailed", {"a": [1, 2]})
    assert s.requests[0].headers["Content-Type"] == "application/json"
    assert s.bodies() == [{"a": [1, 2]}]


def failing_calls() -> list[tuple[list[Any], str]]:
    return [
        ([error_reply(401, "Api key does not exist", 4003)], "GET"),
        ([error_reply(401, "Multiple or none auth tokens present", 1000)], "GET"),
        ([error_reply(403, "Forbidden", 403)], "GET"),
        ([error_reply(400, f"bad request for key {API_KEY[:6]}…", 501)], "GET"),
        ([error_reply(404, "No static resource v1/user.", 3000)], "GET"),
        ([(503, {}, "down")], "GET"),
        ([requests.exceptions.ConnectionError("reset")], "GET"),
        ([requests.exceptions.ReadTimeout("slow")], "GET"),
        ([(200, {}, '{"id": ')], "GET"),
        ([(429, {"Retry-After": "999"}, "")], "GET"),
    ]


@pytest.mark.parametrize(("replies", "method"), failing_calls())
def test_key_never_leaks_into_errors_or_logs(
    rs: Any, clock: FakeClock, caplog: pytest.LogCaptureFixture, replies: list[Any], method: str
) -> None:
    caplog.set_level(logging.DEBUG)
    script(rs, method, USER_URL, replies, clock)
    client = make_client(clock=clock, max_wait=60, retry=RetryPolicy(attempts=2))
    with pytest.raises(ExporterError) as info:
        client.current_user()
    err = info.value
    texts = [str(err), repr(err), err.message, err.hint, err.details, *map(str, err.args)]
    if isinstance(err, ClockifyError):
        texts.append(err.server_message)
    cause = err.__cause__ or err.__context__
    while cause is not None:
        texts.append(str(cause))
        cause = cause.__cause__ or cause.__context__
    texts += [r.getMessage() for r in caplog.records]
    assert caplog.records or isinstance(err, ClockifyError)
    for text in texts:
        assert API_KEY not in text


def test_key_never_in_debug_logs_of_a_good_call(
    rs: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    script(rs, "GET", USER_URL, [json_reply(OK_USER)])
    make_client().current_user()
    assert any("/user" in r.getMessage() for r in caplog.records)  # the call was logged…
    assert all(API_KEY not in r.getMessage() for r in caplog.records)  # …without the key


# ---- refusals before any request ---------------------------------------------------------


def test_plain_http_url_is_refused_before_sending(rs: Any) -> None:
    client = make_client(custom_server("https://clockify.example.com"))
    with pytest.raises(ServerConfigError):
        client.get_json("http://clockify.example.com/api/v1/user")
    assert len(rs.calls) == 0


# ---- small helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("7", 7.0), (" 2.5 ", 2.5), ("0", 0.0), ("-3", 0.0), ("soon", None), ("", None),
     (None, None)],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


def test_parse_retry_after_http_date() -> None:
    now = datetime(2026, 3, 1, 12, 0, 0).astimezone()
    header = format_datetime(now + timedelta(seconds=120), usegmt=False)
    assert parse_retry_after(header, now=now.timestamp()) == pytest.approx(120)
    past = format_datetime(now - timedelta(seconds=120), usegmt=False)
    assert parse_retry_after(past, now=now.timestamp()) == 0.0


@pytest.mark.parametrize(
    ("workspace", "free"),
    [
        ({"featureSubscriptionType": "FREE"}, True),
        ({"featureSubscriptionType": "free"}, True),
        ({"featureSubscriptionType": "BUNDLE_YEAR_2024"}, False),
        ({"featureSubscriptionType": "PRO_YEAR"}, False),
        ({"featureSubscriptionType": None}, True),  # unknown is treated as Free
        ({}, True),
        ({"featureSubscriptionType": {"addonSubscriptionPlan": "FREE"}}, True),
        ({"featureSubscriptionType": {"addonSubscriptionPlan": "STANDARD"}}, False),
    ],
)
def test_is_free_plan(workspace: dict[str, Any], free: bool) -> None:
    assert is_free_plan(workspace) is free


def test_requests_sent_counts_every_attempt(rs: Any, clock: FakeClock) -> None:
    script(rs, "GET", USER_URL, [(503, {}, ""), (429, {"Retry-After": "1"}, ""),
                                 json_reply(OK_USER)], clock)
    client: ClockifyClient = make_client(clock=clock)
    client.current_user()
    assert client.requests_sent == 3


# ---- the client-side rate limiter and odd Retry-After values ------------------------------


def test_every_request_to_a_workspace_counts_against_its_limit(rs: Any, clock: FakeClock
                                                               ) -> None:
    lists = script(rs, "GET", f"{WS_URL}/projects",
                   [json_reply(items("p", 1), headers={"Last-Page": "true"})], clock)
    reports = script(rs, "POST", DETAILED_URL, [json_reply({"timeentries": []})], clock)
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    client = ClockifyClient(LOCAL, API_KEY, pacer=pacer,
                            limits=RateLimits(per_window=2, window=1.0))
    client.projects(WS)
    client.report(WS, "reports/detailed", {})
    client.projects(WS)  # the third request to the workspace waits for the window
    assert lists.times == [clock.now - 1.0, clock.now]
    assert reports.times == [clock.now - 1.0]


@pytest.mark.parametrize("value", ["1e12", "inf", "99999999999999999999"])
def test_an_absurd_retry_after_waits_at_most_an_hour(rs: Any, clock: FakeClock, value: str
                                                      ) -> None:
    s = script(rs, "GET", USER_URL, [(429, {"Retry-After": value}, ""), json_reply(OK_USER)],
               clock)
    assert make_client(clock=clock).current_user() == OK_USER
    assert s.count == 2 and clock.slept == LONGEST_WAIT


@pytest.mark.parametrize(("value", "seconds"), [
    ("inf", LONGEST_WAIT), ("1e12", LONGEST_WAIT), ("nan", None), ("-inf", 0.0),
    ("Fri, 31 Dec 9999 23:59:59 GMT", LONGEST_WAIT), ("Mon, 99 Foo 2026 99:99:99 GMT", None),
])
def test_parse_retry_after_odd_values(value: str, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


@pytest.mark.parametrize("odd", ["../../user", "x?page=9", "x#y", "a/b", "%2e%2e"])
def test_an_odd_workspace_id_stays_one_path_segment(rs: Any, odd: str) -> None:
    s = script(rs, "POST", re.compile(rf"{re.escape(LOCAL.reports_base)}/workspaces/[^/]+/"
                                      r"reports/detailed$"), [json_reply({"timeentries": []})])
    make_client().report(odd, "reports/detailed", {})
    assert s.count == 1
    assert s.requests[0].url == (f"{LOCAL.reports_base}/workspaces/"
                                 f"{quote(odd, safe='')}/reports/detailed")
