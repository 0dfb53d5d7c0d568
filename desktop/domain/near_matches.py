"""Names in an import that match no record: the records they were probably meant to be.

Matching folds width, case, spaces and the post separator (／ or /) — for comparing only; the
names themselves are stored exactly as typed.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

_IGNORED = frozenset(" \u3000/／・")


def matching_key(text: str) -> str:
    """'健康福祉課 保健師' and '健康福祉課／保健師' have the same key: they differ only in spelling."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char not in _IGNORED and not char.isspace())


def same_spelling(text: str, candidates: Iterable[str]) -> str | None:
    """The candidate that differs from `text` only in spaces, width, case or separators."""
    key = matching_key(text)
    return next((c for c in candidates if c != text and matching_key(c) == key), None)


def near_matches(text: str, candidates: Iterable[str], *, limit: int = 3) -> list[str]:
    """Up to `limit` candidates close to `text`, the closest first (difflib's ratio ≥ 0.5)."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(matching_key(candidate), candidate)
    key = matching_key(text)
    if key in by_key:
        return [by_key[key]]
    return [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.5)]
