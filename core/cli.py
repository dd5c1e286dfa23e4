"""`clockify-exporter-cli`: the headless command line over the same export engine.

The API key comes from `CLOCKIFY_API_KEY` or the OS keyring, never from an argument (it
would show in process lists and shell history). Progress goes to stderr, data only to
`--output`, and each kind of failure has its own exit code (see `core.errors`).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from core import APP_NAME, __version__
from core.client import ClockifyClient
from core.credentials import CredentialStore
from core.errors import (
    EXIT_CANCELLED,
    EXIT_FAILURE,
    EXIT_OK,
    CredentialError,
    ExporterError,
    UsageError,
)
from core.export import ExportJob
from core.limits import is_free_plan
from core.planning import ExportRequest, Phase, Progress
from core.render.settings import CsvSettings, Renderer
from core.reports import (
    SORT_ORDERS,
    SUMMARY_GROUPS,
    WEEKLY_GROUPS,
    ExportFormat,
    Filters,
    IdFilter,
    ReportKind,
    ReportOptions,
)
from core.servers import REGIONS, Server, custom_server, region_server, subdomain_server
from core.windows import Preset, preset_range

log = logging.getLogger(__name__)

ENV_KEY = "CLOCKIFY_API_KEY"
_DELIMITERS = {"comma": ",", "semicolon": ";"}


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors share one exit path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, f"See '{self.prog} --help'.")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clockify-exporter-cli",
                     description=f"{APP_NAME}: export complete Clockify reports.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="use the built-in demo Clockify server (no account needed)")
    common = _Parser(add_help=False)
    where = common.add_argument_group("server (default: global)").add_mutually_exclusive_group()
    where.add_argument("--server", metavar="URL",
                       help="custom server root (API at URL/api/v1, reports at URL/report/v1)")
    where.add_argument("--region", choices=["global", *REGIONS], help="Clockify data region")
    where.add_argument("--subdomain", metavar="NAME", help="subdomain workspace (NAME.clockify.me)")
    common.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="use the built-in demo Clockify server")
    common.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sub.add_parser("login", parents=[common],
                   help="check an API key and store it in the OS keyring",
                   description="Reads the API key from the terminal (hidden) or stdin.")
    sub.add_parser("logout", parents=[common], help="forget the stored API key")
    sub.add_parser("workspaces", parents=[common], help="list your workspaces")

    exp = sub.add_parser("export", parents=[common], help="export a report to a file")
    exp.add_argument("--workspace", metavar="NAME_OR_ID",
                     help="workspace name or id (default: your default workspace)")
    exp.add_argument("--report", choices=[k.value for k in ReportKind], default="detailed")
    exp.add_argument("--format", choices=[f.value for f in ExportFormat],
                     help="output format (default: from the --output extension, else json)")
    exp.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help="first day (inclusive)")
    exp.add_argument("--end", type=_date, metavar="YYYY-MM-DD", help="last day (inclusive)")
    exp.add_argument("--period", choices=[p.value for p in Preset],
                     help="a preset range instead of --start/--end")
    exp.add_argument("--output", "-o", required=True, type=Path, metavar="PATH")
    exp.add_argument("--time-zone", metavar="IANA",
                     help="time zone of the dates (default: your Clockify profile's)")
    for name in ("project", "client", "user", "tag"):
        exp.add_argument(f"--{name}", action="append", default=[], metavar="NAME_OR_ID",
                         help=f"only this {name} (repeatable)")
    billable = exp.add_mutually_exclusive_group()
    billable.add_argument("--billable", dest="billable", action="store_const", const=True)
    billable.add_argument("--non-billable", dest="billable", action="store_const", const=False)
    exp.add_argument("--description", default="", help="only entries whose description contains")
    exp.add_argument("--group", action="append", choices=SUMMARY_GROUPS, default=[],
                     help="summary group level (repeat 1-3 times; default PROJECT, TIMEENTRY)")
    exp.add_argument("--weekly-group", choices=WEEKLY_GROUPS, default="USER")
    exp.add_argument("--sort-order", choices=SORT_ORDERS, default="DESCENDING")
    exp.add_argument("--hide-amounts", action="store_true", help="export without money amounts")
    exp.add_argument("--max-days", type=_positive_int, metavar="N",
                     help="days per request (default: what the plan allows)")
    exp.add_argument("--max-wait", type=float, metavar="SECONDS",
                     help="longest wait for Clockify's rate limits before giving up "
                          "(default: as long as needed)")
    files = exp.add_argument_group("CSV, XLSX and PDF files")
    files.add_argument("--render", choices=[r.value for r in Renderer], default="auto",
                       help="who lays out the file: 'local' = this app builds it from the "
                            "JSON report (any plan, one file, every row); 'clockify' = "
                            "Clockify's own file, as in the web app (not on the Free plan "
                            "for CSV/XLSX, PDFs stop at 3,000 rows, one file per request); "
                            "'auto' (default) = Clockify's file only when it is complete")
    files.add_argument("--csv-delimiter", choices=list(_DELIMITERS), default="comma",
                       help="field separator of CSV files this app builds (semicolon is "
                            "what Excel expects in e.g. French or German settings)")
    files.add_argument("--no-formula-escape", action="store_true",
                       help="do not prefix CSV cells starting with = + - @ with ' (the "
                            "escape stops spreadsheets running them as formulas; turn it "
                            "off when another program reads the CSV)")
    files.add_argument("--no-bom", action="store_true",
                       help="write CSV without the UTF-8 byte-order mark Excel needs")
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def _server(args: argparse.Namespace) -> Server:
    if args.server:
        return custom_server(args.server)
    if args.subdomain:
        return subdomain_server(args.subdomain)
    return region_server(args.region or "global")


class ProgressPrinter:
    """Progress on stderr: one live line on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self._last = ""
        self._width = 0

    def __call__(self, progress: Progress) -> None:
        text = progress.message
        if progress.phase in (Phase.FETCHING, Phase.WAITING) and progress.requests_planned:
            text += (f" [{progress.requests_done}/{progress.requests_planned} requests, "
                     f"{progress.entries_written:,} written]")
        if progress.wait is not None and not self.live:
            text = progress.wait.message  # the countdown would flood a log
        if text == self._last:
            return
        self._last = text
        if self.live:
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
            if progress.phase is Phase.DONE:
                self.stream.write("\n")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def _api_key(server: Server) -> str:
    key = os.environ.get(ENV_KEY, "").strip()
    if key:
        return key
    try:
        key = CredentialStore().get(server.key) or ""
    except CredentialError as exc:
        raise CredentialError(exc.message, f"Set {ENV_KEY} instead.") from None
    if not key:
        raise CredentialError(
            f"No API key for {server.label}.",
            f"Run 'clockify-exporter-cli login' first, or set {ENV_KEY}.",
        )
    return key


