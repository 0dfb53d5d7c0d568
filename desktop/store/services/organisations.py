"""User actions on organisations: register, correct, 変更届, apply, review, and each decision.

Every action is one transaction opened by the caller, checked by the domain's state machine,
recorded as a dated event with the organisation's data (the history and the as-of registry)
and audited in the same transaction.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from desktop.domain.designation import (
    Designation,
    Dissolution,
    ImprovementConfirmed,
    ImprovementOrder,
    Refusal,
    Revocation,
    check_change_notice,
    check_designation,
    check_dissolution,
    check_improvement_confirmed,
    check_improvement_order,
    check_refusal,
    check_revocation,
)
from desktop.domain.organisation import (
    Action,
    ApplicationDraft,
    OrganisationDraft,
    OrgState,
    refusal,
    review_application,
    validate_application,
    validate_organisation,
)
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.audit import canonical_json
from desktop.store.models.organisation import Organisation, OrgApplication, OrgEvent
from desktop.store.models.organisation_records import OrgOrder, OrgRevocation
from desktop.store.repos.organisation_records import open_order
from desktop.store.repos.organisations import (
    application_from_json,
    application_to_json,
    draft_of,
    draft_to_json,
    get_ordinance,
    latest_application,
    taken_designation_numbers,
)
from desktop.store.services.change import Change


def _get(session: Session, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise ValidationError.single("name", _("団体が見つかりません（削除された可能性があります）"))
    return org


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _write(org: Organisation, draft: OrganisationDraft) -> None:
    org.name, org.kind = draft.name.strip(), draft.kind.value
    org.representative_title, org.representative_name = draft.representative_title, draft.representative_name
    org.address, org.area, org.area_detail = draft.address, draft.area.strip(), draft.area_detail
    org.member_count, org.membership = draft.member_count, draft.membership.value
    org.contact, org.articles_on, org.note = draft.contact, draft.articles_on, draft.note


def _last_event_on(session: Session, org_id: int) -> date | None:
    return session.scalar(select(func.max(OrgEvent.on_date)).where(OrgEvent.org_id == org_id))


def _event(session: Session, org: Organisation, *, on: date, action: str, summary: str = "",
           detail: Any = None) -> None:
    seq = (session.scalar(select(func.max(OrgEvent.seq)).where(OrgEvent.org_id == org.id)) or 0) + 1
    session.add(OrgEvent(org_id=org.id, seq=seq, on_date=on, action=action, state_after=org.state, summary=summary,
                         snapshot_json=draft_to_json(draft_of(org)), detail_json=canonical_json(detail or {}),
                         designation_number=org.designation_number))
    session.flush()


def _columns(row: Any) -> dict[str, Any]:
    """A row as its columns hold it, id included."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(type(row)).column_attrs}


def _audit(session: Session, org: Organisation, action: str, before: Any, after: Any,
           records: tuple[Any, ...] = ()) -> Change:
    """`records`: the other rows the action wrote (its application, order, revocation), audited
    inside the organisation's entry under "records" so that `check` can replay them too."""
    if records:
        session.flush()
        image = json.loads(audit.canonical_json(after))
        after = (image if isinstance(image, dict) else {"image": image}) | {
            "records": {row.__tablename__: _columns(row) for row in records}}
    audit.record(session, entity="organisation", entity_id=org.id, action=action, before=before, after=after,
                 summary=org.name)
    return Change("organisation", action, (org.id,))


def _state_of(org: Organisation) -> dict[str, Any]:
    return {"state": org.state, "designation_number": org.designation_number, "designated_on": org.designated_on,
            "notice_on": org.notice_on}


@writes
def register_organisation(session: Session, *, draft: OrganisationDraft, registered_on: date) -> Change:
    """団体の登録 (未申請). An application is received separately."""
    _raise(validate_organisation(draft))
    org = Organisation(state=OrgState.REGISTERED.value)
    _write(org, draft)
    session.add(org)
    session.flush()
    _event(session, org, on=registered_on, action="register", summary=_("登録"))
    return _audit(session, org, "create", None, draft)


@writes
def correct_organisation(session: Session, *, org_id: int, draft: OrganisationDraft, on: date) -> Change:
    """登録内容の訂正 (an entry error, not a change of the organisation: that is a 変更届)."""
    org = _get(session, org_id)
    _raise(validate_organisation(draft))
    before = draft_of(org)
    _write(org, draft)
    session.flush()
    if draft_of(org) == before:
        return Change("organisation", "update", (org.id,), 0)
    _event(session, org, on=on, action="correct", summary=_("登録内容の訂正"))
    return _audit(session, org, "update", before, draft)


