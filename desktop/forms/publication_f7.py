"""F7 指定地域共同活動団体の活動及び支援の状況 (公表, 地方自治法第260条の49第4項) for a fiscal
year: per designated organisation its area, activities and the support it received. A4 landscape."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from desktop.domain.documents import date_line
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.ordinance import Ordinance
from desktop.domain.town import TownProfile
from desktop.domain.wareki import format_wareki
from desktop.domain.yen import format_amount
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import PageSetup, Sheet, TableColumn
from desktop.i18n import official

NONE_RECORDED = "—"


@dataclass(frozen=True)
class SupportSummary:
    """Support in the year (第3項, 第6項, 第7項); empty until support records exist (part 2)."""

    grants_yen: int | None = None                      # 活動資金の助成, whole yen
    grants: tuple[str, ...] = ()                       # what each grant was for
    leases: tuple[str, ...] = ()                       # 行政財産の貸付け (property, room)
    contracts: tuple[str, ...] = ()                    # 随意契約による委託 (work)
    information: tuple[str, ...] = field(default=())   # 情報提供その他

    def grant_text(self) -> str:
        if self.grants_yen is None:
            return NONE_RECORDED
        return "\n".join((format_amount(self.grants_yen), *self.grants))


@dataclass(frozen=True)
class PublicationLine:
    designation_number: str
    name: str
    area: str
    activities: tuple[str, ...]
    status: str          # how it stood in the year (指定日, 改善命令, 解散 …)
    designated_now: bool
    support: SupportSummary


@dataclass(frozen=True)
class PublicationFormData:
    town: TownProfile
    ordinance: Ordinance
    fiscal_year: FiscalYear
    published_on: date | None
    lines: tuple[PublicationLine, ...]


def _lines(items: tuple[str, ...]) -> str:
    return "\n".join(items) if items else NONE_RECORDED


def render_f7(data: PublicationFormData) -> bytes:
    year = data.fiscal_year
    title = official("{year} 指定地域共同活動団体の活動及び支援の状況").format(year=year.label())
    sheet = Sheet(title=title, setup=PageSetup(width=A4[1], height=A4[0], margin_top=15 * mm, margin_bottom=17 * mm),
                  author=data.town.name, subject=title)
    sheet.heading(title, 14, space_after=2 * mm)
    sheet.paragraph(official("地方自治法第260条の49第4項の規定により、{start}から{end}までの指定地域共同活動団体の"
                             "特定地域共同活動の状況及び当該活動に対する支援の状況を次のとおり公表します。").format(
        start=format_wareki(year.start), end=format_wareki(year.end)), size=10, first_indent=10, space_after=1 * mm)
    sheet.paragraph(f"{date_line(data.published_on)}\u3000{data.town.mayor_title}\u3000{data.town.mayor_name}",
                    size=10, align="right", source=Source(official("公表者"), official("氏名")), space_after=3 * mm)
    columns = [
        TableColumn(official("指定番号"), 9), TableColumn(official("団体の名称"), 15), TableColumn(official("活動区域"), 9),
        TableColumn(official("特定地域共同活動"), 14), TableColumn(official("指定の状況"), 15),
        TableColumn(official("活動資金の助成（円）"), 10, "right"), TableColumn(official("行政財産の貸付け"), 10),
        TableColumn(official("随意契約による委託"), 9), TableColumn(official("情報提供その他"), 9),
    ]
    rows = [[line.designation_number, line.name, line.area, "\n".join(line.activities), line.status,
             line.support.grant_text(), _lines(line.support.leases), _lines(line.support.contracts),
             _lines(line.support.information)] for line in data.lines]
    if rows:
        sheet.table(columns, rows, size=8.5, header_size=8, sources=[Source(line.name) for line in data.lines])
        sheet.spacer(2 * mm)
        sheet.paragraph(official("※「{none}」は記録がないことを示す。助成は第3項、貸付けは第7項、委託は第6項による。").format(
            none=NONE_RECORDED), size=8.5)
    else:
        sheet.paragraph(official("この年度に指定されていた指定地域共同活動団体はありません。"), size=10)
    return sheet.render()
