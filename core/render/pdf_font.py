"""A TrueType font embedded in a PDF as a Type0/CIDFontType2 font (Identity-H).

Text is written as glyph ids, so every character the font has prints as written (Latin
with accents, Greek, Cyrillic, Hebrew, Arabic letters); characters it lacks show the
font's placeholder glyph. The embedded font is subset to the glyphs used, keeping glyph
ids (`retain_gids`), so pages can be written before the font is. A ToUnicode map makes
the text searchable and extractable.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont


class PdfFont:
    def __init__(self, path: Path, tag: str) -> None:
        self.path = path
        font = TTFont(str(path), lazy=True)
        self._cmap = font.getBestCmap()
        self._hmtx = font["hmtx"]
        self._gid = font.getGlyphID
        self._per_em = font["head"].unitsPerEm
        head, hhea, os2 = font["head"], font["hhea"], font["OS/2"]
        scale = 1000 / self._per_em
        self.ascent = round(hhea.ascent * scale)
        self.descent = round(hhea.descent * scale)
        self.cap_height = round(getattr(os2, "sCapHeight", hhea.ascent * 0.7) * scale)
        self.bbox = [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)]
        self.italic_angle = float(font["post"].italicAngle)
        # Subset fonts are named with a six-letter tag (PDF 32000 §9.6.4).
        self.name = f"{tag}+{font['name'].getDebugName(6) or path.stem}"
        # char → (4 hex digits of the glyph id, advance in 1/1000 em)
        self._chars: dict[str, tuple[str, float]] = {}
        self.used: dict[int, int] = {}  # glyph id → a code point it shows
        self.widths: dict[int, int] = {}

    def _glyph(self, ch: str) -> tuple[str, float]:
        code = ord(ch)
        name = self._cmap.get(code)
        if name is None:
            gid, advance = 0, self._hmtx[".notdef"][0] if ".notdef" in self._hmtx.metrics \
                else self._per_em // 2
        else:
            gid, advance = self._gid(name), self._hmtx[name][0]
        width = advance * 1000 / self._per_em
        self.used.setdefault(gid, code)
        self.widths[gid] = round(width)
        glyph = self._chars[ch] = (f"{gid:04X}", width)
        return glyph

    def width(self, text: str, size: float) -> float:
        """Width of `text` in points at `size`."""
        chars = self._chars
        total = 0.0
        for ch in text:
            glyph = chars.get(ch) or self._glyph(ch)
            total += glyph[1]
        return total * size / 1000

    def char_widths(self, text: str, size: float) -> list[float]:
        chars = self._chars
        return [(chars.get(ch) or self._glyph(ch))[1] * size / 1000 for ch in text]

    def encode(self, text: str) -> bytes:
        """`<00240035…>`: the hex string of glyph ids for a content stream."""
        chars = self._chars
        return ("<" + "".join((chars.get(ch) or self._glyph(ch))[0] for ch in text)
                + ">").encode("ascii")

    # ---- embedding -------------------------------------------------------------------

    def font_file(self) -> bytes:
        """The TrueType font subset to the used glyphs, glyph ids unchanged."""
        options = subset.Options()
        options.retain_gids = True
        options.notdef_outline = True
        options.hinting = False
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "DSIG"]
        font = TTFont(str(self.path))
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=sorted(self.used | {0: 0}))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()

    def width_array(self) -> bytes:
        parts = [b"%d [%d]" % (gid, self.widths[gid]) for gid in sorted(self.widths)]
        return b"[" + b" ".join(parts) + b"]"

    def to_unicode(self) -> bytes:
        lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
                 b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                 b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
                 b"1 begincodespacerange", b"<0000> <FFFF>", b"endcodespacerange"]
        pairs = sorted((gid, code) for gid, code in self.used.items() if gid)
        for start in range(0, len(pairs), 100):  # at most 100 entries per block
            block = pairs[start:start + 100]
            lines.append(b"%d beginbfchar" % len(block))
            for gid, code in block:
                utf16 = chr(code).encode("utf-16-be").hex().upper().encode("ascii")
                lines.append(b"<%04X> <%s>" % (gid, utf16))
            lines.append(b"endbfchar")
        lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end",
                  b"end"]
        return b"\n".join(lines)


def deflate(data: bytes) -> bytes:
    return zlib.compress(data, 6)
