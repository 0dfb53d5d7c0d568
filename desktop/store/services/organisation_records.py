"""User actions on an organisation's records after designation: record or correct support (第3項),
a coordination request (第5項), a negotiated contract (第6項), a lease (第7項〜第9項) and a report
request (第10項). One transaction each (opened by the caller), audited in it.

Improvement orders and revocations are written by the state transitions in services.organisations.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.domain.org_lease import PropertyLeaseDraft, overlap_problems, validate_lease
from desktop.domain.org_reports import ReportRequestDraft, validate_report_request
from desktop.domain.org_support import (
    CoordinationRequestDraft,
    NegotiatedContractDraft,
    SupportDraft,
    state_problems,
    validate_contract,
    validate_coordination,
    validate_support,
)
from desktop.domain.organisation import OrgState
from desktop.domain.problems import Problem, ValidationError
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.models.organisation import Organisation
from desktop.store.repos.organisation_records import (
    CONTRACT,
    COORDINATION,
    LEASE,
    REPORT,
    SUPPORT,
    RecordKind,
    draft_of,
    other_leases_of_room,
    stored,
)
from desktop.store.services.change import Change

D = TypeVar("D")


def _organisation(session: Session, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise ValidationError.single("org_id", _("団体が見つかりません（削除された可能性があります）"))
    return org


def _save(session: Session, kind: RecordKind[D], *, org_id: int, record_id: int | None, draft: D,
          problems: list[Problem], what: str) -> Change:
    """Checks, writes and audits one record; a new record needs a designated organisation, a
    correction of an existing one does not (the history stays true after a revocation)."""
    org = _organisation(session, org_id)
    row: Any = None
    if record_id is not None:
        row = session.get(kind.model, record_id)
        if row is None or row.org_id != org_id:
            raise ValidationError.single("record_id", _("記録が見つかりません（削除された可能性があります）"))
    else:
        problems = state_problems(OrgState(org.state), what) + problems
    if problems:
        raise ValidationError(problems)
    before = None if row is None else draft_of(kind, row)
    if row is None:
        row = kind.model()
        row.org_id = org_id
        session.add(row)
    for field in dataclasses.fields(draft):  # type: ignore[arg-type]
        value = getattr(draft, field.name)
        setattr(row, field.name, stored(value.strip() if isinstance(value, str) else value))
    session.flush()
    if before == draft:
        return Change(kind.entity, "update", (row.id,), 0)
    action = "create" if before is None else "update"
    audit.record(session, entity=kind.entity, entity_id=row.id, action=action, before=before,
                 after={"org_id": org_id, "record": draft}, summary=f"{org.name}　{what}")
    return Change("organisation", f"{kind.entity}.{action}", (row.id,))


@writes
def save_support(session: Session, *, org_id: int, record_id: int | None, draft: SupportDraft) -> Change:
    """支援 (第3項) を記録・訂正する."""
    return _save(session, SUPPORT, org_id=org_id, record_id=record_id, draft=draft,
                 problems=validate_support(draft), what=_("支援"))


@writes
def save_coordination(session: Session, *, org_id: int, record_id: int | None, draft: CoordinationRequestDraft) -> Change:
    """調整の求め (第5項) と措置・結果を記録する."""
    return _save(session, COORDINATION, org_id=org_id, record_id=record_id, draft=draft,
                 problems=validate_coordination(draft), what=_("調整の求め"))


@writes
def save_contract(session: Session, *, org_id: int, record_id: int | None, draft: NegotiatedContractDraft) -> Change:
    """随意契約による委託 (第6項) を記録する."""
    return _save(session, CONTRACT, org_id=org_id, record_id=record_id, draft=draft,
                 problems=validate_contract(draft), what=_("随意契約"))


@writes
def save_lease(session: Session, *, org_id: int, record_id: int | None, draft: PropertyLeaseDraft) -> Change:
    """行政財産の貸付け (第7項〜第9項); a lease overlapping another lease of the same room is refused."""
    problems = validate_lease(draft)
    if not problems:
        problems = overlap_problems(draft, other_leases_of_room(session, draft, except_id=record_id))
    return _save(session, LEASE, org_id=org_id, record_id=record_id, draft=draft, problems=problems,
                 what=_("行政財産の貸付け"))


@writes
def save_report_request(session: Session, *, org_id: int, record_id: int | None,
                        draft: ReportRequestDraft) -> Change:
    """報告徴収 (第10項): the request, and later the report received."""
    return _save(session, REPORT, org_id=org_id, record_id=record_id, draft=draft,
                 problems=validate_report_request(draft), what=_("報告徴収"))
