"""Right-to-left text in visual order for PDF lines (a small subset of the Unicode bidi
algorithm: strong-direction runs, neutrals take the surrounding or base direction,
mirrored brackets). Arabic letters are not joined: they print in their isolated forms."""

from __future__ import annotations

import re
import unicodedata

_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")


def _strength(ch: str) -> int:
    """1 right-to-left, -1 left-to-right, 0 neutral (spaces, punctuation, digits)."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return 1
    return -1 if kind == "L" else 0


def visual(text: str) -> str:
    """`text` as it must be drawn left to right; unchanged when it has no RTL letters."""
    if not _RTL_CHARS.search(text):
        return text
    strengths = [_strength(ch) for ch in text]
    base = next((s for s in strengths if s), 1)
    # A neutral takes the direction of its neighbours when they agree, else the base.
    resolved = list(strengths)
    i = 0
    while i < len(text):
        if resolved[i]:
            i += 1
            continue
        j = i
        while j < len(text) and not strengths[j]:
            j += 1
        before = strengths[i - 1] if i else base
        after = strengths[j] if j < len(text) else base
        for k in range(i, j):
            resolved[k] = before if before == after else base
        i = j
    runs: list[tuple[int, str]] = []
    for ch, direction in zip(text, resolved, strict=True):
        if runs and runs[-1][0] == direction:
            runs[-1] = (direction, runs[-1][1] + ch)
        else:
            runs.append((direction, ch))
    # Numbers inside right-to-left text still read left to right.
    shown = [_DIGITS.sub(lambda m: m.group()[::-1], chunk[::-1].translate(_MIRROR))
             if direction == 1 else chunk for direction, chunk in runs]
    return "".join(reversed(shown) if base == 1 else shown)
