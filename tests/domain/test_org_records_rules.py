"""The rules of an organisation's records after designation, the deadline list's choice and order,
and the revocation guard's deadline for a violated order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain.designation import Revocation, RevocationGround, check_revocation
from desktop.domain.due import (
    DueItem,
    DueKind,
    GrantCalendar,
    Target,
    calendar_items,
    closing_period_end,
    select_due,
)
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.org_lease import (
    ExistingLease,
    PropertyLeaseDraft,
    overlap_problems,
    parse_area,
    validate_lease,
)
from desktop.domain.org_reports import ReportRequestDraft, validate_report_request
from desktop.domain.org_support import (
    CoordinationRequestDraft,
    NegotiatedContractDraft,
    SupportDraft,
    SupportKind,
    state_problems,
    validate_contract,
    validate_coordination,
    validate_support,
)
from desktop.domain.organisation import OrgState


def fields(problems: list) -> set[str]:  # type: ignore[type-arg]
    return {p.field for p in problems}


def test_a_grant_needs_its_amount_in_whole_yen_and_a_decision_inside_its_fiscal_year() -> None:
    grant = SupportDraft(SupportKind.GRANT, FiscalYear(2025), "活動費補助金", 1_200_000, date(2025, 9, 1))
    assert validate_support(grant) == []
    assert fields(validate_support(SupportDraft(SupportKind.GRANT, FiscalYear(2025), "補助", None,
                                                date(2025, 9, 1)))) == {"amount_yen"}
    outside = SupportDraft(SupportKind.GRANT, FiscalYear(2025), "補助", 1, date(2026, 4, 1))
    assert fields(validate_support(outside)) == {"decided_on"}
    info = SupportDraft(SupportKind.INFORMATION, FiscalYear(2025), "防災マップ", 500, date(2025, 9, 1))
    assert fields(validate_support(info)) == {"amount_yen"}


def test_records_are_for_designated_organisations_only() -> None:
    assert state_problems(OrgState.DESIGNATED, "支援") == []
    assert state_problems(OrgState.UNDER_ORDER, "支援") == []
    refused = state_problems(OrgState.REVOKED, "支援")
    assert refused and "取消" in refused[0].message


def test_coordination_result_needs_the_decision_on_measures_first() -> None:
    draft = CoordinationRequestDraft(date(2026, 6, 10), "防災", "消防団", result="合意", result_on=date(2026, 7, 1))
    assert fields(validate_coordination(draft)) == {"measures_needed"}
    needed = CoordinationRequestDraft(date(2026, 6, 10), "防災", "消防団", measures_needed=True, decided_on=date(2026, 6, 5))
    assert fields(validate_coordination(needed)) == {"measures", "decided_on"}


def test_contract_period_and_rule_clause() -> None:
    good = NegotiatedContractDraft("集会所の管理", 480_000, date(2026, 4, 1), date(2027, 3, 31), date(2026, 3, 25), "規則第20条")
    assert validate_contract(good) == []
    bad = NegotiatedContractDraft("集会所の管理", 480_000, date(2026, 4, 1), date(2026, 3, 31), None, "")
    assert fields(validate_contract(bad)) == {"end_on", "rule_clause"}


def lease(start: date, end: date, room: str = "会議室1", **changes: object) -> PropertyLeaseDraft:
    values: dict[str, object] = {
        "property_name": "東地区公民館", "room": room, "area_m2": Decimal("45.50"), "purpose": "事務所",
        "start_on": start, "end_on": end, "rent_yen": 0, "free_ground": "条例第4条", "no_hindrance": "空室のため"}
    values.update(changes)
    return PropertyLeaseDraft(**values)  # type: ignore[arg-type]


def test_a_lease_needs_the_no_hindrance_finding_and_a_ground_when_free() -> None:
    assert validate_lease(lease(date(2026, 4, 1), date(2027, 3, 31))) == []
    problems = validate_lease(lease(date(2026, 4, 1), date(2027, 3, 31), no_hindrance="", free_ground=""))
    assert fields(problems) == {"no_hindrance", "free_ground"}
    assert fields(validate_lease(lease(date(2026, 4, 1), date(2027, 3, 31), terminated_on=date(2026, 9, 1)))) \
        == {"termination_reason"}
    assert parse_area("４５．５") == Decimal("45.50") and parse_area("広い") is None


def test_a_lease_overlapping_another_lease_of_the_same_room_is_refused_naming_it() -> None:
    existing = [ExistingLease(1, "東小学校区まちづくり協議会", lease(date(2025, 9, 1), date(2026, 8, 31)))]
    refused = overlap_problems(lease(date(2026, 8, 31), date(2027, 3, 31)), existing)
    assert refused and "東小学校区まちづくり協議会" in refused[0].message and "重なる期間" in refused[0].message
    assert overlap_problems(lease(date(2026, 9, 1), date(2027, 3, 31)), existing) == []
    assert overlap_problems(lease(date(2026, 4, 1), date(2027, 3, 31), room="会議室2"), existing) == []
    ended_early = [ExistingLease(1, "協議会", lease(date(2025, 9, 1), date(2027, 8, 31), terminated_on=date(2026, 3, 31),
                                                    termination_reason="公用に供するため"))]
    assert overlap_problems(lease(date(2026, 4, 1), date(2027, 3, 31)), ended_early) == []


def test_a_report_is_overdue_the_day_after_its_due_date_until_received() -> None:
    request = ReportRequestDraft(date(2026, 9, 1), "総会の開催状況", date(2026, 9, 30))
    assert validate_report_request(request) == []
    assert not request.overdue(date(2026, 9, 30)) and request.overdue(date(2026, 10, 1))
    received = ReportRequestDraft(date(2026, 9, 1), "総会の開催状況", date(2026, 9, 30), date(2026, 10, 5))
    assert not received.overdue(date(2026, 11, 1)) and received.status(date(2026, 11, 1)) == "受理済み"
    assert fields(validate_report_request(ReportRequestDraft(date(2026, 9, 1), "x", date(2026, 9, 1)))) == {"due_on"}


def test_revocation_for_a_violated_order_waits_for_the_order_deadline() -> None:
    early = Revocation(date(2026, 12, 25), RevocationGround.ORDER_VIOLATED, "総会を開催しなかった")
    problems = check_revocation(OrgState.UNDER_ORDER, early, date(2026, 10, 1), order_deadline=date(2026, 12, 25))
    assert problems and "期限" in problems[0].message and "過ぎていない" in problems[0].message
    later = Revocation(date(2026, 12, 26), RevocationGround.ORDER_VIOLATED, "総会を開催しなかった")
    assert check_revocation(OrgState.UNDER_ORDER, later, date(2026, 10, 1), order_deadline=date(2026, 12, 25)) == []
    no_finding = Revocation(date(2026, 12, 26), RevocationGround.LOST_REQUIREMENTS, "")
    (problem,) = check_revocation(OrgState.DESIGNATED, no_finding, date(2025, 8, 1))
    assert problem.field == "reason" and "改善を期待できない" in problem.message


def item(day: date, kind: DueKind = DueKind.REPORT, *, overdue: bool = False, title: str = "x") -> DueItem:
    return DueItem(day, kind, title, Target("organisations", 1), overdue)


def test_the_deadline_list_keeps_the_overdue_and_the_window_soonest_first() -> None:
    on = date(2026, 11, 25)
    chosen = select_due([item(date(2026, 12, 26)), item(date(2026, 12, 25), DueKind.ORDER), item(on),
                         item(date(2026, 9, 30), overdue=True), item(date(2026, 10, 1), DueKind.LEASE_END)],
                        on=on, within=30)
    assert [(i.due_on, i.kind) for i in chosen] == [(date(2026, 9, 30), DueKind.REPORT), (on, DueKind.REPORT),
                                                    (date(2026, 12, 25), DueKind.ORDER)]


def test_the_grant_calendar_and_the_close_of_the_closing_period() -> None:
    assert closing_period_end(date(2026, 2, 1)) == date(2026, 5, 31)
    assert closing_period_end(date(2026, 5, 31)) == date(2026, 5, 31)
    assert closing_period_end(date(2026, 6, 1)) == date(2027, 5, 31)
    calendar = GrantCalendar(calc_deadline=date(2026, 12, 4), december_decision=date(2026, 12, 8),
                             march_decision=date(2027, 3, 16), publication_on=date(2026, 6, 30))
    items = calendar_items(calendar, on=date(2026, 11, 25))
    assert sorted(i.due_on for i in items) == [date(2026, 12, 4), date(2026, 12, 8), date(2027, 3, 16),
                                               date(2027, 5, 31)]
    assert any("令和8年度" in i.title for i in items if i.due_on == date(2027, 5, 31))
