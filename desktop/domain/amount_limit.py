"""The largest amount an import accepts in one row: a typo guard, kept as an office setting.

The default, 100億円 (10,000,000,000 yen), is about the whole yearly general budget of a
small town, so no single 負担金 row comes near it (a dispatched person costs a few million
yen a year), while an extra digit or two, or a pasted account number, is well above it.
It also keeps the sum of 100,000 imported rows far inside SQLite's 64-bit INTEGER.
"""

from __future__ import annotations

from desktop.domain.problems import Problem
from desktop.domain.yen import format_yen
from desktop.i18n import _

DEFAULT_IMPORT_AMOUNT_LIMIT_YEN = 10_000_000_000
# The setting itself may be raised, but never so far that 100,000 rows could overflow a sum.
HIGHEST_IMPORT_AMOUNT_LIMIT_YEN = 999_999_999_999


def check_amount(amount_yen: int, limit_yen: int) -> Problem | None:
    if amount_yen <= limit_yen:
        return None
    return Problem("amount_yen", _("金額{amount}は大きすぎます（1行{limit}まで。設定で変えられます）").format(
        amount=format_yen(amount_yen), limit=format_yen(limit_yen)))


def validate_limit(limit_yen: int) -> list[Problem]:
    if 1 <= limit_yen <= HIGHEST_IMPORT_AMOUNT_LIMIT_YEN:
        return []
    return [Problem("limit_yen", _("上限は1円から{highest}までで指定してください").format(
        highest=format_yen(HIGHEST_IMPORT_AMOUNT_LIMIT_YEN)))]
