"""Normalising typed numbers and dates (never names): full-width digits, spaces, separators."""

from __future__ import annotations

import unicodedata

_KANA_EXTRA = "ー・ 　"


def normalise_numeric(text: str) -> str:
    """NFKC for numbers and dates only: '２０２５／４／１' → '2025/4/1'. Names never go through this."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


def is_kana_reading(text: str) -> bool:
    """A ふりがな may hold hiragana, katakana, the long mark, middle dot and spaces; half-width
    katakana counts as katakana (it is stored full-width, see normalise_reading)."""
    for char in unicodedata.normalize("NFKC", text):
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


_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}


def reading_sort_key(text: str) -> str:
    """How readings sort (the 50音 order): hiragana and katakana alike, half-width as full-width,
    so たかさき, タカサキ and ﾀｶｻｷ sort together. The readings stay stored as typed."""
    return unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)


def compare_readings(left: str, right: str) -> int:
    """The SQLite collation 'kana' (registered on every connection of an office file)."""
    a, b = reading_sort_key(left), reading_sort_key(right)
    return (a > b) - (a < b) or (left > right) - (left < right)
