"""会計年度: 1 April to 31 March, named by the year it starts in (FiscalYear(2025) = 令和7年度)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.domain.text import normalise_numeric
from desktop.domain.wareki import ERAS, FIRST_DATE, DateParseError, era_of, year_label
from desktop.i18n import _

MIN_YEAR = FIRST_DATE.year
MAX_YEAR = 9998

_ERA_FY = re.compile(r"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,3})(?:年度?)?$")
_GREGORIAN_FY = re.compile(r"^(\d{4})(?:年度?)?$")


@dataclass(frozen=True, order=True)
class FiscalYear:
    """A fiscal year (会計年度); `year` is the calendar year of its 1 April."""

    year: int

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"fiscal year out of range: {self.year}")

    @classmethod
    def of(cls, day: date) -> FiscalYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.year, 4, 1)

    @property
    def end(self) -> date:
        """Inclusive: 31 March of the next calendar year."""
        return date(self.year + 1, 3, 31)

    @property
    def closing_period_end(self) -> date:
        """Last day of the 出納整理期間 (地方自治法第235条の5): 31 May after the year ends."""
        return date(self.year + 1, 5, 31)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def in_closing_period(self, day: date) -> bool:
        """True for 1 April–31 May after this year: a payment then may still belong to it."""
        return date(self.year + 1, 4, 1) <= day <= self.closing_period_end

    def next(self) -> FiscalYear:
        return FiscalYear(self.year + 1)

    def previous(self) -> FiscalYear:
        return FiscalYear(self.year - 1)

    def label(self) -> str:
        """'令和7年度'. The era is the one in force at the year's end (FY2019 = 令和元年度)."""
        era = era_of(self.end)
        era_year = self.year - era.offset
        if era_year < 1:
            era = era_of(self.start)
            era_year = self.year - era.offset
        return f"{era.name}{year_label(era_year)}年度"

    def overlaps(self, start: date, end: date | None) -> bool:
        return start <= self.end and (end is None or end >= self.start)

    def __str__(self) -> str:
        return self.label()

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """Accepts '2025', '2025年度', '令和7年度', 'R7', '令和元年度', full-width digits."""
        cleaned = normalise_numeric(text)
        match = _GREGORIAN_FY.match(cleaned)
        if match:
            year = int(match.group(1))
        else:
            match = _ERA_FY.match(cleaned)
            if not match:
                raise DateParseError(
                    _("「{text}」は年度として読めません（例: 令和7年度、2025）").format(text=text.strip())
                )
            name = match.group(1)
            era = next(e for e in ERAS if name in (e.name, e.letter, e.letter.lower()))
            era_year = 1 if match.group(2) == "元" else int(match.group(2))
            if era_year < 1:
                raise DateParseError(_("「{text}」の年が正しくありません").format(text=text.strip()))
            year = era.offset + era_year
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateParseError(_("「{text}」は扱える年度の範囲外です").format(text=text.strip()))
        return cls(year)
