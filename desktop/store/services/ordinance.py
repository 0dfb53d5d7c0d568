"""User actions on the town's ordinance (master data): its title and number, and its items."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.ordinance import (
    OrdinanceItemDraft,
    OrdinanceTitle,
    validate_item,
    validate_title,
)
from desktop.domain.problems import ValidationError
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import admin_only
from desktop.store.models.organisation import OrdinanceHeading, OrdinanceItemRow
from desktop.store.services.change import Change


@admin_only
def update_ordinance_title(session: Session, *, heading: OrdinanceTitle) -> Change:
    """条例・規則の題名と番号 (printed on F5–F7)."""
    problems = validate_title(heading)
    if problems:
        raise ValidationError(problems)
    row = session.get(OrdinanceHeading, 1)
    if row is None:
        row = OrdinanceHeading(id=1, title="")
        session.add(row)
    before = OrdinanceTitle(row.title, row.number, row.rule_title, row.rule_number)
    row.title, row.number = heading.title.strip(), heading.number.strip()
    row.rule_title, row.rule_number = heading.rule_title.strip(), heading.rule_number.strip()
    session.flush()
    audit.record(session, entity="ordinance", entity_id=1, action="update", before=before, after=heading,
                 summary=row.title)
    return Change("ordinance", "update", (1,))


@admin_only
def save_ordinance_item(session: Session, *, item_id: int | None, draft: OrdinanceItemDraft) -> Change:
    """Adds an item to one of the ordinance's lists, or corrects one. Items are never deleted
    (old applications refer to them): an item the town drops is made inactive."""
    others = set(session.scalars(select(OrdinanceItemRow.label).where(
        OrdinanceItemRow.kind == draft.kind.value, OrdinanceItemRow.id != (item_id or -1))))
    problems = validate_item(draft, others)
    if problems:
        raise ValidationError(problems)
    if item_id is None:
        order = (session.scalar(select(func.max(OrdinanceItemRow.sort_order))) or 0) + 1
        row = OrdinanceItemRow(kind=draft.kind.value, label=draft.label.strip(), test=draft.test,
                               active=draft.active, sort_order=order)
        session.add(row)
        session.flush()
        audit.record(session, entity="ordinance_item", entity_id=row.id, action="create", after=draft,
                     summary=row.label)
        return Change("ordinance", "create", (row.id,))
    existing = session.get(OrdinanceItemRow, item_id)
    if existing is None or existing.kind != draft.kind.value:
        raise ValidationError.single("label", _("条例の項目が見つかりません"))
    before = OrdinanceItemDraft(draft.kind, existing.label, existing.test, existing.active)
    existing.label, existing.test, existing.active = draft.label.strip(), draft.test, draft.active
    session.flush()
    audit.record(session, entity="ordinance_item", entity_id=item_id, action="update", before=before, after=draft,
                 summary=existing.label)
    return Change("ordinance", "update", (item_id,))
