"""F5–F7: an organisation's application, its decision and the yearly publication as plain data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.designation import Designation, Refusal
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.ordinance import Ordinance
from desktop.domain.org_support import SupportKind
from desktop.domain.organisation import ApplicationDraft, OrgState
from desktop.domain.problems import ValidationError
from desktop.domain.wareki import format_wareki
from desktop.domain.yen import format_amount
from desktop.forms.designation_f5 import ApplicationFormData
from desktop.forms.designation_f6 import DecisionFormData
from desktop.forms.publication_f7 import PublicationFormData, PublicationLine, SupportSummary
from desktop.i18n import _
from desktop.printing.builders.letters import letter_head_for
from desktop.printing.catalog import FormRequest
from desktop.store.models.organisation import Organisation, OrgApplication
from desktop.store.repos.organisation_records import CONTRACT, LEASE, list_records, support_in_year
from desktop.store.repos.organisations import (
    OrganisationDetail,
    application_from_json,
    get_ordinance,
    get_organisation,
)
from desktop.store.repos.town import get_town_profile


def _detail(session: Session, org_id: int | None) -> OrganisationDetail:
    detail = get_organisation(session, org_id) if org_id is not None else None
    if detail is None:
        raise ValidationError.single("org_id", _("団体（番号 {id}）が登録されていません").format(id=org_id))
    return detail


def f5_data(session: Session, request: FormRequest) -> ApplicationFormData:
    """Pre-filled from the organisation and its latest application, or blank for the counter."""
    town, ordinance = get_town_profile(session), get_ordinance(session)
    if request.org_id is None:
        return ApplicationFormData(town, ordinance, None, None)
    detail = _detail(session, request.org_id)
    application = detail.application.draft if detail.application is not None else None
    return ApplicationFormData(town, ordinance, detail.draft, application)


def activity_labels(ordinance: Ordinance, application: ApplicationDraft | None) -> tuple[str, ...]:
    if application is None:
        return ()
    return tuple(item.label for i in application.activity_ids if (item := ordinance.item(i)) is not None)


def f6_data(session: Session, request: FormRequest) -> DecisionFormData:
    """指定通知書 or 不指定通知書 from the latest application's decision."""
    detail = _detail(session, request.org_id)
    record = detail.application
    if record is None or record.status not in ("designated", "refused"):
        raise ValidationError.single("org_id", _("「{name}」には指定又は不指定の決定がありません（現在: {state}）").format(
            name=detail.draft.name, state=detail.state.label))
    ordinance = get_ordinance(session)
    decision = record.decision
    decided_on = date.fromisoformat(decision["decided_on"])
    outcome: Designation | Refusal
    if record.status == "designated":
        notice = decision.get("notice_on")
        outcome = Designation(decided_on, decision["number"], date.fromisoformat(notice) if notice else None,
                              decision.get("conditions", ""))
    else:
        outcome = Refusal(decided_on, decision["reasons"])
    org = detail.draft
    addressee = request.addressee or f"{org.name}\u3000{org.representative_title}\u3000{org.representative_name}"
    head = letter_head_for(session, addressee=addressee, document_number=request.document_number,
                           issued_on=request.issued_on or decided_on)
    return DecisionFormData(get_town_profile(session), ordinance, head, org, record.draft.applied_on, outcome,
                            activity_labels(ordinance, record.draft))


def _designated_application(session: Session, org_id: int) -> ApplicationDraft | None:
    record = session.scalar(select(OrgApplication).where(OrgApplication.org_id == org_id,
                                                         OrgApplication.status == "designated")
                            .order_by(OrgApplication.id.desc()).limit(1))
    return None if record is None else application_from_json(record.applied_on, record.content_json)


def _status(detail: OrganisationDetail, year: FiscalYear) -> str | None:
    """How the organisation stood in the year, or None when it was not designated in it."""
    if detail.designated_on is None or detail.designated_on > year.end:
        return None
    ended = next((e for e in detail.events if e.action in ("revoke", "dissolve")), None)
    if ended is not None and ended.on_date < year.start:
        return None
    notes = [_("指定日 {date}").format(date=format_wareki(detail.designated_on))]
    for event in detail.events:
        if year.contains(event.on_date) and event.action in ("order_improvement", "confirm_improvement",
                                                              "notify_change", "revoke", "dissolve"):
            notes.append(f"{format_wareki(event.on_date)} {event.summary}")
    return "\n".join(notes)


def support_of(session: Session, org_id: int, year: FiscalYear) -> SupportSummary:
    """The support the organisation received in the year: grants, information and other support
    (第3項), contracts (第6項) and leases (第7項) whose period meets the year."""
    support = support_in_year(session, org_id=org_id, fiscal_year=year)
    grants = [s for s in support if s.kind is SupportKind.GRANT]
    leases = [r.draft for r in list_records(session, LEASE, org_id=org_id)
              if r.draft.start_on and year.overlaps(r.draft.start_on, r.draft.active_end())]
    contracts = [r.draft for r in list_records(session, CONTRACT, org_id=org_id)
                 if r.draft.start_on and year.overlaps(r.draft.start_on, r.draft.end_on)]
    return SupportSummary(
        grants_yen=sum(g.amount_yen or 0 for g in grants) if grants else None,
        grants=tuple(f"{g.purpose}（{format_amount(g.amount_yen or 0)}円）" if len(grants) > 1 else g.purpose
                     for g in grants),
        leases=tuple(f"{lease.property_name} {lease.room}" for lease in reversed(leases)),
        contracts=tuple(f"{c.work}（{format_amount(c.amount_yen or 0)}円）" for c in reversed(contracts)),
        information=tuple(f"{s.kind.official_label}: {s.purpose}" for s in support if s.kind is not SupportKind.GRANT))


def f7_data(session: Session, request: FormRequest) -> PublicationFormData:
    """Every organisation designated at some time in the fiscal year, with its activities and support."""
    assert request.fiscal_year is not None
    year = request.fiscal_year
    ordinance = get_ordinance(session)
    lines = []
    ids = session.scalars(select(Organisation.id).where(Organisation.designated_on.is_not(None))
                          .order_by(Organisation.designation_number, Organisation.id))
    for org_id in ids:
        detail = get_organisation(session, org_id)
        if detail is None or (status := _status(detail, year)) is None:
            continue
        activities = activity_labels(ordinance, _designated_application(session, org_id))
        lines.append(PublicationLine(detail.designation_number, detail.draft.name, detail.draft.area,
                                     activities, status, detail.state in (OrgState.DESIGNATED, OrgState.UNDER_ORDER),
                                     support_of(session, org_id, year)))
    return PublicationFormData(get_town_profile(session), ordinance, year, request.issued_on, tuple(lines))
