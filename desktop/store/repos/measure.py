"""Reading the measure's parameters (措置率・上限等) per fiscal year."""

from __future__ import annotations

from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import DEFAULT_PARAMETERS, MeasureParameters, parameters_for
from desktop.domain.town import TownCategory
from desktop.store.models.claim import MeasureParameterRow


def to_parameters(row: MeasureParameterRow) -> MeasureParameters:
    return MeasureParameters(
        from_year=row.from_year, ratio=Fraction(row.ratio), recruitment_cap_yen=row.recruitment_cap_yen,
        personnel_cap_yen=row.personnel_cap_yen,
        excluded_categories=frozenset(TownCategory(v) for v in row.excluded_categories.split(",") if v),
        separate_fields=tuple(n for n in row.separate_fields.split("・") if n), first_year_only=row.first_year_only,
        source=row.source,
    )


def list_measure_parameters(session: Session) -> list[MeasureParameters]:
    return [to_parameters(r) for r in session.scalars(select(MeasureParameterRow).order_by(MeasureParameterRow.from_year))]


def measure_parameters_for(session: Session, fiscal_year: FiscalYear) -> MeasureParameters:
    """The row in force for the year; before the first row, the briefing's values."""
    return parameters_for(list_measure_parameters(session), fiscal_year) or DEFAULT_PARAMETERS
