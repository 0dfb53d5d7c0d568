"""User actions on agreements: create, correct, amend (kept as history), abolish, delete; posts; fields."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.agreement import (
    AgreementDraft,
    AgreementTerms,
    AmendmentDraft,
    validate_abolition,
    validate_agreement,
    validate_amendment,
    validate_terms,
)
from desktop.domain.expertise import FieldDraft, validate_field
from desktop.domain.periods import Period
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.models.agreement import (
    Agreement,
    AgreementField,
    AgreementVersion,
    Field,
    Post,
    SendingBody,
)
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import draft_of, post_label, terms_to_dict
from desktop.store.services.change import Change


def _sending_body(session: Session, name: str) -> SendingBody:
    body = session.scalar(select(SendingBody).where(SendingBody.name == name))
    if body is None:
        body = SendingBody(name=name)
        session.add(body)
        session.flush()
    return body


def _check_fields_exist(session: Session, field_ids: tuple[int, ...]) -> None:
    known = set(session.scalars(select(Field.id).where(Field.id.in_(field_ids))))
    if set(field_ids) - known:
        raise ValidationError.single("field_ids", _("分野が見つかりません。分野マスタを確認してください"))


def _assignments_outside(session: Session, agreement_id: int, period: Period) -> list[Problem]:
    rows = session.execute(
        select(StaffMember.name, Assignment.start_on, Assignment.end_on)
        .join(Post, Post.id == Assignment.post_id).join(StaffMember, StaffMember.id == Assignment.staff_id)
        .where(Post.agreement_id == agreement_id)
        .where((Assignment.start_on < period.start) | (Assignment.end_on > period.end))
    ).all()
    return [
        Problem("dispatch_end", _("{name}さんの派遣（{start}〜{end}）が新しい派遣期間の外になります").format(
            name=name, start=format_wareki(start), end=format_wareki(end)))
        for name, start, end in rows[:5]
    ]


def _write_terms(session: Session, agreement: Agreement, terms: AgreementTerms) -> None:
    agreement.policy_affairs = "\n".join(terms.policy_affairs)
    agreement.problem = terms.problem
    agreement.expertise = terms.expertise
    agreement.staff_count = terms.staff_count
    agreement.assigned_affairs = terms.assigned_affairs
    agreement.dispatch_start = terms.dispatch_start
    agreement.dispatch_end = terms.dispatch_end
    agreement.recruitment_cost_bearer = terms.recruitment_cost_bearer
    agreement.personnel_cost_bearer = terms.personnel_cost_bearer
    agreement.contribution_note = terms.contribution_note
    session.flush()
    session.execute(delete(AgreementField).where(AgreementField.agreement_id == agreement.id))
    session.add_all(AgreementField(agreement_id=agreement.id, field_id=f) for f in dict.fromkeys(terms.field_ids))
    session.flush()


def _check_draft(session: Session, draft: AgreementDraft, agreement_id: int | None) -> None:
    problems = validate_agreement(draft)
    clash = session.scalar(select(Agreement.id).where(Agreement.number == draft.number.strip()))
    if clash is not None and clash != agreement_id:
        problems.insert(0, Problem("number", _("協約番号「{number}」は既に登録されています").format(number=draft.number.strip())))
    if agreement_id is not None and draft.terms.dispatch_period is not None:
        problems.extend(_assignments_outside(session, agreement_id, draft.terms.dispatch_period))
    if problems:
        raise ValidationError(problems)
    _check_fields_exist(session, draft.terms.field_ids)


@writes
def create_agreement(session: Session, *, draft: AgreementDraft) -> Change:
    """連携協約の登録. The original terms become version 0, effective from the 締結日."""
    _check_draft(session, draft, None)
    agreement = Agreement(
        number=draft.number.strip(), sending_body=_sending_body(session, draft.partner.strip()), title=draft.title,
        resolution_on=draft.resolution_on, concluded_on=draft.concluded_on, notice_on=draft.notice_on,
        notified_on=draft.notified_on, dispute_requested_on=draft.dispute_requested_on,
        dispute_note=draft.dispute_note, abolition_note="",
    )
    session.add(agreement)
    session.flush()
    _write_terms(session, agreement, draft.terms)
    session.add(AgreementVersion(
        agreement_id=agreement.id, seq=0, kind="original", effective_on=draft.concluded_on, summary="",
        resolution_on=draft.resolution_on, concluded_on=draft.concluded_on, notice_on=draft.notice_on,
        notified_on=draft.notified_on, terms_json=json.dumps(terms_to_dict(draft.terms), ensure_ascii=False),
    ))
    session.flush()
    audit.record(session, entity="agreement", entity_id=agreement.id, action="create", after=draft,
                 summary=agreement.number)
    return Change("agreement", "create", (agreement.id,))


@writes
def update_agreement(session: Session, *, agreement_id: int, draft: AgreementDraft) -> Change:
    """A correction of what was entered (not an amendment): the latest version is corrected too."""
    agreement = _get(session, agreement_id)
    _check_draft(session, draft, agreement_id)
    before = draft_of(session, agreement)
    agreement.number = draft.number.strip()
    agreement.sending_body = _sending_body(session, draft.partner.strip())
    agreement.title = draft.title
    agreement.resolution_on, agreement.concluded_on = draft.resolution_on, draft.concluded_on
    agreement.notice_on, agreement.notified_on = draft.notice_on, draft.notified_on
    agreement.dispute_requested_on, agreement.dispute_note = draft.dispute_requested_on, draft.dispute_note
    _write_terms(session, agreement, draft.terms)
    latest = session.scalar(select(AgreementVersion).where(AgreementVersion.agreement_id == agreement_id)
                            .order_by(AgreementVersion.seq.desc()).limit(1))
    assert latest is not None
    latest.terms_json = json.dumps(terms_to_dict(draft.terms), ensure_ascii=False)
    if latest.seq == 0:
        latest.effective_on = draft.concluded_on
        latest.resolution_on, latest.concluded_on = draft.resolution_on, draft.concluded_on
        latest.notice_on, latest.notified_on = draft.notice_on, draft.notified_on
    session.flush()
    after = draft_of(session, agreement)
    if after != before:
        audit.record(session, entity="agreement", entity_id=agreement_id, action="update", before=before,
                     after=after, summary=agreement.number)
    return Change("agreement", "update", (agreement_id,))


@writes
def amend_agreement(session: Session, *, agreement_id: int, amendment: AmendmentDraft,
                    terms: AgreementTerms) -> Change:
    """協約変更: the new terms apply from effective_on; the old ones stay in the history."""
    agreement = _get(session, agreement_id)
    last = session.scalar(select(AgreementVersion).where(AgreementVersion.agreement_id == agreement_id)
                          .order_by(AgreementVersion.seq.desc()).limit(1))
    assert last is not None
    last_effective = last.effective_on if last.seq > 0 else None
    problems = validate_amendment(amendment, agreement.concluded_on, last_effective) + validate_terms(terms)
    if terms.dispatch_period is not None:
        problems.extend(_assignments_outside(session, agreement_id, terms.dispatch_period))
    if problems:
        raise ValidationError(problems)
    _check_fields_exist(session, terms.field_ids)
    before = draft_of(session, agreement)
    _write_terms(session, agreement, terms)
    session.add(AgreementVersion(
        agreement_id=agreement_id, seq=last.seq + 1, kind="amendment", effective_on=amendment.effective_on,
        summary=amendment.summary, resolution_on=amendment.resolution_on, concluded_on=amendment.concluded_on,
        notice_on=amendment.notice_on, notified_on=amendment.notified_on,
        terms_json=json.dumps(terms_to_dict(terms), ensure_ascii=False),
    ))
    session.flush()
    audit.record(session, entity="agreement", entity_id=agreement_id, action="amend",
                 before=before, after={"amendment": amendment, "terms": terms}, summary=agreement.number)
    return Change("agreement", "amend", (agreement_id,))


@writes
def abolish_agreement(session: Session, *, agreement_id: int, abolished_on: date | None, note: str = "") -> Change:
    """協約の廃止 (abolished_on=None withdraws a mistaken abolition, audited like any change)."""
    agreement = _get(session, agreement_id)
    if abolished_on is not None:
        problems = validate_abolition(abolished_on, agreement.concluded_on)
        if problems:
            raise ValidationError(problems)
    before = {"abolished_on": agreement.abolished_on, "note": agreement.abolition_note}
    agreement.abolished_on, agreement.abolition_note = abolished_on, note
    session.flush()
    audit.record(session, entity="agreement", entity_id=agreement_id, action="abolish", before=before,
                 after={"abolished_on": abolished_on, "note": note}, summary=agreement.number)
    return Change("agreement", "abolish", (agreement_id,))


@writes
def delete_agreement(session: Session, *, agreement_id: int) -> Change:
    agreement = _get(session, agreement_id)
    if session.scalar(select(func.count(Post.id)).where(Post.agreement_id == agreement_id)):
        raise ValidationError.single("number", _("派遣先ポストがある協約は削除できません。廃止として記録してください"))
    before = draft_of(session, agreement)
    session.execute(delete(AgreementVersion).where(AgreementVersion.agreement_id == agreement_id))
    session.execute(delete(AgreementField).where(AgreementField.agreement_id == agreement_id))
    session.delete(agreement)
    session.flush()
    audit.record(session, entity="agreement", entity_id=agreement_id, action="delete", before=before,
                 summary=before.number)
    return Change("agreement", "delete", (agreement_id,))


def _get(session: Session, agreement_id: int) -> Agreement:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise ValidationError.single("number", _("協約が見つかりません（削除された可能性があります）"))
    return agreement


# -- posts


def _check_post(session: Session, agreement_id: int, department: str, job: str, post_id: int | None) -> None:
    problems = []
    if session.get(Agreement, agreement_id) is None:
        problems.append(Problem("agreement_id", _("協約を選んでください")))
    if not department.strip():
        problems.append(Problem("department", _("部署名を入力してください")))
    clash = session.scalar(select(Post.id).where(Post.agreement_id == agreement_id, Post.department == department.strip(),
                                                 Post.job == job.strip()))
    if clash is not None and clash != post_id:
        problems.append(Problem("department", _("派遣先ポスト「{post}」はこの協約に既にあります").format(
            post=post_label(department.strip(), job.strip()))))
    if problems:
        raise ValidationError(problems)


@writes
def create_post(session: Session, *, agreement_id: int, department: str, job: str, note: str = "") -> Change:
    """派遣先ポストの追加."""
    _check_post(session, agreement_id, department, job, None)
    post = Post(agreement_id=agreement_id, department=department.strip(), job=job.strip(), note=note)
    session.add(post)
    session.flush()
    audit.record(session, entity="post", entity_id=post.id, action="create",
                 after={"agreement_id": agreement_id, "department": post.department, "job": post.job, "note": note},
                 summary=post_label(post.department, post.job))
    return Change("post", "create", (post.id,))


@writes
def update_post(session: Session, *, post_id: int, department: str, job: str, note: str = "") -> Change:
    post = session.get(Post, post_id)
    if post is None:
        raise ValidationError.single("department", _("派遣先ポストが見つかりません"))
    _check_post(session, post.agreement_id, department, job, post_id)
    before = {"department": post.department, "job": post.job, "note": post.note}
    post.department, post.job, post.note = department.strip(), job.strip(), note
    session.flush()
    audit.record(session, entity="post", entity_id=post_id, action="update", before=before,
                 after={"department": post.department, "job": post.job, "note": note},
                 summary=post_label(post.department, post.job))
    return Change("post", "update", (post_id,))


@writes
def delete_post(session: Session, *, post_id: int) -> Change:
    post = session.get(Post, post_id)
    if post is None:
        raise ValidationError.single("department", _("派遣先ポストが見つかりません"))
    if session.scalar(select(func.count(Assignment.id)).where(Assignment.post_id == post_id)):
        raise ValidationError.single("department", _("派遣の記録があるポストは削除できません"))
    before = {"agreement_id": post.agreement_id, "department": post.department, "job": post.job}
    session.delete(post)
    session.flush()
    audit.record(session, entity="post", entity_id=post_id, action="delete", before=before,
                 summary=post_label(before["department"], before["job"]))  # type: ignore[arg-type]
    return Change("post", "delete", (post_id,))


# -- fields of expertise (master data)


@writes
def save_field(session: Session, *, field_id: int | None, draft: FieldDraft) -> Change:
    """分野マスタの追加・変更."""
    others = set(session.scalars(select(Field.name).where(Field.id != (field_id or -1))))
    problems = validate_field(draft, others)
    if problems:
        raise ValidationError(problems)
    if field_id is None:
        order = (session.scalar(select(func.max(Field.sort_order))) or 0) + 1
        field = Field(name=draft.name.strip(), separate_measure=draft.separate_measure, active=draft.active,
                      sort_order=order)
        session.add(field)
        session.flush()
        audit.record(session, entity="field", entity_id=field.id, action="create", after=draft, summary=field.name)
        return Change("field", "create", (field.id,))
    existing = session.get(Field, field_id)
    if existing is None:
        raise ValidationError.single("name", _("分野が見つかりません"))
    before = FieldDraft(existing.name, existing.separate_measure, existing.active)
    existing.name, existing.separate_measure, existing.active = draft.name.strip(), draft.separate_measure, draft.active
    session.flush()
    audit.record(session, entity="field", entity_id=field_id, action="update", before=before, after=draft,
                 summary=existing.name)
    return Change("field", "update", (field_id,))
