"""The working fiscal year every screen opens on: the year the clerk is working on.

Rule: the newest year that has money rows (予算・請求・支払・戻入), not after today's fiscal
year; with no money yet, today's fiscal year — except in April and May, the 出納整理期間,
when the year just closed is still the one being worked on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop.domain.fiscal_year import FiscalYear


def default_working_year(today: date, money_years: Iterable[FiscalYear]) -> FiscalYear:
    current = FiscalYear.of(today)
    candidates = [year for year in money_years if year <= current]
    if candidates:
        return max(candidates)
    return current.previous() if today.month in (4, 5) else current
