"""Money as whole yen (int): formatting with separators, parsing what clerks type, ratio rounding."""

from __future__ import annotations

import re
from enum import Enum
from fractions import Fraction

from desktop.domain.text import normalise_numeric
from desktop.i18n import _

_DIGITS = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d*$")
# Past 18 digits a number is past any amount and past SQLite's INTEGER; int() of thousands of
# digits is slow, and refused past 4,300.
_MAX_DIGITS = 18
# What clerks and spreadsheets write most ('1,234,000', '1234000円'), read without folding
# widths first: an import of 100,000 amounts reads most of them this way.
_PLAIN = re.compile(r"(?:0|[1-9][0-9]{0,17}|[1-9][0-9]{0,2}(?:,[0-9]{3}){1,5})円?")


class YenParseError(ValueError):
    """The text is not a whole, non-negative yen amount; the message is for the clerk."""


def format_amount(amount: int) -> str:
    """1234000 → '1,234,000'."""
    return f"{amount:,}"


def format_yen(amount: int) -> str:
    """1234000 → '1,234,000円'."""
    return f"{amount:,}円"


def parse_yen(text: str) -> int:
    """Accepts '1,234,000', '１２３４０００円', '¥1,234', ' 500 円'; refuses negatives and fractions."""
    if _PLAIN.fullmatch(text):
        return int(text.removesuffix("円").replace(",", ""))
    cleaned = normalise_numeric(text)
    cleaned = cleaned.removesuffix("円").removeprefix("¥").removeprefix("\\").replace(",", "")
    if not cleaned:
        raise YenParseError(_("金額が入力されていません"))
    if cleaned.startswith(("-", "−", "▲", "△")):
        raise YenParseError(_("金額に負の数は入力できません"))
    if _DECIMAL.match(cleaned):
        if set(cleaned.split(".", 1)[1]) <= {"0"}:
            cleaned = cleaned.split(".", 1)[0]
        else:
            raise YenParseError(_("円未満の端数は入力できません"))
    if _DIGITS.match(cleaned) and len(cleaned.lstrip("0")) > _MAX_DIGITS:
        raise YenParseError(_("金額「{text}」は大きすぎます").format(text=text.strip()[:40]))
    if not _DIGITS.match(cleaned):
        raise YenParseError(
            _("「{text}」は金額として読めません（整数の円で入力してください。例: 1,234,000）").format(
                text=text.strip()
            )
        )
    return int(cleaned.lstrip("0") or "0")


def parse_ratio(text: str) -> Fraction:
    """'0.5' or '1/2' → Fraction(1, 2): ratios stay exact so money never meets a float."""
    try:
        ratio = Fraction(normalise_numeric(text))
    except (ValueError, ZeroDivisionError):
        raise YenParseError(_("「{text}」は率として読めません（例: 0.5）").format(text=text)) from None
    if not 0 <= ratio <= 1:
        raise YenParseError(_("率は0から1の間で入力してください"))
    return ratio


def apply_ratio_floor(amount: int, ratio: Fraction) -> int:
    """amount × ratio, rounded down to the yen (円未満切捨て)."""
    product = amount * ratio
    return product.numerator // product.denominator


class ThousandRounding(Enum):
    """How a whole-yen figure is shown in 千円 on forms that require it (output only)."""

    FLOOR = "floor"
    HALF_UP = "half_up"
    CEILING = "ceiling"


def to_thousand_yen(amount: int, rounding: ThousandRounding = ThousandRounding.FLOOR) -> int:
    if rounding is ThousandRounding.FLOOR:
        return amount // 1000
    if rounding is ThousandRounding.CEILING:
        return -(-amount // 1000)
    return (amount + 500) // 1000
