"""The demo HTTP server: routing, auth, workspace access, rate limits and fault injection.

Order of checks for every request: latency fault → route (404 code 3000 / 405) → auth
(401) → workspace (404 unknown / 403 not a member) → report faults (429 / 5xx, reports
only; 429 on the main API too with `rate_limit_main_api`) → rate limits (429) → manager
amount rule (403, reports) → validation (400) → answer (→ drop/truncate faults, reports
only).
"""

from __future__ import annotations

import copy
import json
import logging
import threading
from collections import OrderedDict
from http import HTTPStatus
from typing import Any

from core.demo import mainapi
from core.demo.common import (
    CSV_TYPE,
    JSON_TYPE,
    PDF_TYPE,
    VALIDATION_CODE,
    XLSX_TYPE,
    ApiError,
    dumps,
)
from core.demo.config import (
    DEMO_API_KEY,
    DEMO_MANAGER_KEY,
    DemoConfig,
    Faults,
    RecordedRequest,
)
from core.demo.data import Dataset, User, Workspace
from core.demo.handler import DemoHandler, DemoHTTPServer, Response
from core.demo.limits import RateLimiter
from core.demo.render import to_csv, to_pdf, to_xlsx
from core.demo.reports import Limits, ReportEngine, Result

log = logging.getLogger(__name__)

REPORT_KINDS = ("detailed", "summary", "weekly", "attendance")
LIST_KINDS = ("projects", "clients", "users", "tags", "user-groups")
_FILE_TYPES = {"CSV": CSV_TYPE, "XLSX": XLSX_TYPE, "PDF": PDF_TYPE}


