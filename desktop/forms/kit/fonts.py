"""Fonts for forms: IPAex明朝/ゴシック and IPAmj明朝, all bundled, chosen per character.

A character is drawn with the first font of the chain that has it. A character that no
font has stops the print with MissingGlyphError naming the character, record and field;
nothing is ever replaced or dropped silently.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.forms.kit import unicode_cmap
from desktop.i18n import _
from desktop.paths import resources_dir

MINCHO = "IPAexMincho"
GOTHIC = "IPAexGothic"
IPAMJ = "IPAmjMincho"
IPAMJ_ENV = "RENKEI_DESK_IPAMJ"
IPAMJ_FILE = "ipamjm.ttf"

_lock = threading.Lock()
_registered: dict[str, TTFont] = {}
_ipamj_path_override: Path | None = None
_ipamj_search = True


class MissingGlyphError(Exception):
    """No font in the chain can print a character; the message says which, where and what to do."""

    def __init__(self, char: str, record: str, field: str) -> None:
        self.char, self.record, self.field = char, record, field
        super().__init__(_(
            "「{char}」（U+{code:04X}）を印刷できるフォントがありません（{record}の{field}）。"
            "IPAmj明朝をインストールするか、設定でフォントの場所を指定してください。印刷は中止しました。"
        ).format(char=char, code=ord(char), record=record or _("帳票"), field=field or _("本文")))


@dataclass(frozen=True)
class Source:
    """Where a text comes from, so a missing character can be reported against its record and field."""

    record: str = ""
    field: str = ""


NO_SOURCE = Source()
_CONTROL_TO_SPACE = str.maketrans("\n\r\t", "   ")


def set_ipamj_path(path: Path | None, *, search_system: bool = True) -> None:
    """A path set in the app (File menu, `--ipamj`) overrides the bundled copy; so does a system
    copy unless search_system=False. The bundled copy is always the last candidate."""
    global _ipamj_path_override, _ipamj_search
    _ipamj_path_override, _ipamj_search = path, search_system
    with _lock:
        _registered.pop(IPAMJ, None)


def _ipamj_candidates() -> Iterator[Path]:
    if _ipamj_path_override is not None:
        yield _ipamj_path_override
    if not _ipamj_search:
        return
    if os.environ.get(IPAMJ_ENV):
        yield Path(os.environ[IPAMJ_ENV])
    home = Path.home()
    folders = [
        Path("/usr/share/fonts/truetype/ipamj"), Path("/usr/share/fonts/opentype/ipamj"),
        Path("/usr/share/fonts/truetype"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
        home / ".fonts", Path("/Library/Fonts"), home / "Library/Fonts",
    ]
    windir = os.environ.get("WINDIR")
    if windir:
        folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft/Windows/Fonts")
    for folder in folders:
        yield folder / IPAMJ_FILE


def bundled_ipamj() -> Path:
    return resources_dir() / "fonts" / IPAMJ_FILE


def find_ipamj() -> Path | None:
    """The IPAmj明朝 in use: an override if one is set and exists, else the bundled copy."""
    return next((p for p in _ipamj_candidates() if p.is_file()), None) or _existing(bundled_ipamj())


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def _register(name: str, path: Path) -> TTFont:
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return font


def register_fonts() -> list[TTFont]:
    """Registers the chain once per process: [IPAex明朝, IPAexゴシック, IPAmj明朝 if found]."""
    with _lock:
        unicode_cmap.install()
        fonts_dir = resources_dir() / "fonts"
        if MINCHO not in _registered:
            _registered[MINCHO] = _register(MINCHO, fonts_dir / "ipaexm.ttf")
        if GOTHIC not in _registered:
            _registered[GOTHIC] = _register(GOTHIC, fonts_dir / "ipaexg.ttf")
        if IPAMJ not in _registered:
            path = find_ipamj()
            if path is not None:
                _registered[IPAMJ] = _register(IPAMJ, path)
        return list(_registered.values())



class FontChain:
    """Splits text into runs, each in the first font of the chain that has every character of it."""

    def __init__(self, primary: str = MINCHO) -> None:
        register_fonts()
        order = [primary] + [n for n in (MINCHO, GOTHIC, IPAMJ) if n != primary]
        self.names = [n for n in order if n in _registered]
        self._cmaps = [_registered[n].face.charToGlyph for n in self.names]
        self._faces = {n: _registered[n].face for n in self.names}
        self._cache: dict[str, str | None] = {}
        self._widths: dict[str, float] = {}  # character → width at 1 pt

    def font_for(self, char: str) -> str | None:
        if char in self._cache:
            return self._cache[char]
        code = ord(char)
        found = next((name for name, cmap in zip(self.names, self._cmaps, strict=True) if code in cmap), None)
        self._cache[char] = found
        return found

    def runs(self, text: str, source: Source = NO_SOURCE) -> list[tuple[str, str]]:
        text = text.translate(_CONTROL_TO_SPACE)
        fonts = [self.font_for(char) for char in text]
        if None in fonts:
            char = text[fonts.index(None)]
            raise MissingGlyphError(char, source.record, source.field)
        runs: list[tuple[str, str]] = []
        start = 0
        for index in range(1, len(text) + 1):
            if index == len(text) or fonts[index] != fonts[start]:
                runs.append((fonts[start], text[start:index]))  # type: ignore[arg-type]
                start = index
        return runs

    def width(self, text: str, size: float, source: Source = NO_SOURCE) -> float:
        """Width in points; per-character widths are cached (layout asks for them thousands of times)."""
        total = 0.0
        widths = self._widths
        for char in text:
            per_point = widths.get(char)
            if per_point is None:
                font = self.font_for(" " if char in "\n\r\t" else char)
                if font is None:
                    raise MissingGlyphError(char, source.record, source.field)
                per_point = self._faces[font].getCharWidth(ord(" " if char in "\n\r\t" else char)) / 1000.0
                widths[char] = per_point
            total += per_point
        return total * size

    def check(self, text: str, source: Source) -> None:
        """Raises MissingGlyphError now, before any page is laid out."""
        self.runs(text, source)
