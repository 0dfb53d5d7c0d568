"""Replaying the audit trail for rows whose audited images name their own columns.

Agreements, posts, organisations, the town profile, fields, the ordinance, the measure's
parameters, claims and an organisation's records are audited with images whose keys are the
row's column names (a post's department and job, an organisation's name and state …), or can
be turned into them (registry in replay_images). Laying each row's after-images over one
another, in order, gives what every audited column must hold today; a column changed, or a
row deleted, with another tool shows up here.

Only the columns an image names are compared, never the whole row: keys that are not columns
(a summary, a derived label) are skipped, and entries written before a service recorded a
column (older versions of the app) simply do not judge it, so an old office raises no false
alarm. Rows that were never audited one by one (seeded by a migration, made by an import) are
not judged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.audit import VIEW_ACTION
from desktop.store.models.audit import AuditEntry

Image = dict[str, Any]
# (row id, the columns an entry sets on it, or None when the entry deleted it)
RowsSet = Callable[[str, str, Image], list[tuple[int, Image | None]]]


def whole_image(_action: str, after: Image) -> Image:
    return after


@dataclass(frozen=True)
class Overlaid:
    entity: str  # the name the findings use
    label: str  # msgid
    model: Any
    columns_set: Callable[[str, Image], Image] = whole_image
    # The audit entity whose entries set these rows, when not `entity` itself: an organisation's
    # improvement orders and revocations ride on the organisation's own entries.
    source: str = ""
    rows_set: RowsSet | None = None  # reads the rows an entry sets, when its entity_id is not the row
    readers: dict[str, Callable[[Any], Any]] = field(default_factory=dict)  # column → comparable value

    @property
    def audit_entity(self) -> str:
        return self.source or self.entity


def comparable(value: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, FiscalYear):
        return value.year
    if isinstance(value, dict) and list(value) == ["year"]:  # a FiscalYear inside an audited dataclass
        return value["year"]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def _rows_of_entry(overlaid: Overlaid, entity_id: str, action: str, after: Any) -> list[tuple[int, Image | None]]:
    if overlaid.rows_set is not None:
        return overlaid.rows_set(entity_id, action, after) if isinstance(after, dict) else []
    if not str(entity_id).isdigit():
        return []
    if action == "delete":
        return [(int(entity_id), None)]
    if not isinstance(after, dict):
        return []
    return [(int(entity_id), overlaid.columns_set(action, after))]


def expected_columns(session: Session, overlaid: Overlaid) -> dict[int, dict[str, Any] | None]:
    """Row id → the audited value of each column it names (None: the row was deleted)."""
    columns = {column.key for column in inspect(overlaid.model).columns}
    expected: dict[int, dict[str, Any] | None] = {}
    statement = (select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.after_json)
                 .where(AuditEntry.entity == overlaid.audit_entity, AuditEntry.action != VIEW_ACTION)
                 .order_by(AuditEntry.id))
    for entity_id, action, after_json in session.execute(statement):
        after = json.loads(after_json) if after_json else None
        for row_id, image in _rows_of_entry(overlaid, entity_id, action, after):
            if image is None:
                expected[row_id] = None
                continue
            known = expected.get(row_id) or {}
            known.update({key: _value(overlaid, key, value) for key, value in image.items()
                          if key in columns and key != "id"})
            expected[row_id] = known
    return expected


def _value(overlaid: Overlaid, key: str, value: Any) -> Any:
    """A column's value, from the row or from an image, as the two are compared: a reader is
    applied to both sides (a JSON text column is compared as data, whichever form it came in)."""
    reader = overlaid.readers.get(key)
    return comparable(reader(value) if reader is not None and value is not None else value)


def differing_rows(session: Session, overlaid: Overlaid) -> list[tuple[int, str]]:
    """(row id, 'deleted' or 'changed') for each audited row that is not as its trail says."""
    expected = expected_columns(session, overlaid)
    found: list[tuple[int, str]] = []
    live = {row.id: row for row in session.scalars(select(overlaid.model).where(
        overlaid.model.id.in_([row_id for row_id, image in expected.items() if image is not None])))}
    for row_id, image in sorted(expected.items()):
        if image is None:
            continue
        row = live.get(row_id)
        if row is None:
            found.append((row_id, "deleted"))
        elif any(_value(overlaid, key, getattr(row, key)) != value for key, value in image.items()):
            found.append((row_id, "changed"))
    session.expunge_all()
    return found
