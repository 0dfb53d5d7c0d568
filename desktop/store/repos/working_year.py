"""The years that have money, for the working fiscal year every screen opens on."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.working_year import default_working_year
from desktop.store.models.contribution import MoneyRow


def working_year_for(session: Session, *, today: date) -> FiscalYear:
    years = session.scalars(select(MoneyRow.fiscal_year).distinct())
    return default_working_year(today, years)
