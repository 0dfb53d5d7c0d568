"""Spreadsheet cells that are safe to open: text never runs as a formula; amounts stay numbers."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """A text starting with = + - @ (or a tab/CR) would run as a formula in Excel: prefix a '."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
