"""Recording a carry-out (持出記録) of personal data: one row, audited in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from desktop.domain.carry_out import CarryOut, Medium
from desktop.store import audit
from desktop.store.access import reads_personal_data
from desktop.store.models.carry_out import CarryOutRecord
from desktop.store.services.change import Change

ENTITY = "carry_out_record"


def carry_out_image(record: CarryOutRecord) -> dict[str, object]:
    """What the audit trail keeps of a carry-out: who/when are the entry's own; this is the what."""
    return {"output_kind": record.output_kind, "document": record.document, "fiscal_year": record.fiscal_year,
            "description": record.description, "medium": record.medium, "encrypted": record.encrypted,
            "file_name": record.file_name, "sha256": record.sha256, "persons": record.persons,
            "note": record.note}


@reads_personal_data
def record_carry_out(session: Session, *, carry_out: CarryOut) -> Change:
    """持出の記録. A printout is audited as "print", a written file as "export" (個人情報の持出し)."""
    record = CarryOutRecord(
        at=datetime.now(UTC).isoformat(timespec="microseconds"), user=audit.acting_user(session),
        output_kind=carry_out.output_kind.value, document=carry_out.document, fiscal_year=carry_out.fiscal_year,
        description=carry_out.description.strip(), medium=carry_out.medium.value, encrypted=carry_out.encrypted,
        file_name=carry_out.file_name, sha256=carry_out.sha256, persons=carry_out.persons,
        note=carry_out.note.strip())
    session.add(record)
    session.flush()
    printed = carry_out.medium is Medium.PAPER and carry_out.sha256 is None
    action = "print" if printed else "export"
    audit.record(session, entity=ENTITY, entity_id=record.id, action=action, after=carry_out_image(record),
                 summary=record.description)
    return Change(ENTITY, action, (record.id,))
