"""F14: the carry-out register (持出記録) of a period as plain data."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop.domain.carry_out import Medium
from desktop.forms.carry_out_f14 import CarryOutFormData, CarryOutFormLine
from desktop.printing.catalog import FormRequest
from desktop.store.repos.carry_out import count_carry_outs, list_carry_outs
from desktop.store.repos.town import get_town_profile


def f14_data(session: Session, request: FormRequest) -> CarryOutFormData:
    """Every carry-out recorded in the period (local calendar days, both included), oldest first."""
    assert request.period_start is not None and request.period_end is not None  # checked by the registry's needs
    start, end = request.period_start, request.period_end
    rows = list_carry_outs(session, start=start, end=end, oldest_first=True,
                           limit=count_carry_outs(session, start=start, end=end))
    lines = tuple(CarryOutFormLine(
        r.at.astimezone(), r.user, r.description, r.file_name, Medium(r.medium).label, r.encrypted, r.persons,
        r.sha256) for r in rows)
    return CarryOutFormData(get_town_profile(session), start, end, request.issued_on or date.today(), lines)
