"""`clockify-exporter-cli`: the headless command line over the same export engine.

The API key comes from `CLOCKIFY_API_KEY` or the OS keyring, never from an argument (it
would show in process lists and shell history). Progress goes to stderr, data only to
`--output`, and each kind of failure has its own exit code (see `core.errors`). Text from
the server is printed only through `core.terminal.clean_text`.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO, cast

from core import APP_NAME, __version__, cli_filters
from core.bodies import Filters, IdFilter, ReportOptions
from core.cli_help import EPILOG, CliParser
from core.cli_input import (
    ENV_KEY,
    FORMATS,
    MAX_DAYS_PER_REQUEST,
    PROG,
    api_key,
    check_export_args,
    date_arg,
    days_arg,
    not_empty_arg,
    pick,
    seconds_arg,
)
from core.client import ClockifyClient
from core.credentials import CredentialStore, check_api_key
from core.errors import (
    EXIT_CANCELLED,
    EXIT_FAILURE,
    EXIT_OK,
    CredentialError,
    ExporterError,
    UsageError,
)
from core.export import ExportJob, check_output
from core.limits import Plan, is_free_plan, workspace_plan
from core.manifest import verification_summary
from core.planning import ExportRequest
from core.ratelimit import Pacer
from core.render.settings import CsvSettings, Renderer
from core.reports import SORT_ORDERS, SUMMARY_GROUPS, WEEKLY_GROUPS, ExportFormat, ReportKind
from core.servers import REGIONS, Server, custom_server, region_server, subdomain_server
from core.terminal import (
    CleanFormatter,
    ProgressPrinter,
    SafeStream,
    Stopped,
    clean_text,
    stop_on_signals,
)
from core.windows import Preset, preset_range

log = logging.getLogger(__name__)

_DELIMITERS = {"comma": ",", "semicolon": ";"}


def build_parser() -> argparse.ArgumentParser:
    parser = CliParser(prog=PROG, description=f"{APP_NAME}: export complete Clockify reports.",
                     epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="use the built-in demo Clockify server (no account needed)")
    common = CliParser(add_help=False)
    where = common.add_argument_group("server").add_mutually_exclusive_group()
    where.add_argument("--server", type=not_empty_arg, metavar="URL",
                       help="custom server root (API at URL/api/v1, reports at URL/report/v1)"
                            " (default: Clockify's global server)")
    where.add_argument("--region", choices=["global", *REGIONS],
                       help="Clockify data region (default: global)")
    where.add_argument("--subdomain", type=not_empty_arg, metavar="NAME",
                       help="subdomain workspace, NAME.clockify.me (default: none)")
    common.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="use the built-in demo Clockify server (default: off)")
    common.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=CliParser)

    sub.add_parser("login", parents=[common], epilog=EPILOG,
                   help="check an API key and store it in the OS keyring",
                   description="Reads the API key from the terminal (hidden) or stdin.")
    sub.add_parser("logout", parents=[common], epilog=EPILOG,
                   help="forget the stored API key")
    sub.add_parser("workspaces", parents=[common], epilog=EPILOG,
                   help="list your workspaces")
    exp = sub.add_parser("export", parents=[common], epilog=EPILOG,
                         help="export a report to a file",
                         description="Export one report for a range of days to a file.")
    _add_what_options(exp.add_argument_group("what to export"))
    _add_output_options(exp.add_argument_group("output"))
    _add_filter_options(exp.add_argument_group("filters (default: everything)"))
    _add_layout_options(exp.add_argument_group("report layout"))
    _add_file_options(exp.add_argument_group("CSV, XLSX and PDF files"))
    _add_limit_options(exp.add_argument_group("limits"))
    return parser


def _add_what_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--workspace", type=not_empty_arg, metavar="NAME_OR_ID",
                       help="workspace name or id (default: your default workspace)")
    group.add_argument("--report", choices=[k.value for k in ReportKind], default="detailed",
                       help="which report")
    group.add_argument("--start", type=date_arg, metavar="YYYY-MM-DD",
                       help="first day, inclusive (default: none; give --end too)")
    group.add_argument("--end", type=date_arg, metavar="YYYY-MM-DD",
                       help="last day, inclusive (default: none; give --start too)")
    group.add_argument("--period", choices=[p.value for p in Preset],
                       help="a preset range instead of --start/--end (default: none)")
    group.add_argument("--time-zone", type=not_empty_arg, metavar="IANA",
                       help="time zone of the dates (default: your Clockify profile's)")


def _add_output_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--output", "-o", required=True, type=Path, metavar="PATH",
                       help=f"the file to write; its extension ({FORMATS}) sets the format "
                            "(required, no default)")
    group.add_argument("--format", choices=[f.value for f in ExportFormat],
                       help="output format; must match the extension when the name has one "
                            "(default: from the --output extension, else json)")
    group.add_argument("--manifest", action="store_true",
                       help="also write NAME.manifest.json beside the file: the export's "
                            "parameters, what was verified (entries against Clockify's count, "
                            "totals, requests), the app version and each file's SHA-256")


def _add_filter_options(group: argparse._ArgumentGroup) -> None:
    for name in ("project", "client", "user", "tag"):
        group.add_argument(f"--{name}", action="append", default=[], type=not_empty_arg,
                           metavar="NAME_OR_ID",
                           help=f"only this {name}; repeat for several (default: all)")
    billable = group.add_mutually_exclusive_group()
    billable.add_argument("--billable", dest="billable", action="store_const", const=True,
                          help="only billable entries (default: billable and non-billable)")
    billable.add_argument("--non-billable", dest="billable", action="store_const",
                          const=False, help="only non-billable entries (default: both)")
    group.add_argument("--description", default="",
                       help="only entries whose description contains this (default: any)")
    cli_filters.add_filter_options(group)


def _add_layout_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--group", action="append", choices=SUMMARY_GROUPS, default=[],
                       help="summary group level; repeat 1-3 times "
                            "(default: PROJECT, then TIMEENTRY)")
    group.add_argument("--weekly-group", choices=WEEKLY_GROUPS, default="USER",
                       help="rows of the weekly report")
    group.add_argument("--sort-order", choices=SORT_ORDERS, default="DESCENDING",
                       help="order of the entries")
    group.add_argument("--hide-amounts", action="store_true",
                       help="export without money amounts")
    cli_filters.add_layout_options(group)


def _add_file_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--render", choices=[r.value for r in Renderer], default="auto",
                       help="who lays out the file: 'local' = this app builds it from the "
                            "JSON report (any plan, one file, every row); 'clockify' = "
                            "Clockify's own file, as in the web app (no CSV/XLSX on the Free "
                            "plan, PDFs stop at 3,000 rows, one file per request); 'auto' = "
                            "Clockify's file only when it is complete (default: auto)")
    group.add_argument("--csv-delimiter", choices=list(_DELIMITERS), default="comma",
                       help="field separator of CSV files this app builds; semicolon is what "
                            "Excel expects in e.g. French or German settings (default: comma)")
    group.add_argument("--no-formula-escape", action="store_true",
                       help="do not prefix CSV cells starting with = + - @ with ' (the "
                            "escape stops spreadsheets running them as formulas; turn it off "
                            "when another program reads the CSV)")
    group.add_argument("--no-bom", action="store_true",
                       help="write CSV without the UTF-8 byte-order mark Excel needs")


def _add_limit_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--max-days", type=days_arg, metavar="N",
                       help=f"days per request, 1-{MAX_DAYS_PER_REQUEST} "
                            "(default: what the plan allows: 31 Free, 366 paid)")
    group.add_argument("--max-wait", type=seconds_arg, metavar="SECONDS",
                       help="longest wait for Clockify's rate limits before giving up, for "
                            "every request (default: as long as needed)")


def _server(args: argparse.Namespace) -> Server:
    if args.server:
        return custom_server(args.server)
    if args.subdomain:
        return subdomain_server(args.subdomain)
    return region_server(args.region or "global")


# ---- commands ----------------------------------------------------------------------------


def _ids(client: ClockifyClient, ws_id: str, what: str, wanted: list[str]) -> IdFilter:
    if not wanted:
        return IdFilter()
    listing = {"project": client.projects, "client": client.clients, "user": client.users,
               "tag": client.tags, "user group": client.user_groups}[what](ws_id)
    return IdFilter(tuple(str(pick(listing, w, what)["id"]) for w in wanted))


def _export_target(args: argparse.Namespace) -> tuple[ExportFormat, Path]:
    """The checks of an export that need no key and no request: options, file, folder."""
    fmt = check_export_args(args)
    output = args.output.expanduser().absolute()
    # The job checks this again before its first request; here it is also found before the
    # CLI's own requests (sign-in, workspace and name lookups).
    check_output(output, manifest=args.manifest)
    return fmt, output


def _export(args: argparse.Namespace, target: tuple[ExportFormat, Path],
            client: ClockifyClient, printer: ProgressPrinter, err: TextIO,
            cancel: threading.Event) -> int:
    fmt, output = target
    user = client.current_user()
    workspaces = client.workspaces()
    wanted = args.workspace or user.get("defaultWorkspace") or user.get("activeWorkspace")
    if not wanted:
        raise UsageError("Your Clockify profile has no default workspace.",
                         "Choose one with --workspace (see the 'workspaces' command).")
    workspace = pick(workspaces, str(wanted), "workspace")
    ws_id = str(workspace["id"])
    settings = user.get("settings") or {}
    if args.period:
        window = preset_range(Preset(args.period), date.today(),
                              str(settings.get("weekStart") or "MONDAY"))
        start, end = window.start, window.end
    else:
        start, end = args.start, args.end
    options = ReportOptions(
        sort_order=args.sort_order,
        summary_groups=tuple(args.group) or ReportOptions().summary_groups,
        weekly_group=args.weekly_group,
        **cli_filters.option_fields(args, str(settings.get("weekStart") or "MONDAY")),
    )
    if args.hide_amounts:
        options = replace(options, amount_shown="HIDE_AMOUNT", amounts=())
    projects = _ids(client, ws_id, "project", args.project)
    filters = Filters(
        projects=projects,
        tasks=cli_filters.task_ids(client, ws_id, projects, args.task),
        user_groups=_ids(client, ws_id, "user group", args.user_group),
        clients=_ids(client, ws_id, "client", args.client),
        users=_ids(client, ws_id, "user", args.user),
        tags=replace(_ids(client, ws_id, "tag", args.tag),
                     contains=cli_filters.TAG_MATCH[args.tag_match]),
        billable=args.billable,
        description=args.description,
        **cli_filters.filter_fields(args),
    )
    request = ExportRequest(
        workspace_id=ws_id, kind=ReportKind(args.report), fmt=fmt, start=start, end=end,
        output=output, time_zone=args.time_zone, filters=filters, options=options,
        max_days=args.max_days, max_wait=args.max_wait, manifest=args.manifest,
        renderer=Renderer(args.render),
        csv=CsvSettings(delimiter=_DELIMITERS[args.csv_delimiter], bom=not args.no_bom,
                        formula_escape=not args.no_formula_escape))
    job = ExportJob(client, request, printer, cancel, workspace=workspace,
                    profile_time_zone=settings.get("timeZone"), profile=settings)
    plan = job.plan()
    err.write(clean_text(
        f"Exporting {request.kind.label} report of '{workspace.get('name')}' "
        f"{start.isoformat()} to {end.isoformat()} ({plan.time_zone}) as "
        f"{fmt.label}: {plan.budget_text(request.kind)}.") + "\n")
    try:
        result = job.run()
    finally:
        printer.finish()
    for note in result.notes:
        err.write(clean_text(f"Note: {note}") + "\n")
    for path in result.files:
        err.write(clean_text(f"Saved {path}") + "\n")
    if result.verification is not None:
        err.write(verification_summary(result.verification, job.noun(), fmt.label) + "\n")
    return EXIT_OK


def _login(server: Server, out: TextIO) -> int:
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
    client = ClockifyClient(server, check_api_key(key))
    try:
        user = client.current_user()
    finally:
        client.close()
    store.set(server.key, key)
    out.write(clean_text(f"Signed in as {user.get('name')} <{user.get('email')}> on "
                         f"{server.label}; the key is stored in the system keyring.") + "\n")
    return EXIT_OK


def _workspaces(client: ClockifyClient, out: TextIO) -> int:
    user = client.current_user()
    default = user.get("defaultWorkspace")
    for ws in client.workspaces():
        plan = ("plan not stated: kept to Free limits" if workspace_plan(ws) is Plan.UNKNOWN
                else "Free" if is_free_plan(ws) else "paid")
        mark = "*" if ws.get("id") == default else " "
        out.write(clean_text(f"{mark} {ws.get('id')}  {ws.get('name')}  ({plan})") + "\n")
    return EXIT_OK


def run(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
        err: TextIO | None = None, cancel: threading.Event | None = None) -> int:
    """The CLI as a function: returns the exit code, never raises for expected errors."""
    out = out or sys.stdout
    err = cast(TextIO, SafeStream(err or sys.stderr))
    cancel = cancel or threading.Event()
    demo = None
    try:
        args = build_parser().parse_args(argv)
        handler = logging.StreamHandler(err)
        handler.setFormatter(CleanFormatter("%(levelname)s %(name)s: %(message)s"))
        logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                            handlers=[handler])
        target = _export_target(args) if args.command == "export" else None
        if args.demo:
            from core.demo_session import start_demo

            demo = start_demo()
            server, key = demo.server, demo.api_key
            err.write(f"DEMO: using the built-in demo server at {demo.handle.root_url}\n")
        else:
            server = _server(args)
            key = "" if args.command in ("login", "logout") else api_key(server)
        if args.command == "login":
            if demo:
                raise UsageError("The demo server needs no login.")
            return _login(server, out)
        if args.command == "logout":
            CredentialStore().delete(server.key)
            err.write(clean_text(f"Forgot the API key for {server.label}.") + "\n")
            return EXIT_OK
        printer = ProgressPrinter(err)
        # Every request of the command waits through this pacer, so --max-wait bounds and
        # the printer reports each wait, the lookups before the export included.
        pacer = Pacer(cancel, printer.wait, max_wait=getattr(args, "max_wait", None))
        client = ClockifyClient(server, key, pacer=pacer)
        try:
            if args.command == "workspaces":
                return _workspaces(client, out)
            assert target is not None
            return _export(args, target, client, printer, err, cancel)
        finally:
            client.close()
    except ExporterError as exc:
        err.write(clean_text(f"error: {exc}") + "\n")
        if exc.details:
            log.info("details: %s", exc.details)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        how = f" ({exc.name})" if isinstance(exc, Stopped) else ""
        err.write(f"\nCancelled{how}; no file was written.\n")
        return exc.exit_code if isinstance(exc, Stopped) else EXIT_CANCELLED
    except Exception as exc:  # the last line of defence: one line, no traceback
        log.debug("unexpected error", exc_info=True)
        err.write(clean_text(f"error: unexpected problem ({type(exc).__name__}: {exc}). "
                             "Run again with -v and report it.") + "\n")
        return EXIT_FAILURE
    finally:
        if demo:
            demo.stop()


def main() -> None:
    cancel = threading.Event()
    with stop_on_signals(cancel):
        try:
            code = run(cancel=cancel)
        except Stopped as exc:  # a signal during the last clean-up, outside run's handlers
            code = exc.exit_code
    sys.exit(code)


if __name__ == "__main__":
    main()
