"""End-to-end fixtures: the real engine over loopback HTTP against the demo server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from core.client import ClockifyClient, RetryPolicy
from core.demo import DemoConfig, DemoServer, Faults
from core.servers import custom_server
from tests.openapi import check_body, kind_for_path

TODAY = date(2026, 11, 28)
# Fast retries: the behaviour is the same, the waits are not what is tested here.
FAST_RETRY = RetryPolicy(attempts=5, base_delay=0.01, max_delay=0.05)


@pytest.fixture(scope="session")
def shared_demo() -> Iterator[DemoServer]:
    """One server for the tests that do not change its data."""
    with DemoServer(DemoConfig(seed=11, entries_per_workspace=2500, months=14,
                               today=TODAY)) as srv:
        yield srv


@pytest.fixture
def demo(shared_demo: DemoServer) -> Iterator[DemoServer]:
    """The shared server with faults off and every report body checked afterwards."""
    shared_demo.faults = Faults()
    first = len(shared_demo.requests)
    yield shared_demo
    shared_demo.faults = Faults()
    assert_bodies_valid(shared_demo, first)


def assert_bodies_valid(srv: DemoServer, first: int = 0) -> None:
    """Every report request body the engine sent fits Clockify's OpenAPI schema."""
    for recorded in srv.requests[first:]:
        if recorded.method == "POST" and "/reports/" in recorded.path:
            assert recorded.body is not None
            check_body(kind_for_path(recorded.path), recorded.body)


def make_client(srv: DemoServer, key: str | None = None) -> ClockifyClient:
    return ClockifyClient(custom_server(srv.root_url), key or srv.api_key, retry=FAST_RETRY)
