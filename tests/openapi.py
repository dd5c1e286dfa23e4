"""Check report request bodies against Clockify's own OpenAPI file (shared/clockify)."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from core.reports import ReportKind

# PyYAML's stubs may be missing from the environment; the module is used untyped.
yaml: Any = importlib.import_module("yaml")

OPENAPI_URI = "urn:clockify:openapi"
BODY_SCHEMAS = {
    ReportKind.DETAILED: "DetailedReportFilterV1",
    ReportKind.SUMMARY: "SummaryReportFilterV1",
    ReportKind.WEEKLY: "WeeklyReportFilterV1",
    ReportKind.ATTENDANCE: "AttendanceReportFilterV1",
    ReportKind.EXPENSES: "ExpenseReportFilterV1",
}


SHARED_COPY = Path(__file__).resolve().parents[2] / "shared" / "clockify" / "openapi.yaml"
# A verbatim copy for CI runners that do not have shared/ beside the checkout (GitHub
# Actions); test_openapi_copy.py keeps it identical to shared/ wherever shared/ exists.
VENDORED_COPY = Path(__file__).resolve().parent / "data" / "clockify-openapi.yaml"


def openapi_path() -> Path:
    """shared/ beside the checkout is the reference; the vendored copy stands in for it."""
    return SHARED_COPY if SHARED_COPY.exists() else VENDORED_COPY


# Summary groups Clockify's live API accepts although the OpenAPI enum omits them
# (shared/clockify/API.md §3.5): the only values the test schema adds to Clockify's file.
LIVE_ONLY_SUMMARY_GROUPS = ("USER", "TAG")


@functools.cache
def openapi() -> dict[str, Any]:
    """The OpenAPI document, parsed once per test session (see LIVE_ONLY_SUMMARY_GROUPS)."""
    with openapi_path().open(encoding="utf-8") as fh:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document: dict[str, Any] = yaml.load(fh, Loader=loader)
    groups = document["components"]["schemas"]["SummaryFilterV1"]["properties"]["groups"]
    groups["items"]["enum"] += [g for g in LIVE_ONLY_SUMMARY_GROUPS
                                if g not in groups["items"]["enum"]]
    return document


@functools.cache
def _registry() -> Registry[Any]:
    resource = Resource.from_contents(openapi(), default_specification=DRAFT202012)
    return Registry().with_resource(OPENAPI_URI, resource)


@functools.cache
def schema_validator(name: str) -> Draft202012Validator:
    ref = {"$ref": f"{OPENAPI_URI}#/components/schemas/{name}"}
    return Draft202012Validator(ref, registry=_registry())


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = openapi()["components"]["schemas"][name]
    return schema


def unknown_keys(instance: Any, schema: dict[str, Any], where: str = "") -> list[str]:
    """Keys the schema does not declare: Clockify silently ignores them (API.md §3.3)."""
    schema = _resolve(schema)
    found: list[str] = []
    if isinstance(instance, dict) and "properties" in schema:
        props = schema["properties"]
        for key, value in instance.items():
            if key not in props:
                found.append(f"{where}{key}")
            else:
                found += unknown_keys(value, props[key], f"{where}{key}.")
    elif isinstance(instance, list) and "items" in schema:
        for value in instance:
            found += unknown_keys(value, schema["items"], where)
    return found


def check_body(kind: ReportKind, body: dict[str, Any]) -> None:
    """Fail unless `body` is a valid request of `kind` with no key Clockify would ignore."""
    name = BODY_SCHEMAS[kind]
    errors = sorted(schema_validator(name).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert unknown_keys(body, {"$ref": f"#/components/schemas/{name}"}) == []


def kind_for_path(path: str) -> ReportKind:
    """The report kind a request path asks for (`…/reports/expenses/detailed` → EXPENSES)."""
    for kind in sorted(ReportKind, key=lambda k: -len(k.path)):
        if path.rstrip("/").endswith(kind.path):
            return kind
    raise KeyError(f"no report kind for {path}")
