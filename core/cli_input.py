"""The CLI's input rules: argument types, options that contradict each other, the output
format, the API key's source, and matching names the way a person types them.

Each rule says what is wrong before any request is sent.
"""

from __future__ import annotations

import argparse
import math
import os
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from core.credentials import CredentialStore, check_api_key
from core.errors import CredentialError, UsageError
from core.reports import ExportFormat
from core.servers import Server
from core.windows import check_range, check_time_zone

PROG = "clockify-exporter-cli"
ENV_KEY = "CLOCKIFY_API_KEY"
# Days per request: far more than any plan needs, far less than what overflows a date.
MAX_DAYS_PER_REQUEST = 3660
FORMATS = ", ".join(f.extension for f in ExportFormat)


def date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def days_arg(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_DAYS_PER_REQUEST:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a whole number of days from 1 to {MAX_DAYS_PER_REQUEST}")
    return int(text)


def seconds_arg(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds (0 or more)")
    return value


def not_empty_arg(text: str) -> str:
    """A name, id, address or zone: an empty one would silently mean "the default"."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty value; leave the option out for its default")
    return text


def check_export_args(args: argparse.Namespace) -> ExportFormat:
    """Contradictions among the export options, found before anything is sent."""
    if args.period and (args.start or args.end):
        raise UsageError("--period and --start/--end say different things.",
                         "Give either --period or --start and --end.")
    if not args.period:
        if not (args.start and args.end):
            raise UsageError("Say which days to export.", "Give --start and --end, or --period.")
        check_range(args.start, args.end)
    if args.time_zone:
        check_time_zone(args.time_zone)
    return output_format(args.output, args.format)


def output_format(output: Path, given: str | None) -> ExportFormat:
    """The format from --format and the file's extension, which must agree."""
    suffix = output.suffix.lower().lstrip(".")
    if given:
        fmt = ExportFormat(given)
        if suffix and suffix != fmt.value:
            raise UsageError(f"--format {fmt.value} does not fit the file name '{output.name}'.",
                             f"Name the file {output.stem}{fmt.extension}, or leave out --format.")
        return fmt
    if not suffix:
        return ExportFormat.JSON
    if suffix not in {f.value for f in ExportFormat}:
        raise UsageError(f"'{output.name}' ends in .{suffix}, which is not an export format.",
                         f"End the name in one of {FORMATS}.")
    return ExportFormat(suffix)


def api_key(server: Server) -> str:
    key = os.environ.get(ENV_KEY, "").strip()
    if key:
        return check_api_key(key, f"The API key in {ENV_KEY}")
    try:
        key = CredentialStore().get(server.key) or ""
    except CredentialError as exc:
        raise CredentialError(exc.message, f"Set {ENV_KEY} instead.") from None
    if not key:
        raise CredentialError(
            f"No API key for {server.label}.",
            f"Run '{PROG} login' first, or set {ENV_KEY}.",
        )
    return check_api_key(key, "The API key in the system keyring")


def _same(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pick(items: list[dict[str, Any]], wanted: str, what: str) -> dict[str, Any]:
    """An item by id, else by name: exactly (Unicode-normalised, so NFC and NFD spellings
    match), else ignoring case; clear errors when none or several match."""
    for item in items:
        if item.get("id") == wanted:
            return item
    names = [(item, _same(str(item.get("name", "")))) for item in items]
    matches = [item for item, name in names if name == _same(wanted)]
    if not matches:
        folded = _same(_same(wanted).casefold())
        matches = [item for item, name in names if _same(name.casefold()) == folded]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"Several {what}s are named '{wanted}'.", "Use the id instead.")
    known = sorted(name for _, name in names)
    shown = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
    raise UsageError(f"No {what} '{wanted}'.", f"Known: {shown}." if known else "")
