"""Reading the carry-out register (持出記録) for its screen, the `carry-outs` verb and F14."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.store.access import reads_personal_data
from desktop.store.models.carry_out import CarryOutRecord

S = TypeVar("S", bound=Select[Any])


@dataclass(frozen=True)
class CarryOutRow:
    id: int
    at: datetime          # aware, UTC
    user: str
    output_kind: str
    document: str
    fiscal_year: int | None
    description: str
    medium: str
    encrypted: bool
    file_name: str
    sha256: str | None
    persons: int
    note: str


def _utc_bound(day: date) -> str:
    """Local midnight of `day` as the UTC text `at` is stored in (as the audit screen filters)."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).isoformat(timespec="microseconds")


def _in_period(statement: S, start: date | None, end: date | None, text: str = "") -> S:
    """start..end are local calendar days, both included; text is looked for in who, what and the file."""
    if text.strip():
        pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(or_(*(column.like(pattern, escape="\\") for column in (
            CarryOutRecord.user, CarryOutRecord.description, CarryOutRecord.file_name))))
    if start is not None:
        statement = statement.where(CarryOutRecord.at >= _utc_bound(start))
    if end is not None:
        statement = statement.where(CarryOutRecord.at < _utc_bound(end + timedelta(days=1)))
    return statement


def _row(r: CarryOutRecord) -> CarryOutRow:
    return CarryOutRow(r.id, datetime.fromisoformat(r.at), r.user, r.output_kind, r.document, r.fiscal_year,
                       r.description, r.medium, r.encrypted, r.file_name, r.sha256, r.persons, r.note)


@reads_personal_data
def list_carry_outs(session: Session, *, start: date | None = None, end: date | None = None, text: str = "",
                    offset: int = 0, limit: int = 200, oldest_first: bool = False) -> list[CarryOutRow]:
    """Newest first (the screen), or oldest first (the register printed and listed)."""
    order = CarryOutRecord.id.asc() if oldest_first else CarryOutRecord.id.desc()
    statement = _in_period(select(CarryOutRecord), start, end, text).order_by(order).offset(offset).limit(limit)
    return [_row(r) for r in session.scalars(statement)]


@reads_personal_data
def count_carry_outs(session: Session, *, start: date | None = None, end: date | None = None, text: str = "") -> int:
    return int(session.scalar(_in_period(select(func.count(CarryOutRecord.id)), start, end, text)) or 0)
