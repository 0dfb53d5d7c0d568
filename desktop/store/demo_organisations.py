"""The demo office's designated community-activity organisations: five groups in different states,
built through the same services a clerk uses."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from desktop.domain.designation import (
    Designation,
    Dissolution,
    DissolutionKind,
    ImprovementOrder,
    Refusal,
)
from desktop.domain.ordinance import ItemKind, Ordinance, OrdinanceTitle
from desktop.domain.organisation import (
    ApplicationDraft,
    Membership,
    OrganisationDraft,
    OrganisationKind,
)
from desktop.store.repos.organisations import get_ordinance
from desktop.store.services.ordinance import update_ordinance_title
from desktop.store.services.organisations import (
    apply_for_designation,
    designate,
    dissolve,
    order_improvement,
    refuse,
    register_organisation,
)

DEMO_ORDINANCE = OrdinanceTitle(
    title="デモ町指定地域共同活動団体の指定等に関する条例", number="令和7年デモ町条例第11号",
    rule_title="デモ町指定地域共同活動団体の指定等に関する条例施行規則", rule_number="令和7年デモ町規則第28号",
)


def full_application(ordinance: Ordinance, applied_on: date, activities: Iterable[str],
                     missing: Iterable[str] = ()) -> ApplicationDraft:
    """An application that answers every item of the ordinance, except the attachments `missing`."""
    wanted, lacking = set(activities), set(missing)
    return ApplicationDraft(
        applied_on=applied_on,
        activity_ids=tuple(i.id for i in ordinance.active(ItemKind.ACTIVITY) if i.label in wanted),
        confirmed_ids=tuple(i.id for kind in (ItemKind.OPERATION, ItemKind.OTHER) for i in ordinance.active(kind)),
        article_refs=tuple((i.id, f"第{n}条") for n, i in enumerate(ordinance.active(ItemKind.ARTICLES), start=1)),
        attachment_ids=tuple(i.id for i in ordinance.active(ItemKind.ATTACHMENT) if i.label not in lacking),
    )


DEMO_ORGANISATIONS = (
    OrganisationDraft(
        name="東小学校区まちづくり協議会", kind=OrganisationKind.REGIONAL, representative_name="髙﨑 𠮷男",
        address="デモ町大字東1234番地1（東地区集会所内）", area="東小学校区",
        area_detail="大字東、東一丁目、東二丁目、大字新田", member_count=14, membership=Membership.GROUPS,
        contact="0120-000-111", articles_on=date(2019, 4, 20)),
    OrganisationDraft(
        name="中央地区自治会連合会", kind=OrganisationKind.FEDERATION, representative_name="佐々木 和夫",
        address="デモ町本町2丁目3番5号", area="中央地区", area_detail="本町一丁目〜三丁目、駅前", member_count=9,
        membership=Membership.GROUPS, contact="0120-000-222", articles_on=date(2010, 5, 1)),
    OrganisationDraft(
        name="西学区自治会連合会", kind=OrganisationKind.FEDERATION, representative_name="渡邉 美智子",
        address="デモ町大字西567番地", area="西小学校区", area_detail="大字西、大字川原、西が丘",
        member_count=11, membership=Membership.GROUPS, contact="0120-000-333", articles_on=date(2015, 4, 1)),
    OrganisationDraft(
        name="北部地区地域福祉推進会", kind=OrganisationKind.OTHER, representative_name="齋藤 隆",
        address="デモ町大字北山89番地", area="北部地区", area_detail="大字北山、大字奥谷", member_count=63,
        membership=Membership.RESIDENTS, contact="0120-000-444", articles_on=date(2023, 6, 10)),
    OrganisationDraft(
        name="南山間地域振興会", kind=OrganisationKind.REGIONAL, representative_name="𠮷川 榮一",
        address="デモ町大字南谷10番地", area="南地区", area_detail="大字南谷、大字峠", member_count=5,
        membership=Membership.GROUPS, contact="0120-000-555", articles_on=date(2018, 4, 1)),
)


def build_demo_organisations(session: Session) -> list[int]:
    """指定, 改善命令中, 申請中 (an attachment missing), 不指定 and 解散; returns their ids."""
    update_ordinance_title(session, heading=DEMO_ORDINANCE)
    ordinance = get_ordinance(session)
    today = date(2026, 11, 1)
    ids = [register_organisation(session, draft=d, registered_on=date(2025, 6, 2)).ids[0] for d in DEMO_ORGANISATIONS]
    east, centre, west, north, south = ids
    for org, number, activities in ((east, "デモ町指定第1号", ("生活支援", "交流促進", "防災・防犯", "子ども・子育て支援")),
                                    (centre, "デモ町指定第2号", ("防災・防犯", "環境美化")),
                                    (south, "デモ町指定第3号", ("生活支援", "健康の維持増進"))):
        apply_for_designation(session, org_id=org, application=full_application(ordinance, date(2025, 7, 1), activities),
                              today=today)
        designate(session, org_id=org, decision=Designation(date(2025, 8, 1), number, date(2025, 8, 5),
                                                            "毎年度、活動状況を報告すること。"))
    order_improvement(session, org_id=centre, order=ImprovementOrder(
        date(2026, 10, 1), "令和7年度の総会が開催されず、決算が承認されていない。",
        "総会を開催し、令和7年度の決算を承認の上、構成員に公開すること。", date(2026, 12, 25)))
    dissolve(session, org_id=south, dissolution=Dissolution(date(2026, 3, 31), DissolutionKind.DISSOLVED,
                                                            "構成員の高齢化により解散（総会議決 令和8年3月15日）"))
    apply_for_designation(session, org_id=north, application=full_application(
        ordinance, date(2025, 7, 10), ("健康の維持増進",)), today=today)
    refuse(session, org_id=north, decision=Refusal(
        date(2025, 9, 1), "規約に構成員の資格の定めがなく、区域の住民が自由に加入できることを確認できないため"
                          "（条例第5条第2号に規定する要件を満たさない。）"))
    apply_for_designation(session, org_id=west, application=full_application(
        ordinance, date(2026, 10, 20), ("交流促進", "生涯学習", "環境美化"), missing=("誓約書",)), today=today)
    from desktop.store.demo_org_records import build_demo_org_records

    build_demo_org_records(session, ids)
    return ids
