"""Writing and checking the audit trail; every service calls `record` inside its own transaction."""

from __future__ import annotations

import dataclasses
import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.models.audit import AuditEntry

GENESIS_HASH = "0" * 64

# Entries that record access, not a change: a person's detail shown, a printout or a file with
# personal data made. A view's image is a name only, not its row's, so the replay skips views;
# a print or export is the carry-out register's own row (or an event with no row) and is replayed.
ACCESS_ACTIONS = ("view", "print", "export")
VIEW_ACTION = "view"


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, FiscalYear):
        return value.year
    if isinstance(value, (Fraction, Decimal)):
        return str(value)
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises OSError or KeyError when no user name can be found
        return "unknown"


ACTING_USER_KEY = "renkei_acting_user"


def acting_user(session: Session) -> str:
    """Who the audit trail names: the signed-in user the session was opened for, else the OS user."""
    name = session.info.get(ACTING_USER_KEY)
    return name if isinstance(name, str) and name else os_user()


def entry_hash(
    prev_hash: str, at: str, user: str, entity: str, entity_id: str, action: str,
    summary: str, before_json: str, after_json: str,
) -> str:
    payload = "\x1f".join((prev_hash, at, user, entity, entity_id, action, summary, before_json, after_json))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def last_hash(session: Session) -> str:
    value = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return value or GENESIS_HASH


def record(
    session: Session,
    *,
    entity: str,
    entity_id: object,
    action: str,
    before: Any = None,
    after: Any = None,
    summary: str = "",
) -> AuditEntry:
    """Appends one audit entry in the caller's transaction, chained to the last one."""
    prev = last_hash(session)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    user = acting_user(session)
    before_json, after_json = canonical_json(before), canonical_json(after)
    entry = AuditEntry(
        at=at, os_user=user, entity=entity, entity_id=str(entity_id), action=action,
        summary=summary, before_json=before_json, after_json=after_json, prev_hash=prev,
        hash=entry_hash(prev, at, user, entity, str(entity_id), action, summary, before_json, after_json),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_broken_id: int | None
    last_hash: str


def verify_chain(session: Session, batch: int = 5000) -> ChainCheck:
    """Recomputes every hash in id order; reports the first entry that does not match."""
    prev = GENESIS_HASH
    count = 0
    last_id = 0
    while True:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).scalars().all()
        if not rows:
            return ChainCheck(True, count, None, prev)
        for e in rows:
            expected = entry_hash(prev, e.at, e.os_user, e.entity, e.entity_id, e.action,
                                  e.summary, e.before_json, e.after_json)
            if e.prev_hash != prev or e.hash != expected:
                return ChainCheck(False, count, e.id, prev)
            prev = e.hash
            count += 1
            last_id = e.id
        session.expunge_all()
