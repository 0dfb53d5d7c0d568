"""Reading the audit trail for the audit screen and `check`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.store.access import reads_personal_data
from desktop.store.models.audit import AuditEntry
from desktop.store.repos.audit_search import SEARCH_COUNT_CAP, hit_rows, like_scan

S = TypeVar("S", bound=Select[Any])


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    os_user: str
    entity: str
    entity_id: str
    action: str
    summary: str
    before_json: str
    after_json: str


@dataclass(frozen=True)
class AuditFilter:
    """The audit screen's filters; every one is applied in SQL. Dates are local calendar days."""

    date_from: date | None = None
    date_to: date | None = None
    user: str = ""
    entity: str = ""
    action: str = ""


def _utc_bound(day: date) -> str:
    """Local midnight of `day` as the UTC ISO text `at` is stored in, so comparing text works."""
    local = datetime.combine(day, time.min).astimezone()
    return local.astimezone(UTC).isoformat(timespec="microseconds")


def _narrowed(statement: S, where: AuditFilter | None) -> S:
    if where is None:
        return statement
    if where.date_from is not None:
        statement = statement.where(AuditEntry.at >= _utc_bound(where.date_from))
    if where.date_to is not None:
        statement = statement.where(AuditEntry.at < _utc_bound(where.date_to + timedelta(days=1)))
    for column, value in ((AuditEntry.os_user, where.user), (AuditEntry.entity, where.entity),
                          (AuditEntry.action, where.action)):
        if value:
            statement = statement.where(column == value)
    return statement


def _searched(statement: S, session: Session, text: str, where: AuditFilter | None) -> S:
    """Adds the text search (newest first): through the trigram index when it narrows, by LIKE when
    the text is one character that starts too many indexed trigrams."""
    hits = hit_rows(session, text)
    if hits is None:
        condition = like_scan(text)
        return _narrowed(statement.where(condition), where).order_by(AuditEntry.id.desc())
    # The index leads the join, newest first, so the first rows come without reading the trail.
    return _narrowed(statement.join_from(hits, AuditEntry, AuditEntry.id == hits.c.id), where).order_by(
        hits.c.id.desc())


@reads_personal_data
def list_audit_entries(session: Session, *, offset: int = 0, limit: int = 200, text: str = "",
                       where: AuditFilter | None = None) -> list[AuditRow]:
    """Newest first."""
    if text:
        statement = _searched(select(AuditEntry), session, text, where)
    else:
        statement = _narrowed(select(AuditEntry), where).order_by(AuditEntry.id.desc())
    return [
        AuditRow(e.id, e.at, e.os_user, e.entity, e.entity_id, e.action, e.summary, e.before_json, e.after_json)
        for e in session.scalars(statement.offset(offset).limit(limit))
    ]


@reads_personal_data
def count_audit_entries(session: Session, *, text: str = "", where: AuditFilter | None = None) -> int:
    """The number of entries shown; a text search counts at most SEARCH_COUNT_CAP + 1 matches (the
    list then pages through that many), since counting a million matches takes most of a second."""
    if not text:
        return int(session.scalar(_narrowed(select(func.count(AuditEntry.id)), where)) or 0)
    found = _searched(select(AuditEntry.id), session, text, where).limit(SEARCH_COUNT_CAP + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(found)) or 0)


def audit_filter_choices(session: Session) -> tuple[list[str], list[str], list[str]]:
    """The users, entities and actions that occur, for the screen's drop-downs.

    Each column has an index (revision 0007), so the next value after the last one found is one
    index seek: a few dozen seeks instead of a DISTINCT that reads a million index entries."""
    def distinct(column: Any) -> list[str]:
        found: list[str] = []
        while (value := session.scalar(
                select(func.min(column)).where(column > found[-1]) if found else select(func.min(column)))) is not None:
            found.append(str(value))
        return found

    return distinct(AuditEntry.os_user), distinct(AuditEntry.entity), distinct(AuditEntry.action)


def newest_audit_entry(session: Session) -> tuple[int, str] | None:
    """(sequence number, hash) of the newest entry: printed on forms and recorded in backups."""
    row = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return (int(row[0]), str(row[1])) if row else None
