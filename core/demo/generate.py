"""Deterministic content of the demo: the catalog (people, workspaces, pick-lists) and the
generators of time entries and expenses.

Names and descriptions are chosen to stress exporters: accents, characters outside
Windows-1252, emoji, double quotes, commas and newlines. Entries are generated in the
users' zone (Europe/Berlin) and include midnight-crossing entries and entries across the
EU daylight-saving switches (last Sundays of March and October, 01:00 UTC).
"""

from __future__ import annotations

import calendar
import hashlib
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from core.demo.common import naive_epoch, zone
from core.demo.data import (
    Client,
    Expense,
    ExpenseCategory,
    Project,
    Tag,
    Task,
    TimeEntry,
    User,
    UserGroup,
    Workspace,
    entry_id,
    expense_id,
)

GENERATION_ZONE = "Europe/Berlin"

DESCRIPTIONS: tuple[str, ...] = (
    "Sprint planning", "Code review, part 2", 'Fix "login" bug', "Réunion avec l'équipe",
    "Daily stand-up ☕", "Deploy 🚀 to production", "Notes:\nfollow-up with client",
    "Überprüfung der Änderungen", "Design Sprint — day 1", "", "Straße & Co. call",
    "Łódź office sync", "Budget, scope, and timeline", "Kundenworkshop „Roadmap“",
    "Email triage", "Research: naïve approach vs. optimised", "Pair programming 👩‍💻",
    "Client call re: invoice #42", 'Write "release notes", v2.1', "Workshop preparation",
    "Bugfix: crash on startup", "Onboarding Åsa", "Documentation", "Testing", "Refactoring",
    "1:1", "Año nuevo planning 🎉", 'He said ""hello""', "Café meeting; agenda: a, b, c",
    "Translate UI → 日本語", "Documentation", "Testing", "Email triage", "Sprint planning",
)
EXPENSE_NOTES: tuple[str, ...] = (
    "Taxi to client", "Train München → Köln", 'Lunch with "Nordlicht" team', "",
    "Hotel, 2 nights", "Licence renewal ⚙️", "Parking\nreceipt lost", "Coffee ☕ for workshop",
)


def make_id(*parts: object) -> str:
    """A stable, ObjectId-looking 24-hex id."""
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()[:24]


@dataclass
class Catalog:
    users: list[User]
    admin: User
    manager: User
    workspaces: list[Workspace]


_PEOPLE = (
    ("Zoë Müller", "zoe.mueller", 4500), ("José Álvarez", "jose.alvarez", 4000),
    ("Åsa Ström", "asa.strom", 4200), ("François Lefèvre", "francois.lefevre", 3800),
    ("Łukasz Wiśniewski", "lukasz.wisniewski", 3900), ("Priya Raman", "priya.raman", 4100),
    ("Noah O'Brien", "noah.obrien", 3600), ("Lin Mei 林美", "lin.mei", 3700),
)


def build_catalog() -> Catalog:
    users = [User(make_id("user", mail), name, f"{mail}@acme-studio.example", cost_rate=cost)
             for name, mail, cost in _PEOPLE]
    zoe, jose, asa, noah = users[0], users[1], users[2], users[6]
    return Catalog(users, zoe, jose, [
        _paid_workspace(users), _free_workspace(zoe, asa, noah),
        Workspace(make_id("ws", "empty"), 3, "Empty Workspace", "empty", "PRO_YEAR_2024", "EUR",
                  0, {zoe.id: "OWNER"}),
    ])


