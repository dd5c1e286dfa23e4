"""The demo dataset: users, workspaces, pick-lists, time entries and expenses.

Everything is deterministic from the seed (and `today`). Small objects are built at once;
time entries and expenses of a workspace are generated on first use of that workspace, so
the server starts instantly even for 200k-entry datasets. Entry ids are 24-hex strings
that grow with creation order (generated entries in start order, inserted entries after
them), like MongoDB ObjectIds.
"""

from __future__ import annotations

import bisect
import logging
import random
import threading
from dataclasses import dataclass, field
from datetime import date

from core.demo.common import day_bounds, zone

log = logging.getLogger(__name__)

ENTRY_ID_PREFIX = 0x6650C0DE
EXPENSE_ID_PREFIX = 0x6650E4BE


def entry_id(counter: int, ws_index: int) -> str:
    return f"{ENTRY_ID_PREFIX:08x}{counter:012x}{ws_index:04x}"


def expense_id(counter: int, ws_index: int) -> str:
    return f"{EXPENSE_ID_PREFIX:08x}{counter:012x}{ws_index:04x}"


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str
    email: str
    time_zone: str = "Europe/Berlin"
    week_start: str = "MONDAY"
    cost_rate: int = 0  # cents per hour


@dataclass(frozen=True, slots=True)
class Client:
    id: str
    name: str
    workspace_id: str
    archived: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    name: str
    workspace_id: str
    client_id: str | None
    color: str
    billable: bool
    rate: int  # cents per hour
    archived: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    name: str
    project_id: str
    billable: bool = True
    status: str = "ACTIVE"


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    name: str
    workspace_id: str
    archived: bool = False


@dataclass(frozen=True, slots=True)
class UserGroup:
    id: str
    name: str
    workspace_id: str
    user_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExpenseCategory:
    id: str
    name: str
    unit: str  # "" when the category has no unit price
    unit_price: int  # cents per unit, 0 when none


@dataclass(slots=True)
class TimeEntry:
    id: str
    workspace_id: str
    user_id: str
    project_id: str | None
    task_id: str | None
    tag_ids: tuple[str, ...]
    description: str
    start: int  # epoch seconds (UTC)
    end: int
    billable: bool
    rate: float  # earned cents per hour (0 when not billable)
    cost_rate: float  # cost cents per hour

    @property
    def duration(self) -> int:
        return self.end - self.start

    @property
    def amount(self) -> float:
        """Earned amount in cents."""
        return round(self.rate * self.duration / 3600, 2) if self.billable else 0.0

    @property
    def cost_amount(self) -> float:
        return round(self.cost_rate * self.duration / 3600, 2)


@dataclass(slots=True)
class Expense:
    id: str
    workspace_id: str
    user_id: str
    project_id: str | None
    category_id: str
    at: int  # epoch seconds (UTC): local noon of the expense date
    quantity: float
    amount: float  # cents
    billable: bool
    notes: str


@dataclass
class Workspace:
    id: str
    index: int
    name: str
    kind: str  # "paid" | "free" | "empty"
    plan: str  # featureSubscriptionType
    currency: str
    hourly_rate: int  # cents
    members: dict[str, str]  # user id → role (OWNER, WORKSPACE_ADMIN, TEAM_MANAGER, REGULAR)
    clients: list[Client] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    groups: list[UserGroup] = field(default_factory=list)
    categories: list[ExpenseCategory] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.client_by_id = {c.id: c for c in self.clients}
        self.project_by_id = {p.id: p for p in self.projects}
        self.task_by_id = {t.id: t for t in self.tasks}
        self.tag_by_id = {t.id: t for t in self.tags}
        self.category_by_id = {c.id: c for c in self.categories}
        self.groups_of_user: dict[str, list[str]] = {}
        for group in self.groups:
            for uid in group.user_ids:
                self.groups_of_user.setdefault(uid, []).append(group.name)

    @property
    def is_free(self) -> bool:
        return self.kind == "free"

    def client_of(self, project_id: str | None) -> Client | None:
        project = self.project_by_id.get(project_id or "")
        if project is None or project.client_id is None:
            return None
        return self.client_by_id.get(project.client_id)


@dataclass
class Store:
    """One workspace's generated rows; replaced (never mutated) when entries are inserted."""

    version: int
    entries: list[TimeEntry]  # sorted by (start, id)
    starts: list[int]
    expenses: list[Expense]  # sorted by (at, id)
    expense_ats: list[int]


