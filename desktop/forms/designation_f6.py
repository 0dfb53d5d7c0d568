"""F6 指定通知書 / 不指定通知書: the mayor's decision on an application, with the appeal notice
(教示, 行政不服審査法第82条) wherever the decision is adverse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from desktop.domain.designation import Designation, Refusal
from desktop.domain.documents import LetterHead
from desktop.domain.ordinance import Ordinance
from desktop.domain.organisation import OrganisationDraft
from desktop.domain.town import TownProfile
from desktop.domain.wareki import format_wareki
from desktop.forms.kit.blocks import letter_opening
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official


@dataclass(frozen=True)
class DecisionFormData:
    town: TownProfile
    ordinance: Ordinance
    head: LetterHead
    org: OrganisationDraft
    applied_on: date | None
    decision: Designation | Refusal
    activities: tuple[str, ...]


def appeal_notice(town: TownProfile) -> list[str]:
    """教示: 審査請求 to the mayor (no superior agency) within 3 months; 取消訴訟 within 6 months."""
    mayor, name = town.mayor_title, town.name
    return [
        official("（教示）"),
        official("1　この処分について不服がある場合は、この処分があったことを知った日の翌日から起算して3か月以内に、"
                 "{mayor}に対して審査請求をすることができます。").format(mayor=mayor),
        official("2　この処分の取消しの訴えは、この処分があったことを知った日の翌日から起算して6か月以内に、"
                 "{town}を被告として（訴訟において{town}を代表する者は{mayor}となります。）提起することができます。"
                 "なお、審査請求をした場合には、処分の取消しの訴えは、その審査請求に対する裁決があったことを知った日の"
                 "翌日から起算して6か月以内に提起することができます。").format(town=name, mayor=mayor),
        official("3　ただし、上記の期間が経過する前に、この処分（審査請求をした場合には、その審査請求に対する裁決）が"
                 "あった日の翌日から起算して1年を経過した場合には、審査請求をすることや処分の取消しの訴えを提起する"
                 "ことができなくなります。なお、正当な理由があるときは、上記の期間やこの処分（審査請求をした場合には、"
                 "その審査請求に対する裁決）があった日の翌日から起算して1年を経過した後であっても審査請求をすることや"
                 "処分の取消しの訴えを提起することが認められる場合があります。"),
    ]


def _applied(day: date | None) -> str:
    return official("{date}付けで").format(date=format_wareki(day)) if day else ""


def render_f6(data: DecisionFormData) -> bytes:
    org, decision = data.org, data.decision
    designated = isinstance(decision, Designation)
    title = official("指定地域共同活動団体指定通知書") if designated else official("指定地域共同活動団体不指定通知書")
    sheet = Sheet(title=title, author=data.town.name, subject=org.name)
    if designated:
        intro = official("{applied}申請のありました指定地域共同活動団体の指定について、地方自治法第260条の49第2項"
                         "及び{ordinance}の規定により、次のとおり指定したので通知します。")
    else:
        intro = official("{applied}申請のありました指定地域共同活動団体の指定について、審査の結果、次の理由により"
                         "指定しないこととしたので、{ordinance}の規定により通知します。")
    letter_opening(sheet, data.head, title, intro.format(applied=_applied(data.applied_on),
                                                         ordinance=data.ordinance.citation()))
    sheet.paragraph(official("記"), size=10.5, align="center", space_after=2 * mm)
    rows = [[official("団体の名称"), org.name],
            [official("主たる事務所の所在地"), org.address],
            [official("代表者"), f"{org.representative_title}\u3000{org.representative_name}"],
            [official("活動区域"), f"{org.area}\n{org.area_detail}".strip()]]
    if isinstance(decision, Designation):
        rows = [[official("指定番号"), decision.number], *rows,
                [official("指定日"), format_wareki(decision.decided_on)],
                [official("公示日"), format_wareki(decision.notice_on) if decision.notice_on else ""],
                [official("特定地域共同活動"), "、".join(data.activities)],
                [official("条件"), decision.conditions or official("なし")]]
    else:
        rows += [[official("申請日"), format_wareki(data.applied_on) if data.applied_on else ""],
                 [official("決定日"), format_wareki(decision.decided_on)],
                 [official("指定しない理由"), decision.reasons]]
    sheet.table([TableColumn(official("項目"), 25), TableColumn(official("内容"), 75)], rows, size=10, header_size=9,
                min_row_height=8 * mm, sources=[Source(org.name)] * len(rows))
    if isinstance(decision, Designation):
        sheet.spacer(3 * mm)
        sheet.paragraph(official("指定地域共同活動団体は、地方自治法第260条の49第3項の支援を受けることができ、"
                                 "同条第10項の報告の求め、第11項の改善命令及び第12項の指定の取消しの対象となります。"),
                        size=9.5, first_indent=9.5)
    if not designated or (isinstance(decision, Designation) and decision.conditions):
        sheet.spacer(5 * mm)
        sheet.ensure_space(9 * 1.7 * 12)
        for number, line in enumerate(appeal_notice(data.town)):
            sheet.paragraph(line, size=9, indent=0 if number == 0 else 9, first_indent=0 if number == 0 else -9)
    return sheet.render()
