"""Ideographic variation sequences (異体字セレクタ): a base character + U+E0100… selects a glyph.

Town registers write family names such as 葛󠄀 (U+845B U+E0100) or 辻󠄂 (U+8FBB U+E0102) with
a sequence, and the form must print the glyph the sequence selects, read from the fonts'
format-14 cmaps. reportlab looks glyphs up by code point only, so each sequence a font
has is given a private code point (Supplementary Private Use Area-B) whose glyph is the
selected one; the PDF's ToUnicode maps that code back to the whole sequence, so the text
layer keeps it for search and copy. A sequence that no font has is an error, never the
base glyph.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

# Standardized (FE00–FE0F) and ideographic (E0100–E01EF) variation selectors.
SELECTOR = "[\ufe00-\ufe0f\U000e0100-\U000e01ef]"
SELECTORS = re.compile(SELECTOR)
SEQUENCE = re.compile(f".{SELECTOR}", re.DOTALL)

# Plane 16 private use: no bundled font maps it, and names never need it.
_FIRST_PRIVATE_CODE = 0x10F000

_lock = threading.Lock()
_codes: dict[str, int] = {}  # sequence → private code, the same for every font
_sequences: dict[int, str] = {}  # private code → sequence, for ToUnicode


def is_selector(char: str) -> bool:
    return SELECTORS.fullmatch(char) is not None


def sequence_of(code: int) -> str | None:
    """The sequence a private code stands for, or None for an ordinary character."""
    return _sequences.get(code)


def describe(text: str) -> str:
    """'U+8FBB U+E0102' — how a clerk (or the IT contact) can look a sequence up."""
    return " ".join(f"U+{ord(char):04X}" for char in text)


class VariationTable:
    """One font's format-14 cmap: (base, selector) → glyph id, read with fontTools on first use.

    Most print runs have no sequence at all, so nothing is read until one appears.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._glyphs: dict[tuple[int, int], int] | None = None
        self._advances: dict[int, float] = {}

    def _load(self) -> dict[tuple[int, int], int]:
        from fontTools.ttLib import TTFont  # only when a name with a sequence is printed

        font = TTFont(str(self.path), lazy=True)
        best = font.getBestCmap()
        scale = 1000.0 / font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        glyphs: dict[tuple[int, int], int] = {}
        for table in font["cmap"].tables:
            if table.format != 14:
                continue
            for selector, entries in table.uvsDict.items():
                for base, name in entries:
                    glyph_name = name if name is not None else best.get(base)
                    if glyph_name is None:
                        continue
                    glyph = font.getGlyphID(glyph_name)
                    glyphs[(base, selector)] = glyph
                    self._advances[glyph] = metrics[glyph_name][0] * scale
        font.close()
        return glyphs

    def glyph(self, base: str, selector: str) -> int | None:
        if self._glyphs is None:
            self._glyphs = self._load()
        return self._glyphs.get((ord(base), ord(selector)))

    def advance(self, glyph: int) -> float:
        """Advance width in 1/1000 em, as reportlab keeps its widths."""
        return self._advances[glyph]


def private_code(sequence: str, face: Any, table: VariationTable, glyph: int) -> int:
    """The private code that draws `sequence` with `glyph` of this reportlab face.

    The code is taught to the face (charToGlyph, charWidths) so reportlab's subsetting
    embeds the selected glyph and measures it like any other character.
    """
    with _lock:
        code = _codes.get(sequence)
        if code is None:
            code = _FIRST_PRIVATE_CODE + len(_codes)
            _codes[sequence] = code
            _sequences[code] = sequence
        if face.charToGlyph.get(code) != glyph:
            face.charToGlyph[code] = glyph
            face.charWidths[code] = table.advance(glyph)
        return code