class Dataset:
    """All data the demo server holds; safe to query from tests while the server runs."""

    def __init__(self, seed: int, entries_per_workspace: int, months: int, today: date) -> None:
        from core.demo import generate

        self.seed = seed
        self.entries_per_workspace = max(0, int(entries_per_workspace))
        self.months = months
        self.today = today
        catalog = generate.build_catalog()
        self.users: dict[str, User] = {u.id: u for u in catalog.users}
        self.user: User = catalog.admin
        self.manager: User = catalog.manager
        self.workspaces: list[Workspace] = catalog.workspaces
        self._by_id = {w.id: w for w in self.workspaces}
        self._lock = threading.RLock()
        self._stores: dict[str, Store] = {}
        self._inserted = 0
        self._rng = random.Random(f"{seed}/inserted")

    # -- lookups -----------------------------------------------------------------------
    def workspace(self, workspace_id: str) -> Workspace | None:
        return self._by_id.get(workspace_id)

    def store(self, workspace_id: str) -> Store:
        """The workspace's rows, generated on first use (KeyError for unknown ids)."""
        store = self._stores.get(workspace_id)
        if store is not None:
            return store
        ws = self._by_id[workspace_id]
        with self._lock:
            store = self._stores.get(workspace_id)
            if store is None:
                store = self._generate(ws)
                self._stores[workspace_id] = store
        return store

    def _generate(self, ws: Workspace) -> Store:
        from core.demo import generate

        count = self.entries_per_workspace if ws.kind != "empty" else 0
        entries = generate.time_entries(ws, self.users, count, self.seed, self.months, self.today)
        expenses = generate.expenses(ws, self.users, count, self.seed, self.months, self.today)
        log.debug("generated %d entries, %d expenses for %s", len(entries), len(expenses),
                  ws.name)
        return Store(0, entries, [e.start for e in entries], expenses, [x.at for x in expenses])

    def version(self, workspace_id: str) -> int:
        return self.store(workspace_id).version

    def entries(self, workspace_id: str) -> list[TimeEntry]:
        """Every entry of the workspace, sorted by start then id (a copy of the list)."""
        return list(self.store(workspace_id).entries)

    def entries_between(self, workspace_id: str, lo: float, hi: float) -> list[TimeEntry]:
        """Entries with lo <= start <= hi (epoch seconds)."""
        store = self.store(workspace_id)
        left = bisect.bisect_left(store.starts, lo)
        right = bisect.bisect_right(store.starts, hi)
        return store.entries[left:right]

    def entry_ids(self, workspace_id: str, start: date, end: date, time_zone: str) -> set[str]:
        """Ids of entries starting on the days start..end (inclusive) in `time_zone`."""
        lo, hi = day_bounds(start, end, zone(time_zone))
        return {e.id for e in self.entries_between(workspace_id, lo, hi - 1e-6)}

    def expenses(self, workspace_id: str) -> list[Expense]:
        return list(self.store(workspace_id).expenses)

    def expenses_between(self, workspace_id: str, lo: float, hi: float) -> list[Expense]:
        store = self.store(workspace_id)
        left = bisect.bisect_left(store.expense_ats, lo)
        right = bisect.bisect_right(store.expense_ats, hi)
        return store.expenses[left:right]

    def expense_ids(self, workspace_id: str, start: date, end: date, time_zone: str) -> set[str]:
        lo, hi = day_bounds(start, end, zone(time_zone))
        return {x.id for x in self.expenses_between(workspace_id, lo, hi - 1e-6)}

    # -- mutation (fault injection) ------------------------------------------------------
    def insert_entries(self, workspace_id: str, count: int, lo: float,
                       hi: float) -> list[TimeEntry]:
        """Create `count` new entries starting in [lo, hi]; their ids exceed every other id."""
        ws = self._by_id[workspace_id]
        members = sorted(ws.members)
        projects = [p for p in ws.projects if not p.archived]
        new: list[TimeEntry] = []
        with self._lock:
            store = self.store(workspace_id)
            for _ in range(max(0, count)):
                self._inserted += 1
                counter = self.entries_per_workspace + 1 + self._inserted
                start = int(lo + self._rng.random() * max(0.0, hi - lo))
                project = projects[self._rng.randrange(len(projects))] if projects else None
                billable = bool(project and project.billable)
                user = self.users[members[self._rng.randrange(len(members))]]
                new.append(TimeEntry(
                    entry_id(counter, ws.index), ws.id, user.id,
                    project.id if project else None, None, (), "Inserted while paging",
                    start, start + 1800, billable,
                    float(project.rate if project and billable else 0), float(user.cost_rate),
                ))
            entries = sorted([*store.entries, *new], key=lambda e: (e.start, e.id))
            self._stores[workspace_id] = Store(
                store.version + 1, entries, [e.start for e in entries],
                store.expenses, store.expense_ats,
            )
        return new
