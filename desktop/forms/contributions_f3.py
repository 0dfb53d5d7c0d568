"""F3 負担金支払状況一覧: per post and person in a fiscal year — planned, invoiced, paid, refunded, balance."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop.domain.contribution import LedgerTotals
from desktop.domain.documents import LetterHead
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.town import TownProfile
from desktop.domain.yen import format_amount
from desktop.forms.kit.blocks import letter_opening
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official


@dataclass(frozen=True)
class ContributionFormLine:
    agreement_number: str
    post: str
    name: str
    totals: LedgerTotals
    overdue_count: int
    overdue_yen: int


@dataclass(frozen=True)
class ContributionFormData:
    town: TownProfile
    fiscal_year: FiscalYear
    head: LetterHead
    lines: tuple[ContributionFormLine, ...]


def render_f3(data: ContributionFormData) -> bytes:
    title = official("{year} 負担金支払状況一覧").format(year=data.fiscal_year.label())
    sheet = Sheet(title=title, author=data.town.name, subject=title)
    letter_opening(sheet, data.head, title, official(
        "連携協約に基づく派遣職員の受入れに係る負担金（節18 負担金、補助及び交付金）の状況は、次のとおりです。金額の単位は円です。"))
    columns = [
        TableColumn(official("協約番号／派遣先ポスト"), 22), TableColumn(official("氏名"), 10),
        TableColumn(official("予算額"), 12, "right", shrink=True), TableColumn(official("請求額"), 12, "right", shrink=True),
        TableColumn(official("支払額"), 12, "right", shrink=True), TableColumn(official("戻入額"), 10, "right", shrink=True),
        TableColumn(official("未払残"), 11, "right", shrink=True), TableColumn(official("備考"), 12),
    ]
    rows, sources = [], []
    for line in data.lines:
        note = official("※延滞 {count}件 {amount}円").format(count=line.overdue_count,
                                                            amount=format_amount(line.overdue_yen)) if line.overdue_count else ""
        t = line.totals
        rows.append([f"{line.agreement_number}\n{line.post}", line.name or official("（ポスト全体）"),
                     format_amount(t.planned), format_amount(t.invoiced), format_amount(t.paid),
                     format_amount(t.refunded), format_amount(t.unpaid), note])
        sources.append(Source(official("負担金 {post} {name}").format(post=line.post, name=line.name)))
    grand = sum((line.totals for line in data.lines), LedgerTotals())
    overdue_total = sum(line.overdue_yen for line in data.lines)
    rows.append([official("合計"), "", format_amount(grand.planned), format_amount(grand.invoiced),
                 format_amount(grand.paid), format_amount(grand.refunded), format_amount(grand.unpaid),
                 official("※延滞 計{amount}円").format(amount=format_amount(overdue_total)) if overdue_total else ""])
    sources.append(Source(official("合計")))
    sheet.table(columns, rows, size=8.5, header_size=8.5, sources=sources)
    sheet.spacer(3 * mm)
    sheet.paragraph(official("※延滞: 期日を過ぎて支払が済んでいない請求（支払は期日の早い請求から充当）。"
                             "出納整理期間（4月1日〜5月31日）の支払は、属する会計年度に計上しています。"), size=8.5)
    return sheet.render()
