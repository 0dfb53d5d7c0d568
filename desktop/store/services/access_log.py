"""個人情報の閲覧記録: one audit entry when a screen shows one person's detail (who, when, whom).

Read-side on purpose: nothing but the audit entry is written, and its after-image holds the
person's name only (the detail itself stays where it is). `replay` ignores these entries.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.store import audit
from desktop.store.access import reads_personal_data
from desktop.store.audit import VIEW_ACTION
from desktop.store.services.change import Change


@reads_personal_data
def record_view(session: Session, *, entity: str, entity_id: int, name: str) -> Change:
    """閲覧: `entity` is the record shown (staff_member, organisation), `name` the person named."""
    audit.record(session, entity=entity, entity_id=entity_id, action=VIEW_ACTION, after={"name": name},
                 summary=name)
    return Change(entity, VIEW_ACTION, (entity_id,))