def _pick(items: list[dict[str, Any]], wanted: str, what: str) -> dict[str, Any]:
    """An item by id, or by name ignoring case; clear errors when none or several match."""
    for item in items:
        if item.get("id") == wanted:
            return item
    matches = [i for i in items if str(i.get("name", "")).casefold() == wanted.casefold()]
    if len(matches) == 1:
        return matches[0]
    names = sorted(str(i.get("name")) for i in items)
    if matches:
        raise UsageError(f"Several {what}s are named '{wanted}'.", "Use the id instead.")
    shown = ", ".join(names[:10]) + (" …" if len(names) > 10 else "")
    raise UsageError(f"No {what} '{wanted}'.", f"Known: {shown}." if names else "")


def _ids(client: ClockifyClient, ws_id: str, what: str, wanted: list[str]) -> IdFilter:
    if not wanted:
        return IdFilter()
    listing = {"project": client.projects, "client": client.clients, "user": client.users,
               "tag": client.tags}[what](ws_id)
    return IdFilter(tuple(str(_pick(listing, w, what)["id"]) for w in wanted))


def _export(args: argparse.Namespace, client: ClockifyClient, err: TextIO,
            cancel: threading.Event) -> int:
    user = client.current_user()
    workspaces = client.workspaces()
    wanted = args.workspace or user.get("defaultWorkspace") or user.get("activeWorkspace")
    if not wanted:
        raise UsageError("Your Clockify profile has no default workspace.",
                         "Choose one with --workspace (see the 'workspaces' command).")
    workspace = _pick(workspaces, str(wanted), "workspace")
    ws_id = str(workspace["id"])
    settings = user.get("settings") or {}
    if args.period:
        window = preset_range(Preset(args.period), date.today(),
                              str(settings.get("weekStart") or "MONDAY"))
        start, end = window.start, window.end
    elif args.start and args.end:
        start, end = args.start, args.end
    else:
        raise UsageError("Say which days to export.", "Give --start and --end, or --period.")
    fmt = ExportFormat(args.format) if args.format else _format_from(args.output)
    options = ReportOptions(
        sort_order=args.sort_order,
        summary_groups=tuple(args.group) or ReportOptions().summary_groups,
        weekly_group=args.weekly_group,
    )
    if args.hide_amounts:
        options = replace(options, amount_shown="HIDE_AMOUNT", amounts=())
    filters = Filters(
        projects=_ids(client, ws_id, "project", args.project),
        clients=_ids(client, ws_id, "client", args.client),
        users=_ids(client, ws_id, "user", args.user),
        tags=_ids(client, ws_id, "tag", args.tag),
        billable=args.billable,
        description=args.description,
    )
    request = ExportRequest(
        workspace_id=ws_id, kind=ReportKind(args.report), fmt=fmt, start=start, end=end,
        output=args.output.expanduser().absolute(), time_zone=args.time_zone,
        filters=filters, options=options, max_days=args.max_days, max_wait=args.max_wait,
        renderer=Renderer(args.render),
        csv=CsvSettings(delimiter=_DELIMITERS[args.csv_delimiter], bom=not args.no_bom,
                        formula_escape=not args.no_formula_escape))
    printer = ProgressPrinter(err)
    job = ExportJob(client, request, printer, cancel, workspace=workspace,
                    profile_time_zone=settings.get("timeZone"), profile=settings)
    plan = job.plan()
    err.write(f"Exporting {request.kind.label} report of '{workspace.get('name')}' "
              f"{start.isoformat()} to {end.isoformat()} ({plan.time_zone}) as "
              f"{fmt.label}: {plan.budget_text(request.kind)}.\n")
    try:
        result = job.run()
    finally:
        printer.finish()
    for note in result.notes:
        err.write(f"Note: {note}\n")
    for path in result.files:
        err.write(f"Saved {path}\n")
    return EXIT_OK


