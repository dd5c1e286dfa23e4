"""How the window words what core reports: errors, progress, waits, durations and costs.

Core hands over structured facts (an error's `kind`, a Progress, a WaitInfo, a plan); this
module is the one place that turns them into sentences, through Qt's translator, so the
window speaks the user's language and every message is written once.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, assert_never

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from core.errors import (
    CredentialError,
    ErrorKind,
    ExporterError,
    IncompleteError,
    KeyringAction,
    KeyringProblem,
    NetworkError,
    OutputError,
    PlanLimitError,
    PlanProblem,
    ServerConfigError,
    ServerProblem,
)
from core.limits import (
    CLOCKIFY_PDF_MAX_ROWS,
    FREE_HOURLY_QUOTA,
    FREE_PLAN_NO_FILES,
    Plan,
    WaitInfo,
    WaitReason,
    is_free_plan,
    quota_wait_seconds,
    workspace_plan,
)
from core.notes import Note, NoteKind
from core.reports import WEEK_STARTS, ExportFormat, ReportKind
from core.windows import FREE_PLAN_MAX_DAYS

if TYPE_CHECKING:
    # Imported where an export or its plan is worded: core.planning (with core.render's
    # choice) is not needed by the window's first paint (~6 ms frozen).
    from core.planning import ExportPlan, ExportRequest, Progress, Verification
    from core.servers import Server


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # Module-level tr(): lupdate files these strings under the empty context
    # (scripts/translations.py passes -tr-function-alias tr+=_tr).
    return QCoreApplication.translate("", text, disambiguation, n)


def count(number: int) -> str:
    """A whole number with the locale's digit grouping (1,234 or 1 234)."""
    return QLocale().toString(number)


def items(number: int) -> str:
    return _tr("%Ln item(s)", None, number)


