"""Notes of an export that front ends word themselves.

A note is plain English for the CLI, the log and the manifest; a `Note` also says what it
is about (`kind` and `values`), so the window can say it in the user's language instead of
showing core's English sentence.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class NoteKind(StrEnum):
    PDF_TOO_LONG = "pdf-too-long"  # rows: Clockify's count (None: not stated)
    AMOUNTS_HIDDEN = "amounts-hidden"  # the role may not see amounts: none exported
    RANGE_SPLIT = "range-split"  # days: the longest range Clockify allowed per request


class Note(str):
    """An English note that also carries its kind and values (it compares as its text)."""

    kind: NoteKind
    values: dict[str, Any]

    def __new__(cls, kind: NoteKind, text: str, **values: Any) -> Note:
        note = super().__new__(cls, text)
        note.kind = kind
        note.values = values
        return note
