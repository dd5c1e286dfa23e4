"""Clockify's plans and rate limits, and how a wait for them is described.

Kept apart from the HTTP client so that the window can show plan limits and waits without
loading `requests` before its first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

FREE_HOURLY_QUOTA = 30  # requests per hour for a whole Free workspace
QUOTA_WINDOW_SECONDS = 3600.0
# Clockify's own files (API.md §3.9): its PDFs stop at 3,000 rows, and the Free plan gets
# no CSV or Excel files at all.
CLOCKIFY_PDF_MAX_ROWS = 3000
FREE_PLAN_NO_FILES = ("csv", "xlsx")


def clockify_exports(fmt: str, free_plan: bool) -> bool:
    """Whether Clockify renders `fmt` (csv, xlsx, pdf) for a workspace on this plan."""
    return not (free_plan and fmt in FREE_PLAN_NO_FILES)


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


def is_free_plan(workspace: dict[str, Any]) -> bool:
    """Whether a workspace (as `GET /workspaces` returns it) is on the Free plan."""
    plan = workspace.get("featureSubscriptionType")
    if isinstance(plan, dict):  # the OpenAPI file models it as an object
        plan = plan.get("addonSubscriptionPlan")
    # A missing plan is treated as paid: Clockify's own range error still reveals a Free plan.
    return plan is not None and "FREE" in str(plan).upper()
