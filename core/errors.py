"""Typed errors: each carries a sentence a person understands and what to do next.

The CLI maps each class to its own exit code and prints `message` and `hint`. The window
words each error itself, in the user's language, from its machine-readable `kind` and the
fields next to it (`status`, `path`, `server`, and a `reason` where one kind has
several causes), and keeps `details` for the "copy details" button. No error ever carries
the API key.
"""

from __future__ import annotations

import traceback
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # core.servers raises these errors: no import at run time
    from core.servers import Server


class ErrorKind(StrEnum):
    """What went wrong, for front ends that word errors themselves."""

    UNEXPECTED = "unexpected"
    USAGE = "usage"  # the choices themselves are wrong
    SERVER_CONFIG = "server-config"  # the server address or region
    CREDENTIAL = "credential"  # the OS keyring
    AUTH = "auth"  # the API key was not accepted
    PERMISSION = "permission"  # 403: role or plan
    PLAN = "plan"  # the plan does not allow it
    NOT_FOUND = "not-found"  # 404: wrong server address (code 3000)
    MISSING = "missing"  # 404: an unknown workspace or item
    REFUSED = "refused"  # 400/501: Clockify refused the request as invalid
    RATE_LIMIT = "rate-limit"
    NETWORK = "network"  # no connection, or the connection dropped
    TIMEOUT = "timeout"  # no answer in time
    SERVER = "server"  # Clockify answered with HTTP 5xx
    BROKEN_ANSWER = "broken-answer"  # an answer cut short or garbled
    OUTPUT = "output"  # the file could not be written
    CANCELLED = "cancelled"
    DATA = "data"  # Clockify sent a value that cannot be right (a NaN duration)
    INCOMPLETE = "incomplete"  # fewer items than Clockify counted, or repeated pages
    TOTALS = "totals"  # a file this app built does not add up to the report's totals


class ServerProblem(StrEnum):
    """Why a server address cannot be used (`ServerConfigError.reason`)."""

    SUBDOMAIN = "subdomain"  # `address` is not a valid subdomain
    UNSAFE_CHARACTERS = "unsafe-characters"  # a space, '\\', '@', control or non-ASCII
    NOT_AN_ADDRESS = "not-an-address"  # `address` is no http(s) address with a host
    BAD_HOST_OR_PORT = "bad-host-or-port"  # the host or port of `address` is not valid
    PORT_RANGE = "port-range"  # `port` of `address` is outside 1..65535
    PLAIN_HTTP = "plain-http"  # http:// to `host`, which is not this computer
    QUERY_OR_FRAGMENT = "query-or-fragment"  # `address` has a '?…' or '#…' part
    REDIRECT = "redirect"  # `server_label` answered with a redirect to `host`
    OTHER_HOST = "other-host"  # a request for `host`, outside `server_label`'s origins


class KeyringProblem(StrEnum):
    """What is wrong with the OS keyring (`CredentialError.reason`)."""

    UNAVAILABLE = "unavailable"  # no real keyring backend
    LOCKED = "locked"
    FAILED = "failed"  # the backend could not do `action`


class KeyringAction(StrEnum):
    """What was asked of the keyring (`CredentialError.action`); the value words core's
    sentence ("could not store the API key")."""

    READ = "read"
    STORE = "store"
    DELETE = "delete"


class PlanProblem(StrEnum):
    """What the workspace's plan does not allow (`PlanLimitError.reason`)."""

    FREE_FORMAT = "free-format"  # Clockify makes no `export_format` files on the Free plan


# Exit codes of `clockify-exporter-cli`, one per kind of failure.
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_PLAN = 4
EXIT_RATE_LIMIT = 5
EXIT_NETWORK = 6
EXIT_OUTPUT = 7
EXIT_REJECTED = 8
EXIT_DATA = 9
EXIT_CANCELLED = 130


class ExporterError(Exception):
    """Base of every error the app expects and explains."""

    exit_code = EXIT_FAILURE
    title = "Export failed"
    kind: ErrorKind = ErrorKind.UNEXPECTED
    # The server that was asked or chosen, for errors that name one: front ends word its
    # name themselves (gui/wording.server_name); `server_label` is core's English name.
    server: Server | None = None

    def __init__(self, message: str, hint: str = "", *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

    @property
    def server_label(self) -> str:
        return self.server.label if self.server is not None else ""

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross from the export process to the window (core.export_process) as
        # pickles. Exception's own pickling calls `cls(*args)`, which fails for errors
        # with required keyword fields: rebuild from the attributes instead.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: type[ExporterError], args: tuple[Any, ...],
             state: dict[str, Any]) -> ExporterError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


def unexpected_error(exc: BaseException) -> ExporterError:
    """An exception nobody expected, as an error a front end can show (traceback apart)."""
    details = "".join(traceback.format_exception(exc))
    # Kind UNEXPECTED: the window words it (gui/wording.py); these words are for the log.
    return ExporterError("Something unexpected went wrong.", details=details)


