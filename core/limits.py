"""Clockify's plans and rate limits, and how a wait for them is described.

Kept apart from the HTTP client so that the window can show plan limits and waits without
loading `requests` before its first paint.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

FREE_HOURLY_QUOTA = 30  # requests per hour for a whole Free workspace
QUOTA_WINDOW_SECONDS = 3600.0
PAID_REQUESTS_PER_SECOND = 50  # per workspace, on every paid plan
# Clockify's own files (API.md §3.9): its PDFs stop at 3,000 rows, and the Free plan gets
# no CSV or Excel files at all.
CLOCKIFY_PDF_MAX_ROWS = 3000
FREE_PLAN_NO_FILES = ("csv", "xlsx")


def clockify_exports(fmt: str, free_plan: bool) -> bool:
    """Whether Clockify renders `fmt` (csv, xlsx, pdf) for a workspace on this plan."""
    return not (free_plan and fmt in FREE_PLAN_NO_FILES)


def quota_wait_seconds(requests: int, recent: Iterable[float] = ()) -> float:
    """At least how long `requests` more requests to a Free workspace take: its quota
    counts every request of the last hour, also those already made (`recent`: how many
    seconds ago each started, such as the window's pick-lists). → when the last may start,
    in seconds from now, as `core.ratelimit.HourlyQuota` will let it."""
    sent = deque(sorted(-age for age in recent if 0 <= age < QUOTA_WINDOW_SECONDS))
    at = 0.0
    for _ in range(requests):
        if len(sent) >= FREE_HOURLY_QUOTA:
            at = max(at, sent[len(sent) - FREE_HOURLY_QUOTA] + QUOTA_WINDOW_SECONDS)
        while sent and sent[0] <= at - QUOTA_WINDOW_SECONDS:
            sent.popleft()
        sent.append(at)
    return at


class WaitReason:
    RETRY = "retry"  # back-off after a failure
    RATE_LIMIT = "rate-limit"  # per-second limit (HTTP 429)
    HOURLY_QUOTA = "hourly-quota"  # Free plan: 30 requests per hour


@dataclass(frozen=True)
class WaitInfo:
    """A wait in progress: how long is left, when it ends and why."""

    reason: str
    seconds_left: float
    resume_at: datetime
    message: str


def describe_wait(reason: str, resume_at: datetime, seconds: float) -> str:
    if reason == WaitReason.HOURLY_QUOTA:
        return (
            "Waiting for Clockify's hourly request limit (Free plan), resuming at "
            f"{resume_at:%H:%M}."
        )
    if reason == WaitReason.RATE_LIMIT:
        return f"Clockify asked to slow down; resuming in {seconds:.0f} s."
    return f"Clockify did not answer properly; trying again in {seconds:.0f} s."


def human_duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


class Plan(StrEnum):
    FREE = "free"
    PAID = "paid"
    UNKNOWN = "unknown"  # Clockify sent no plan (null or missing)


def workspace_plan(workspace: dict[str, Any]) -> Plan:
    """The plan of a workspace as `GET /workspaces` returns it."""
    plan = workspace.get("featureSubscriptionType")
    if isinstance(plan, dict):  # the OpenAPI file models it as an object
        plan = plan.get("addonSubscriptionPlan")
    if plan is None or not str(plan).strip():
        return Plan.UNKNOWN
    return Plan.FREE if "FREE" in str(plan).upper() else Plan.PAID


def is_free_plan(workspace: dict[str, Any]) -> bool:
    """Whether to treat a workspace as Free: it is, or Clockify does not say.

    An unknown plan costs nothing as Free (31-day windows work on every plan), while taking
    it for paid wastes a request Clockify refuses before the range is split, on a workspace
    that may have 30 requests an hour."""
    return workspace_plan(workspace) is not Plan.PAID


def clockify_refuses(fmt: str, workspace: dict[str, Any]) -> bool:
    """Whether Clockify is known to refuse its own `fmt` file for this workspace: a Free one.
    An unknown plan is tried (Clockify then says), unlike the pacing of `is_free_plan`."""
    return not clockify_exports(fmt, workspace_plan(workspace) is Plan.FREE)