@writes
def notify_change(session: Session, *, org_id: int, draft: OrganisationDraft, effective_on: date,
                  summary: str) -> Change:
    """変更届 of a designated organisation: the new data applies from effective_on; the old stays in history."""
    org = _get(session, org_id)
    problems = check_change_notice(OrgState(org.state), effective_on, summary, org.designated_on)
    _raise(problems + validate_organisation(draft))
    before = draft_of(org)
    _write(org, draft)
    session.flush()
    _event(session, org, on=effective_on, action=Action.NOTIFY_CHANGE.value, summary=summary.strip(),
           detail={"before": before})
    return _audit(session, org, Action.NOTIFY_CHANGE.value, before, {"effective_on": effective_on, "draft": draft,
                                                                     "summary": summary})


@writes
def apply_for_designation(session: Session, *, org_id: int, application: ApplicationDraft, today: date) -> Change:
    """指定申請の受付: 未申請 or 不指定 → 申請中, with what was applied with."""
    org = _get(session, org_id)
    problems = [Problem("state", r)] if (r := refusal(OrgState(org.state), Action.APPLY)) else []
    _raise(problems + validate_application(application, today))
    assert application.applied_on is not None
    record = OrgApplication(org_id=org.id, applied_on=application.applied_on,
                            content_json=application_to_json(application))
    session.add(record)
    before = _state_of(org)
    org.state = OrgState.APPLIED.value
    session.flush()
    _event(session, org, on=application.applied_on, action=Action.APPLY.value, summary=_("指定申請の受付"))
    return _audit(session, org, Action.APPLY.value, before, application, (record,))


@writes
def update_application(session: Session, *, org_id: int, application: ApplicationDraft, today: date) -> Change:
    """The review while 申請中: activities, checklist answers and attachments received so far."""
    org = _get(session, org_id)
    record = latest_application(session, org_id)
    if OrgState(org.state) is not OrgState.APPLIED or record is None or record.status != "open":
        raise ValidationError.single("state", _("申請中の団体ではないため、申請内容を変更できません"))
    _raise(validate_application(application, today))
    assert application.applied_on is not None
    before = application_from_json(record.applied_on, record.content_json)
    record.applied_on, record.content_json = application.applied_on, application_to_json(application)
    session.flush()
    return _audit(session, org, "review", before, application, (record,))


def _open_application(session: Session, org: Organisation) -> OrgApplication:
    record = latest_application(session, org.id)
    if record is None or record.status != "open":
        raise ValidationError.single("state", _("受付中の申請がありません"))
    return record


def _close(record: OrgApplication, status: str, decided_on: date, decision: Any) -> None:
    record.status, record.decided_on = status, decided_on
    record.decision_json = canonical_json(decision)


@writes
def withdraw_application(session: Session, *, org_id: int, on: date, note: str = "") -> Change:
    org = _get(session, org_id)
    _raise([Problem("state", r)] if (r := refusal(OrgState(org.state), Action.WITHDRAW_APPLICATION)) else [])
    record = _open_application(session, org)
    _close(record, "withdrawn", on, {"note": note})
    before = _state_of(org)
    org.state = OrgState.REGISTERED.value
    session.flush()
    _event(session, org, on=on, action=Action.WITHDRAW_APPLICATION.value, summary=_("申請の取下げ"),
           detail={"note": note})
    return _audit(session, org, Action.WITHDRAW_APPLICATION.value, before, _state_of(org), (record,))


@writes
def designate(session: Session, *, org_id: int, decision: Designation) -> Change:
    """指定 (第2項): only when every requirement of the review is met; 指定番号 unique."""
    org = _get(session, org_id)
    record = latest_application(session, org_id)
    application = None if record is None else application_from_json(record.applied_on, record.content_json)
    review = review_application(get_ordinance(session), draft_of(org), application or ApplicationDraft())
    _raise(check_designation(OrgState(org.state), decision, review, application.applied_on if application else None,
                             taken_designation_numbers(session, except_id=org.id)))
    assert record is not None
    _close(record, "designated", decision.decided_on, decision)
    before = _state_of(org)
    org.state = OrgState.DESIGNATED.value
    org.designation_number = decision.number.strip()
    org.designated_on, org.notice_on = decision.decided_on, decision.notice_on
    session.flush()
    _event(session, org, on=decision.decided_on, action=Action.DESIGNATE.value,
           summary=_("指定（{number}）").format(number=org.designation_number), detail=decision)
    return _audit(session, org, Action.DESIGNATE.value, before, _state_of(org), (record,))


