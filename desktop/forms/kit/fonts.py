"""Fonts for forms: IPAex明朝/ゴシック and IPAmj明朝, all bundled, chosen per character.

A character is drawn with the first font of the chain that has it. A character that no
font has stops the print with MissingGlyphError naming the character, record and field;
nothing is ever replaced or dropped silently.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop import fontfiles
from desktop.fontfiles import GOTHIC_FILE, MINCHO_FILE, find_ipamj
from desktop.forms.kit import unicode_cmap, variation
from desktop.i18n import _

MINCHO = "IPAexMincho"
GOTHIC = "IPAexGothic"
IPAMJ = "IPAmjMincho"

_lock = threading.Lock()
_registered: dict[str, TTFont] = {}
_variations: dict[str, variation.VariationTable] = {}


class MissingGlyphError(Exception):
    """No font in the chain can print a character or a variation sequence; the message says
    which (with its code points, since a clerk cannot see a missing glyph), where, and what to do."""

    def __init__(self, char: str, record: str, field: str) -> None:
        self.char, self.record, self.field = char, record, field
        super().__init__(_(
            "「{char}」（{codes}）を印刷できるフォントがありません（{record}の{field}）。"
            "この文字を持つフォントを ファイル → IPAmj明朝の場所を設定… で指定するか"
            "（コマンドでは --ipamj または環境変数 RENKEI_DESK_IPAMJ）、文字を確かめてください。"
            "印刷は中止しました。"
        ).format(char=char, codes=variation.describe(char), record=record or _("帳票"),
                 field=field or _("本文")))


@dataclass(frozen=True)
class Source:
    """Where a text comes from, so a missing character can be reported against its record and field."""

    record: str = ""
    field: str = ""


NO_SOURCE = Source()
_CONTROL_TO_SPACE = str.maketrans("\n\r\t", "   ")


def set_ipamj_path(path: Path | None, *, search_system: bool = True) -> None:
    """Points IPAmj明朝 elsewhere (see desktop.fontfiles); the next chain registers that file."""
    fontfiles.set_ipamj_path(path, search_system=search_system)
    with _lock:
        _registered.pop(IPAMJ, None)


def _register(name: str, path: Path) -> TTFont:
    font = TTFont(name, str(path))
    # registerFont keeps the first font of a name and silently ignores a later one, so a
    # new IPAmj path would never reach the canvas; the name must point at this file.
    pdfmetrics._fonts.pop(name, None)
    pdfmetrics._dynFaceNames.pop(font.face.name, None)
    pdfmetrics.registerFont(font)
    _variations[name] = variation.VariationTable(path)
    return font


def register_fonts() -> list[TTFont]:
    """Registers the chain once per process: [IPAex明朝, IPAexゴシック, IPAmj明朝]."""
    with _lock:
        unicode_cmap.install()
        if MINCHO not in _registered:
            _registered[MINCHO] = _register(MINCHO, fontfiles.bundled(MINCHO_FILE))
        if GOTHIC not in _registered:
            _registered[GOTHIC] = _register(GOTHIC, fontfiles.bundled(GOTHIC_FILE))
        if IPAMJ not in _registered:
            try:
                _registered[IPAMJ] = _register(IPAMJ, find_ipamj())
            except (OSError, TTFError):
                # An override that is not a readable TrueType file: the bundled copy prints instead.
                _registered[IPAMJ] = _register(IPAMJ, fontfiles.bundled_ipamj())
        return list(_registered.values())



class FontChain:
    """Splits text into runs, each in the first font of the chain that has every character of it."""

    def __init__(self, primary: str = MINCHO) -> None:
        register_fonts()
        order = [primary] + [n for n in (MINCHO, GOTHIC, IPAMJ) if n != primary]
        self.names = [n for n in order if n in _registered]
        self._cmaps = [_registered[n].face.charToGlyph for n in self.names]
        self._faces = {n: _registered[n].face for n in self.names}
        self._tables = [(n, _variations[n]) for n in self.names]
        self._cache: dict[str, str | None] = {}
        self._widths: dict[str, float] = {}  # character → width at 1 pt
        self._text_widths: dict[str, float] = {}  # text → width at 1 pt
        self._runs: dict[str, list[tuple[str, str]]] = {}
        # (text, size, width) → wrapped lines, kept by forms.kit.text.wrap: a batch wraps the
        # same cell values (a job, a period) on every page.
        self.wrapped: dict[tuple[str, float, float], tuple[str, ...]] = {}

    def font_for(self, char: str) -> str | None:
        if char in self._cache:
            return self._cache[char]
        code = ord(char)
        found = next((name for name, cmap in zip(self.names, self._cmaps, strict=True) if code in cmap), None)
        self._cache[char] = found
        return found

    def encode(self, text: str, source: Source = NO_SOURCE) -> str:
        """Text as it is drawn: each variation sequence becomes the private code of its glyph.

        Raises MissingGlyphError naming the sequence when no font of the chain has it, and for
        a selector with no character before it; a sequence never prints as its base alone.
        """
        if variation.SELECTORS.search(text) is None:
            return text

        def glyph_code(match: re.Match[str]) -> str:
            sequence = match.group(0)
            for name, table in self._tables:
                glyph = table.glyph(sequence[0], sequence[1])
                if glyph is not None:
                    return chr(variation.private_code(sequence, self._faces[name], table, glyph))
            raise MissingGlyphError(sequence, source.record, source.field)

        encoded = variation.SEQUENCE.sub(glyph_code, text)
        stray = variation.SELECTORS.search(encoded)
        if stray is not None:
            raise MissingGlyphError(stray.group(0), source.record, source.field)
        return encoded

    def runs(self, text: str, source: Source = NO_SOURCE) -> list[tuple[str, str]]:
        """(font, text) runs; cached per text, since a form repeats the same cells page after page.
        The returned list is shared: callers read it, never change it."""
        cached = self._runs.get(text)
        if cached is not None:
            return cached
        drawn = self.encode(text, source).translate(_CONTROL_TO_SPACE)
        runs: list[tuple[str, str]] = []
        for font, chars in groupby(drawn, key=self.font_for):
            run = "".join(chars)
            if font is None:
                raise MissingGlyphError(run[0], source.record, source.field)
            runs.append((font, run))
        self._runs[text] = runs
        return runs

    def width(self, text: str, size: float, source: Source = NO_SOURCE) -> float:
        """Width in points; widths are cached per text and per character (layout asks thousands of times)."""
        per_point = self._text_widths.get(text)
        if per_point is None:
            per_point = sum(self._char_width(char, source) for char in self.encode(text, source))
            self._text_widths[text] = per_point
        return per_point * size

    def _char_width(self, char: str, source: Source) -> float:
        per_point = self._widths.get(char)
        if per_point is None:
            drawn = " " if char in "\n\r\t" else char
            font = self.font_for(drawn)
            if font is None:
                raise MissingGlyphError(char, source.record, source.field)
            per_point = self._faces[font].getCharWidth(ord(drawn)) / 1000.0
            self._widths[char] = per_point
        return per_point

    def check(self, text: str, source: Source) -> None:
        """Raises MissingGlyphError now, before any page is laid out."""
        self.runs(text, source)
