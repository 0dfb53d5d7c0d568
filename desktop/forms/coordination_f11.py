"""F11 調整結果通知書: the request, the groups concerned, the measures taken and the result
(地方自治法第260条の49第5項)."""

from __future__ import annotations

from desktop.domain.org_support import CoordinationRequestDraft
from desktop.forms.org_letter import OrgLetterData, item_table, open_letter, org_rows, wareki
from desktop.i18n import official


def _need(draft: CoordinationRequestDraft) -> str:
    if draft.measures_needed is None:
        return official("判断中")
    if draft.measures_needed:
        return official("必要と認めた（{date}）").format(date=wareki(draft.decided_on))
    return official("必要と認めなかった（{date}）").format(date=wareki(draft.decided_on))


def render_f11(data: OrgLetterData[CoordinationRequestDraft]) -> bytes:
    draft = data.record
    title = official("調整結果通知書")
    sheet = open_letter(data, title, official(
        "{requested}付けで貴団体から求めのあった他の団体等との調整について、地方自治法第260条の49第5項の規定により"
        "必要な措置を講じた結果を、下記のとおり通知します。").format(requested=wareki(draft.requested_on)))
    item_table(sheet, data, [
        *org_rows(data),
        [official("求めのあった日"), wareki(draft.requested_on)],
        [official("調整を求めた活動"), draft.activity],
        [official("求めの内容"), draft.request],
        [official("関係する団体等"), draft.other_groups],
        [official("措置の要否"), _need(draft)],
        [official("講じた措置"), draft.measures or official("なし")],
        [official("調整の結果"), draft.result],
    ])
    return sheet.render()