class ServerConfigError(ExporterError):
    """The server address or region is not one we can use.

    `reason` (None: only core's sentence says it, for what the window never offers) and the
    values its sentence names: `address` as typed (control characters escaped), `host`,
    `port`, and `server`, the server that was chosen.
    """

    exit_code = EXIT_USAGE
    title = "Server address"
    kind = ErrorKind.SERVER_CONFIG

    def __init__(self, message: str, hint: str = "", *, details: str = "",
                 reason: ServerProblem | None = None, address: str = "", host: str = "",
                 port: int | None = None, server: Server | None = None) -> None:
        super().__init__(message, hint, details=details)
        self.reason = reason
        self.address = address
        self.host = host
        self.port = port
        self.server = server


class UsageError(ExporterError):
    """The request itself is incomplete or contradictory (bad dates, unknown workspace…)."""

    exit_code = EXIT_USAGE
    title = "Check your choices"
    kind = ErrorKind.USAGE


class CredentialError(ExporterError):
    """The OS keyring is missing, locked or failed: `reason` (None: only core's sentence
    says it, for the command line's own cases) and, when it failed, the `action`."""

    exit_code = EXIT_AUTH
    title = "Keyring"
    kind = ErrorKind.CREDENTIAL

    def __init__(self, message: str, hint: str = "", *, details: str = "",
                 reason: KeyringProblem | None = None,
                 action: KeyringAction | None = None) -> None:
        super().__init__(message, hint, details=details)
        self.reason = reason
        self.action = action


class ClockifyError(ExporterError):
    """Clockify answered with an error body (`{"message", "code"}`)."""

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        status: int | None = None,
        code: int | None = None,
        server_message: str = "",
        details: str = "",
        server: Server | None = None,
    ) -> None:
        super().__init__(message, hint, details=details)
        self.status = status
        self.code = code
        self.server_message = server_message
        self.server = server  # where Clockify was asked


class AuthenticationError(ClockifyError):
    exit_code = EXIT_AUTH
    title = "API key not accepted"
    kind = ErrorKind.AUTH


class PermissionDeniedError(ClockifyError):
    """403: the plan or the user's role does not allow this report."""

    exit_code = EXIT_PLAN
    title = "Not allowed"
    kind = ErrorKind.PERMISSION


class PlanLimitError(ClockifyError):
    """The workspace's plan does not allow this: `reason` and the `export_format` (an
    ExportFormat value) it is about."""

    exit_code = EXIT_PLAN
    title = "Plan limit"
    kind = ErrorKind.PLAN

    def __init__(self, message: str, hint: str = "", *, reason: PlanProblem,
                 export_format: str, **kwargs: Any) -> None:
        super().__init__(message, hint, **kwargs)
        self.reason = reason
        self.export_format = export_format


class RequestRejectedError(ClockifyError):
    """400/501: Clockify refused the request as invalid."""

    exit_code = EXIT_REJECTED
    title = "Clockify rejected the request"
    kind = ErrorKind.REFUSED


class NotFoundError(ClockifyError):
    """404: wrong host (code 3000) or an unknown workspace."""

    exit_code = EXIT_USAGE
    title = "Not found"
    kind = ErrorKind.MISSING

    def __init__(self, message: str, hint: str = "", **kwargs: Any) -> None:
        super().__init__(message, hint, **kwargs)
        if self.code == 3000:  # the address answers, but it is not a Clockify server
            self.kind = ErrorKind.NOT_FOUND


class RateLimitError(ClockifyError):
    """Clockify's rate limit would need a longer wait than the user allows."""

    exit_code = EXIT_RATE_LIMIT
    title = "Rate limit"
    kind = ErrorKind.RATE_LIMIT


class NetworkError(ExporterError):
    """Connection failures, timeouts, 5xx and broken bodies that outlived every retry.

    `kind` says which of them (NETWORK, TIMEOUT, SERVER, BROKEN_ANSWER), `status` the last
    HTTP status of a server error and `server` where Clockify was asked.
    """

    exit_code = EXIT_NETWORK
    title = "Connection problem"

    def __init__(self, message: str, hint: str = "", *, details: str = "",
                 kind: ErrorKind = ErrorKind.NETWORK, status: int | None = None,
                 server: Server | None = None) -> None:
        super().__init__(message, hint, details=details)
        self.kind = kind
        self.status = status
        self.server = server


class DataError(ExporterError):
    """Clockify's answer cannot be right: a value of an impossible shape (a NaN duration)."""

    exit_code = EXIT_DATA
    title = "Clockify sent data that does not add up"
    kind = ErrorKind.DATA


class IncompleteError(DataError):
    """Fewer items arrived than Clockify counted, or pages repeated: nothing is saved."""

    kind = ErrorKind.INCOMPLETE

    def __init__(self, message: str, hint: str = "", *, expected: int | None,
                 received: int) -> None:
        super().__init__(message, hint)
        self.expected = expected
        self.received = received


class OutputError(ExporterError):
    """The file could not be written (disk full, no permission, bad path)."""

    exit_code = EXIT_OUTPUT
    title = "Could not save the file"
    kind = ErrorKind.OUTPUT

    def __init__(self, message: str, hint: str = "", *, details: str = "",
                 path: Path | None = None, errno: int | None = None) -> None:
        super().__init__(message, hint, details=details)
        self.path = path  # the file that could not be written, when known
        self.errno = errno  # the operating system's reason, when known


class CancelledError(ExporterError):
    exit_code = EXIT_CANCELLED
    title = "Cancelled"
    kind = ErrorKind.CANCELLED

    def __init__(self, message: str = "Export cancelled; no file was written.") -> None:
        super().__init__(message)
