"""Each failure reaches the front ends with its own kind, and the window words each its own way.

Real loopback HTTP against the demo server's fault switches (fast retries); the wording is
the window's (gui/wording.py), so an HTTP 503 no longer says "check your connection".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from core.bodies import BodyParams, build_body
from core.client import ClockifyClient, Timeouts
from core.demo import DemoConfig, DemoServer
from core.errors import ErrorKind, ExporterError, NetworkError
from core.reports import ReportKind
from core.servers import custom_server
from core.windows import DateWindow
from gui import wording
from tests.e2e.conftest import FAST_RETRY

BODY = build_body(BodyParams(ReportKind.SUMMARY, DateWindow(date(2026, 1, 1), date(2026, 1, 7)),
                             "UTC"))


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    """A server of these tests' own: a request abandoned at its timeout is still read by
    the server later, which must not land in the shared server's record of another test."""
    with DemoServer(DemoConfig(entries_per_workspace=50, months=2)) as srv:
        yield srv


@pytest.fixture
def client(demo: DemoServer) -> Iterator[ClockifyClient]:
    client = ClockifyClient(custom_server(demo.root_url), demo.api_key, retry=FAST_RETRY,
                            timeouts=Timeouts(connect=2.0, read=0.3))
    yield client
    client.close()


def _failure(client: ClockifyClient, demo: DemoServer) -> ExporterError:
    with pytest.raises(ExporterError) as caught:
        client.report(demo.paid_workspace_id, ReportKind.SUMMARY.path, BODY)
    return caught.value


def test_a_server_error_is_worded_as_clockify_s_problem(client: ClockifyClient,
                                                        demo: DemoServer) -> None:
    demo.faults.server_error_next = 50
    error = _failure(client, demo)
    assert isinstance(error, NetworkError) and error.kind is ErrorKind.SERVER
    assert error.status == 503
    text, hint = wording.error_text(error)
    assert "HTTP 503" in text and demo.root_url in text
    assert "internet connection" not in text + hint
    assert wording.error_title(error) == "Clockify server error"


def test_a_timeout_is_worded_as_no_answer_in_time(client: ClockifyClient,
                                                  demo: DemoServer) -> None:
    demo.faults.latency = 0.6  # longer than the client's 0.3 s read timeout
    error = _failure(client, demo)
    assert error.kind is ErrorKind.TIMEOUT
    assert "did not answer in time" in wording.error_text(error)[0]


def test_a_dropped_connection_is_worded_as_a_network_problem(client: ClockifyClient,
                                                             demo: DemoServer) -> None:
    demo.faults.drop_connection_next = 50
    error = _failure(client, demo)
    assert error.kind in (ErrorKind.NETWORK, ErrorKind.BROKEN_ANSWER)
    text, hint = wording.error_text(error)
    assert text and hint and text != wording.error_text(
        NetworkError("x", kind=ErrorKind.SERVER, status=503))[0]


def test_a_refused_request_quotes_clockify(client: ClockifyClient, demo: DemoServer) -> None:
    month = build_body(BodyParams(ReportKind.WEEKLY,
                                  DateWindow(date(2026, 1, 1), date(2026, 1, 31)), "UTC"))
    with pytest.raises(ExporterError) as caught:  # weekly reports take exactly 7 days
        client.report(demo.paid_workspace_id, ReportKind.WEEKLY.path, month)
    error = caught.value
    assert error.kind is ErrorKind.REFUSED
    text, hint = wording.error_text(error)
    assert "refused" in text and "7 days" in text and "Adjust" in hint
