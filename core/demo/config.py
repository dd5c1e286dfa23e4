"""Configuration, fault switches and request records of the demo server."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Neither key looks like a real Clockify key (48 alphanumerics), so secret scanners stay quiet.
DEMO_API_KEY = "demo-key-zoe-admin-of-every-workspace"
DEMO_MANAGER_KEY = "demo-key-jose-team-manager-acme"


@dataclass
class DemoConfig:
    """What the demo server holds and how strict it is. The defaults are a normal demo."""

    seed: int = 7
    entries_per_workspace: int = 3000
    months: int = 18
    today: date = field(default_factory=date.today)
    free_quota_per_window: int = 30
    quota_window_seconds: float = 3600.0
    quota_retry_after: bool = True
    paid_rps: int = 50
    max_days_free: int = 31
    detailed_max_page_size: int = 1000
    clamp_page_size: bool = False
    files_ignore_paging: bool = True
    clock: Callable[[], float] = time.monotonic
    host: str = "127.0.0.1"
    port: int = 0  # 0 = a free port
    log_requests: bool = False  # log every request line at INFO (never the API key)
    # JSON report answers kept and sent again for the same request (0: none). Benchmarks
    # use it so that they time the client, not the demo's own rendering of each page.
    page_cache: int = 0


@dataclass
class Faults:
    """Failure switches; change them while the server runs. Counters decrement as they fire.

    Unless noted, a switch applies to report requests (POST …/reports/…) only.
    """

    rate_limit_next: int = 0  # → 429 {"message":"Too Many Requests","code":429}
    rate_limit_retry_after: float | None = None  # Retry-After for rate_limit_next (None: none)
    rate_limit_main_api: bool = False  # rate_limit_next hits main-API requests too
    exhaust_quota: bool = False  # the Free workspace's quota is used up now (main API too)
    server_error_next: int = 0
    server_error_status: int = 503  # or 502, 500, 504
    drop_connection_next: int = 0  # headers + part of the body, then the socket is reset
    truncate_json_next: int = 0  # 200, half of the body, then close
    truncate_without_length: bool = False  # truncated bodies omit Content-Length
    truncate_files_only: bool = False  # truncate_json_next spares JSON: files (CSV…) only
    latency: float = 0.0  # seconds added to every request (main API too)
    report_latency: float = 0.0  # seconds added to report requests only (a slow report)
    insert_entries_between_pages: int = 0  # new entries after each detailed JSON page
    empty: bool = False  # every workspace reports no data
    # Paging faults of JSON report pages (detailed, attendance, expenses):
    short_page: int = 0  # this page number comes back one item short (999 of 1000)
    ignore_paging: bool = False  # every page is page 1
    count_offset: int = 0  # detailed `totals[0].entriesCount` is off by this much
    page_latency: dict[int, float] = field(default_factory=dict)  # page → extra seconds
    # page → 429s that page answers before it succeeds (Retry-After: rate_limit_retry_after)
    rate_limit_pages: dict[int, int] = field(default_factory=dict)
    error_page: int = 0  # this page number always fails (server_error_status)
    hide_plan: bool = False  # workspaces report `featureSubscriptionType: null` (main API)


@dataclass
class RecordedRequest:
    """One request as the server saw it; the API key / add-on token values are redacted."""

    method: str
    path: str
    query: dict[str, str]  # last value wins for repeated parameters
    headers: dict[str, str]
    body: dict[str, Any] | None
    status: int
