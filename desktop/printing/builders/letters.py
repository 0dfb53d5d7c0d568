"""F1–F4: each form's plain data from the office file (agreements, staff, ledger, claim)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop.domain.documents import LetterHead, format_document_number, head_title
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import ValidationError
from desktop.forms.agreement_f1 import AgreementFormData
from desktop.forms.claim_f4 import ClaimFormData
from desktop.forms.contributions_f3 import ContributionFormData, ContributionFormLine
from desktop.forms.roster_f2 import RosterFormData, RosterFormLine
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.store.repos.agreements import field_names_by_id, find_agreement_id, get_agreement
from desktop.store.repos.audit import newest_audit_entry
from desktop.store.repos.claims import get_claim
from desktop.store.repos.ledger import list_ledger
from desktop.store.repos.staffing import list_assignments
from desktop.store.repos.town import get_town_profile

PAGE_LIMIT = 100_000


def agreement_form_data(session: Session, *, number: str) -> AgreementFormData:
    agreement_id = find_agreement_id(session, number)
    detail = get_agreement(session, agreement_id) if agreement_id is not None else None
    if detail is None:
        raise ValidationError.single("number", _("協約番号「{number}」の協約が登録されていません").format(number=number))
    names = field_names_by_id(session)
    draft = detail.draft
    return AgreementFormData(
        town=get_town_profile(session), number=draft.number, title=draft.title, partner=draft.partner,
        concluded_on=draft.concluded_on, terms=draft.terms,
        field_names=tuple(names.get(i, "") for i in draft.terms.field_ids),
    )


def letter_head_for(session: Session, *, addressee: str | None, document_number: str, issued_on: date | None) -> LetterHead:
    town = get_town_profile(session)
    return LetterHead(
        document_number=format_document_number(town.document_prefix, document_number),
        issued_on=issued_on, addressee=addressee if addressee is not None else head_title(town.prefecture),
        sender_title=town.mayor_title, sender_name=town.mayor_name,
    )


def roster_form_data(session: Session, *, fiscal_year: FiscalYear, document_number: str = "",
                     issued_on: date | None = None, addressee: str | None = None) -> RosterFormData:
    rows = list_assignments(session, fiscal_year=fiscal_year, sort_key="start_on", limit=PAGE_LIMIT)
    lines = tuple(
        RosterFormLine(r.name, r.reading, r.field_name, r.employment_type.label, r.dispatch_form.label, r.post_label,
                       r.agreement_number, r.start_on, r.end_on)
        for r in rows
    )
    return RosterFormData(get_town_profile(session), fiscal_year,
                          letter_head_for(session, addressee=addressee, document_number=document_number,
                                          issued_on=issued_on), lines)


def contribution_form_data(session: Session, *, fiscal_year: FiscalYear, document_number: str = "",
                           issued_on: date | None = None, addressee: str | None = None,
                           today: date | None = None) -> ContributionFormData:
    rows = list_ledger(session, fiscal_year=fiscal_year, today=today, limit=PAGE_LIMIT)
    lines = tuple(ContributionFormLine(r.agreement_number, r.post_label, r.name, r.totals, r.overdue_count,
                                       r.overdue_amount) for r in rows)
    return ContributionFormData(get_town_profile(session), fiscal_year,
                                letter_head_for(session, addressee=addressee, document_number=document_number,
                                                issued_on=issued_on), lines)


def claim_form_data(session: Session, *, fiscal_year: FiscalYear, document_number: str = "",
                    issued_on: date | None = None, addressee: str | None = None) -> ClaimFormData:
    """The submitted (frozen) claim if there is one, else the claim as it stands."""
    record = get_claim(session, fiscal_year)
    head = newest_audit_entry(session)
    return ClaimFormData(get_town_profile(session),
                         letter_head_for(session, addressee=addressee, document_number=document_number,
                                         issued_on=issued_on or record.submitted_on),
                         record.result, record.status, *(head or (0, "")))


# -- the registry's builders: (session, request) → data


def f1_data(session: Session, request: FormRequest) -> AgreementFormData:
    return agreement_form_data(session, number=request.agreement_number)


def _year(request: FormRequest) -> FiscalYear:
    assert request.fiscal_year is not None  # checked against the registry's needs
    return request.fiscal_year


def f2_data(session: Session, request: FormRequest) -> RosterFormData:
    return roster_form_data(session, fiscal_year=_year(request), document_number=request.document_number,
                            issued_on=request.issued_on, addressee=request.addressee)


def f3_data(session: Session, request: FormRequest) -> ContributionFormData:
    return contribution_form_data(session, fiscal_year=_year(request), document_number=request.document_number,
                                  issued_on=request.issued_on, addressee=request.addressee)


def f4_data(session: Session, request: FormRequest) -> ClaimFormData:
    return claim_form_data(session, fiscal_year=_year(request), document_number=request.document_number,
                           issued_on=request.issued_on, addressee=request.addressee)
