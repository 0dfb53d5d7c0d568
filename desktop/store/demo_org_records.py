"""The demo office's records after designation: support, a coordination request, a contract, a
lease ending within 30 days of today, report requests (one overdue), the order already given and
a sixth organisation whose designation was revoked. Built through the clerk's services; only the
lease's end is relative to today (so the deadline panel always has it), every other date is fixed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from desktop.domain.designation import Designation, Revocation, RevocationGround
from desktop.domain.due import GrantCalendar
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.org_lease import PropertyLeaseDraft
from desktop.domain.org_reports import ReportRequestDraft
from desktop.domain.org_support import (
    CoordinationRequestDraft,
    NegotiatedContractDraft,
    SupportDraft,
    SupportKind,
)
from desktop.domain.organisation import Membership, OrganisationDraft, OrganisationKind
from desktop.store.repos.organisations import get_ordinance
from desktop.store.services.grant_calendar import update_grant_calendar
from desktop.store.services.organisation_records import (
    save_contract,
    save_coordination,
    save_lease,
    save_report_request,
    save_support,
)
from desktop.store.services.organisations import (
    apply_for_designation,
    designate,
    register_organisation,
    revoke,
)

LEASE_DAYS_LEFT = 20

REVOKED_ORGANISATION = OrganisationDraft(
    name="旧中川地区振興会", kind=OrganisationKind.REGIONAL, representative_name="中川 昭",
    address="デモ町大字中川3番地", area="中川地区", area_detail="大字中川", member_count=4,
    membership=Membership.GROUPS, contact="0120-000-666", articles_on=date(2016, 4, 1))

DEMO_CALENDAR = GrantCalendar(calc_deadline=date(2026, 12, 4), december_decision=date(2026, 12, 8),
                              march_decision=date(2027, 3, 16), publication_on=date(2026, 6, 30))


def _support(session: Session, east: int) -> None:
    for draft in (
            SupportDraft(SupportKind.GRANT, FiscalYear(2025), "地域運営活動費補助金（防災・見守り活動）", 1_200_000,
                         date(2025, 9, 1)),
            SupportDraft(SupportKind.INFORMATION, FiscalYear(2025), "東地区の防災マップと避難行動要支援者数の提供",
                         None, date(2025, 10, 1)),
            SupportDraft(SupportKind.GRANT, FiscalYear(2026), "地域運営活動費補助金", 1_500_000, date(2026, 5, 15)),
            SupportDraft(SupportKind.OTHER, FiscalYear(2026), "会計事務の研修（町職員による助言）", None,
                         date(2026, 7, 10))):
        save_support(session, org_id=east, record_id=None, draft=draft)


def build_demo_org_records(session: Session, ids: list[int], *, today: date | None = None) -> None:
    """ids: the five demo organisations (東, 中央, 西, 北部, 南) as build_demo_organisations returns them."""
    east, centre = ids[0], ids[1]
    today = today or date.today()
    _support(session, east)
    save_coordination(session, org_id=east, record_id=None, draft=CoordinationRequestDraft(
        date(2026, 6, 10), "防災・防犯（合同防災訓練）", "東地区消防団\n東小学校PTA",
        "訓練の日程と避難所運営の役割分担について、関係団体との調整を求める。", True, date(2026, 6, 20),
        "町が関係団体との合同会議を開催した（令和8年7月3日）。", "11月の合同防災訓練の日程と役割分担について合意した。",
        date(2026, 7, 15)))
    save_contract(session, org_id=east, record_id=None, draft=NegotiatedContractDraft(
        "東地区集会所の管理業務", 480_000, date(2026, 4, 1), date(2027, 3, 31), date(2026, 3, 25),
        "デモ町契約規則第20条第1項第3号"))
    save_lease(session, org_id=east, record_id=None, draft=PropertyLeaseDraft(
        "東地区公民館", "2階 会議室1", Decimal("45.50"), "協議会の事務所", date(2025, 9, 1),
        today + timedelta(days=LEASE_DAYS_LEFT), 0, "デモ町財産の交換、譲与、無償貸付等に関する条例第4条第1号",
        "会議室1は公民館事業に使われておらず、協議会の使用は平日日中に限られるため", date(2025, 8, 25)))
    save_report_request(session, org_id=east, record_id=None, draft=ReportRequestDraft(
        date(2026, 4, 15), "令和7年度の事業報告書\n令和7年度の収支決算書", date(2026, 6, 30), date(2026, 6, 25),
        "事業報告書及び収支決算書を受理した。"))
    save_report_request(session, org_id=centre, record_id=None, draft=ReportRequestDraft(
        date(2026, 9, 1), "令和7年度の総会の開催状況\n令和7年度の決算の承認状況", date(2026, 9, 30)))
    ordinance = get_ordinance(session)
    from desktop.store.demo_organisations import full_application

    revoked = register_organisation(session, draft=REVOKED_ORGANISATION, registered_on=date(2025, 6, 2)).ids[0]
    apply_for_designation(session, org_id=revoked, application=full_application(
        ordinance, date(2025, 7, 1), ("環境美化",)), today=date(2025, 7, 1))
    designate(session, org_id=revoked, decision=Designation(date(2025, 8, 1), "デモ町指定第4号", date(2025, 8, 5)))
    revoke(session, org_id=revoked, revocation=Revocation(
        date(2026, 2, 27), RevocationGround.LOST_REQUIREMENTS,
        "構成員が4団体に減り、残る団体も令和8年3月末で解散することを総会で議決しており、区域の住民を主たる構成員と"
        "する団体であるという要件を回復する見込みがないため（改善命令によっても改善を期待できないことが明らか）。"))
    update_grant_calendar(session, calendar=DEMO_CALENDAR)
