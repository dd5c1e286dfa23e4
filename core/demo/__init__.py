"""A built-in local Clockify emulator ("demo server").

It lets people try the app without a Clockify account and lets every end-to-end test of
the export engine run against real loopback HTTP. Standard library only (plus openpyxl for
XLSX). It copies Clockify's behaviour as described in the shared API notes (§2-§5, §7).

    from core.demo import DemoServer, DemoConfig
    with DemoServer(DemoConfig(entries_per_workspace=500)) as srv:
        srv.root_url           # main API at root/api/v1, reports at root/report/v1 (and root/v1)
        srv.api_key            # DEMO_API_KEY: admin of all three workspaces
        srv.data.entry_ids(srv.paid_workspace_id, date(2026, 3, 1), date(2026, 3, 31),
                           "Europe/Berlin")  # what a detailed report for March must return

Choices where Clockify's behaviour is unknown (all error bodies are `{"message", "code"}`):

* unknown workspace id → 404 `Workspace with id <id> does not exist.` code 404; a workspace
  the key's user is not a member of → 403 `Access Denied: you are not a member of this
  workspace.` code 403; wrong method on a known path → 405 code 3000.
* `X-Addon-Token` is never valid → 401 code 4017 `Token is not valid`.
* the manager key (`DEMO_MANAGER_KEY`) sees every entry of the paid workspace but must send
  `amountShown: "HIDE_AMOUNT"` on every report (expenses included); hidden amounts are
  `0.0` in JSON, `totals[0].amounts` is `[]` and files drop the money columns.
* validation → 400 code 501; Free plan: CSV/XLSX → 403 code 403 (checked before the 31-day
  rule); 429 bodies `{"message": "Too Many Requests", "code": 429}`; paid-plan 429s carry no
  Retry-After; injected 5xx answers are small `text/html` pages.
* summary rows for missing values use `_id: ""` and `Without project|client|task|tag`; the
  innermost level has no `children` key; `totals` is `[null]` when there is no data
  (detailed, summary, weekly); detailed `options.totals: EXCLUDE` → `totals: []`.
* attendance: one row per user and local day, default sort DATE ascending, no page-size cap;
  expenses: `date` is the local day as `YYYY-MM-DDT00:00:00Z`, `time` the instant with the
  request zone's offset.
* CSV is UTF-8 without BOM (`Content-Type: text/csv`, no charset: decode the bytes as UTF-8).
"""

from core.demo.config import (
    DEMO_API_KEY,
    DEMO_MANAGER_KEY,
    DemoConfig,
    Faults,
    RecordedRequest,
)
from core.demo.data import Dataset, Expense, TimeEntry, User, Workspace
from core.demo.server import DemoServer

__all__ = [
    "DEMO_API_KEY",
    "DEMO_MANAGER_KEY",
    "Dataset",
    "DemoConfig",
    "DemoServer",
    "Expense",
    "Faults",
    "RecordedRequest",
    "TimeEntry",
    "User",
    "Workspace",
]
