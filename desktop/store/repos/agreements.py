"""Reading agreements, their versions, fields of expertise and posts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.agreement import AgreementDraft, AgreementTerms
from desktop.store.models.agreement import (
    Agreement,
    AgreementField,
    AgreementVersion,
    Field,
    Post,
    SendingBody,
)
from desktop.store.models.staffing import Assignment


def terms_to_dict(terms: AgreementTerms) -> dict[str, Any]:
    return {
        "policy_affairs": list(terms.policy_affairs), "problem": terms.problem,
        "expertise": terms.expertise, "field_ids": list(terms.field_ids),
        "staff_count": terms.staff_count, "assigned_affairs": terms.assigned_affairs,
        "dispatch_start": terms.dispatch_start.isoformat() if terms.dispatch_start else None,
        "dispatch_end": terms.dispatch_end.isoformat() if terms.dispatch_end else None,
        "recruitment_cost_bearer": terms.recruitment_cost_bearer,
        "personnel_cost_bearer": terms.personnel_cost_bearer,
        "contribution_note": terms.contribution_note,
    }


def terms_from_dict(data: dict[str, Any]) -> AgreementTerms:
    start, end = data.get("dispatch_start"), data.get("dispatch_end")
    return AgreementTerms(
        policy_affairs=tuple(data.get("policy_affairs", ())), problem=data.get("problem", ""),
        expertise=data.get("expertise", ""), field_ids=tuple(data.get("field_ids", ())),
        staff_count=int(data.get("staff_count", 1)), assigned_affairs=data.get("assigned_affairs", ""),
        dispatch_start=date.fromisoformat(start) if start else None,
        dispatch_end=date.fromisoformat(end) if end else None,
        recruitment_cost_bearer=data.get("recruitment_cost_bearer", ""),
        personnel_cost_bearer=data.get("personnel_cost_bearer", ""),
        contribution_note=data.get("contribution_note", ""),
    )


def field_ids_of(session: Session, agreement_id: int) -> tuple[int, ...]:
    return tuple(session.scalars(
        select(AgreementField.field_id).join(Field, Field.id == AgreementField.field_id)
        .where(AgreementField.agreement_id == agreement_id).order_by(Field.sort_order, Field.id)
    ))


def terms_of(session: Session, agreement: Agreement) -> AgreementTerms:
    return AgreementTerms(
        policy_affairs=tuple(line for line in agreement.policy_affairs.splitlines() if line.strip()),
        problem=agreement.problem, expertise=agreement.expertise,
        field_ids=field_ids_of(session, agreement.id), staff_count=agreement.staff_count,
        assigned_affairs=agreement.assigned_affairs, dispatch_start=agreement.dispatch_start,
        dispatch_end=agreement.dispatch_end, recruitment_cost_bearer=agreement.recruitment_cost_bearer,
        personnel_cost_bearer=agreement.personnel_cost_bearer, contribution_note=agreement.contribution_note,
    )


def draft_of(session: Session, agreement: Agreement) -> AgreementDraft:
    return AgreementDraft(
        number=agreement.number, partner=agreement.sending_body.name, title=agreement.title,
        resolution_on=agreement.resolution_on, concluded_on=agreement.concluded_on,
        notice_on=agreement.notice_on, notified_on=agreement.notified_on,
        dispute_requested_on=agreement.dispute_requested_on, dispute_note=agreement.dispute_note,
        terms=terms_of(session, agreement),
    )


@dataclass(frozen=True)
class AgreementRow:
    id: int
    number: str
    partner: str
    title: str
    concluded_on: date | None
    dispatch_start: date | None
    dispatch_end: date | None
    abolished_on: date | None
    field_names: str
    post_count: int
    version_count: int


@dataclass(frozen=True)
class VersionRow:
    id: int
    seq: int
    kind: str
    effective_on: date | None
    summary: str
    resolution_on: date | None
    concluded_on: date | None
    notice_on: date | None
    notified_on: date | None
    terms: AgreementTerms


@dataclass(frozen=True)
class AgreementDetail:
    id: int
    draft: AgreementDraft
    abolished_on: date | None
    abolition_note: str
    versions: list[VersionRow]


AGREEMENT_SORT = {
    "number": Agreement.number, "partner": SendingBody.name, "concluded_on": Agreement.concluded_on,
    "dispatch_start": Agreement.dispatch_start, "dispatch_end": Agreement.dispatch_end,
    "abolished_on": Agreement.abolished_on,
}


def _agreement_filter(text: str) -> Any:
    pattern = f"%{text}%"
    field_match = select(AgreementField.agreement_id).join(Field).where(Field.name.like(pattern))
    return or_(Agreement.number.like(pattern), SendingBody.name.like(pattern), Agreement.title.like(pattern),
               Agreement.id.in_(field_match))


def list_agreements(session: Session, *, text: str = "", sort_key: str | None = None,
                    descending: bool = False, offset: int = 0, limit: int = 200) -> list[AgreementRow]:
    field_names = (
        select(func.group_concat(Field.name, "・")).select_from(AgreementField).join(Field)
        .where(AgreementField.agreement_id == Agreement.id).correlate(Agreement).scalar_subquery()
    )
    posts = select(func.count(Post.id)).where(Post.agreement_id == Agreement.id).correlate(Agreement).scalar_subquery()
    versions = (select(func.count(AgreementVersion.id)).where(AgreementVersion.agreement_id == Agreement.id)
                .correlate(Agreement).scalar_subquery())
    statement = select(Agreement, SendingBody.name, field_names, posts, versions).join(SendingBody)
    if text:
        statement = statement.where(_agreement_filter(text))
    sortable = {**AGREEMENT_SORT, "fields": field_names, "posts": posts, "versions": versions}
    column = sortable.get(sort_key or "", Agreement.number)
    statement = statement.order_by(column.desc() if descending else column.asc(), Agreement.id)
    rows = session.execute(statement.offset(offset).limit(limit)).all()
    return [
        AgreementRow(a.id, a.number, partner, a.title, a.concluded_on, a.dispatch_start, a.dispatch_end,
                     a.abolished_on, names or "", post_count, version_count - 1)
        for a, partner, names, post_count, version_count in rows
    ]


def count_agreements(session: Session, *, text: str = "") -> int:
    statement = select(func.count(Agreement.id)).join(SendingBody)
    if text:
        statement = statement.where(_agreement_filter(text))
    return int(session.scalar(statement) or 0)


def _version_row(v: AgreementVersion) -> VersionRow:
    return VersionRow(v.id, v.seq, v.kind, v.effective_on, v.summary, v.resolution_on, v.concluded_on,
                      v.notice_on, v.notified_on, terms_from_dict(json.loads(v.terms_json)))


def get_agreement(session: Session, agreement_id: int) -> AgreementDetail | None:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        return None
    versions = session.scalars(
        select(AgreementVersion).where(AgreementVersion.agreement_id == agreement_id).order_by(AgreementVersion.seq)
    ).all()
    return AgreementDetail(agreement.id, draft_of(session, agreement), agreement.abolished_on,
                           agreement.abolition_note, [_version_row(v) for v in versions])


def find_agreement_id(session: Session, number: str) -> int | None:
    return session.scalar(select(Agreement.id).where(Agreement.number == number.strip()))


def terms_as_of(session: Session, agreement_id: int, day: date) -> VersionRow | None:
    """The agreement's terms as they stood on `day`; None before it was concluded."""
    versions = session.scalars(
        select(AgreementVersion).where(AgreementVersion.agreement_id == agreement_id)
        .order_by(AgreementVersion.seq.desc())
    ).all()
    for version in versions:
        if version.effective_on is not None and version.effective_on <= day:
            return _version_row(version)
    return None


