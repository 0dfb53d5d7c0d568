"""User actions on dispatched staff and their assignments."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.problems import Problem, ValidationError, raise_for
from desktop.domain.staffing import AssignmentDraft, validate_assignment
from desktop.domain.text import normalise_reading
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.models.agreement import Field
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.staffing import (
    agreement_context_for_post,
    find_staff_id,
    get_assignment,
    other_assignments,
)
from desktop.store.services.change import Change


@writes
def check_assignment(session: Session, *, assignment_id: int | None, staff_id: int | None,
                     draft: AssignmentDraft, confirmed: bool = False) -> int | None:
    """Runs every rule against the office file; returns the staff id the draft belongs to (or None = new)."""
    if staff_id is None:
        staff_id = find_staff_id(session, draft.name.strip(), normalise_reading(draft.reading))
    others = other_assignments(session, staff_id, except_id=assignment_id) if staff_id is not None else []
    agreement = agreement_context_for_post(session, draft.post_id) if draft.post_id is not None else None
    field = session.get(Field, draft.field_id) if draft.field_id is not None else None
    problems = validate_assignment(draft, agreement, others, field.name if field else "")
    if draft.post_id is not None and agreement is None:
        problems.append(Problem("post_id", _("派遣先ポストが見つかりません")))
    if draft.field_id is not None and field is None:
        problems.append(Problem("field_id", _("分野が見つかりません")))
    raise_for(problems, confirmed=confirmed)
    return staff_id


@writes
def save_assignment(session: Session, *, assignment_id: int | None, draft: AssignmentDraft,
                    staff_id: int | None = None, confirmed: bool = False) -> Change:
    """派遣の登録・変更. Raises ValidationError, or ConfirmationNeededError for warnings not yet confirmed."""
    if assignment_id is not None:
        existing = get_assignment(session, assignment_id)
        if existing is None:
            raise ValidationError.single("name", _("派遣の記録が見つかりません（削除された可能性があります）"))
        staff_id = existing.staff_id
    staff_id = check_assignment(session, assignment_id=assignment_id, staff_id=staff_id, draft=draft,
                                confirmed=confirmed)
    reading = normalise_reading(draft.reading)
    if staff_id is None:
        staff = StaffMember(name=draft.name.strip(), reading=reading, note="")
        session.add(staff)
        session.flush()
    else:
        found = session.get(StaffMember, staff_id)
        assert found is not None
        staff = found
        staff.name, staff.reading = draft.name.strip(), reading
    assert draft.post_id is not None and draft.field_id is not None
    assert draft.start_on is not None and draft.end_on is not None
    before = get_assignment(session, assignment_id).draft if assignment_id is not None else None  # type: ignore[union-attr]
    assignment = session.get(Assignment, assignment_id) if assignment_id is not None else Assignment(note="")
    assert assignment is not None
    assignment.staff_id = staff.id
    assignment.post_id, assignment.field_id = draft.post_id, draft.field_id
    assignment.employment_type, assignment.dispatch_form = draft.employment_type.value, draft.dispatch_form.value
    assignment.hired_for_support = draft.hired_for_support
    assignment.start_on, assignment.end_on, assignment.note = draft.start_on, draft.end_on, draft.note
    session.add(assignment)
    session.flush()
    after = get_assignment(session, assignment.id)
    assert after is not None
    audit.record(session, entity="assignment", entity_id=assignment.id,
                 action="create" if assignment_id is None else "update", before=before, after=after.draft,
                 summary=staff.name)
    return Change("assignment", "create" if assignment_id is None else "update", (assignment.id,))


@writes
def delete_assignment(session: Session, *, assignment_id: int) -> Change:
    existing = get_assignment(session, assignment_id)
    if existing is None:
        raise ValidationError.single("name", _("派遣の記録が見つかりません"))
    session.delete(session.get(Assignment, assignment_id))
    session.flush()
    audit.record(session, entity="assignment", entity_id=assignment_id, action="delete", before=existing.draft,
                 summary=existing.draft.name)
    return Change("assignment", "delete", (assignment_id,))