@writes
def refuse(session: Session, *, org_id: int, decision: Refusal) -> Change:
    """不指定: the reasons go on the 不指定通知書 with the appeal notice."""
    org = _get(session, org_id)
    record = latest_application(session, org_id)
    _raise(check_refusal(OrgState(org.state), decision, record.applied_on if record else None))
    assert record is not None
    _close(record, "refused", decision.decided_on, decision)
    before = _state_of(org)
    org.state = OrgState.REFUSED.value
    session.flush()
    _event(session, org, on=decision.decided_on, action=Action.REFUSE.value, summary=_("不指定"), detail=decision)
    return _audit(session, org, Action.REFUSE.value, before, {"state": org.state, "decision": decision}, (record,))


def _transition(session: Session, org: Organisation, action: Action, target: OrgState, on: date, summary: str,
                detail: Any, records: tuple[Any, ...] = ()) -> Change:
    before = _state_of(org)
    org.state = target.value
    session.flush()
    _event(session, org, on=on, action=action.value, summary=summary, detail=detail)
    return _audit(session, org, action.value, before, {"state": org.state, "detail": detail}, records)


@writes
def order_improvement(session: Session, *, org_id: int, order: ImprovementOrder) -> Change:
    """改善命令 (第11項), with its deadline; kept as an order record until its outcome is known."""
    org = _get(session, org_id)
    _raise(check_improvement_order(OrgState(org.state), order, org.designated_on))
    row = OrgOrder(org_id=org.id, ordered_on=order.ordered_on, failings=order.failings.strip(),
                   measures=order.measures.strip(), deadline=order.deadline, outcome_note="")
    session.add(row)
    return _transition(session, org, Action.ORDER_IMPROVEMENT, OrgState.UNDER_ORDER, order.ordered_on,
                       _("改善命令（期限 {deadline}）").format(deadline=format_wareki(order.deadline)), order, (row,))


@writes
def confirm_improvement(session: Session, *, org_id: int, confirmed: ImprovementConfirmed) -> Change:
    org = _get(session, org_id)
    _raise(check_improvement_confirmed(OrgState(org.state), confirmed, _last_event_on(session, org_id)))
    if (order := open_order(session, org_id=org.id)) is not None:
        order.outcome, order.outcome_on, order.outcome_note = "improved", confirmed.confirmed_on, confirmed.note
    return _transition(session, org, Action.CONFIRM_IMPROVEMENT, OrgState.DESIGNATED, confirmed.confirmed_on,
                       _("改善の確認"), confirmed, () if order is None else (order,))


@writes
def revoke(session: Session, *, org_id: int, revocation: Revocation) -> Change:
    """指定の取消し (第12項), recorded with its ground; an order in force ends with it."""
    org = _get(session, org_id)
    order = open_order(session, org_id=org.id)
    _raise(check_revocation(OrgState(org.state), revocation, _last_event_on(session, org_id),
                            order_deadline=order.deadline if order is not None else None))
    if order is not None:
        order.outcome, order.outcome_on = "revoked", revocation.revoked_on
    row = OrgRevocation(org_id=org.id, revoked_on=revocation.revoked_on, ground=revocation.ground.value,
                        reason=revocation.reason.strip(), order_id=order.id if order is not None else None)
    session.add(row)
    return _transition(session, org, Action.REVOKE, OrgState.REVOKED, revocation.revoked_on,
                       _("指定の取消し（{ground}）").format(ground=revocation.ground.label), revocation,
                       (row,) if order is None else (order, row))


@writes
def dissolve(session: Session, *, org_id: int, dissolution: Dissolution) -> Change:
    """辞退・解散の届出."""
    org = _get(session, org_id)
    _raise(check_dissolution(OrgState(org.state), dissolution, _last_event_on(session, org_id)))
    return _transition(session, org, Action.DISSOLVE, OrgState.DISSOLVED, dissolution.on,
                       dissolution.kind.label, dataclasses.asdict(dissolution) | {"kind": dissolution.kind.value})

