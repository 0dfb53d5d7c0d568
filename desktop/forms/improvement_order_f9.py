"""F9 改善命令書: the failings, the measures required and the deadline (地方自治法第260条の49第11項),
with the appeal notice (教示) since the order is a disposition."""

from __future__ import annotations

from desktop.domain.designation import ImprovementOrder
from desktop.forms.designation_f6 import appeal_notice
from desktop.forms.org_letter import OrgLetterData, item_table, notes, open_letter, org_rows, wareki
from desktop.i18n import official


def render_f9(data: OrgLetterData[ImprovementOrder]) -> bytes:
    order = data.record
    title = official("改善命令書")
    sheet = open_letter(data, title, official(
        "{designated}付けで指定した指定地域共同活動団体である貴団体について、地方自治法第260条の49第11項の規定により、"
        "下記のとおり、期限を定めて、その改善に必要な措置を講ずべきことを命じます。").format(
        designated=wareki(data.designated_on)))
    item_table(sheet, data, [
        *org_rows(data),
        [official("命令の根拠"), official("地方自治法第260条の49第11項及び{ordinance}").format(
            ordinance=data.ordinance.citation())],
        [official("命令の理由"), order.failings],
        [official("講ずべき措置"), order.measures],
        [official("期限"), wareki(order.deadline)],
    ])
    notes(sheet, [official("（注意）"),
                  official("1　措置を講じたときは、速やかにその内容を書面で報告してください。"),
                  official("2　この命令に違反したときは、同条第12項の規定により指定を取り消すことがあります。")])
    notes(sheet, appeal_notice(data.town), size=9)
    return sheet.render()
