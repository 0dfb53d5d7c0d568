"""Reading the audit trail for the audit screen and `check`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.store.models.audit import AuditEntry

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


def _filtered(statement: S, text: str) -> S:
    if not text:
        return statement
    pattern = f"%{text}%"
    return statement.where(
        or_(
            AuditEntry.entity.like(pattern),
            AuditEntry.summary.like(pattern),
            AuditEntry.os_user.like(pattern),
            AuditEntry.action.like(pattern),
            AuditEntry.after_json.like(pattern),
        )
    )


def list_audit_entries(session: Session, *, offset: int = 0, limit: int = 200, text: str = "") -> list[AuditRow]:
    """Newest first."""
    statement = _filtered(select(AuditEntry), text).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
    return [
        AuditRow(e.id, e.at, e.os_user, e.entity, e.entity_id, e.action, e.summary, e.before_json, e.after_json)
        for e in session.scalars(statement)
    ]


def count_audit_entries(session: Session, *, text: str = "") -> int:
    return int(session.scalar(_filtered(select(func.count(AuditEntry.id)), text)) or 0)


def newest_audit_entry(session: Session) -> tuple[int, str] | None:
    """(sequence number, hash) of the newest entry: printed on forms and recorded in backups."""
    row = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return (int(row[0]), str(row[1])) if row else None
