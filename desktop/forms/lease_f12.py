"""F12 行政財産貸付契約書: the lease of administrative property to a designated organisation
(地方自治法第260条の49第7項), with the para 8 and 9 conditions printed as articles: the Civil Code
604 and the Land and Building Lease Act 3–4 do not apply, and the town may end the lease when the
property is needed for public use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from desktop.domain.documents import date_line
from desktop.domain.org_lease import PropertyLeaseDraft
from desktop.domain.organisation import OrganisationDraft
from desktop.domain.town import TownProfile
from desktop.domain.yen import format_amount
from desktop.forms.kit.blocks import sender_block
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.forms.org_letter import wareki
from desktop.i18n import official


@dataclass(frozen=True)
class LeaseFormData:
    town: TownProfile
    org: OrganisationDraft
    designation_number: str
    lease: PropertyLeaseDraft
    signed_on: date | None


def _rent(lease: PropertyLeaseDraft) -> str:
    if lease.rent_yen:
        return official("年額 {amount}円とし、甲の発行する納入通知書により、甲の指定する期日までに納付するものとする。").format(
            amount=format_amount(lease.rent_yen))
    return official("無償とする（{ground}）。").format(ground=lease.free_ground)


def articles(lease: PropertyLeaseDraft) -> list[tuple[str, str]]:
    """(見出し, 本文) of each article; 第6条 and 第7条 are 第8項 and 第9項 of 第260条の49."""
    return [
        (official("（貸付物件）"), official("第1条　甲は、その所有する次の行政財産の一部（以下「貸付物件」という。）を乙に貸し付ける。")),
        (official("（用途）"), official("第2条　乙は、貸付物件を{purpose}の用に供するものとし、その他の用途に使用してはならない。").format(
            purpose=lease.purpose)),
        (official("（貸付期間）"), official("第3条　貸付期間は、{start}から{end}までとする。").format(
            start=wareki(lease.start_on), end=wareki(lease.end_on))),
        (official("（貸付料）"), official("第4条　貸付料は、") + _rent(lease)),
        (official("（用途又は目的を妨げない限度）"), official(
            "第5条　この貸付けは、地方自治法第260条の49第7項の規定により、貸付物件の用途又は目的を妨げない限度において"
            "行うものであり、乙は、甲が行う貸付物件の本来の用途又は目的に係る使用を妨げてはならない。（{finding}）").format(
            finding=lease.no_hindrance)),
        (official("（民法等の適用除外）"), official(
            "第6条　この貸付けについては、地方自治法第260条の49第8項の規定により、民法（明治29年法律第89号）第604条"
            "並びに借地借家法（平成3年法律第90号）第3条及び第4条の規定は、適用しない。")),
        (official("（公用等のための解除）"), official(
            "第7条　甲は、貸付期間中であっても、貸付物件を国、地方公共団体その他公共団体において公用又は公共用に供するため"
            "必要を生じたときは、地方自治法第260条の49第9項の規定により、この契約を解除することができる。"
            "この場合において、乙は、これによって生じた損失につきその補償を求めることができる。")),
        (official("（指定の取消し等による解除）"), official(
            "第8条　甲は、乙が指定地域共同活動団体の指定を取り消され、又は辞退若しくは解散したときは、この契約を解除する"
            "ことができる。")),
        (official("（転貸等の禁止・原状回復）"), official(
            "第9条　乙は、貸付物件を第三者に転貸し、又は貸付物件の原状を変更してはならない。契約が終了したときは、乙は、"
            "自己の負担で貸付物件を原状に回復して甲に返還しなければならない。")),
        (official("（疑義の決定）"), official("第10条　この契約に定めのない事項又は疑義が生じた事項は、甲乙協議して定める。")),
    ]


def render_f12(data: LeaseFormData) -> bytes:
    lease, town, org = data.lease, data.town, data.org
    title = official("行政財産貸付契約書")
    sheet = Sheet(title=title, author=town.name, subject=org.name)
    sheet.heading(title, 16, space_after=3 * mm)
    sheet.paragraph(official(
        "貸付人 {town}（以下「甲」という。）と借受人 {org}（以下「乙」という。指定番号 {number}）とは、"
        "地方自治法第260条の49第7項の規定に基づき、次のとおり行政財産の貸付契約を締結する。").format(
        town=town.name, org=org.name, number=data.designation_number), size=10.5, first_indent=10.5,
        source=Source(org.name, official("団体の名称")), space_after=3 * mm)
    for number, (caption, text) in enumerate(articles(lease)):
        sheet.paragraph(caption, size=9.5, indent=0, space_after=0, leading=1.5)
        sheet.paragraph(text, size=9.5, indent=9.5, first_indent=-9.5, leading=1.5)
        if number == 0:
            sheet.table([TableColumn(official("財産の名称"), 34), TableColumn(official("貸付部分"), 40),
                         TableColumn(official("面積（㎡）"), 26, "right")],
                        [[lease.property_name, lease.room, f"{lease.area_m2:,.2f}" if lease.area_m2 else ""]],
                        size=9.5, header_size=9, min_row_height=7 * mm)
            sheet.spacer(1 * mm)
    if lease.terminated_on is not None:
        sheet.spacer(2 * mm)
        sheet.paragraph(official("（解除）{date}　{reason}").format(date=wareki(lease.terminated_on),
                                                             reason=lease.termination_reason), size=10)
    sheet.spacer(3 * mm)
    sheet.ensure_space(55 * mm)
    sheet.paragraph(official("この契約の締結を証するため、本書2通を作成し、甲乙記名押印の上、各自その1通を保有する。"),
                    size=10, first_indent=10, space_after=3 * mm)
    sheet.paragraph(date_line(data.signed_on or lease.concluded_on), size=10.5, indent=20, space_after=4 * mm)
    for party, address, who_title, who_name in (
            (official("甲"), town.name, town.mayor_title, town.mayor_name),
            (official("乙"), org.address, f"{org.name}\u3000{org.representative_title}", org.representative_name)):
        sheet.paragraph(f"{party}\u3000{address}", size=10.5, indent=60 * mm, space_after=0,
                        source=Source(org.name, official("所在地")))
        sender_block(sheet, who_title, who_name, size=10.5)
    return sheet.render()
