"""Normalising typed numbers and dates (never names): full-width digits, spaces, separators."""

from __future__ import annotations

import unicodedata

_KANA_EXTRA = "ー・ 　"


def normalise_numeric(text: str) -> str:
    """NFKC for numbers and dates only: '２０２５／４／１' → '2025/4/1'. Names never go through this."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


def is_kana_reading(text: str) -> bool:
    """A ふりがな may hold hiragana, katakana, the long mark, middle dot and spaces."""
    for char in text:
        if char in _KANA_EXTRA:
            continue
        code = ord(char)
        if 0x3041 <= code <= 0x309F or 0x30A0 <= code <= 0x30FF:
            continue
        return False
    return True


def normalise_reading(text: str) -> str:
    """Half-width katakana becomes full-width; surrounding spaces go; the kana stay as typed."""
    folded = unicodedata.normalize("NFKC", text)
    return " ".join(folded.split())
