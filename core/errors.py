"""Typed errors: each carries a sentence a person understands and what to do next.

The CLI maps each class to its own exit code; the window shows `message` and `hint` and
keeps `details` for the "copy details" button. No error ever carries the API key.
"""

from __future__ import annotations

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

    def __init__(self, message: str, hint: str = "", *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ServerConfigError(ExporterError):
    """The server address or region is not one we can use."""

    exit_code = EXIT_USAGE
    title = "Server address"


class UsageError(ExporterError):
    """The request itself is incomplete or contradictory (bad dates, unknown workspace…)."""

    exit_code = EXIT_USAGE
    title = "Check your choices"


class CredentialError(ExporterError):
    """The OS keyring is missing, locked or failed."""

    exit_code = EXIT_AUTH
    title = "Keyring"


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
    ) -> None:
        super().__init__(message, hint, details=details)
        self.status = status
        self.code = code
        self.server_message = server_message


class AuthenticationError(ClockifyError):
    exit_code = EXIT_AUTH
    title = "API key not accepted"


class PermissionDeniedError(ClockifyError):
    """403: the plan or the user's role does not allow this report."""

    exit_code = EXIT_PLAN
    title = "Not allowed"


class PlanLimitError(ClockifyError):
    """The workspace's plan does not allow this (format, range, feature)."""

    exit_code = EXIT_PLAN
    title = "Plan limit"


class RequestRejectedError(ClockifyError):
    """400/501: Clockify refused the request as invalid."""

    exit_code = EXIT_REJECTED
    title = "Clockify rejected the request"


class NotFoundError(ClockifyError):
    """404: wrong host (code 3000) or an unknown workspace."""

    exit_code = EXIT_USAGE
    title = "Not found"


class RateLimitError(ClockifyError):
    """Clockify's rate limit would need a longer wait than the user allows."""

    exit_code = EXIT_RATE_LIMIT
    title = "Rate limit"


class NetworkError(ExporterError):
    """Connection failures, timeouts, 5xx and broken bodies that outlived every retry."""

    exit_code = EXIT_NETWORK
    title = "Connection problem"


class DataError(ExporterError):
    """Clockify's answer cannot be right: a value of an impossible shape (a NaN duration)."""

    exit_code = EXIT_DATA
    title = "Clockify sent data that does not add up"


class IncompleteError(DataError):
    """Fewer items arrived than Clockify counted, or pages repeated: nothing is saved."""

    def __init__(self, message: str, hint: str = "", *, expected: int | None,
                 received: int) -> None:
        super().__init__(message, hint)
        self.expected = expected
        self.received = received


class OutputError(ExporterError):
    """The file could not be written (disk full, no permission, bad path)."""

    exit_code = EXIT_OUTPUT
    title = "Could not save the file"


class CancelledError(ExporterError):
    exit_code = EXIT_CANCELLED
    title = "Cancelled"

    def __init__(self, message: str = "Export cancelled; no file was written.") -> None:
        super().__init__(message)
