"""F4 特別交付税算定資料 (連携協約に基づく派遣職員の受入れに係る負担金): lines, total, exclusions."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop.domain.claim import ClaimResult, ClaimStatus
from desktop.domain.documents import LetterHead
from desktop.domain.grant_measure import ratio_text
from desktop.domain.town import TownProfile
from desktop.domain.yen import format_amount
from desktop.forms.kit.blocks import letter_opening
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official


@dataclass(frozen=True)
class ClaimFormData:
    town: TownProfile
    head: LetterHead
    result: ClaimResult
    status: ClaimStatus
    # The newest audit entry when printed: a later reader can tell whether history after
    # this paper was cut or rewritten (`check` compares it with the office's backups).
    audit_sequence: int = 0
    audit_hash: str = ""


def render_f4(data: ClaimFormData) -> bytes:
    result = data.result
    title = official("{year} 特別交付税算定資料").format(year=result.fiscal_year.label())
    subtitle = official("（連携協約に基づく派遣職員の受入れに係る負担金）")
    footer = official("監査記録 No.{number} ({hash}…)").format(
        number=data.audit_sequence, hash=data.audit_hash[:8]) if data.audit_hash else ""
    sheet = Sheet(title=title, author=data.town.name, subject=title + subtitle, footer=footer)
    letter_opening(sheet, data.head, title, "", subtitle=subtitle)
    facts = [
        (official("団体名"), data.town.name),
        (official("全国地方公共団体コード"), data.town.local_gov_code),
        (official("団体区分"), result.town_category.official_label),
        (official("措置の根拠"), result.parameters.source),
        (official("措置率・要件"), official("負担金 × {ratio}（自治法派遣に限る。派遣先ポストにつき派遣初年度分のみ。{since}の措置）")
         .format(ratio=ratio_text(result.parameters.ratio), since=official("{year}以降").format(
             year=result.parameters.from_year.label()))),
    ]
    sheet.table([TableColumn(official("項目"), 27), TableColumn(official("内容"), 73)], [list(f) for f in facts],
                size=9, header_size=9, min_row_height=6 * mm)
    sheet.spacer(4 * mm)
    sheet.paragraph(official("1　措置の対象となる負担金"), size=11, space_after=1 * mm)
    ratio = ratio_text(result.parameters.ratio)
    columns = [
        TableColumn(official("協約番号"), 13), TableColumn(official("派遣先ポスト"), 18), TableColumn(official("派遣職員"), 15),
        TableColumn(official("派遣初年度"), 11), TableColumn(official("負担金（支払額−戻入額）"), 16, "right", shrink=True),
        TableColumn(official("措置率"), 7, "right"), TableColumn(official("算定額"), 14, "right", shrink=True),
    ]
    rows = [[line.agreement_number, line.post_label, "\n".join(line.persons), line.first_year.label(),
             format_amount(line.net_yen), ratio, format_amount(line.amount_yen)] for line in result.lines]
    sources = [Source(official("算定資料 {post}").format(post=line.post_label)) for line in result.lines]
    rows.append([official("合計"), "", "", "", format_amount(result.contributions_yen), "",
                 format_amount(result.total_yen)])
    sources.append(Source(official("合計")))
    sheet.table(columns, rows, size=8.5, header_size=8.5, sources=sources)
    sheet.paragraph(official("※算定額は円未満切捨て。"), size=8.5, space_after=4 * mm)
    sheet.paragraph(official("2　措置の対象とならない派遣先ポスト"), size=11, space_after=1 * mm)
    if result.exclusions:
        columns = [TableColumn(official("協約番号"), 13), TableColumn(official("派遣先ポスト"), 18),
                   TableColumn(official("派遣職員"), 14), TableColumn(official("理由"), 16), TableColumn(official("説明"), 39)]
        rows = [[e.agreement_number, e.post_label, "\n".join(e.persons), e.reason.official_label, e.detail]
                for e in result.exclusions]
        sources = [Source(official("対象外 {post}").format(post=e.post_label)) for e in result.exclusions]
        sheet.table(columns, rows, size=8.5, header_size=8.5, sources=sources)
    else:
        sheet.paragraph(official("なし"), size=10, indent=10)
    if not result.eligible:
        sheet.spacer(3 * mm)
        sheet.paragraph(official("※{category}は本措置の対象外団体のため、算定額はありません。").format(
            category=result.town_category.official_label), size=10)
    if data.status is ClaimStatus.DRAFT:
        sheet.spacer(3 * mm)
        sheet.paragraph(official("（作成中の資料です。提出時の内容は提出済として保存されます。）"), size=8.5)
    return sheet.render()