@dataclass(frozen=True)
class FieldRow:
    id: int
    name: str
    separate_measure: bool
    active: bool
    sort_order: int
    assignment_count: int


def list_fields(session: Session, *, include_inactive: bool = True) -> list[FieldRow]:
    used = select(func.count(Assignment.id)).where(Assignment.field_id == Field.id).correlate(Field).scalar_subquery()
    statement = select(Field, used).order_by(Field.sort_order, Field.id)
    if not include_inactive:
        statement = statement.where(Field.active.is_(True))
    return [FieldRow(f.id, f.name, f.separate_measure, f.active, f.sort_order, count)
            for f, count in session.execute(statement).all()]


def field_names_by_id(session: Session) -> dict[int, str]:
    return {f.id: f.name for f in session.scalars(select(Field))}


@dataclass(frozen=True)
class PostRow:
    id: int
    agreement_id: int
    agreement_number: str
    department: str
    job: str
    note: str
    assignment_count: int

    @property
    def label(self) -> str:
        return post_label(self.department, self.job)


def post_label(department: str, job: str) -> str:
    return f"{department}／{job}" if job else department


def list_posts(session: Session, *, agreement_id: int | None = None) -> list[PostRow]:
    used = select(func.count(Assignment.id)).where(Assignment.post_id == Post.id).correlate(Post).scalar_subquery()
    statement = select(Post, Agreement.number, used).join(Agreement).order_by(Agreement.number, Post.department, Post.job)
    if agreement_id is not None:
        statement = statement.where(Post.agreement_id == agreement_id)
    return [PostRow(p.id, p.agreement_id, number, p.department, p.job, p.note, count)
            for p, number, count in session.execute(statement).all()]


def find_post_id(session: Session, agreement_id: int, department: str, job: str) -> int | None:
    return session.scalar(select(Post.id).where(Post.agreement_id == agreement_id, Post.department == department,
                                                Post.job == job))