def _paid_workspace(users: list[User]) -> Workspace:
    zoe, jose, asa, francois, lukasz, priya, noah, mei = users
    ws = make_id("ws", "acme")

    def client(name: str, archived: bool = False) -> Client:
        return Client(make_id(ws, "client", name), name, ws, archived)

    nord, cafe, mueller, whale, old = (
        client("Nordlicht GmbH"), client("Café Olé S.L."), client("Müller & Söhne KG"),
        client("Blue Whale Inc."), client("Old Client Ltd.", archived=True))

    def project(name: str, cl: Client | None, color: str, rate: int, archived: bool = False,
                ) -> Project:
        return Project(make_id(ws, "project", name), name, ws, cl.id if cl else None, color,
                       rate > 0, rate, archived)

    projects = [
        project("Website Relaunch", nord, "#03A9F4", 12000),
        project("Mobile App 📱", nord, "#E91E63", 11000),
        project("Brand Identity", cafe, "#FF9800", 10500),
        project("ERP Migration, Phase 2", mueller, "#4CAF50", 13000),
        project("Support & Maintenance", whale, "#9C27B0", 8500),
        project("Internal Training", None, "#607D8B", 0),
        project("Recruiting", None, "#795548", 0),
        project("Legacy Portal", whale, "#9E9E9E", 8000, archived=True),
    ]
    task_names = {0: ["Design", "Frontend", "Backend", "QA"], 1: ["iOS", "Android"],
                  2: ["Logo", "Style guide"], 3: ["Data mapping", 'Go-live "Big Bang"']}
    tasks = [Task(make_id(ws, "task", projects[i].id, n), n, projects[i].id,
                  billable=projects[i].billable, status="DONE" if n == "Logo" else "ACTIVE")
             for i, names in task_names.items() for n in names]
    tags = [Tag(make_id(ws, "tag", n), n, ws, archived=(n == "legacy")) for n in
            ("urgent", "meeting", "remote", "on-site", "review", "réunion", "Überstunden",
             "legacy")]
    groups = [UserGroup(make_id(ws, "group", n), n, ws, ids) for n, ids in (
        ("Design Team", (zoe.id, asa.id, mei.id)),
        ("Engineering", (francois.id, lukasz.id, priya.id, noah.id)),
        ("Management", (zoe.id, jose.id)))]
    categories = [
        ExpenseCategory(make_id(ws, "cat", "travel"), "Travel", "km", 30),
        ExpenseCategory(make_id(ws, "cat", "meals"), "Meals & Drinks", "", 0),
        ExpenseCategory(make_id(ws, "cat", "hotel"), "Hotel", "", 0),
        ExpenseCategory(make_id(ws, "cat", "software"), "Software licences", "", 0),
    ]
    members = {u.id: "REGULAR" for u in users}
    members[zoe.id] = "OWNER"
    members[jose.id] = "TEAM_MANAGER"
    return Workspace(ws, 1, "Acme Studio", "paid", "PRO_YEAR_2024", "EUR", 9500, members,
                     [nord, cafe, mueller, whale, old], projects, tasks, tags, groups,
                     categories)


def _free_workspace(zoe: User, asa: User, noah: User) -> Workspace:
    ws = make_id("ws", "side")
    freelance = Client(make_id(ws, "client", "Freelance"), "Freelance Client Ltd", ws)
    projects = [
        Project(make_id(ws, "project", "blog"), "Blog ✍️", ws, None, "#8BC34A", False, 0),
        Project(make_id(ws, "project", "photo"), "Photography", ws, freelance.id, "#FF5722",
                True, 6000),
        Project(make_id(ws, "project", "oss"), "Open Source", ws, None, "#3F51B5", False, 0),
    ]
    tasks = [Task(make_id(ws, "task", n), n, projects[1].id) for n in ("Wedding shoot",
                                                                        "Editing")]
    tags = [Tag(make_id(ws, "tag", n), n, ws) for n in ("writing", "editing", "travel")]
    categories = [ExpenseCategory(make_id(ws, "cat", "equipment"), "Equipment", "", 0),
                  ExpenseCategory(make_id(ws, "cat", "km"), "Mileage", "km", 42)]
    members = {zoe.id: "OWNER", asa.id: "REGULAR", noah.id: "REGULAR"}
    return Workspace(ws, 2, "Side Projects", "free", "FREE", "USD", 4000, members, [freelance],
                     projects, tasks, tags, [], categories)


# -- time entries ------------------------------------------------------------------------

def months_before(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def history_days(months: int, today: date) -> list[date]:
    first = months_before(today, max(0, months))
    return [first + timedelta(days=i) for i in range((today - first).days + 1)]


def noon_offset(day: date, tz: ZoneInfo) -> int:
    """UTC offset (seconds) of `tz` at local noon of `day`."""
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=tz).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def dst_switches(days: list[date]) -> list[int]:
    """Epoch seconds of the EU DST switches (01:00 UTC, last Sunday of March/October)."""
    out = []
    for day in days:
        if day.month in (3, 10) and day.weekday() == 6 and day.day > 24:
            out.append(naive_epoch(day) + 3600)
    return out


