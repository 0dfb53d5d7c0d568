"""F5 指定地域共同活動団体 指定申請書: printed pre-filled for the counter (the organisation signs
and seals), or blank. Lists the ordinance's activities, the articles checklist, the requirements
and the attachments, each with a box to tick."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop.domain.documents import date_line
from desktop.domain.ordinance import ItemKind, Ordinance
from desktop.domain.organisation import ApplicationDraft, Membership, OrganisationDraft
from desktop.domain.town import TownProfile
from desktop.domain.wareki import format_wareki
from desktop.forms.kit.blocks import seal_box
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official

TICKED, EMPTY = "■", "□"
BODY = 10.5


@dataclass(frozen=True)
class ApplicationFormData:
    town: TownProfile
    ordinance: Ordinance
    org: OrganisationDraft | None             # None: a blank form for the counter
    application: ApplicationDraft | None


def _box(checked: bool) -> str:
    return TICKED if checked else EMPTY


def _applicant(sheet: Sheet, org: OrganisationDraft | None, record: str) -> None:
    """申請者 block at the right: name, office, representative, with a seal box."""
    left = sheet.left + sheet.width * 0.42
    rows = [(official("団体の名称"), org.name if org else ""),
            (official("主たる事務所の所在地"), org.address if org else ""),
            (official("代表者の職・氏名"), f"{org.representative_title}\u3000{org.representative_name}" if org else "")]
    sheet.text_at(left - 12 * mm, sheet.y - BODY, official("申請者"), BODY)
    for caption, value in rows:
        sheet.text_at(left, sheet.y - 9, caption, 9)
        sheet.box_text(left + 34 * mm, sheet.y, sheet.right - left - 34 * mm - 16 * mm, 9 * 2.6, value, size=BODY,
                       min_size=6, source=Source(record, caption))
        sheet.line(left, sheet.y - 9 * 2.7, sheet.right - 16 * mm, sheet.y - 9 * 2.7, width=0.3)
        sheet.y -= 9 * 3
    seal_box(sheet, sheet.right - 14 * mm, sheet.y + 4 * mm)
    sheet.y -= 4 * mm


def render_f5(data: ApplicationFormData) -> bytes:
    org, app, ordinance = data.org, data.application, data.ordinance
    record = org.name if org else official("指定申請書")
    title = official("指定地域共同活動団体指定申請書")
    sheet = Sheet(title=title, author=data.town.name, subject=record)
    sheet.text_at(sheet.right, sheet.y - BODY, date_line(app.applied_on if app else None), BODY, align="right")
    sheet.y -= BODY * 2.4
    sheet.text_at(sheet.left, sheet.y - 12, f"{data.town.mayor_title}\u3000様", 12)
    sheet.y -= 12 * 2.6
    _applicant(sheet, org, record)
    sheet.heading(title, 14, space_after=3 * mm)
    sheet.paragraph(official("地方自治法第260条の49第2項の規定による指定地域共同活動団体の指定を受けたいので、"
                             "{ordinance}の規定により、関係書類を添えて次のとおり申請します。").format(
        ordinance=ordinance.citation()), size=10, first_indent=10, space_after=3 * mm)

    sheet.paragraph(official("1　団体の概要"), size=11, space_after=1 * mm)
    facts = [
        (official("種別"), org.kind.official_label if org else official("地域運営組織・自治会・町内会の連合会・その他")),
        (official("活動区域"), f"{org.area}\n{org.area_detail}".strip() if org else ""),
        (official("構成員"), official("{basis}　{count}{unit}").format(
            basis=org.membership.official_label, count=org.member_count,
            unit=official("団体") if org.membership is Membership.GROUPS else official("人")) if org else
         official("区域の住民・区域の住民を主たる構成員とする団体　　　　人（団体）")),
        (official("連絡先"), org.contact if org else ""),
        (official("定款・規約の制定日"), format_wareki(org.articles_on) if org and org.articles_on else ""),
    ]
    sheet.table([TableColumn(official("項目"), 26), TableColumn(official("内容"), 74)], [list(f) for f in facts],
                size=9.5, header_size=9, min_row_height=8 * mm, sources=[Source(record)] * len(facts))
    sheet.spacer(3 * mm)

    sheet.paragraph(official("2　行う特定地域共同活動（該当するものに■）"), size=11, space_after=1 * mm)
    ticked = set(app.activity_ids) if app else set()
    activities = [[_box(i.id in ticked), i.label, i.test] for i in ordinance.active(ItemKind.ACTIVITY)]
    sheet.table([TableColumn("", 6, "center"), TableColumn(official("活動"), 26), TableColumn(official("内容の例"), 68)],
                activities, size=9, header_size=9, min_row_height=6 * mm)
    sheet.spacer(3 * mm)

    sheet.paragraph(official("3　定款・規約に定める事項（地方自治法施行規則）"), size=11, space_after=1 * mm)
    articles = [[i.label, app.article_ref(i.id) if app else ""] for i in ordinance.active(ItemKind.ARTICLES)]
    sheet.table([TableColumn(official("事項"), 60), TableColumn(official("定めている条項"), 40, "center")], articles,
                size=9, header_size=9, min_row_height=6 * mm, sources=[Source(record)] * len(articles))
    sheet.spacer(3 * mm)

    sheet.paragraph(official("4　運営その他の要件（該当するものに■）"), size=11, space_after=1 * mm)
    confirmed = set(app.confirmed_ids) if app else set()
    requirements = [[_box(i.id in confirmed), i.label, i.test]
                    for kind in (ItemKind.OPERATION, ItemKind.OTHER) for i in ordinance.active(kind)]
    sheet.table([TableColumn("", 6, "center"), TableColumn(official("要件"), 50), TableColumn(official("確認の方法"), 44)],
                requirements, size=9, header_size=9, min_row_height=6 * mm)
    sheet.spacer(3 * mm)

    sheet.paragraph(official("5　添付書類（添付したものに■）"), size=11, space_after=1 * mm)
    received = set(app.attachment_ids) if app else set()
    attachments = [[_box(i.id in received), i.label] for i in ordinance.active(ItemKind.ATTACHMENT)]
    sheet.table([TableColumn("", 6, "center"), TableColumn(official("書類"), 94)], attachments, size=9,
                header_size=9, min_row_height=6 * mm)
    return sheet.render()
