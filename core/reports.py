"""Report kinds, output formats and the option values Clockify accepts.

The vocabulary every front end shows; the filters, options and request bodies built from
it are in core.bodies (the window's first paint needs only this module).
"""

from __future__ import annotations

from enum import StrEnum

MAX_PAGE_SIZE = 1000  # Clockify's cap for the detailed report (support e-mail, help page).


class ReportKind(StrEnum):
    DETAILED = "detailed"
    SUMMARY = "summary"
    WEEKLY = "weekly"
    ATTENDANCE = "attendance"
    EXPENSES = "expenses"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def path(self) -> str:
        """Path under `{reports}/v1/workspaces/{ws}/`."""
        if self is ReportKind.EXPENSES:
            return "reports/expenses/detailed"
        return f"reports/{self.value}"

    @property
    def paged(self) -> bool:
        return self in (ReportKind.DETAILED, ReportKind.ATTENDANCE, ReportKind.EXPENSES)

    @property
    def items_key(self) -> str | None:
        """The list that paging walks in the JSON answer (None: not paged)."""
        return {
            ReportKind.DETAILED: "timeentries",
            ReportKind.ATTENDANCE: "entities",
            ReportKind.EXPENSES: "expenses",
        }.get(self)


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"

    @property
    def export_type(self) -> str:
        return self.value.upper()

    @property
    def extension(self) -> str:
        return f".{self.value}"

    @property
    def label(self) -> str:
        return {"json": "JSON", "csv": "CSV", "xlsx": "Excel (XLSX)", "pdf": "PDF"}[self.value]


# USER and TAG: Clockify's live API accepts them although its OpenAPI enum omits them
# (shared/clockify/API.md §3.5).
SUMMARY_GROUPS = ("PROJECT", "CLIENT", "TASK", "USER", "TAG", "DATE", "WEEK", "MONTH",
                  "TIMEENTRY")
SUMMARY_SORT_COLUMNS = ("GROUP", "DURATION", "AMOUNT", "EARNED", "COST", "PROFIT")
SUMMARY_CHART_TYPES = ("BILLABILITY", "PROJECT")
WEEKLY_GROUPS = ("USER", "PROJECT")
DETAILED_SORT_COLUMNS = ("DATE", "ID", "USER", "DURATION", "DESCRIPTION")
SORT_ORDERS = ("DESCENDING", "ASCENDING")
AMOUNT_SHOWN = ("EARNED", "COST", "PROFIT", "HIDE_AMOUNT")
APPROVAL_STATES = ("ALL", "APPROVED", "UNAPPROVED")
INVOICING_STATES = ("ALL", "INVOICED", "UNINVOICED")
CONTAINS_MODES = ("CONTAINS", "DOES_NOT_CONTAIN", "CONTAINS_ONLY")
WEEK_STARTS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
# How local renderers write durations: h:mm:ss ("FULL") or decimal hours ("DECIMAL").
DURATION_FORMATS = ("FULL", "DECIMAL")