def time_entries(ws: Workspace, users: dict[str, User], count: int, seed: int, months: int,
                 today: date) -> list[TimeEntry]:
    if count <= 0 or not ws.members:
        return []
    rng = random.Random(f"{seed}/{ws.index}/entries")
    tz = zone(GENERATION_ZONE)
    days = history_days(months, today)
    weights = [0.05 if d.weekday() >= 5 else 1.0 for d in days]
    # epoch of local midnight as seen from the day's noon offset: exact for times after 04:00
    base = [naive_epoch(d) - noon_offset(d, tz) for d in days]
    members = [users[uid] for uid in sorted(ws.members)]
    active = [p for p in ws.projects if not p.archived]
    projects = active * 4 + [p for p in ws.projects if p.archived]
    tasks_of = {p.id: [t for t in ws.tasks if t.project_id == p.id] for p in ws.projects}
    tag_ids = [t.id for t in ws.tags if not t.archived]
    combos: list[tuple[str, ...]] = [()] * 8 + [(t,) for t in tag_ids]
    combos += [(tag_ids[i], tag_ids[i + 1]) for i in range(0, len(tag_ids) - 1, 2)]

    rows: list[tuple[int, int, User, Project | None, str | None, tuple[str, ...], str, bool]] = []

    def add(start: int, dur: int, user: User, project: Project | None, r: float) -> None:
        tasks = tasks_of.get(project.id, []) if project else []
        task = tasks[int(r * 1000) % len(tasks)].id if tasks and r < 0.5 else None
        billable = project.billable if project else r < 0.1
        if billable and r > 0.92:
            billable = False
        desc = DESCRIPTIONS[int(r * 7919) % len(DESCRIPTIONS)]
        tags = combos[int(r * 104729) % len(combos)]
        rows.append((start, dur, user, project, task, tags, desc, billable))

    specials: list[tuple[int, int]] = []
    for switch in dst_switches(days):
        specials += [(switch - 1800, 7200), (switch + 1800, 3600)]
    for back in (1, len(days) // 2):  # entries that cross local midnight
        idx = max(0, len(days) - 1 - back)
        specials.append((base[idx] + 23 * 3600 + 15 * 60, 2 * 3600 + 5 * 60))
    specials = specials[: count // 4]
    for i, (start, dur) in enumerate(specials):
        add(start, dur, members[i % len(members)], active[i % len(active)] if active else None,
            rng.random())

    chosen = rng.choices(range(len(days)), weights=weights, k=count - len(specials))
    rand = rng.random
    n_members, n_projects = len(members), len(projects)
    for day_index in chosen:
        r1, r2 = rand(), rand()
        if r1 < 0.02:  # late evening, crosses midnight
            local = 22 * 3600 + int(r2 * 6300)
            dur = 3600 + int(r2 * 997) * 7 % 7200
        else:
            local = 7 * 3600 + int(r2 * 11 * 3600)
            dur = 300 + int(rand() * (4 * 3600 - 300))
        user = members[int(r1 * 7717) % n_members]
        project = None if r2 * 13 % 1 < 0.07 or not projects else projects[
            int(r1 * 15485863) % n_projects]
        add(base[day_index] + local, dur, user, project, rand())

    rows.sort(key=lambda row: row[0])
    out = []
    for counter, (start, dur, user, project, task, tags, desc, billable) in enumerate(rows, 1):
        rate = float(project.rate if project and project.rate else ws.hourly_rate) if billable \
            else 0.0
        out.append(TimeEntry(entry_id(counter, ws.index), ws.id, user.id,
                             project.id if project else None, task, tags, desc, start,
                             start + dur, billable, rate, float(user.cost_rate)))
    return out


def expenses(ws: Workspace, users: dict[str, User], count: int, seed: int, months: int,
             today: date) -> list[Expense]:
    if count <= 0 or not ws.categories or not ws.members:
        return []
    rng = random.Random(f"{seed}/{ws.index}/expenses")
    tz = zone(GENERATION_ZONE)
    days = [d for d in history_days(months, today) if d.weekday() < 5]
    members = sorted(ws.members)
    projects = [p for p in ws.projects if not p.archived]
    rows = []
    for _ in range(max(3, count // 25)):
        day = days[rng.randrange(len(days))]
        noon = naive_epoch(day) + 12 * 3600 - noon_offset(day, tz)
        cat = ws.categories[rng.randrange(len(ws.categories))]
        if cat.unit_price:
            quantity = float(rng.randint(5, 250))
            amount = quantity * cat.unit_price
        else:
            quantity, amount = 1.0, float(rng.randint(500, 25000))
        project = projects[rng.randrange(len(projects))] if projects and rng.random() < 0.9 \
            else None
        rows.append((noon, members[rng.randrange(len(members))], project, cat, quantity, amount,
                     rng.random() < 0.6, EXPENSE_NOTES[rng.randrange(len(EXPENSE_NOTES))]))
    rows.sort(key=lambda row: row[0])
    return [Expense(expense_id(i, ws.index), ws.id, uid, p.id if p else None, cat.id, at, q, a,
                    billable, note)
            for i, (at, uid, p, cat, q, a, billable, note) in enumerate(rows, 1)]
