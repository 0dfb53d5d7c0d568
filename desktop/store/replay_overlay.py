"""Replaying the audit trail for rows whose audited images name their own columns.

Agreements, posts, organisations and the town profile are audited with images whose keys are the row's
column names (a post's department and job, an organisation's name and state …). Laying each
row's after-images over one another, in order, gives what every audited column must hold
today; a column changed, or a row deleted, with another tool shows up here. Keys that are
not columns (a summary, a derived label) are not compared. Rows that were never audited one
by one (seeded by a migration, made by an import) are not judged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.i18n import N_
from desktop.store.audit import ACCESS_ACTIONS
from desktop.store.models.agreement import Agreement, Post
from desktop.store.models.audit import AuditEntry
from desktop.store.models.organisation import Organisation
from desktop.store.models.town import Town


def _whole_image(_action: str, after: dict[str, Any]) -> dict[str, Any]:
    return after


_ORG_STATE_KEYS = ("state", "designation_number", "designated_on", "notice_on")


def _organisation_image(action: str, after: dict[str, Any]) -> dict[str, Any]:
    """The organisation's columns an entry sets: its data (registration, correction, and the
    draft inside a 変更届) or its state (every decision); an application's image is not its row."""
    if action in ("create", "update"):
        return after
    if isinstance(after.get("draft"), dict):
        return dict(after["draft"])
    return {key: after[key] for key in _ORG_STATE_KEYS if key in after}


_AGREEMENT_TERM_SKIP = ("policy_affairs", "field_ids")  # a joined text column, and a table of their own


def _agreement_image(action: str, after: dict[str, Any]) -> dict[str, Any]:
    """An agreement's data (registration, correction), its current terms (also after a 協約変更,
    whose new terms replace the columns) and its abolition."""
    image: dict[str, Any] = {}
    if action in ("create", "update"):
        image.update({key: value for key, value in after.items() if key != "terms"})
    if isinstance(after.get("terms"), dict):
        image.update({key: value for key, value in after["terms"].items() if key not in _AGREEMENT_TERM_SKIP})
    if action == "abolish":
        image = {"abolished_on": after.get("abolished_on"), "abolition_note": after.get("note", "")}
    return image


@dataclass(frozen=True)
class Overlaid:
    entity: str
    label: str  # msgid
    model: Any
    columns_set: Callable[[str, dict[str, Any]], dict[str, Any]] = _whole_image


OVERLAID = (
    Overlaid("agreement", N_("連携協約"), Agreement, _agreement_image),
    Overlaid("post", N_("派遣先ポスト"), Post),
    Overlaid("organisation", N_("地域団体"), Organisation, _organisation_image),
    Overlaid("town", N_("自団体設定"), Town),
)


def _comparable(value: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def expected_columns(session: Session, overlaid: Overlaid) -> dict[int, dict[str, Any] | None]:
    """Row id → the audited value of each column it names (None: the row was deleted)."""
    columns = {column.key for column in inspect(overlaid.model).columns}
    expected: dict[int, dict[str, Any] | None] = {}
    statement = (select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.after_json)
                 .where(AuditEntry.entity == overlaid.entity, AuditEntry.action.not_in(ACCESS_ACTIONS))
                 .order_by(AuditEntry.id))
    for entity_id, action, after_json in session.execute(statement):
        if not str(entity_id).isdigit():
            continue
        row_id = int(entity_id)
        if action == "delete":
            expected[row_id] = None
            continue
        after = json.loads(after_json) if after_json else None
        if not isinstance(after, dict):
            continue
        known = expected.get(row_id) or {}
        image = overlaid.columns_set(action, after)
        known.update({key: _comparable(value) for key, value in image.items() if key in columns and key != "id"})
        expected[row_id] = known
    return expected


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
        elif any(_comparable(getattr(row, key)) != value for key, value in image.items()):
            found.append((row_id, "changed"))
    session.expunge_all()
    return found