def hhmm(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def duration(seconds: float) -> str:
    """A rough, readable duration: "40 s", "5 min", "2 h 10 min"."""
    seconds = max(0, round(seconds))
    if seconds < 90:
        return _tr("{n} s").format(n=seconds)
    minutes = round(seconds / 60)
    if minutes < 60:
        return _tr("{n} min").format(n=minutes)
    hours, minutes = divmod(minutes, 60)
    if not minutes:
        return _tr("{h} h").format(h=hours)
    return _tr("{h} h {m} min").format(h=hours, m=minutes)


def clock(seconds: float) -> str:
    """Elapsed time as a stopwatch shows it: 0:07, 12:34, 1:02:03."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# ---- errors ----------------------------------------------------------------------------

_TITLES = {
    ErrorKind.UNEXPECTED: QT_TRANSLATE_NOOP("", "Something unexpected went wrong"),
    ErrorKind.USAGE: QT_TRANSLATE_NOOP("", "Check your choices"),
    ErrorKind.SERVER_CONFIG: QT_TRANSLATE_NOOP("", "Server address"),
    ErrorKind.CREDENTIAL: QT_TRANSLATE_NOOP("", "Keyring"),
    ErrorKind.AUTH: QT_TRANSLATE_NOOP("", "API key not accepted"),
    ErrorKind.PERMISSION: QT_TRANSLATE_NOOP("", "Not allowed"),
    ErrorKind.PLAN: QT_TRANSLATE_NOOP("", "Not on this plan"),
    ErrorKind.NOT_FOUND: QT_TRANSLATE_NOOP("", "Wrong server"),
    ErrorKind.MISSING: QT_TRANSLATE_NOOP("", "Not found"),
    ErrorKind.REFUSED: QT_TRANSLATE_NOOP("", "Clockify refused the request"),
    ErrorKind.RATE_LIMIT: QT_TRANSLATE_NOOP("", "Rate limit"),
    ErrorKind.NETWORK: QT_TRANSLATE_NOOP("", "No connection"),
    ErrorKind.TIMEOUT: QT_TRANSLATE_NOOP("", "No answer in time"),
    ErrorKind.SERVER: QT_TRANSLATE_NOOP("", "Clockify server error"),
    ErrorKind.BROKEN_ANSWER: QT_TRANSLATE_NOOP("", "Broken answer"),
    ErrorKind.OUTPUT: QT_TRANSLATE_NOOP("", "Could not save the file"),
    ErrorKind.CANCELLED: QT_TRANSLATE_NOOP("", "Export cancelled"),
    ErrorKind.DATA: QT_TRANSLATE_NOOP("", "Clockify sent impossible data"),
    ErrorKind.INCOMPLETE: QT_TRANSLATE_NOOP("", "Entries missing"),
    ErrorKind.TOTALS: QT_TRANSLATE_NOOP("", "Totals do not add up"),
}


# core.servers.REGION_LABELS, marked for translation: the server list and every sentence
# that names a server say them alike.
_REGION_NAMES = {
    "global": QT_TRANSLATE_NOOP("", "Global"),
    "eu": QT_TRANSLATE_NOOP("", "EU (Germany)"),
    "us": QT_TRANSLATE_NOOP("", "USA"),
    "uk": QT_TRANSLATE_NOOP("", "UK"),
    "au": QT_TRANSLATE_NOOP("", "Australia"),
}


def region_name(region: str) -> str:
    """One of core.servers.REGION_LABELS in the window's language."""
    return _tr(str(_REGION_NAMES[region]))


def server_name(server: Server, demo: Server | None = None) -> str:
    """A server as the window names it: core's label with its words translated (`demo`:
    the built-in demo server, if this run has one)."""
    if demo is not None and server == demo:
        return _tr("Demo server ({address})").format(address=server.root_url)
    region = server.region or ("global" if server.kind == "global" else None)
    if region in _REGION_NAMES:
        return f"{region_name(region)} ({server.root_url.split('://', 1)[-1]})"
    return server.label  # a subdomain or an address: no words to translate


def error_title(error: ExporterError) -> str:
    return _tr(str(_TITLES[error.kind]))


def error_text(error: ExporterError) -> tuple[str, str]:
    """What happened and what to do, worded from the error's kind and fields."""
    kind = error.kind
    server = server_name(error.server) if error.server is not None else "Clockify"
    said = getattr(error, "server_message", "") or ""
    if kind is ErrorKind.NETWORK:
        return (_tr("Could not reach Clockify at {server}: the connection failed or was "
                    "dropped.").format(server=server),
                _tr("Check your internet connection, proxy or firewall, then try again."))
    if kind is ErrorKind.TIMEOUT:
        return (_tr("Clockify at {server} did not answer in time.").format(
                    server=server),
                _tr("Clockify may be busy: try again in a few minutes, or export a shorter "
                    "date range."))
    if kind is ErrorKind.SERVER:
        status = error.status if isinstance(error, NetworkError) else None
        return (_tr("Clockify at {server} had a server error (HTTP {status}), several times "
                    "in a row.").format(server=server, status=status or "5xx"),
                _tr("This is a problem on Clockify's side, not yours: try again in a few "
                    "minutes."))
    if kind is ErrorKind.BROKEN_ANSWER:
        return (_tr("Clockify's answers were cut short or garbled, several times in a row."),
                _tr("Try again; if it keeps happening, export a shorter date range."))
    if kind is ErrorKind.RATE_LIMIT:
        return (_tr("Clockify is limiting how fast requests may be sent, and the wait would "
                    "be longer than allowed."),
                _tr("Try again later, or export a shorter date range."))
    if kind is ErrorKind.REFUSED:
        return (_tr("Clockify refused the request as invalid: {reason}").format(
                    reason=said or error.message),
                _tr("Adjust the dates, filters or options and try again."))
    if kind is ErrorKind.PERMISSION:
        return (_tr("Clockify refused: {reason}").format(reason=said or error.message),
                _tr("Your role or your workspace's plan does not allow this report; ask a "
                    "workspace admin, or choose another report or format."))
    if kind is ErrorKind.AUTH:
        return (_tr("Clockify at {server} does not accept this API key.").format(server=server),
                _tr("API keys belong to one region or subdomain: check the server choice, "
                    "or create a new key in Clockify under Profile settings → API."))
    if kind is ErrorKind.NOT_FOUND:
        return (_tr("{server} does not look like the Clockify server of your "
                    "workspace.").format(server=server),
                _tr("Check the server choice: regional and subdomain workspaces have their "
                    "own servers."))
    if kind is ErrorKind.MISSING:
        return (_tr("Clockify could not find it: {reason}").format(reason=said or error.message),
                _tr("Check the workspace and filters."))
    if kind is ErrorKind.OUTPUT and isinstance(error, OutputError) and error.path is not None:
        return _output_text(error)
    if kind is ErrorKind.CANCELLED:
        return _tr("Nothing was saved."), ""
    if kind is ErrorKind.INCOMPLETE and isinstance(error, IncompleteError):
        return _incomplete_text(error)
    if kind is ErrorKind.DATA:
        # Core's sentence names the value and where it was: in English, so in the details.
        return (_tr("Clockify sent a value that cannot be right (see the details), so the "
                    "export stopped."),
                _tr("Nothing was saved. Try again; if it keeps happening, copy the details "
                    "and send them to support."))
    if kind is ErrorKind.TOTALS:
        return (_tr("The file built from the report does not add up to Clockify's totals, "
                    "so it was not saved."),
                _tr("Try again; if it happens again, export JSON and copy the details to "
                    "support."))
    if kind is ErrorKind.UNEXPECTED:
        return (_tr("Something unexpected went wrong."),
                _tr("Please try again. If it keeps happening, copy the details and send them "
                    "to support."))
    if isinstance(error, ServerConfigError) and error.reason is not None:
        return _server_text(error, error.reason)
    if isinstance(error, CredentialError) and error.reason is not None:
        return _keyring_text(error, error.reason)
    if isinstance(error, PlanLimitError):
        return _plan_limit_text(error)
    # What the window never produces keeps core's sentence: usage errors (the panels check
    # dates, time zone and options first, in their own words), unknown regions or server
    # settings (the window offers only valid ones) and the command line's key sources.
    return error.message, error.hint


def _server_text(error: ServerConfigError, reason: ServerProblem) -> tuple[str, str]:
    # `address` and `host` come from the user or the server: core has escaped control
    # characters, and the labels showing this are plain text.
    address = error.address
    server = server_name(error.server) if error.server is not None else ""
    if reason is ServerProblem.SUBDOMAIN:
        hint = _tr("Enter only the first part of your workspace address, e.g. acme for "
                   "acme.clockify.me.")
        if not address:
            return _tr("Enter your workspace's subdomain."), hint
        return _tr("'{address}' is not a valid Clockify subdomain.").format(
            address=address), hint
    if reason is ServerProblem.NOT_AN_ADDRESS:
        example = _tr("Enter a full address such as https://clockify.example.com.")
        if not address:
            return _tr("Enter the server's address."), example
        return _tr("'{address}' is not a server address.").format(address=address), example
    if reason is ServerProblem.UNSAFE_CHARACTERS:
        return (_tr("'{address}' is not a usable server address: it contains a space, a "
                    "backslash, an '@', a control or a non-ASCII character.").format(
                    address=address),
                _tr("Enter a plain address such as https://clockify.example.com (for an "
                    "international domain name, its xn-- form)."))
    if reason is ServerProblem.BAD_HOST_OR_PORT:
        return (_tr("'{address}' is not a server address: the host or the port is not "
                    "valid.").format(address=address),
                _tr("Enter a full address such as https://clockify.example.com:8443; ports "
                    "go from 1 to 65535."))
    if reason is ServerProblem.PORT_RANGE:
        return (_tr("'{address}' has port {port}; ports go from 1 to 65535.").format(
                    address=address, port=error.port),
                _tr("Check the port number after the ':'."))
    if reason is ServerProblem.PLAIN_HTTP:
        return (_tr("Refusing plain HTTP to {host}: your API key would be sent "
                    "unencrypted.").format(host=error.host),
                _tr("Use an https:// address (plain http is allowed only for this computer, "
                    "127.0.0.1 or localhost)."))
    if reason is ServerProblem.QUERY_OR_FRAGMENT:
        return (_tr("'{address}' has a query or a fragment (a part after '?' or '#').").format(
                    address=address),
                _tr("Enter only the server's root address."))
    if reason is ServerProblem.REDIRECT:
        text = (_tr("{server} answered with a redirect to {host}.").format(
                    server=server, host=error.host) if error.host else
                _tr("{server} answered with a redirect.").format(server=server))
        return (text + " " + _tr("The app does not follow redirects, so your API key stays "
                                 "with the server you chose."),
                _tr("Check the server address: it should be the Clockify server itself."))
    if reason is ServerProblem.OTHER_HOST:
        text = (_tr("Refusing to send the API key to {host}: it is not {server}.").format(
                    host=error.host, server=server) if error.host else
                _tr("Refusing to send the API key to an address that is not {server}.").format(
                    server=server))
        return text, _tr("This is a bug or a server that redirects elsewhere; check the "
                         "server address.")
    assert_never(reason)


def _keyring_text(error: CredentialError, reason: KeyringProblem) -> tuple[str, str]:
    if reason is KeyringProblem.UNAVAILABLE:
        return (_tr("No system keyring is available on this computer, so the API key cannot "
                    "be remembered."),
                _tr("The key is kept for this session only. On Linux, install and unlock a "
                    "Secret Service keyring (e.g. GNOME Keyring or KWallet) to have it "
                    "remembered."))
    if reason is KeyringProblem.LOCKED:
        return (_tr("The system keyring is locked."),
                _tr("Unlock your keyring (password manager) and try again; until then the key "
                    "is kept for this session only."))
    if reason is KeyringProblem.FAILED:
        texts = {
            KeyringAction.READ: _tr("The system keyring could not read the API key."),
            KeyringAction.STORE: _tr("The system keyring could not store the API key."),
            KeyringAction.DELETE: _tr("The system keyring could not delete the API key."),
        }
        # Core names the action of every failure; without one, its sentence is all there is.
        text = texts[error.action] if error.action is not None else error.message
        return text, _tr("The key is kept for this session only.")
    assert_never(reason)


def _plan_limit_text(error: PlanLimitError) -> tuple[str, str]:
    if error.reason is PlanProblem.FREE_FORMAT:
        return (_tr("Clockify makes no {format} files on the Free plan.").format(
                    format=ExportFormat(error.export_format).label),
                _tr("Choose this app's layout (or Automatic), which builds the file from the "
                    "JSON report, or upgrade the workspace's plan."))
    assert_never(error.reason)


def _incomplete_text(error: IncompleteError) -> tuple[str, str]:
    hint = _tr("Nothing was saved. Try again; if it keeps happening, export a shorter date "
               "range.")
    if error.expected is None:
        return (_tr("Clockify sent the same page again instead of new entries: it seems to "
                    "ignore paging, so the export stopped after %Ln entries.", None,
                    error.received), hint)
    return (_tr("Clockify counted %Ln entries but sent only {received} different ones.",
                None, error.expected).format(received=count(error.received)), hint)


def _output_text(error: OutputError) -> tuple[str, str]:
    path = str(error.path)
    reasons = {
        errno.ENOSPC: _tr("The disk is full."),
        errno.EACCES: _tr("You have no permission to write there."),
        errno.EPERM: _tr("You have no permission to write there."),
        errno.EROFS: _tr("The drive is read-only."),
        errno.ENOENT: _tr("The folder does not exist."),
    }
    reason = reasons.get(error.errno or 0, error.message)
    hint = (_tr("Free some space or save to another drive; nothing was saved.")
            if error.errno == errno.ENOSPC else _tr("Choose another folder; nothing was saved."))
    return _tr("Could not save {path}. {reason}").format(path=path, reason=reason), hint


def error_line(error: ExporterError) -> str:
    """The error as one line, for a status label."""
    text, hint = error_text(error)
    return f"{text} {hint}".strip()


def error_details(error: ExporterError) -> str:
    """Everything known about an error, for "Copy details" (in English: for support)."""
    parts = [error.title, error.message, error.hint, error.details]
    return "\n\n".join(p for p in parts if p)


# ---- waits, costs and progress ---------------------------------------------------------

def wait_text(info: WaitInfo) -> str:
    if info.reason == WaitReason.HOURLY_QUOTA:
        return _tr("Waiting for the Free plan's hourly request limit: resuming at {time}. "
                   "You can cancel.").format(time=hhmm(info.resume_at))
    seconds = max(1, round(info.seconds_left))
    if info.reason == WaitReason.RATE_LIMIT:
        return _tr("Clockify asked to slow down (rate limit): resuming in %n s.", None, seconds)
    return _tr("Clockify did not answer properly: trying again in %n s.", None, seconds)


def cost_text(plan: ExportPlan, paged: bool, recent: Iterable[float] = ()) -> str:
    """What an export will cost in requests, and on the Free plan how long it will take
    (`recent`: how many seconds ago this app's requests of the last hour to the workspace
    started; the quota counts them too)."""
    n = plan.min_requests
    if paged:
        text = _tr("Requests needed: at least %Ln (one more per 1,000 entries).", None, n)
    else:
        text = _tr("Requests needed: %Ln.", None, n)
    if not plan.free_plan:
        return text
    wait = quota_wait_seconds(n, recent)
    if wait > 0:
        return text + " " + _tr(
            "This takes about {time}: the Free plan allows %n requests an hour.", None,
            FREE_HOURLY_QUOTA).format(time=duration(wait))
    return text + " " + _tr("The Free plan allows %n requests an hour.", None,
                            FREE_HOURLY_QUOTA)


def progress_text(progress: Progress) -> str:
    """What the export is doing now (the wait line and the bar say the rest)."""
    from core.planning import Phase  # loaded with the Progress's module

    phase = progress.phase
    if phase is Phase.PLANNING:
        return _tr("Preparing…")
    if phase is Phase.WRITING:
        return _tr("Writing the file…")
    if phase is Phase.DONE:
        return _tr("Finishing…")
    parts = []
    if progress.windows > 1:
        parts.append(_tr("Date range {i} of {n}.").format(i=progress.window, n=progress.windows))
    if progress.entries_expected is not None:
        written = _tr("{written} of %Ln entries written", None,
                      progress.entries_expected).format(
            written=count(progress.entries_written))
    else:
        written = _tr("%Ln item(s) written", None, progress.entries_written)
    if progress.pages_planned > 1:
        written += ", " + _tr("page {done} of {planned}").format(
            done=count(progress.pages_done), planned=count(progress.pages_planned))
    parts.append(written + ", " + _tr("%Ln request(s) sent.", None, progress.requests_done))
    return " ".join(parts)


def progress_fraction(progress: Progress) -> float | None:
    """How far the export is: by entries once Clockify has counted them, else by requests
    (None: nothing to go by yet)."""
    if progress.entries_expected:
        return min(1.0, progress.entries_written / progress.entries_expected)
    if progress.requests_planned > 1 or progress.requests_done:
        return progress.requests_done / max(progress.requests_planned, progress.requests_done)
    return None


def time_text(elapsed: float, fraction: float | None) -> str:
    """Elapsed time, and an estimate of what is left once there is a rate to go by."""
    text = _tr("Elapsed {time}").format(time=clock(elapsed))
    if fraction is not None and 0.02 <= fraction < 1 and elapsed >= 2:
        left = elapsed * (1 - fraction) / fraction
        text += " · " + _tr("about {time} left").format(time=duration(left))
    return text


def plan_notes(plan: ExportPlan, request: ExportRequest) -> list[str]:
    """What the user should know about the export before it starts."""
    from core.render.choice import CLOCKIFY_PDF_NOTE  # loaded with the plan's module

    notes = []
    first, last = plan.windows[0].start, plan.windows[-1].end
    if request.kind is ReportKind.WEEKLY and (first, last) != (request.start, request.end):
        day = QLocale().standaloneDayName(WEEK_STARTS.index(request.options.week_start) + 1)
        notes.append(_tr("Weekly reports cover whole weeks starting on {day}: the export runs "
                         "from {start} to {end}.").format(day=day, start=first.isoformat(),
                                                         end=last.isoformat()))
    if plan.render.local:
        notes.append(_tr("This app builds one {format} file from Clockify's JSON report: "
                         "every entry, on any plan.").format(format=request.fmt.label))
    if CLOCKIFY_PDF_NOTE in plan.notes:
        notes.append(_pdf_cap_text())
    if plan.per_window_files:
        notes.append(_tr("The range needs %n requests, and Clockify's {format} files cannot "
                         "be joined, so there is one file per date range, named after it.",
                         None, len(plan.windows)).format(format=request.fmt.label))
    return notes


def _pdf_cap_text() -> str:
    return _tr("Clockify's own PDFs stop at {rows} rows; a longer report is cut there (choose "
               "this app's layout for every row).").format(rows=count(CLOCKIFY_PDF_MAX_ROWS))


def note_text(note: str) -> str:
    """A note of core's, in the user's language when core says what it is about."""
    if not isinstance(note, Note):
        return note
    if note.kind is NoteKind.PDF_TOO_LONG:
        rows = note.values.get("rows")
        if rows is None:
            return _tr("Clockify's PDF stops at {cap} rows and did not say how many this "
                       "report has, so this app built the complete PDF from the JSON "
                       "report.").format(cap=count(CLOCKIFY_PDF_MAX_ROWS))
        return _tr("Clockify's PDF stops at {cap} rows and this report has %Ln, so this app "
                   "built the complete PDF from the JSON report.", None, rows).format(
            cap=count(CLOCKIFY_PDF_MAX_ROWS))
    if note.kind is NoteKind.AMOUNTS_HIDDEN:
        return _tr("Clockify does not show amounts to your role, so this export has no "
                   "amounts.")
    if note.kind is NoteKind.RANGE_SPLIT:
        return _tr("Clockify allows at most %n days per request for this workspace, so the "
                   "range was fetched in smaller parts.", None, int(note.values["days"]))
    assert_never(note.kind)


# ---- results ---------------------------------------------------------------------------

def hours(seconds: float) -> str:
    """A total time as Clockify's reports show it: 612:03 h (no digit grouping: 2480:31)."""
    minutes = round(seconds / 60)
    return _tr("{time} h").format(time=f"{minutes // 60}:{minutes % 60:02d}")


def money(cents: float, currency: str) -> str:
    return f"{QLocale().toString(cents / 100, 'f', 2)} {currency}"


def verification_text(verification: Verification) -> str:
    """What the export checked, on one line: entries against Clockify's count, totals,
    requests."""
    written, expected = verification.entries_written, verification.entries_expected
    if written is None:
        parts = [_tr("Clockify's own file, saved as Clockify made it: its entries are not "
                     "read, so they were not counted")]
    elif expected is not None:
        parts = [_tr("Verified: {written} of %Ln entries Clockify counted", None,
                     expected).format(written=count(written))]
    else:
        parts = [_tr("%Ln item(s) written", None, written)]
    totals = verification.totals
    if isinstance(totals.get("totalTime"), int | float):
        parts.append(_tr("total {time}").format(time=hours(totals["totalTime"])))
    if totals.get("totalBillableTime"):
        parts.append(_tr("billable {time}").format(time=hours(totals["totalBillableTime"])))
    amounts = totals.get("amountByCurrency")
    if isinstance(amounts, dict) and amounts:
        parts.append(", ".join(money(cents, code) for code, cents in sorted(amounts.items())
                               if isinstance(cents, int | float)))
    parts.append(_tr("%Ln request(s)", None, verification.requests))
    return " · ".join(parts)


# ---- plans -----------------------------------------------------------------------------

# Clockify's plan tiers, as its plan codes start ("PRO_YEAR_2024" is the Pro plan).
_PLAN_NAMES = {
    "FREE": QT_TRANSLATE_NOOP("", "Free"),
    "BASIC": QT_TRANSLATE_NOOP("", "Basic"),
    "STANDARD": QT_TRANSLATE_NOOP("", "Standard"),
    "PRO": QT_TRANSLATE_NOOP("", "Pro"),
    "ENTERPRISE": QT_TRANSLATE_NOOP("", "Enterprise"),
}


def plan_name(workspace: dict[str, Any]) -> str:
    """A readable plan name: "Pro" for PRO_YEAR_2024; "" when Clockify does not say."""
    plan = workspace.get("featureSubscriptionType")
    if isinstance(plan, dict):
        plan = plan.get("addonSubscriptionPlan")
    code = str(plan or "").upper()
    for prefix, name in _PLAN_NAMES.items():
        if code.startswith(prefix):
            return _tr(str(name))
    return code.split("_")[0].title()


def plan_text(workspace: dict[str, Any]) -> str:
    """What the workspace's plan allows, from core's Free-plan rules."""
    if workspace_plan(workspace) is Plan.UNKNOWN:
        return _tr("Clockify does not say which plan this workspace is on, so this app keeps "
                   "to the Free plan's limits: at most {days} days per request and {quota} "
                   "requests per hour. Longer ranges are split automatically.").format(
            days=FREE_PLAN_MAX_DAYS, quota=FREE_HOURLY_QUOTA)
    if is_free_plan(workspace):
        blocked = " / ".join(fmt.label for fmt in ExportFormat
                            if fmt.value in FREE_PLAN_NO_FILES)
        return _tr("Free plan: at most {days} days per request and {quota} requests per hour; "
                   "Clockify makes no {formats} files, so this app builds them. Longer ranges "
                   "are split automatically.").format(
            days=FREE_PLAN_MAX_DAYS, quota=FREE_HOURLY_QUOTA, formats=blocked)
    name = plan_name(workspace)
    if not name:
        return _tr("Paid plan: every format, any date range.")
    return _tr("{plan} plan: every format, any date range.").format(plan=name)
