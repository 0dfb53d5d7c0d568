"""特別交付税措置 (連携協約に基づく地方公務員の人材確保): the measure's parameters, kept as data.

The ministry may change ratio, caps or exclusions; a row applies from its fiscal year until
the next row, so the town edits a row instead of waiting for an update.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import Problem
from desktop.domain.town import DEFAULT_EXCLUDED_CATEGORIES, TownCategory
from desktop.i18n import _

BRIEFING_SOURCE = "総務省自治行政局市町村課「地方公共団体相互間の連携・協力（専門人材の確保・育成）及び公共私との連携について」（令和6年8月23日）"


@dataclass(frozen=True)
class MeasureParameters:
    """措置率・上限等 for fiscal years from `from_year` on."""

    from_year: FiscalYear
    ratio: Fraction = Fraction(1, 2)
    recruitment_cap_yen: int = 1_000_000         # sending body, per body (募集経費)
    personnel_cap_yen: int = 6_000_000           # sending body, about, per person (人件費)
    excluded_categories: frozenset[TownCategory] = DEFAULT_EXCLUDED_CATEGORIES
    separate_fields: tuple[str, ...] = ("技術職員", "デジタル人材")
    first_year_only: bool = True                 # 派遣初年度分のみ
    source: str = BRIEFING_SOURCE

    def describe(self) -> str:
        return _("{year}以降の措置（措置率 {ratio}、出典: {source}）").format(
            year=self.from_year.label(), ratio=ratio_text(self.ratio), source=self.source)


DEFAULT_PARAMETERS = MeasureParameters(FiscalYear(2024))


def ratio_text(ratio: Fraction) -> str:
    """Fraction(1, 2) → '0.5'; a ratio with no short decimal shows as 1/3."""
    for digits in range(1, 7):
        scaled = ratio * 10**digits
        if scaled.denominator == 1:
            whole, part = divmod(scaled.numerator, 10**digits)
            return f"{whole}.{str(part).zfill(digits).rstrip('0')}" if part else str(whole)
    return f"{ratio.numerator}/{ratio.denominator}"


def parameters_for(rows: list[MeasureParameters], fiscal_year: FiscalYear) -> MeasureParameters | None:
    """The row in force for a year: the latest whose from_year is not after it."""
    candidates = [r for r in rows if r.from_year <= fiscal_year]
    return max(candidates, key=lambda r: r.from_year) if candidates else None


def validate_parameters(parameters: MeasureParameters) -> list[Problem]:
    problems = []
    if not 0 < parameters.ratio <= 1:
        problems.append(Problem("ratio", _("措置率は0より大きく1以下にしてください")))
    for field, value in (("recruitment_cap_yen", parameters.recruitment_cap_yen),
                         ("personnel_cap_yen", parameters.personnel_cap_yen)):
        if not isinstance(value, int) or value < 0:
            problems.append(Problem(field, _("上限額は0以上の整数の円で入力してください")))
    if not parameters.source.strip():
        problems.append(Problem("source", _("出典（通知名と日付）を入力してください")))
    return problems