def _format_from(path: Path) -> ExportFormat:
    suffix = path.suffix.lower().lstrip(".")
    return ExportFormat(suffix) if suffix in {f.value for f in ExportFormat} else ExportFormat.JSON


def _login(server: Server, out: TextIO, err: TextIO) -> int:
    store = CredentialStore()
    if not store.available():
        raise CredentialError(
            "No system keyring is available here, so the key cannot be stored.",
            f"Set the {ENV_KEY} environment variable for each run instead.")
    if sys.stdin.isatty():
        key = getpass.getpass("Clockify API key (hidden): ").strip()
    else:
        key = sys.stdin.readline().strip()
    if not key:
        raise UsageError("No API key was given.",
                         "Copy it from Clockify → Profile settings → API, then paste it.")
    client = ClockifyClient(server, key)
    try:
        user = client.current_user()
    finally:
        client.close()
    store.set(server.key, key)
    out.write(f"Signed in as {user.get('name')} <{user.get('email')}> on {server.label}; "
              "the key is stored in the system keyring.\n")
    return EXIT_OK


def _workspaces(client: ClockifyClient, out: TextIO) -> int:
    user = client.current_user()
    default = user.get("defaultWorkspace")
    for ws in client.workspaces():
        plan = "Free" if is_free_plan(ws) else "paid"
        mark = "*" if ws.get("id") == default else " "
        out.write(f"{mark} {ws.get('id')}  {ws.get('name')}  ({plan})\n")
    return EXIT_OK


def run(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
        err: TextIO | None = None, cancel: threading.Event | None = None) -> int:
    """The CLI as a function: returns the exit code, never raises for expected errors."""
    out = out or sys.stdout
    err = err or sys.stderr
    cancel = cancel or threading.Event()
    demo = None
    try:
        args = build_parser().parse_args(argv)
        logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                            stream=err, format="%(levelname)s %(name)s: %(message)s")
        if args.demo:
            from core.demo_session import start_demo

            demo = start_demo()
            server, key = demo.server, demo.api_key
            err.write(f"DEMO: using the built-in demo server at {demo.handle.root_url}\n")
        else:
            server = _server(args)
            key = "" if args.command in ("login", "logout") else _api_key(server)
        if args.command == "login":
            if demo:
                raise UsageError("The demo server needs no login.")
            return _login(server, out, err)
        if args.command == "logout":
            CredentialStore().delete(server.key)
            err.write(f"Forgot the API key for {server.label}.\n")
            return EXIT_OK
        client = ClockifyClient(server, key)
        try:
            if args.command == "workspaces":
                return _workspaces(client, out)
            return _export(args, client, err, cancel)
        finally:
            client.close()
    except ExporterError as exc:
        err.write(f"error: {exc}\n")
        if exc.details:
            log.info("details: %s", exc.details)
        return exc.exit_code
    except KeyboardInterrupt:
        err.write("\nCancelled; no file was written.\n")
        return EXIT_CANCELLED
    except Exception as exc:  # the last line of defence: one line, no traceback
        log.debug("unexpected error", exc_info=True)
        err.write(f"error: unexpected problem ({type(exc).__name__}: {exc}). "
                  "Run again with -v and report it.\n")
        return EXIT_FAILURE
    finally:
        if demo:
            demo.stop()


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
