"""Replaying the audit trail's after-images against the rows as they are now.

Every change the app makes is audited with the row's image after it, so the last image of
each row must equal the row today. A row deleted, changed or added with another tool (the
sqlite3 command line, a spreadsheet plug-in) shows up here. Rows created by an import are
audited by id only, so for them only their presence is checked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, _
from desktop.store.audit import VIEW_ACTION, canonical_json
from desktop.store.models.audit import AuditEntry
from desktop.store.models.contribution import MoneyRow
from desktop.store.models.staffing import Assignment
from desktop.store.replay_images import OVERLAID
from desktop.store.replay_overlay import differing_rows
from desktop.store.replay_settings import SETTINGS, changed_settings
from desktop.store.repos.staffing import get_assignment

# The very function whose result the money services audit, so the images compare like for like.
from desktop.store.services.contributions import _draft_of as money_image

IMPORTED = object()  # created by an import: audited by id, not by image


@dataclass(frozen=True)
class Tracked:
    entity: str
    label: str  # msgid
    model: Any
    images: Callable[[Session, list[int]], dict[int, Any]]  # the audited image of each row asked for
    import_ids_key: str
    ignored: frozenset[str] = frozenset()  # fields another row's change may change without an entry here


CHUNK = 500


def _assignment_images(session: Session, row_ids: list[int]) -> dict[int, Any]:
    found = {row_id: get_assignment(session, row_id) for row_id in row_ids}
    return {row_id: detail.draft for row_id, detail in found.items() if detail is not None}


def _money_images(session: Session, row_ids: list[int]) -> dict[int, Any]:
    return {row.id: money_image(row) for row in session.scalars(select(MoneyRow).where(MoneyRow.id.in_(row_ids)))}


TRACKED = (
    Tracked("money_row", N_("負担金"), MoneyRow, _money_images, "ids"),
    # The staff member's name and reading belong to the person: saving another assignment of
    # the same person renames them everywhere, audited on that other assignment.
    Tracked("assignment", N_("派遣"), Assignment, _assignment_images, "assignment_ids", frozenset({"name", "reading"})),
)


# Audited entities that are events, not rows: nothing in the file holds their after-image.
NOT_ROWS = {
    "exchange_file": "an exchange file written out: the file left the office, no row stays behind",
    "office": "a restore: the whole file was replaced, its own trail is replayed instead",
}


def replayed_entities() -> set[str]:
    """Every audit entity `check` replays or knows to be an event (tests/store/test_replay_registry.py
    fails when a service audits an entity missing here)."""
    return ({t.entity for t in TRACKED} | {o.audit_entity for o in OVERLAID} | {s.entity for s in SETTINGS}
            | set(NOT_ROWS))


@dataclass(frozen=True)
class RowFinding:
    entity: str
    row_id: int | str  # a setting's key for a setting
    kind: str  # 'deleted', 'changed' or 'added'

    def message(self) -> str:
        settings = {(s.entity, s.entity_id): s.label for s in SETTINGS}
        if (self.entity, self.row_id) in settings:
            return _("{what}はアプリの外で変更されています（最後の監査記録と異なります）").format(
                what=_(settings[(self.entity, str(self.row_id))]))
        labels = {t.entity: t.label for t in TRACKED} | {o.entity: o.label for o in OVERLAID}
        texts = {
            "deleted": _("{what} No.{id} はアプリの外で削除されています（監査記録には残っています）"),
            "changed": _("{what} No.{id} はアプリの外で変更されています（最後の監査記録と異なります）"),
            "added": _("{what} No.{id} はアプリの外で追加されています（監査記録がありません）"),
        }
        return texts[self.kind].format(what=_(labels[self.entity]), id=self.row_id)


def _normalised(raw: str, ignored: frozenset[str]) -> Any:
    """Services strip text before storing it but audit the draft as typed: compare stripped."""
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in ignored}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value
    return clean(json.loads(raw))


def _expected(session: Session, tracked: Tracked) -> dict[int, object]:
    expected: dict[int, object] = {}
    statement = (select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.after_json)
                 .where(AuditEntry.entity == tracked.entity, AuditEntry.action != VIEW_ACTION)
                 .order_by(AuditEntry.id))
    for entity_id, action, after_json in session.execute(statement):
        if action == "import":
            for row_id in (json.loads(after_json) or {}).get(tracked.import_ids_key, []):
                expected[int(row_id)] = IMPORTED
        elif entity_id.isdigit() and action == "delete":
            expected.pop(int(entity_id), None)
        elif entity_id.isdigit():
            expected[int(entity_id)] = after_json
    return expected


def replay(session: Session) -> list[RowFinding]:
    findings: list[RowFinding] = []
    for tracked in TRACKED:
        expected = _expected(session, tracked)
        present = set(session.scalars(select(tracked.model.id)))
        findings.extend(RowFinding(tracked.entity, row_id, "deleted") for row_id in sorted(expected)
                        if row_id not in present)
        imaged = sorted(row_id for row_id, after in expected.items() if isinstance(after, str) and row_id in present)
        for start in range(0, len(imaged), CHUNK):
            images = tracked.images(session, imaged[start:start + CHUNK])
            for row_id in imaged[start:start + CHUNK]:
                now = _normalised(canonical_json(images.get(row_id)), tracked.ignored)
                if now != _normalised(str(expected[row_id]), tracked.ignored):
                    findings.append(RowFinding(tracked.entity, row_id, "changed"))
            session.expunge_all()
        findings.extend(RowFinding(tracked.entity, row_id, "added") for row_id in sorted(present - set(expected)))
    for overlaid in OVERLAID:
        findings.extend(RowFinding(overlaid.entity, row_id, kind) for row_id, kind in differing_rows(session, overlaid))
    findings.extend(RowFinding(s.entity, s.entity_id, "changed") for s in changed_settings(session))
    return findings
