"""Records after designation in a real office file: each kind saved and corrected with its audit,
refused for an organisation not designated, the lease overlap refusal across organisations, orders
and revocations written by the state transitions, the upgrade of a 0005 file, and the deadline list
of the demo office for fixed dates."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.designation import (
    Designation,
    ImprovementConfirmed,
    ImprovementOrder,
    Revocation,
    RevocationGround,
)
from desktop.domain.due import DueKind, GrantCalendar
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.org_lease import PropertyLeaseDraft
from desktop.domain.org_reports import ReportRequestDraft
from desktop.domain.org_support import (
    CoordinationRequestDraft,
    NegotiatedContractDraft,
    SupportDraft,
    SupportKind,
)
from desktop.domain.organisation import OrganisationDraft
from desktop.domain.problems import ValidationError
from desktop.store.audit import verify_chain
from desktop.store.db import Office, open_office
from desktop.store.demo import build_demo_office
from desktop.store.demo_organisations import full_application
from desktop.store.models.audit import AuditEntry
from desktop.store.repos.due import list_due
from desktop.store.repos.grant_calendar import get_grant_calendar
from desktop.store.repos.organisation_records import (
    CONTRACT,
    COORDINATION,
    LEASE,
    REPORT,
    SUPPORT,
    list_orders,
    list_records,
    list_revocations,
)
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
    confirm_improvement,
    designate,
    order_improvement,
    register_organisation,
    revoke,
)

FIXTURES = Path(__file__).parent / "fixtures"


def designated(office: Office, name: str, number: str) -> int:
    draft = OrganisationDraft(name=name, representative_name="髙﨑 一", address="デモ町1番地", area=f"{name}区域",
                              member_count=8, articles_on=date(2020, 4, 1))
    with office.transaction() as session:
        org_id = register_organisation(session, draft=draft, registered_on=date(2025, 6, 1)).ids[0]
        apply_for_designation(session, org_id=org_id, today=date(2025, 7, 1), application=full_application(
            get_ordinance(session), date(2025, 7, 1), ("生活支援",)))
        designate(session, org_id=org_id, decision=Designation(date(2025, 8, 1), number))
    return org_id


def lease(start: date, end: date) -> PropertyLeaseDraft:
    return PropertyLeaseDraft("東地区公民館", "2階 会議室1", Decimal("45.5"), "事務所", start, end, 12_000, "",
                      "公民館事業に使われていない時間帯のため")


def audits(office: Office, entity: str) -> list[AuditEntry]:
    with office.reader() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)))


def test_each_record_is_saved_corrected_and_audited(office: Office) -> None:
    org = designated(office, "𠮷野地区協議会", "第1号")
    grant = SupportDraft(SupportKind.GRANT, FiscalYear(2025), "活動費補助金", 1_200_000, date(2025, 9, 1))
    with office.transaction() as session:
        grant_id = save_support(session, org_id=org, record_id=None, draft=grant).ids[0]
        save_coordination(session, org_id=org, record_id=None, draft=CoordinationRequestDraft(
            date(2026, 6, 10), "防災", "消防団"))
        save_contract(session, org_id=org, record_id=None, draft=NegotiatedContractDraft(
            "集会所の管理", 480_000, date(2026, 4, 1), date(2027, 3, 31), None, "契約規則第20条"))
        save_lease(session, org_id=org, record_id=None, draft=lease(date(2025, 9, 1), date(2026, 8, 31)))
        report_id = save_report_request(session, org_id=org, record_id=None, draft=ReportRequestDraft(
            date(2026, 9, 1), "総会の開催状況", date(2026, 9, 30))).ids[0]
    with office.transaction() as session:
        save_support(session, org_id=org, record_id=grant_id, draft=SupportDraft(
            SupportKind.GRANT, FiscalYear(2025), "活動費補助金", 1_300_000, date(2025, 9, 1)))
        save_report_request(session, org_id=org, record_id=report_id, draft=ReportRequestDraft(
            date(2026, 9, 1), "総会の開催状況", date(2026, 9, 30), date(2026, 10, 2), "受理"))
    with office.reader() as session:
        assert [r.draft.amount_yen for r in list_records(session, SUPPORT, org_id=org)] == [1_300_000]
        for kind in (COORDINATION, CONTRACT, LEASE, REPORT):
            assert len(list_records(session, kind, org_id=org)) == 1, kind.entity
        (report,) = list_records(session, REPORT, org_id=org)
        assert report.draft.received_on == date(2026, 10, 2)
        assert list_records(session, LEASE, org_id=org)[0].draft.area_m2 == Decimal("45.50")
        assert verify_chain(session).ok
    (created, corrected) = audits(office, "org_support")
    assert created.action == "create" and corrected.action == "update" and "1300000" in corrected.after_json
    assert "1200000" in corrected.before_json


def test_a_record_for_an_organisation_not_designated_is_refused(office: Office) -> None:
    with office.transaction() as session:
        org = register_organisation(session, draft=OrganisationDraft(
            name="未申請の会", representative_name="一", address="デモ町", area="北", member_count=1),
            registered_on=date(2025, 6, 1)).ids[0]
    with pytest.raises(ValidationError, match="指定中"), office.transaction() as session:
        save_report_request(session, org_id=org, record_id=None, draft=ReportRequestDraft(
            date(2026, 9, 1), "活動状況", date(2026, 9, 30)))
    assert audits(office, "org_report_request") == []


def test_the_same_room_cannot_be_leased_twice_for_overlapping_periods(office: Office) -> None:
    east = designated(office, "東協議会", "第1号")
    west = designated(office, "西協議会", "第2号")
    with office.transaction() as session:
        first = save_lease(session, org_id=east, record_id=None, draft=lease(date(2025, 9, 1), date(2026, 8, 31))).ids[0]
    with pytest.raises(ValidationError, match="東協議会") as refused, office.transaction() as session:
        save_lease(session, org_id=west, record_id=None, draft=lease(date(2026, 4, 1), date(2027, 3, 31)))
    assert refused.value.problems[0].field == "start_on"
    with office.transaction() as session:  # the day after it ends is free; correcting itself is no overlap
        save_lease(session, org_id=west, record_id=None, draft=lease(date(2026, 9, 1), date(2027, 3, 31)))
        save_lease(session, org_id=east, record_id=first, draft=lease(date(2025, 9, 1), date(2026, 8, 30)))
    with office.reader() as session:
        assert len(list_records(session, LEASE, org_id=west)) == 1


def test_orders_and_revocations_are_records_of_the_state_transitions(office: Office) -> None:
    org = designated(office, "中央連合会", "第2号")
    with office.transaction() as session:
        order_improvement(session, org_id=org, order=ImprovementOrder(
            date(2026, 10, 1), "総会未開催", "総会を開催すること", date(2026, 12, 25)))
    with office.transaction() as session:
        confirm_improvement(session, org_id=org, confirmed=ImprovementConfirmed(date(2026, 11, 20), "総会を開催"))
        order_improvement(session, org_id=org, order=ImprovementOrder(
            date(2026, 12, 1), "決算未承認", "決算を承認すること", date(2027, 1, 31)))
    with pytest.raises(ValidationError, match="過ぎていない"), office.transaction() as session:
        revoke(session, org_id=org, revocation=Revocation(date(2027, 1, 31), RevocationGround.ORDER_VIOLATED, "未承認"))
    with office.transaction() as session:
        revoke(session, org_id=org, revocation=Revocation(date(2027, 2, 1), RevocationGround.ORDER_VIOLATED,
                                                          "期限までに決算を承認しなかった"))
    with office.reader() as session:
        latest, first = list_orders(session, org_id=org)
        (revocation,) = list_revocations(session, org_id=org)
    assert (first.outcome, first.outcome_on, first.outcome_note) == ("improved", date(2026, 11, 20), "総会を開催")
    assert (latest.outcome, latest.outcome_on) == ("revoked", date(2027, 2, 1))
    assert revocation.revocation.ground is RevocationGround.ORDER_VIOLATED and revocation.order_id == latest.id
    with pytest.raises(ValidationError, match="指定中"), office.transaction() as session:
        save_support(session, org_id=org, record_id=None, draft=SupportDraft(
            SupportKind.INFORMATION, FiscalYear(2026), "情報", None, date(2027, 2, 2)))


def test_a_revocation_without_its_ground_met_is_refused_and_says_why(office: Office) -> None:
    org = designated(office, "北協議会", "第3号")
    with pytest.raises(ValidationError) as refused, office.transaction() as session:
        revoke(session, org_id=org, revocation=Revocation(date(2026, 3, 1), RevocationGround.LOST_REQUIREMENTS, ""))
    assert "改善を期待できない" in refused.value.problems[0].message
    with pytest.raises(ValidationError, match="改善命令を出していない"), office.transaction() as session:
        revoke(session, org_id=org, revocation=Revocation(date(2026, 3, 1), RevocationGround.ORDER_VIOLATED, "違反"))
    with office.reader() as session:
        assert list_revocations(session, org_id=org) == []


def test_a_0005_office_gets_its_order_copied_out_of_the_history(tmp_path: Path) -> None:
    path = tmp_path / "office.renkei"
    shutil.copy(FIXTURES / "office-0005.renkei", path)
    with open_office(path) as office, office.reader() as session:
        (order,) = list_orders(session, org_id=1)
        assert order.outcome is None and order.order.deadline == date(2026, 12, 25)
        assert order.order.measures == "総会を開催すること"
        assert [i.kind for i in list_due(session, on=date(2026, 12, 1), within=30)
                if i.kind is DueKind.ORDER] == [DueKind.ORDER]


def test_the_grant_calendar_is_kept_as_audited_settings(office: Office) -> None:
    calendar = GrantCalendar(calc_deadline=date(2026, 12, 4), march_decision=date(2027, 3, 16))
    with office.transaction() as session:
        update_grant_calendar(session, calendar=calendar)
    with pytest.raises(ValidationError, match="12月"), office.transaction() as session:
        update_grant_calendar(session, calendar=GrantCalendar(december_decision=date(2026, 11, 30)))
    with office.reader() as session:
        assert get_grant_calendar(session) == calendar
    assert [a.action for a in audits(office, "setting")] == ["update"]


@pytest.fixture
def demo(office: Office) -> Office:
    with office.transaction() as session:
        build_demo_office(session)
    return office


def test_the_deadline_list_of_the_demo_office_for_fixed_dates(demo: Office) -> None:
    with demo.reader() as session:
        september = list_due(session, on=date(2026, 9, 1), within=60)
        december = list_due(session, on=date(2026, 12, 1), within=30)
    assert [(i.due_on, i.kind, i.overdue) for i in september] == [
        (date(2026, 4, 30), DueKind.INVOICE, True), (date(2026, 9, 30), DueKind.REPORT, False)]
    assert "渡邊 健一" in september[0].title and september[0].target.screen == "ledger"
    report = september[1]
    assert report.target.screen == "organisations" and report.target.tab == "reports"
    assert "中央地区自治会連合会" in report.title
    fixed = [(i.due_on, i.kind, i.overdue) for i in december if i.kind is not DueKind.LEASE_END]
    assert fixed == [(date(2026, 4, 30), DueKind.INVOICE, True), (date(2026, 9, 30), DueKind.REPORT, True),
                     (date(2026, 12, 4), DueKind.CALENDAR, False), (date(2026, 12, 8), DueKind.CALENDAR, False),
                     (date(2026, 12, 25), DueKind.ORDER, False)]


def test_the_demo_lease_ends_within_30_days_of_today(demo: Office) -> None:
    with demo.reader() as session:
        due = list_due(session, on=date.today(), within=30)
    (lease_end,) = [i for i in due if i.kind is DueKind.LEASE_END]
    assert "東地区公民館" in lease_end.title and lease_end.target.tab == "leases"
    assert any(i.kind is DueKind.REPORT and i.overdue for i in due)
