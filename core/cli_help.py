"""The CLI's help: every option's default, examples, and the exit codes, in one place."""

from __future__ import annotations

import argparse
from typing import Any

from core.cli_input import ENV_KEY, PROG
from core.errors import (
    EXIT_AUTH,
    EXIT_CANCELLED,
    EXIT_FAILURE,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PLAN,
    EXIT_RATE_LIMIT,
    EXIT_REJECTED,
    EXIT_USAGE,
    UsageError,
)

EXIT_CODES = "\n".join(f"  {code:>3}  {text}" for code, text in (
    (EXIT_OK, "done"),
    (EXIT_FAILURE, "an unexpected problem (run again with -v and report it)"),
    (EXIT_USAGE, "wrong options, dates, names or server address"),
    (EXIT_AUTH, "no API key, a key Clockify refuses, or the keyring failed"),
    (EXIT_PLAN, "the workspace's plan or your role does not allow it"),
    (EXIT_RATE_LIMIT, "Clockify's rate limit needs a longer wait than --max-wait"),
    (EXIT_NETWORK, "Clockify could not be reached or kept failing"),
    (EXIT_OUTPUT, "the file could not be saved (nothing was written)"),
    (EXIT_REJECTED, "Clockify rejected the request"),
    (128 + 1, "stopped by SIGHUP (terminal closed); nothing was written"),
    (EXIT_CANCELLED, "cancelled with Ctrl+C; nothing was written"),
    (128 + 15, "stopped by SIGTERM; nothing was written"),
))
KEY_HELP = (f"The API key comes from the {ENV_KEY} environment variable, or from the\n"
            f"system keyring after '{PROG} login'.")
EXAMPLES = f"""\
examples:
  {PROG} login
  {PROG} workspaces
  {PROG} export --period last-month -o last-month.json
  {PROG} export --workspace "Acme Studio" --report summary --group PROJECT \\
      --group USER --start 2026-01-01 --end 2026-03-31 -o q1.xlsx
  {PROG} export --region eu --start 2025-01-01 --end 2025-12-31 \\
      --max-wait 120 -o 2025.csv
  {PROG} --demo export --period this-year -o demo.pdf"""


EPILOG = f"{EXAMPLES}\n\n{KEY_HELP}\n\nexit codes:\n{EXIT_CODES}"


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's layout and says every option's default: a switch is off unless
    given; a help text without one gets the value argparse holds."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if "default" in text or not action.option_strings or action.default is argparse.SUPPRESS:
            return text
        if action.nargs == 0:
            return f"{text} (default: off)"
        if action.default in (None, [], ""):
            return f"{text} (default: none)"
        return f"{text} (default: %(default)s)"


class CliParser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors share one exit path."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message.rstrip(".") + ".", f"See '{self.prog} --help'.")
