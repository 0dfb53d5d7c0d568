"""F8 報告徴収書: the mayor asks a designated organisation to report (地方自治法第260条の49第10項)."""

from __future__ import annotations

from desktop.domain.org_reports import ReportRequestDraft
from desktop.forms.org_letter import OrgLetterData, item_table, notes, open_letter, wareki
from desktop.i18n import official


def render_f8(data: OrgLetterData[ReportRequestDraft]) -> bytes:
    request = data.record
    title = official("指定地域共同活動団体の活動状況等の報告について（報告徴収書）")
    sheet = open_letter(data, title, official(
        "地方自治法第260条の49第10項の規定により、貴団体の特定地域共同活動の状況等について、下記のとおり報告を"
        "求めます。期限までに書面により報告してください。"))
    item_table(sheet, data, [
        [official("指定番号"), data.designation_number],
        [official("団体の名称"), data.org.name],
        [official("根拠"), official("地方自治法第260条の49第10項及び{ordinance}").format(
            ordinance=data.ordinance.citation())],
        [official("報告を求める事項"), request.items],
        [official("報告の期限"), wareki(request.due_on)],
        [official("提出先"), data.town.mayor_title],
    ])
    notes(sheet, [official("（備考）"),
                  official("1　報告の内容を確認するため、関係書類の提出又は説明を求めることがあります。"),
                  official("2　報告の内容により、同条第11項の規定による改善命令を行うことがあります。")])
    return sheet.render()
