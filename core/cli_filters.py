"""The window's filters and report options on the command line, under the same names."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from core.bodies import IdFilter
from core.cli_input import not_empty_arg, pick
from core.errors import UsageError
from core.reports import (
    AMOUNT_SHOWN,
    APPROVAL_STATES,
    DURATION_FORMATS,
    INVOICING_STATES,
    WEEK_STARTS,
)

if TYPE_CHECKING:
    from core.client import ClockifyClient

# --tag-match: how entries match the --tag(s), as the window's tag filter offers it.
TAG_MATCH = {"any": "CONTAINS", "all": "CONTAINS_ONLY", "none": "DOES_NOT_CONTAIN"}


def add_filter_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--task", action="append", default=[], type=not_empty_arg,
                       metavar="NAME_OR_ID",
                       help="only this task of the chosen --project(s); repeat for several")
    group.add_argument("--user-group", action="append", default=[], type=not_empty_arg,
                       metavar="NAME_OR_ID",
                       help="only members of this user group; repeat for several")
    group.add_argument("--tag-match", choices=list(TAG_MATCH), default="any",
                       help="entries with any of the --tag(s), all of them, or none of them")
    group.add_argument("--approval", choices=APPROVAL_STATES, default="ALL",
                       help="approved entries, not approved ones, or all")
    group.add_argument("--invoicing", choices=INVOICING_STATES, default="ALL",
                       help="invoiced entries, not invoiced ones, or all")
    group.add_argument("--without-project", action="store_true",
                       help="detailed: only entries without a project")
    group.add_argument("--without-task", action="store_true",
                       help="detailed: only entries without a task")


def add_layout_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--amounts", choices=AMOUNT_SHOWN, default="EARNED",
                       help="which amounts to show (HIDE_AMOUNT: none)")
    group.add_argument("--rounding", action="store_true", help="round times as set in Clockify")
    group.add_argument("--duration-format", choices=DURATION_FORMATS, default="FULL",
                       help="durations in files rendered here: h:mm:ss or decimal hours")
    group.add_argument("--week-start", choices=WEEK_STARTS,
                       help="weekly: first day of the week (default: your Clockify profile's)")


def option_fields(args: argparse.Namespace, profile_week_start: str) -> dict[str, Any]:
    """ReportOptions fields from the options above."""
    return dict(amount_shown=args.amounts,
                amounts=() if args.amounts == "HIDE_AMOUNT" else (args.amounts,),
                rounding=args.rounding, week_start=args.week_start or profile_week_start,
                duration_format=args.duration_format)


def filter_fields(args: argparse.Namespace) -> dict[str, Any]:
    """Filters fields from the options above that need no lookup."""
    return dict(approval_state=args.approval, invoicing_state=args.invoicing,
                without_project=args.without_project, without_task=args.without_task)


def task_ids(client: ClockifyClient, ws_id: str, projects: IdFilter,
             wanted: list[str]) -> IdFilter:
    """Tasks belong to projects: they are looked up within the chosen ones."""
    if not wanted:
        return IdFilter()
    if not projects:
        raise UsageError("Tasks belong to projects.", "Give --project as well as --task.")
    tasks = [t for pid in projects.ids for t in client.list_all(ws_id, f"projects/{pid}/tasks")]
    return IdFilter(tuple(str(pick(tasks, w, "task")["id"]) for w in wanted))
