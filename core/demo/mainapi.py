"""The main API (`/api/v1/...`): user, workspaces and the paged pick-lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.demo.common import VALIDATION_CODE, ApiError, as_int
from core.demo.data import Client, Dataset, Project, Tag, Task, User, UserGroup, Workspace

MAX_PAGE_SIZE = 5000
_IMAGE = "https://img.clockify.me/no-user-image.png"
_FEATURES = ["ADD_TIME_FOR_OTHERS", "ATTENDANCE_REPORT", "BULK_EDIT", "CUSTOM_FIELDS",
             "EXPENSES", "PROJECT_TEMPLATES", "SCHEDULED_REPORTS", "TIME_AUDIT",
             "USER_GROUP_MANAGEMENT", "WHO_CAN_CHANGE_TIMEENTRY_BILLABILITY"]


def rate(cents: int, currency: str) -> dict[str, Any]:
    return {"amount": cents, "currency": currency}


def user_json(user: User, data: Dataset, memberships: bool = False) -> dict[str, Any]:
    active = next((w.id for w in data.workspaces if user.id in w.members), "")
    return {
        "id": user.id, "email": user.email, "name": user.name,
        "memberships": [membership(w, user.id) for w in data.workspaces if user.id in w.members]
        if memberships else [],
        "profilePicture": _IMAGE, "activeWorkspace": active, "defaultWorkspace": active,
        "settings": {
            "weekStart": user.week_start, "timeZone": user.time_zone, "timeFormat": "HOUR24",
            "dateFormat": "DD/MM/YYYY", "sendNewsletter": False, "weeklyUpdates": False,
            "longRunning": False, "scheduledReports": True,
            "summaryReportSettings": {"group": "Project", "subgroup": "Time Entry"},
            "isCompactViewOn": False, "dashboardSelection": "ME",
            "dashboardViewType": "PROJECT", "timeTrackingManual": False,
        },
        "status": "ACTIVE", "customFields": [],
    }


def membership(ws: Workspace, user_id: str) -> dict[str, Any]:
    return {"userId": user_id, "hourlyRate": None, "costRate": None, "targetId": ws.id,
            "membershipType": "WORKSPACE", "membershipStatus": "ACTIVE"}


def workspace_json(ws: Workspace) -> dict[str, Any]:
    return {
        "id": ws.id, "name": ws.name, "hourlyRate": rate(ws.hourly_rate, ws.currency),
        "costRate": rate(0, ws.currency),
        "memberships": [membership(ws, uid) for uid in sorted(ws.members)],
        "workspaceSettings": {
            "timeRoundingInReports": False, "onlyAdminsSeeBillableRates": True,
            "onlyAdminsCreateProject": True, "onlyAdminsSeeDashboard": False,
            "defaultBillableProjects": True, "lockTimeEntries": None,
            "round": {"round": "Round to nearest", "minutes": "15"},
            "projectFavorites": True, "canSeeTimeSheet": True, "canSeeTracker": True,
            "projectPickerSpecialFilter": False, "forceProjects": False, "forceTasks": False,
            "forceTags": False, "forceDescription": False, "onlyAdminsSeeAllTimeEntries": False,
            "onlyAdminsSeePublicProjectsEntries": False, "trackTimeDownToSecond": True,
            "projectGroupingLabel": "client", "adminOnlyPages": [],
            "automaticLock": None, "onlyAdminsCreateTag": False, "onlyAdminsCreateTask": False,
            "timeTrackingMode": "DEFAULT", "isProjectPublicByDefault": True,
            "durationFormat": "FULL",
        },
        "imageUrl": "",
        "featureSubscriptionType": ws.plan,
        "features": [] if ws.is_free else list(_FEATURES),
        "currencies": [{"id": f"{ws.id[:20]}c0de", "code": ws.currency, "isDefault": True}],
        "subdomain": {"enabled": False, "name": None},
        "cakeOrganizationId": None,
    }


def project_json(p: Project, ws: Workspace) -> dict[str, Any]:
    client = ws.client_by_id.get(p.client_id or "")
    return {
        "id": p.id, "name": p.name, "hourlyRate": rate(p.rate, ws.currency),
        "clientId": p.client_id or "", "workspaceId": ws.id, "billable": p.billable,
        "memberships": [], "color": p.color,
        "estimate": {"estimate": "PT0S", "type": "AUTO"}, "archived": p.archived,
        "duration": "PT0S", "clientName": client.name if client else "", "note": p.note,
        "costRate": None, "timeEstimate": None, "budgetEstimate": None, "estimateReset": None,
        "template": False, "public": True,
    }


def client_json(c: Client, ws: Workspace) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "workspaceId": ws.id, "archived": c.archived,
            "address": "", "note": c.note, "email": None, "ccEmails": [],
            "currencyId": f"{ws.id[:20]}c0de", "currencyCode": ws.currency}


def tag_json(t: Tag, ws: Workspace) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "workspaceId": ws.id, "archived": t.archived}


def group_json(g: UserGroup, ws: Workspace) -> dict[str, Any]:
    return {"id": g.id, "name": g.name, "workspaceId": ws.id, "userIds": list(g.user_ids),
            "teamManagers": []}


def task_json(t: Task, ws: Workspace) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "projectId": t.project_id, "assigneeIds": [],
            "assigneeId": None, "userGroupIds": [], "estimate": "PT0S", "status": t.status,
            "duration": "PT0S", "billable": t.billable, "hourlyRate": None, "costRate": None,
            "budgetEstimate": 0}


def _flag(query: dict[str, str], name: str) -> bool | None:
    value = query.get(name, "").lower()
    return True if value == "true" else False if value == "false" else None


def _name_filter(query: dict[str, str]) -> Callable[[str], bool]:
    needle = query.get("name", "").casefold()
    strict = _flag(query, "strict-name-search") is True
    if not needle:
        return lambda _name: True
    if strict:
        return lambda name: name.casefold() == needle
    return lambda name: needle in name.casefold()


def workspace_list(kind: str, ws: Workspace, data: Dataset, query: dict[str, str],
                   project_id: str | None = None) -> list[dict[str, Any]]:
    """All rows of a pick-list after the query's filters (before paging)."""
    name_ok = _name_filter(query)
    archived = _flag(query, "archived")
    if kind == "projects":
        billable = _flag(query, "billable")
        clients = {c for c in query.get("clients", "").split(",") if c}
        rows = [p for p in sorted(ws.projects, key=lambda p: (p.name.casefold(), p.id))
                if name_ok(p.name) and (archived is None or p.archived is archived)
                and (billable is None or p.billable is billable)
                and (not clients or (p.client_id or "") in clients)]
        return [project_json(p, ws) for p in rows]
    if kind == "clients":
        return [client_json(c, ws) for c in sorted(ws.clients, key=lambda c: c.name.casefold())
                if name_ok(c.name) and (archived is None or c.archived is archived)]
    if kind == "tags":
        return [tag_json(t, ws) for t in sorted(ws.tags, key=lambda t: t.name.casefold())
                if name_ok(t.name) and (archived is None or t.archived is archived)]
    if kind == "user-groups":
        return [group_json(g, ws) for g in sorted(ws.groups, key=lambda g: g.name.casefold())
                if name_ok(g.name)]
    if kind == "users":
        email = query.get("email", "").casefold()
        users = sorted((data.users[uid] for uid in ws.members), key=lambda u: u.email)
        return [user_json(u, data) for u in users
                if name_ok(u.name) and email in u.email.casefold()]
    if kind == "tasks":
        active = _flag(query, "is-active")
        tasks = sorted((t for t in ws.tasks if t.project_id == project_id),
                       key=lambda t: t.name.casefold())
        return [task_json(t, ws) for t in tasks if name_ok(t.name)
                and (active is None or (t.status == "ACTIVE") is active)]
    raise KeyError(kind)


def page_of(rows: list[dict[str, Any]], query: dict[str, str]) -> tuple[list[Any], bool]:
    """Apply `page` / `page-size` (1-based, default 50, max 5000); → (rows, last page?)."""
    page = as_int(query.get("page") or None, "page", 1)
    size = as_int(query.get("page-size") or None, "page-size", 50)
    if size > MAX_PAGE_SIZE:
        raise ApiError(400, "Page size cannot be larger than 5,000.", VALIDATION_CODE)
    if size < 1:
        raise ApiError(400, "Page size must be greater than 0.", VALIDATION_CODE)
    if page < 1:
        raise ApiError(400, "Page must be greater than 0.", VALIDATION_CODE)
    start = (page - 1) * size
    return rows[start:start + size], start + size >= len(rows)