def _json(status: int, value: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(status, dumps(value), JSON_TYPE, headers or {})


def _error(err: ApiError) -> Response:
    return _json(err.status, err.body(), err.headers)


def _not_found(path: str) -> ApiError:
    for prefix in ("/api/", "/report/"):
        if path.startswith(prefix):
            path = path[len(prefix):]
            break
    return ApiError(404, f"No static resource {path.lstrip('/')}.", 3000)


class DemoServer:
    """A local Clockify emulator on 127.0.0.1 (see core/demo/__init__.py)."""

    def __init__(self, config: DemoConfig | None = None) -> None:
        self.config = config or DemoConfig()
        cfg = self.config
        self.faults = Faults()
        self.requests: list[RecordedRequest] = []
        self.data = Dataset(cfg.seed, cfg.entries_per_workspace, cfg.months, cfg.today)
        self.engine = ReportEngine(self.data, Limits(
            cfg.max_days_free, cfg.detailed_max_page_size, cfg.clamp_page_size,
            cfg.files_ignore_paging))
        self.limiter = RateLimiter(cfg)
        self.keys: dict[str, User] = {DEMO_API_KEY: self.data.user,
                                      DEMO_MANAGER_KEY: self.data.manager}
        self._lock = threading.Lock()
        self._httpd: DemoHTTPServer | None = None
        self._pages: OrderedDict[str, bytes] = OrderedDict()  # config.page_cache
        self._thread: threading.Thread | None = None

    # -- public --------------------------------------------------------------------------
    @property
    def api_key(self) -> str:
        return DEMO_API_KEY

    @property
    def manager_key(self) -> str:
        return DEMO_MANAGER_KEY

    @property
    def paid_workspace_id(self) -> str:
        return self.data.workspaces[0].id

    @property
    def free_workspace_id(self) -> str:
        return self.data.workspaces[1].id

    @property
    def empty_workspace_id(self) -> str:
        return self.data.workspaces[2].id

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the demo server is not running")
        return int(self._httpd.server_address[1])

    @property
    def root_url(self) -> str:
        return f"http://{self.config.host}:{self.port}"

    def start(self) -> DemoServer:
        if self._httpd is not None:
            return self
        httpd = DemoHTTPServer((self.config.host, self.config.port), DemoHandler)
        httpd.demo = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={
            "poll_interval": 0.05}, name="clockify-demo-server", daemon=True)
        self._thread.start()
        log.info("demo server listening on %s", self.root_url)
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        log.info("demo server stopped")

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self) -> None:
        """Forget recorded requests, rate-limit state and faults."""
        with self._lock:
            self.requests.clear()
            self.faults = Faults()
        self.limiter.reset()

    def take(self, name: str) -> bool:
        """Fire one unit of the fault counter `name` if it is positive."""
        with self._lock:
            value = getattr(self.faults, name)
            if value > 0:
                setattr(self.faults, name, value - 1)
                return True
            return False

    def _take_page_limit(self, page: Any) -> bool:
        """Fire one of the 429s `rate_limit_pages` holds for this report page."""
        with self._lock:
            left = self.faults.rate_limit_pages.get(page, 0) if isinstance(page, int) else 0
            if left > 0:
                self.faults.rate_limit_pages[page] = left - 1
            return left > 0

    def record(self, entry: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(entry)
            if len(self.requests) > 100_000:
                del self.requests[:50_000]

    # -- dispatch ------------------------------------------------------------------------
    def dispatch(self, method: str, path: str, query: dict[str, str], headers: Any,
                 raw: bytes) -> tuple[Response, Result | None]:
        """→ (response, report result); `response.report` marks report routes (for faults)."""
        result: Result | None = None
        try:
            response, result = self._dispatch(method, path, query, headers, raw)
        except ApiError as err:
            response = _error(err)
        except Exception:
            log.exception("demo server failed on %s %s", method, path)
            response = _json(500, {"message": "Internal server error", "code": 500})
        route = _route(path)
        response.report = route is not None and route[0] == "report"
        return response, result

    def _dispatch(self, method: str, path: str, query: dict[str, str], headers: Any,
                  raw: bytes) -> tuple[Response, Result | None]:
        route = _route(path)
        if route is None:
            raise _not_found(path)
        area, ws_id, kind, project_id = route
        wanted = "POST" if area == "report" else "GET"
        if method != wanted:
            raise ApiError(405, f"Request method '{method}' is not supported", 3000)
        user = self._authenticate(headers)
        ws = self._workspace(ws_id, user) if ws_id is not None else None
        faults = self.faults
        after = faults.rate_limit_retry_after
        too_many = ApiError(429, "Too Many Requests", 429,
                            {} if after is None else {"Retry-After": f"{after:g}"})
        if (area == "report" or faults.rate_limit_main_api) and self.take("rate_limit_next"):
            raise too_many
        if area == "report" and self.take("server_error_next"):
            return _server_error(faults.server_error_status), None
        if ws is not None:
            limited = self.limiter.check(ws, faults)
            if limited is not None:
                raise limited
        if area == "main":
            return self._main(kind, ws, user, query, project_id), None
        assert ws is not None
        body = _parse_body(raw)
        if self._take_page_limit(_page_container(body).get("page", 1)):
            raise too_many
        role = ws.members.get(user.id, "")
        shown = str(body.get("amountShown") or "EARNED").upper()
        if role in ("TEAM_MANAGER", "PROJECT_MANAGER") and shown != "HIDE_AMOUNT":
            raise ApiError(403, "You don't have permission to see amounts. Hide amounts to "
                           "view the report.", 403)
        body, delay = _paging_faults(faults, body)
        if delay > 0:
            threading.Event().wait(delay)
        if faults.error_page and _page_container(body).get("page") == faults.error_page:
            return _server_error(faults.server_error_status), None
        key = self._page_key(kind, ws, user, body)
        with self._lock:
            cached = self._pages.get(key) if key else None
        if cached is not None:
            return Response(200, cached, report=True), None
        result = self.engine.run(kind, ws, body, user, empty=faults.empty)
        if result.table is None:
            result.payload = _page_faults(faults, body, result.payload)
        if result.table is not None:
            table = result.table
            export = result.req.export_type
            data = to_csv(table) if export == "CSV" else to_xlsx(table) if export == "XLSX" \
                else to_pdf(table)
            disposition = f"attachment; filename={result.filename}"
            return Response(200, data, _FILE_TYPES[export],
                            {"Content-Disposition": disposition}, report=True), result
        answer = dumps(result.payload)
        if key:
            with self._lock:
                self._pages[key] = answer
                while len(self._pages) > self.config.page_cache:
                    self._pages.popitem(last=False)
        return Response(200, answer, report=True), result

    def _page_key(self, kind: str, ws: Workspace, user: User, body: dict[str, Any]) -> str:
        """The cache key of a JSON report answer; "" when it must be computed afresh."""
        faults = self.faults
        if (not self.config.page_cache or faults.short_page or faults.count_offset
                or faults.insert_entries_between_pages or faults.empty
                or str(body.get("exportType") or "JSON").upper() != "JSON"):
            return ""
        return (f"{kind}|{ws.id}|{self.data.version(ws.id)}|{user.id}|"
                + json.dumps(body, sort_keys=True))

    def _authenticate(self, headers: Any) -> User:
        key = (headers.get("X-Api-Key") or "").strip()
        addon = (headers.get("X-Addon-Token") or "").strip()
        bearer = (headers.get("Authorization") or "").strip().lower().startswith("bearer")
        if bearer or bool(key) == bool(addon):  # Bearer is no supported scheme
            raise ApiError(401, "Multiple or none auth tokens present", 1000)
        if addon:
            raise ApiError(401, "Token is not valid", 4017)
        user = self.keys.get(key)
        if user is None:
            raise ApiError(401, "Api key does not exist", 4003)
        return user

    def _workspace(self, ws_id: str, user: User) -> Workspace:
        ws = self.data.workspace(ws_id)
        if ws is None:
            raise ApiError(404, f"Workspace with id {ws_id} does not exist.", 404)
        if user.id not in ws.members:
            raise ApiError(403, "Access Denied: you are not a member of this workspace.", 403)
        return ws

    def _main(self, kind: str, ws: Workspace | None, user: User, query: dict[str, str],
              project_id: str | None) -> Response:
        data = self.data
        if kind == "user":
            memberships = query.get("include-memberships", "").lower() == "true"
            return _json(200, mainapi.user_json(user, data, memberships))
        if kind == "workspaces":
            return _json(200, [_plan_fault(self.faults, mainapi.workspace_json(w))
                               for w in data.workspaces if user.id in w.members])
        assert ws is not None
        if kind == "workspace":
            return _json(200, _plan_fault(self.faults, mainapi.workspace_json(ws)))
        if kind == "tasks" and project_id not in ws.project_by_id:
            raise ApiError(404, f"Project with id {project_id} does not exist.", 404)
        rows, last = mainapi.page_of(mainapi.workspace_list(kind, ws, data, query, project_id),
                                     query)
        return _json(200, rows, {"Last-Page": "true" if last else "false"})


def _route(path: str) -> tuple[str, str | None, str, str | None] | None:
    """→ (area, workspace id, kind, project id) or None for 404."""
    if path.startswith("/api/v1/"):
        parts = path[len("/api/v1/"):].split("/")
        if parts == ["user"]:
            return "main", None, "user", None
        if parts == ["workspaces"]:
            return "main", None, "workspaces", None
        if len(parts) >= 2 and parts[0] == "workspaces" and parts[1]:
            rest = parts[2:]
            if not rest:
                return "main", parts[1], "workspace", None
            if len(rest) == 1 and rest[0] in LIST_KINDS:
                return "main", parts[1], rest[0], None
            if len(rest) == 3 and rest[0] == "projects" and rest[2] == "tasks" and rest[1]:
                return "main", parts[1], "tasks", rest[1]
        return None
    for prefix in ("/report/v1/", "/v1/"):
        if path.startswith(prefix):
            parts = path[len(prefix):].split("/")
            if len(parts) >= 4 and parts[0] == "workspaces" and parts[1] and \
                    parts[2] == "reports":
                kind = "/".join(parts[3:])
                if kind in REPORT_KINDS:
                    return "report", parts[1], kind, None
                if kind == "expenses/detailed":
                    return "report", parts[1], "expenses", None
            return None
    return None


def _page_container(body: dict[str, Any]) -> dict[str, Any]:
    """Where a report body keeps `page`: its sub-filter, or the top level (expenses)."""
    for key in ("detailedFilter", "attendanceFilter"):
        if isinstance(body.get(key), dict):
            container: dict[str, Any] = body[key]
            return container
    return body


def _paging_faults(faults: Faults, body: dict[str, Any]) -> tuple[dict[str, Any], float]:
    """→ (the body as the faulty server reads it, seconds to wait before answering)."""
    page = _page_container(body).get("page", 1)
    delay = faults.page_latency.get(page, 0.0) if isinstance(page, int) else 0.0
    if faults.ignore_paging and "page" in _page_container(body):
        body = copy.deepcopy(body)
        _page_container(body)["page"] = 1
    return body, delay


def _page_faults(faults: Faults, body: dict[str, Any], payload: Any) -> Any:
    if not isinstance(payload, dict) or not (faults.short_page or faults.count_offset):
        return payload
    payload = dict(payload)  # the cached report stays as it is
    key = next((k for k in ("timeentries", "entities", "expenses") if k in payload), None)
    if key and faults.short_page and _page_container(body).get("page") == faults.short_page:
        payload[key] = payload[key][:-1]
    totals = payload.get("totals")
    if faults.count_offset and isinstance(totals, list) and totals and totals[0]:
        payload["totals"] = [{**totals[0], "entriesCount": totals[0]["entriesCount"]
                              + faults.count_offset}]
    return payload


def _plan_fault(faults: Faults, workspace: dict[str, Any]) -> dict[str, Any]:
    return {**workspace, "featureSubscriptionType": None} if faults.hide_plan else workspace


def _parse_body(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "Malformed JSON request body.", VALIDATION_CODE) from exc
    if not isinstance(body, dict):
        raise ApiError(400, "Request body must be a JSON object.", VALIDATION_CODE)
    return body


def _server_error(status: int) -> Response:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Server Error"
    page = f"<html><head><title>{status} {phrase}</title></head><body><h1>{status} {phrase}" \
           f"</h1></body></html>"
    return Response(status, page.encode(), "text/html", report=True)
