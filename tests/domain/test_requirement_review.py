"""The requirement review of an application against the town's ordinance."""

from __future__ import annotations

from datetime import date

from desktop.domain.ordinance import MODEL_ITEMS, ItemKind, Ordinance, OrdinanceItem, OrdinanceTitle
from desktop.domain.organisation import (
    ApplicationDraft,
    Membership,
    OrganisationDraft,
    Section,
    review_application,
    validate_application,
    validate_organisation,
)

ORDINANCE = Ordinance(OrdinanceTitle(), tuple(
    OrdinanceItem(index, kind, label, test) for index, (kind, label, test) in enumerate(MODEL_ITEMS, start=1)))
ORG = OrganisationDraft(name="東地区まちづくり協議会", representative_name="髙﨑 𠮷男", address="B町東1-1",
                        area="東小学校区", member_count=12, membership=Membership.GROUPS, articles_on=date(2020, 4, 1))


def ids(kind: ItemKind) -> tuple[int, ...]:
    return tuple(i.id for i in ORDINANCE.active(kind))


def complete() -> ApplicationDraft:
    return ApplicationDraft(
        applied_on=date(2025, 7, 1), activity_ids=ids(ItemKind.ACTIVITY)[:2],
        confirmed_ids=ids(ItemKind.OPERATION) + ids(ItemKind.OTHER),
        article_refs=tuple((i, f"第{n}条") for n, i in enumerate(ids(ItemKind.ARTICLES), start=1)),
        attachment_ids=ids(ItemKind.ATTACHMENT))


def test_a_complete_application_meets_every_requirement() -> None:
    review = review_application(ORDINANCE, ORG, complete())
    assert review.all_met, [line for line in review.lines if not line.met]
    sections = {line.section for line in review.lines}
    assert sections == set(Section)
    articles = [line for line in review.lines if line.section is Section.ARTICLES]
    assert [line.label for line in articles][:3] == ["目的", "名称", "主たる事務所の所在地"]
    assert articles[0].reason == "第1条"
    assert len(articles) == 10


def test_each_unmet_requirement_says_why() -> None:
    application = complete()
    purpose = ids(ItemKind.ARTICLES)[0]
    pledge = next(i.id for i in ORDINANCE.active(ItemKind.ATTACHMENT) if i.label == "誓約書")
    general_meeting = ids(ItemKind.OPERATION)[1]
    broken = ApplicationDraft(
        applied_on=application.applied_on, activity_ids=(),
        confirmed_ids=tuple(i for i in application.confirmed_ids if i != general_meeting),
        article_refs=tuple((i, r) for i, r in application.article_refs if i != purpose),
        attachment_ids=tuple(i for i in application.attachment_ids if i != pledge))
    unmet = {line.label: line.reason for line in review_application(ORDINANCE, ORG, broken).unmet()}
    assert unmet == {
        "条例で定める特定地域共同活動を行うこと": "条例で定める活動が1つも選ばれていません",
        "総会を年1回以上開催していること": "未確認: 直近の総会議事録で確認する",
        "目的": "定款・規約のどの条にあるかが記入されていません",
        "誓約書": "未提出",
    }


def test_basic_requirements_come_from_the_organisation() -> None:
    bare = OrganisationDraft(name="西町内会", representative_name="", address="x", area="")
    unmet = [line.label for line in review_application(ORDINANCE, bare, complete()).unmet()]
    assert unmet == ["活動区域", "構成員", "代表者", "定款・規約の制定"]


def test_an_inactive_ordinance_item_is_not_required() -> None:
    items = tuple(OrdinanceItem(i.id, i.kind, i.label, i.test, active=i.label != "誓約書") for i in ORDINANCE.items)
    ordinance = Ordinance(OrdinanceTitle(), items)
    pledge = next(i.id for i in ORDINANCE.items if i.label == "誓約書")
    application = complete()
    without = ApplicationDraft(application.applied_on, application.activity_ids, application.confirmed_ids,
                               application.article_refs, tuple(i for i in application.attachment_ids if i != pledge))
    assert review_application(ordinance, ORG, without).all_met
    assert not review_application(ORDINANCE, ORG, without).all_met


def test_organisation_and_application_checks() -> None:
    assert validate_organisation(ORG) == []
    assert [p.field for p in validate_organisation(OrganisationDraft(member_count=-1))] == [
        "name", "representative_name", "address", "area", "member_count"]
    assert [p.field for p in validate_application(ApplicationDraft(), date(2025, 7, 1))] == ["applied_on"]
    future = ApplicationDraft(applied_on=date(2025, 7, 2))
    assert [p.field for p in validate_application(future, date(2025, 7, 1))] == ["applied_on"]
