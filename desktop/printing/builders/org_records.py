"""F8–F13: a letter, contract or reason about one record of an organisation, as plain data. The
request names the organisation and, optionally, the record; without it the latest record of the
kind is printed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.domain.designation import ImprovementOrder
from desktop.domain.org_lease import PropertyLeaseDraft
from desktop.domain.org_reports import ReportRequestDraft
from desktop.domain.org_support import CoordinationRequestDraft, NegotiatedContractDraft
from desktop.domain.problems import ValidationError
from desktop.forms.contract_f13 import ContractFormData
from desktop.forms.lease_f12 import LeaseFormData
from desktop.forms.org_letter import OrgLetterData
from desktop.forms.revocation_f10 import RevocationLetter
from desktop.i18n import _
from desktop.printing.builders.letters import letter_head_for
from desktop.printing.builders.organisations import (
    _designated_application,
    _detail,
    activity_labels,
)
from desktop.printing.catalog import FormRequest
from desktop.store.repos.organisation_records import (
    CONTRACT,
    COORDINATION,
    LEASE,
    REPORT,
    OrgRecord,
    RecordKind,
    get_order,
    get_record,
    get_revocation,
    list_orders,
    list_records,
    list_revocations,
)
from desktop.store.repos.organisations import OrganisationDetail, get_ordinance
from desktop.store.repos.town import get_town_profile

T = TypeVar("T")


def _pick(request: FormRequest, detail: OrganisationDetail, what: str, latest: Callable[[], list[T]],
          by_id: Callable[[int], T | None]) -> T:
    """The named record (it must belong to the organisation), or the organisation's latest one."""
    if request.record_id is None and request.agreement_number:
        raise ValidationError.single("record_id", _("記録の番号は数字で指定してください: {value}").format(
            value=request.agreement_number))
    record = by_id(request.record_id) if request.record_id is not None else next(iter(latest()), None)
    if record is None or getattr(record, "org_id", detail.id) != detail.id:
        if request.record_id is not None:
            raise ValidationError.single("record_id", _("「{name}」の{what}（番号 {id}）は記録されていません").format(
                name=detail.draft.name, what=what, id=request.record_id))
        raise ValidationError.single("record_id", _("「{name}」には{what}の記録がありません").format(
            name=detail.draft.name, what=what))
    return record


def _record(session: Session, request: FormRequest, kind: RecordKind[T], what: str) -> tuple[OrganisationDetail, T]:
    detail = _detail(session, request.org_id)
    record: OrgRecord[T] = _pick(request, detail, what, lambda: list_records(session, kind, org_id=detail.id),
                                 lambda i: get_record(session, kind, record_id=i))
    return detail, record.draft


def _letter(session: Session, request: FormRequest, detail: OrganisationDetail, record: Any, issued: Any) -> Any:
    org = detail.draft
    addressee = request.addressee or f"{org.name}\u3000{org.representative_title}\u3000{org.representative_name}"
    head = letter_head_for(session, addressee=addressee, document_number=request.document_number,
                           issued_on=request.issued_on or issued)
    return OrgLetterData(get_town_profile(session), get_ordinance(session), head, org, detail.designation_number,
                         detail.designated_on, record)


def f8_data(session: Session, request: FormRequest) -> OrgLetterData[ReportRequestDraft]:
    detail, draft = _record(session, request, REPORT, _("報告徴収"))
    letter: OrgLetterData[ReportRequestDraft] = _letter(session, request, detail, draft, draft.requested_on)
    return letter


def f9_data(session: Session, request: FormRequest) -> OrgLetterData[ImprovementOrder]:
    detail = _detail(session, request.org_id)
    record = _pick(request, detail, _("改善命令"), lambda: list_orders(session, org_id=detail.id),
                   lambda i: get_order(session, record_id=i))
    letter: OrgLetterData[ImprovementOrder] = _letter(session, request, detail, record.order, record.order.ordered_on)
    return letter


def f10_data(session: Session, request: FormRequest) -> OrgLetterData[RevocationLetter]:
    detail = _detail(session, request.org_id)
    record = _pick(request, detail, _("指定の取消し"), lambda: list_revocations(session, org_id=detail.id),
                   lambda i: get_revocation(session, record_id=i))
    order = get_order(session, record_id=record.order_id) if record.order_id is not None else None
    letter: OrgLetterData[RevocationLetter] = _letter(
        session, request, detail, RevocationLetter(record.revocation, order.order if order else None),
        record.revocation.revoked_on)
    return letter


def f11_data(session: Session, request: FormRequest) -> OrgLetterData[CoordinationRequestDraft]:
    detail, draft = _record(session, request, COORDINATION, _("調整の求め"))
    letter: OrgLetterData[CoordinationRequestDraft] = _letter(session, request, detail, draft,
                                                       draft.result_on or draft.requested_on)
    return letter


def f12_data(session: Session, request: FormRequest) -> LeaseFormData:
    detail, draft = _record(session, request, LEASE, _("行政財産の貸付け"))
    lease: PropertyLeaseDraft = draft
    return LeaseFormData(get_town_profile(session), detail.draft, detail.designation_number, lease,
                         request.issued_on)


def f13_data(session: Session, request: FormRequest) -> ContractFormData:
    detail, draft = _record(session, request, CONTRACT, _("随意契約"))
    contract: NegotiatedContractDraft = draft
    activities = activity_labels(get_ordinance(session), _designated_application(session, detail.id))
    return ContractFormData(get_town_profile(session), detail.draft, detail.designation_number, activities,
                            contract, request.issued_on)
