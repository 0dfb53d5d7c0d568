"""User actions on the 負担金 ledger: record, correct and delete budget lines, invoices, payments, refunds."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.contribution import MoneyKind, MoneyRowDraft, validate_money_row
from desktop.domain.problems import Problem, Severity, ValidationError, raise_for
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.models.agreement import Post
from desktop.store.models.contribution import MoneyRow
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.services.change import Change


@writes
def check_money_row(session: Session, *, draft: MoneyRowDraft, confirmed: bool = False) -> None:
    problems = validate_money_row(draft)
    if draft.post_id is not None and session.get(Post, draft.post_id) is None:
        problems.append(Problem("post_id", _("派遣先ポストが見つかりません")))
    if draft.staff_id is not None:
        if session.get(StaffMember, draft.staff_id) is None:
            problems.append(Problem("staff_id", _("職員が見つかりません")))
        elif draft.post_id is not None and not session.scalar(
            select(func.count(Assignment.id)).where(Assignment.staff_id == draft.staff_id,
                                                    Assignment.post_id == draft.post_id)):
            problems.append(Problem("staff_id", _(
                "この職員はこの派遣先ポストに派遣された記録がありません。このまま記録してよいか確認してください"),
                Severity.WARNING))
    raise_for(problems, confirmed=confirmed)


def apply_draft(row: MoneyRow, draft: MoneyRowDraft) -> None:
    """Copies a checked draft onto a row (shared with the import, which checks whole files first)."""
    assert draft.post_id is not None and draft.fiscal_year is not None
    row.kind, row.fiscal_year, row.post_id, row.staff_id = draft.kind.value, draft.fiscal_year, draft.post_id, draft.staff_id
    row.on_date, row.amount_yen, row.number = draft.on_date, draft.amount_yen, draft.number.strip()
    row.due_on, row.note = draft.due_on, draft.note.strip()


@writes
def record_money_row(session: Session, *, draft: MoneyRowDraft, confirmed: bool = False) -> Change:
    """予算・請求・支払・戻入の記録. Raises ValidationError, or ConfirmationNeededError for warnings."""
    check_money_row(session, draft=draft, confirmed=confirmed)
    row = MoneyRow(number="", note="")
    apply_draft(row, draft)
    session.add(row)
    session.flush()
    audit.record(session, entity="money_row", entity_id=row.id, action="create", after=draft,
                 summary=f"{draft.kind.label} {draft.amount_yen:,}円")
    return Change("money_row", "create", (row.id,))


@writes
def update_money_row(session: Session, *, row_id: int, draft: MoneyRowDraft, confirmed: bool = False) -> Change:
    row = session.get(MoneyRow, row_id)
    if row is None:
        raise ValidationError.single("amount_yen", _("記録が見つかりません（削除された可能性があります）"))
    check_money_row(session, draft=draft, confirmed=confirmed)
    before = _draft_of(row)
    apply_draft(row, draft)
    session.flush()
    audit.record(session, entity="money_row", entity_id=row_id, action="update", before=before, after=draft,
                 summary=f"{draft.kind.label} {draft.amount_yen:,}円")
    return Change("money_row", "update", (row_id,))


@writes
def delete_money_row(session: Session, *, row_id: int) -> Change:
    row = session.get(MoneyRow, row_id)
    if row is None:
        raise ValidationError.single("amount_yen", _("記録が見つかりません"))
    before = _draft_of(row)
    session.delete(row)
    session.flush()
    audit.record(session, entity="money_row", entity_id=row_id, action="delete", before=before,
                 summary=f"{before.kind.label} {before.amount_yen:,}円")
    return Change("money_row", "delete", (row_id,))


def _draft_of(row: MoneyRow) -> MoneyRowDraft:
    return MoneyRowDraft(MoneyKind(row.kind), row.post_id, row.staff_id, row.fiscal_year, row.on_date,
                         row.amount_yen, row.number, row.due_on, row.note)
