"""Reading staff and assignments: the all-day list (SQL sorts and filters) and one assignment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.periods import Period
from desktop.domain.staffing import (
    AgreementContext,
    AssignmentDraft,
    DispatchForm,
    EmploymentType,
    OtherAssignment,
)
from desktop.store.access import reads_personal_data
from desktop.store.models.agreement import Agreement, AgreementField, Field, Post
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import post_label

AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    staff_id: int
    name: str
    reading: str
    field_name: str
    separate_measure: bool
    employment_type: EmploymentType
    dispatch_form: DispatchForm
    agreement_id: int
    agreement_number: str
    post_id: int
    post_label: str
    start_on: date
    end_on: date


ASSIGNMENT_SORT = {
    "name": StaffMember.reading.collate("kana"), "reading": StaffMember.reading.collate("kana"), "field": Field.name,
    "employment_type": Assignment.employment_type, "dispatch_form": Assignment.dispatch_form,
    "agreement": Agreement.number, "post": Post.department, "start_on": Assignment.start_on,
    "end_on": Assignment.end_on,
}

STATUS_ALL, STATUS_CURRENT, STATUS_PAST, STATUS_FUTURE = "all", "current", "past", "future"


def _base() -> AnySelect:
    return (
        select(Assignment, StaffMember, Field, Post, Agreement.number)
        .join(StaffMember, StaffMember.id == Assignment.staff_id)
        .join(Field, Field.id == Assignment.field_id)
        .join(Post, Post.id == Assignment.post_id)
        .join(Agreement, Agreement.id == Post.agreement_id)
    )


def _filter(statement: AnySelect, text: str, fiscal_year: FiscalYear | None, status: str,
            today: date) -> AnySelect:
    if text:
        pattern = f"%{text}%"
        statement = statement.where(or_(
            StaffMember.name.like(pattern), StaffMember.reading.like(pattern), Field.name.like(pattern),
            Post.department.like(pattern), Post.job.like(pattern), Agreement.number.like(pattern),
        ))
    if fiscal_year is not None:
        statement = statement.where(Assignment.start_on <= fiscal_year.end, Assignment.end_on >= fiscal_year.start)
    if status == STATUS_CURRENT:
        statement = statement.where(Assignment.start_on <= today, Assignment.end_on >= today)
    elif status == STATUS_PAST:
        statement = statement.where(Assignment.end_on < today)
    elif status == STATUS_FUTURE:
        statement = statement.where(Assignment.start_on > today)
    return statement


@reads_personal_data
def list_assignments(
    session: Session, *, text: str = "", fiscal_year: FiscalYear | None = None, status: str = STATUS_ALL,
    today: date | None = None, sort_key: str | None = None, descending: bool = False,
    offset: int = 0, limit: int = 200,
) -> list[AssignmentRow]:
    statement = _filter(_base(), text, fiscal_year, status, today or date.today())
    column = ASSIGNMENT_SORT.get(sort_key or "", Assignment.start_on)
    order = column.desc() if descending else column.asc()
    statement = statement.order_by(order, StaffMember.reading.collate("kana"), Assignment.id).offset(offset).limit(limit)
    return [
        AssignmentRow(a.id, s.id, s.name, s.reading, f.name, f.separate_measure, EmploymentType(a.employment_type),
                      DispatchForm(a.dispatch_form), p.agreement_id, number, p.id, post_label(p.department, p.job),
                      a.start_on, a.end_on)
        for a, s, f, p, number in session.execute(statement).all()
    ]


@reads_personal_data
def count_assignments(session: Session, *, text: str = "", fiscal_year: FiscalYear | None = None,
                      status: str = STATUS_ALL, today: date | None = None) -> int:
    statement = _filter(_base().with_only_columns(func.count(Assignment.id)), text, fiscal_year, status,
                        today or date.today())
    return int(session.scalar(statement) or 0)


@dataclass(frozen=True)
class AssignmentDetail:
    id: int
    staff_id: int
    draft: AssignmentDraft


@reads_personal_data
def get_assignment(session: Session, assignment_id: int) -> AssignmentDetail | None:
    row = session.execute(
        select(Assignment, StaffMember).join(StaffMember).where(Assignment.id == assignment_id)
    ).first()
    if row is None:
        return None
    a, s = row
    return AssignmentDetail(a.id, s.id, AssignmentDraft(
        name=s.name, reading=s.reading, post_id=a.post_id, field_id=a.field_id,
        employment_type=EmploymentType(a.employment_type), dispatch_form=DispatchForm(a.dispatch_form),
        start_on=a.start_on, end_on=a.end_on, hired_for_support=a.hired_for_support, note=a.note,
    ))


def agreement_context_for_post(session: Session, post_id: int) -> AgreementContext | None:
    agreement_id = session.scalar(select(Post.agreement_id).where(Post.id == post_id))
    return agreement_context(session, agreement_id) if agreement_id is not None else None


def agreement_context(session: Session, agreement_id: int) -> AgreementContext | None:
    """What an assignment under this agreement is checked against (current terms)."""
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        return None
    fields = frozenset(session.scalars(select(AgreementField.field_id).where(AgreementField.agreement_id == agreement.id)))
    period = (Period(agreement.dispatch_start, agreement.dispatch_end)
              if agreement.dispatch_start and agreement.dispatch_end else None)
    return AgreementContext(agreement.number, period, fields, agreement.abolished_on)


@reads_personal_data
def find_staff_id(session: Session, name: str, reading: str) -> int | None:
    return session.scalar(select(StaffMember.id).where(StaffMember.name == name, StaffMember.reading == reading)
                          .order_by(StaffMember.id).limit(1))


def assignment_fiscal_years(session: Session) -> list[FiscalYear]:
    """Every fiscal year touched by some assignment, newest first (for the year filter)."""
    first, last = session.execute(select(func.min(Assignment.start_on), func.max(Assignment.end_on))).one()
    if first is None or last is None:
        return []
    return [FiscalYear(y) for y in range(FiscalYear.of(last).year, FiscalYear.of(first).year - 1, -1)]


@reads_personal_data
def other_assignments(session: Session, staff_id: int, *, except_id: int | None = None) -> list[OtherAssignment]:
    """The person's assignments (but one), for the no-overlap rule."""
    rows = session.execute(
        select(Assignment.start_on, Assignment.end_on, Post.department, Post.job)
        .join(Post, Post.id == Assignment.post_id)
        .where(Assignment.staff_id == staff_id, Assignment.id != (except_id or -1))
    ).all()
    return [OtherAssignment(Period(s, e), post_label(d, j)) for s, e, d, j in rows]
