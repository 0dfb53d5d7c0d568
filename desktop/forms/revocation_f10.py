"""F10 指定取消通知書: the ground, the facts and the date of the revocation (地方自治法第260条の49第12項),
with the appeal notice (教示)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.designation import ImprovementOrder, Revocation
from desktop.forms.designation_f6 import appeal_notice
from desktop.forms.org_letter import OrgLetterData, item_table, notes, open_letter, org_rows, wareki
from desktop.i18n import official


@dataclass(frozen=True)
class RevocationLetter:
    revocation: Revocation
    order: ImprovementOrder | None     # the order it followed, if any


def render_f10(data: OrgLetterData[RevocationLetter]) -> bytes:
    revocation, order = data.record.revocation, data.record.order
    title = official("指定地域共同活動団体指定取消通知書")
    sheet = open_letter(data, title, official(
        "{designated}付けで行った貴団体の指定地域共同活動団体の指定について、地方自治法第260条の49第12項の規定により、"
        "下記のとおり取り消したので、{ordinance}の規定により通知します。").format(
        designated=wareki(data.designated_on), ordinance=data.ordinance.citation()))
    rows = [*org_rows(data),
            [official("指定日"), wareki(data.designated_on)],
            [official("取消日"), wareki(revocation.revoked_on)],
            [official("取消の根拠"), official("地方自治法第260条の49第12項")],
            [official("取消の事由"), revocation.ground.official_label],
            [official("取消の理由となる事実"), revocation.reason]]
    if order is not None:
        rows.append([official("改善命令"), official("{ordered}付け改善命令（期限 {deadline}）\n{measures}").format(
            ordered=wareki(order.ordered_on), deadline=wareki(order.deadline), measures=order.measures)])
    item_table(sheet, data, rows)
    notes(sheet, [official("（注意）"),
                  official("1　取消しの日以後、貴団体は指定地域共同活動団体として同条第3項の支援等を受けることはできません。"),
                  official("2　行政財産の貸付け及び委託の契約の取扱いについては、別途協議します。")])
    notes(sheet, appeal_notice(data.town), size=9)
    return sheet.render()
