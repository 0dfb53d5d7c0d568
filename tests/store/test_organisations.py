"""Organisations in a real office file: the life from registration to revocation, audited, with
history and the registry as of any date; the ordinance as edited master data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.designation import (
    Designation,
    ImprovementConfirmed,
    ImprovementOrder,
    Refusal,
    Revocation,
    RevocationGround,
)
from desktop.domain.ordinance import ItemKind, OrdinanceItemDraft, OrdinanceTitle
from desktop.domain.organisation import OrganisationDraft, OrgState
from desktop.domain.problems import ValidationError
from desktop.store.audit import verify_chain
from desktop.store.db import Office
from desktop.store.demo_organisations import full_application
from desktop.store.models.audit import AuditEntry
from desktop.store.repos.organisations import (
    count_organisations,
    get_ordinance,
    get_organisation,
    list_areas,
    list_organisations,
    registry_as_of,
)
from desktop.store.services.ordinance import save_ordinance_item, update_ordinance_title
from desktop.store.services.organisations import (
    apply_for_designation,
    confirm_improvement,
    correct_organisation,
    designate,
    notify_change,
    order_improvement,
    refuse,
    register_organisation,
    revoke,
    update_application,
)

TODAY = date(2026, 11, 1)
DRAFT = OrganisationDraft(name="𠮷野地区まちづくり協議会", representative_name="髙﨑 一", address="デモ町大字𠮷野1番地",
                          area="𠮷野小学校区", member_count=8, articles_on=date(2020, 4, 1))


def register(office: Office, draft: OrganisationDraft = DRAFT) -> int:
    with office.transaction() as session:
        return register_organisation(session, draft=draft, registered_on=date(2025, 6, 1)).ids[0]


def apply(office: Office, org_id: int, missing: tuple[str, ...] = ()) -> None:
    with office.transaction() as session:
        application = full_application(get_ordinance(session), date(2025, 7, 1), ("生活支援",), missing)
        apply_for_designation(session, org_id=org_id, application=application, today=TODAY)


def state(office: Office, org_id: int) -> OrgState:
    with office.reader() as session:
        detail = get_organisation(session, org_id)
        assert detail is not None
        return detail.state


def test_the_whole_life_is_kept_as_history_and_audited(office: Office) -> None:
    org = register(office)
    apply(office, org)
    with office.transaction() as session:
        designate(session, org_id=org, decision=Designation(date(2025, 8, 1), "第1号", date(2025, 8, 5)))
    with office.transaction() as session:
        notify_change(session, org_id=org, draft=OrganisationDraft(**{**DRAFT.__dict__, "representative_name": "𠮷田 二郎"}),
                      effective_on=date(2026, 4, 1), summary="代表者の交代")
        order_improvement(session, org_id=org, order=ImprovementOrder(date(2026, 5, 1), "総会未開催", "総会の開催",
                                                                      date(2026, 7, 31)))
    assert state(office, org) is OrgState.UNDER_ORDER
    with office.transaction() as session:
        confirm_improvement(session, org_id=org, confirmed=ImprovementConfirmed(date(2026, 7, 20)))
        revoke(session, org_id=org, revocation=Revocation(date(2026, 9, 1), RevocationGround.FRAUD, "虚偽の構成員名簿"))
    with office.reader() as session:
        detail = get_organisation(session, org)
        assert detail is not None
        assert [e.action for e in detail.events] == ["register", "apply", "designate", "notify_change",
                                                     "order_improvement", "confirm_improvement", "revoke"]
        assert detail.state is OrgState.REVOKED and detail.designation_number == "第1号"
        assert detail.draft.representative_name == "𠮷田 二郎"
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "organisation")))
        assert actions == ["create", "apply", "designate", "notify_change", "order_improvement",
                           "confirm_improvement", "revoke"]
        assert verify_chain(session).ok
        # The registry as of a date: data and state as they were.
        (before,) = registry_as_of(session, day=date(2026, 3, 31))
        assert before.state is OrgState.DESIGNATED and before.draft.representative_name == "髙﨑 一"
        (after,) = registry_as_of(session, day=date(2026, 4, 1))
        assert after.draft.representative_name == "𠮷田 二郎" and after.designation_number == "第1号"
        assert registry_as_of(session, day=date(2025, 5, 31)) == []
        assert registry_as_of(session, day=date(2025, 7, 15))[0].state is OrgState.APPLIED
        assert registry_as_of(session, day=date(2026, 9, 1), designated_only=True) == []


def test_designation_is_refused_while_a_requirement_is_unmet_and_nothing_changes(office: Office) -> None:
    org = register(office)
    apply(office, org, missing=("誓約書",))
    with pytest.raises(ValidationError) as refused, office.transaction() as session:
        designate(session, org_id=org, decision=Designation(date(2025, 8, 1), "第1号"))
    assert "誓約書" in refused.value.problems[0].message
    assert state(office, org) is OrgState.APPLIED
    # The attachment arrives; the review is updated; now the designation goes through.
    with office.transaction() as session:
        update_application(session, org_id=org, application=full_application(
            get_ordinance(session), date(2025, 7, 1), ("生活支援",)), today=TODAY)
    with office.transaction() as session:
        designate(session, org_id=org, decision=Designation(date(2025, 8, 1), "第1号"))
    assert state(office, org) is OrgState.DESIGNATED


def test_illegal_transitions_are_refused_with_the_reason(office: Office) -> None:
    org = register(office)
    with pytest.raises(ValidationError, match="申請中の団体です"), office.transaction() as session:
        designate(session, org_id=org, decision=Designation(date(2025, 8, 1), "第1号"))
    with pytest.raises(ValidationError, match="命令違反を理由に"), office.transaction() as session:
        apply_for_designation(session, org_id=org, application=full_application(
            get_ordinance(session), date(2025, 7, 1), ("生活支援",)), today=TODAY)
        designate(session, org_id=org, decision=Designation(date(2025, 8, 1), "第1号"))
        revoke(session, org_id=org, revocation=Revocation(date(2026, 1, 1), RevocationGround.ORDER_VIOLATED, "x"))
    # The whole transaction was rolled back: still 未申請, no application, no events beyond registration.
    assert state(office, org) is OrgState.REGISTERED
    with office.reader() as session:
        detail = get_organisation(session, org)
        assert detail is not None and detail.application is None and len(detail.events) == 1


def test_refusal_then_a_new_application(office: Office) -> None:
    org = register(office)
    apply(office, org)
    with office.transaction() as session:
        refuse(session, org_id=org, decision=Refusal(date(2025, 9, 1), "規約に構成員の資格の定めがない"))
    assert state(office, org) is OrgState.REFUSED
    with office.transaction() as session:
        apply_for_designation(session, org_id=org, application=full_application(
            get_ordinance(session), date(2026, 4, 1), ("生活支援",)), today=TODAY)
        detail = get_organisation(session, org)
        assert detail is not None and detail.application is not None
        assert detail.application.status == "open" and detail.application.draft.applied_on == date(2026, 4, 1)


def test_designation_numbers_are_unique(office: Office) -> None:
    first, second = register(office), register(office, OrganisationDraft(**{**DRAFT.__dict__, "name": "髙﨑町内会"}))
    for org in (first, second):
        apply(office, org)
    with office.transaction() as session:
        designate(session, org_id=first, decision=Designation(date(2025, 8, 1), "第1号"))
    with pytest.raises(ValidationError, match="既に使われています"), office.transaction() as session:
        designate(session, org_id=second, decision=Designation(date(2025, 8, 1), "第1号"))


def test_list_filters_page_and_search_names_as_typed(office: Office) -> None:
    register(office)
    register(office, OrganisationDraft(**{**DRAFT.__dict__, "name": "東町内会", "area": "東小学校区"}))
    org = register(office, OrganisationDraft(**{**DRAFT.__dict__, "name": "髙﨑地区自治会連合会", "area": "東小学校区"}))
    apply(office, org)
    with office.reader() as session:
        assert count_organisations(session) == 3
        assert [r.name for r in list_organisations(session, text="𠮷野地区")] == ["𠮷野地区まちづくり協議会"]
        assert [r.name for r in list_organisations(session, state="applied")] == ["髙﨑地区自治会連合会"]
        assert count_organisations(session, area="東小学校区") == 2
        assert list_areas(session) == ["東小学校区", "𠮷野小学校区"]
        assert len(list_organisations(session, offset=1, limit=1)) == 1
        assert count_organisations(session, kind="federation") == 0


def test_correction_is_audited_and_a_no_change_correction_records_nothing(office: Office) -> None:
    org = register(office)
    with office.transaction() as session:
        assert correct_organisation(session, org_id=org, draft=DRAFT, on=TODAY).count == 0
        correct_organisation(session, org_id=org, draft=OrganisationDraft(**{**DRAFT.__dict__, "member_count": 9}),
                             on=TODAY)
    with office.reader() as session:
        assert session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "update")) == 1
    with pytest.raises(ValidationError, match="変更届は指定を受けた団体"), office.transaction() as session:
        notify_change(session, org_id=org, draft=DRAFT, effective_on=TODAY, summary="x")


def test_the_ordinance_is_prefilled_and_edited_with_audit(office: Office) -> None:
    with office.reader() as session:
        ordinance = get_ordinance(session)
    assert [i.label for i in ordinance.active(ItemKind.ARTICLES)] == [
        "目的", "名称", "主たる事務所の所在地", "主として活動を行う区域", "構成員の資格", "代表者・役員", "会議",
        "資産・会計", "定款の変更", "解散"]
    assert "子ども・子育て支援" in [i.label for i in ordinance.active(ItemKind.ACTIVITY)]
    assert "誓約書" in [i.label for i in ordinance.active(ItemKind.ATTACHMENT)]
    pledge = next(i for i in ordinance.active(ItemKind.ATTACHMENT) if i.label == "誓約書")
    with office.transaction() as session:
        update_ordinance_title(session, heading=OrdinanceTitle("デモ町条例", "令和7年条例第11号"))
        save_ordinance_item(session, item_id=pledge.id, draft=OrdinanceItemDraft(ItemKind.ATTACHMENT, "誓約書",
                                                                                 active=False))
        save_ordinance_item(session, item_id=None, draft=OrdinanceItemDraft(ItemKind.ACTIVITY, "地域交通"))
    with pytest.raises(ValidationError, match="既にあります"), office.transaction() as session:
        save_ordinance_item(session, item_id=None, draft=OrdinanceItemDraft(ItemKind.ACTIVITY, "生活支援"))
    with office.reader() as session:
        edited = get_ordinance(session)
        assert edited.citation() == "デモ町条例（令和7年条例第11号）"
        assert "誓約書" not in [i.label for i in edited.active(ItemKind.ATTACHMENT)]
        assert "地域交通" in [i.label for i in edited.active(ItemKind.ACTIVITY)]
        entities = list(session.scalars(select(AuditEntry.entity).order_by(AuditEntry.id)))[-3:]
        assert entities == ["ordinance", "ordinance_item", "ordinance_item"]
