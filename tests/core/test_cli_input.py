"""The CLI's input rules without a server: names, formats, numbers, keys and --help."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from core.cli import build_parser
from core.cli_input import days_arg, output_format, pick, seconds_arg
from core.credentials import check_api_key
from core.errors import EXIT_AUTH, AuthenticationError, UsageError
from core.reports import ExportFormat

NFC = unicodedata.normalize("NFC", "Büro Köln")
NFD = unicodedata.normalize("NFD", "Büro Köln")


def ws(wid: str, name: str) -> dict[str, Any]:
    return {"id": wid, "name": name}


# ---- names -------------------------------------------------------------------------------


def test_pick_by_id_first() -> None:
    items = [ws("abc", "Other"), ws("x", "abc")]
    assert pick(items, "abc", "workspace")["id"] == "abc"


@pytest.mark.parametrize(("stored", "typed"), [(NFC, NFD), (NFD, NFC), (NFD, NFD.upper())])
def test_pick_matches_any_unicode_form(stored: str, typed: str) -> None:
    assert pick([ws("1", stored), ws("2", "Else")], typed, "workspace")["id"] == "1"


def test_exact_name_wins_over_a_case_insensitive_one() -> None:
    items = [ws("lower", "acme"), ws("upper", "ACME"), ws("title", "Acme")]
    assert pick(items, "ACME", "workspace")["id"] == "upper"
    assert pick(items, "acme", "workspace")["id"] == "lower"
    with pytest.raises(UsageError, match="Several workspaces"):
        pick(items, "aCmE", "workspace")


def test_no_match_lists_the_known_names() -> None:
    with pytest.raises(UsageError) as info:
        pick([ws("1", "Alpha"), ws("2", "Beta")], "Gamma", "project")
    assert "No project 'Gamma'" in info.value.message and "Alpha, Beta" in info.value.hint


# ---- formats and numbers -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "given", "fmt"), [
    ("r.json", None, ExportFormat.JSON), ("r.CSV", None, ExportFormat.CSV),
    ("r.xlsx", "xlsx", ExportFormat.XLSX), ("report", None, ExportFormat.JSON),
    ("report", "pdf", ExportFormat.PDF),
])
def test_output_format(name: str, given: str | None, fmt: ExportFormat) -> None:
    assert output_format(Path(name), given) is fmt


@pytest.mark.parametrize(("name", "given", "words"), [
    ("r.docx", None, "not an export format"), ("r.json", "csv", "Name the file r.csv"),
    ("r.pdf", "xlsx", "does not fit"),
])
def test_output_format_refusals(name: str, given: str | None, words: str) -> None:
    with pytest.raises(UsageError) as info:
        output_format(Path(name), given)
    assert words in str(info.value)


@pytest.mark.parametrize("text", ["0", "1", "2.5", "86400", "1e3"])
def test_seconds_accepted(text: str) -> None:
    assert seconds_arg(text) == float(text)


@pytest.mark.parametrize("text", ["-1", "-0.5", "nan", "NaN", "inf", "-inf", "1e400", "", "x"])
def test_seconds_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        seconds_arg(text)


@pytest.mark.parametrize("text", ["0", "-1", "3661", "99999999999", "1.5", "²", "", " 3"])
def test_days_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        days_arg(text)


# ---- the API key rule (shared with the client) -------------------------------------------


@pytest.mark.parametrize("key", ["abc", "A1b2C3" * 8, "demo-key-zoe-admin-of-every-workspace"])
def test_usable_keys(key: str) -> None:
    assert check_api_key(key) == key


@pytest.mark.parametrize(("key", "words"), [
    ("ab\ncd", "line break"), ("ab\rcd", "line break"), ("ab cd", "a space"),
    ("ab\tcd", "a space"), ("ab\x00cd", "control character"), ("ab\x7fcd", "control"),
    ("schlüssel", "not plain ASCII"), ("ключ", "not plain ASCII"), ("", "empty"),
])
def test_unusable_keys_say_what_is_wrong_without_the_key(key: str, words: str) -> None:
    with pytest.raises(AuthenticationError) as info:
        check_api_key(key, "The API key in CLOCKIFY_API_KEY")
    text = str(info.value)
    assert words in text and text.startswith("The API key in CLOCKIFY_API_KEY")
    assert info.value.exit_code == EXIT_AUTH
    assert not key or key not in text


# ---- help --------------------------------------------------------------------------------


def parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found = {"": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


@pytest.mark.parametrize("command", ["", "login", "logout", "workspaces", "export"])
def test_help_gives_every_default_then_examples_and_exit_codes(command: str) -> None:
    parser = parsers()[command]
    text = parser.format_help()
    formatter = parser._get_formatter()
    for action in parser._actions:
        if not action.option_strings or action.dest in ("help", "version"):
            continue
        shown = formatter._expand_help(action)
        assert "default" in shown, f"{command} {action.option_strings}: {shown}"
    examples, codes = text.index("examples:"), text.index("exit codes:")
    assert examples < codes
    for code in ("0", "2", "3", "7", "129", "130", "143"):
        assert f"\n  {code:>3}  " in text[codes:]
