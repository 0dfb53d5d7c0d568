"""F2 派遣職員受入名簿: every assignment in a fiscal year, one row each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from desktop.domain.documents import LetterHead
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.town import TownProfile
from desktop.domain.wareki import format_wareki
from desktop.forms.kit.blocks import letter_opening
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official


@dataclass(frozen=True)
class RosterFormLine:
    name: str
    reading: str
    field: str
    employment_type: str
    dispatch_form: str
    post: str
    agreement_number: str
    start_on: date
    end_on: date


@dataclass(frozen=True)
class RosterFormData:
    town: TownProfile
    fiscal_year: FiscalYear
    head: LetterHead
    lines: tuple[RosterFormLine, ...]


def render_f2(data: RosterFormData) -> bytes:
    title = official("{year} 派遣職員受入名簿").format(year=data.fiscal_year.label())
    sheet = Sheet(title=title, author=data.town.name, subject=title)
    letter_opening(sheet, data.head, title, official(
        "連携協約に基づき{town}が受け入れた派遣職員は、次のとおりです（{start}から{end}まで）。").format(
        town=data.town.name, start=format_wareki(data.fiscal_year.start), end=format_wareki(data.fiscal_year.end)))
    columns = [
        TableColumn(official("番号"), 6, "right"), TableColumn(official("氏名／ふりがな"), 18), TableColumn(official("分野"), 8),
        TableColumn(official("任用形態"), 11), TableColumn(official("派遣形態"), 9), TableColumn(official("派遣先ポスト"), 14),
        TableColumn(official("派遣期間"), 19), TableColumn(official("協約番号"), 15),
    ]
    rows = [
        [str(i), f"{line.name}\n{line.reading}", line.field, line.employment_type, line.dispatch_form, line.post,
         f"{format_wareki(line.start_on)}〜\n{format_wareki(line.end_on)}", line.agreement_number]
        for i, line in enumerate(data.lines, start=1)
    ]
    sources = [Source(official("派遣職員 {name}").format(name=line.name)) for line in data.lines]
    if rows:
        sheet.table(columns, rows, size=8.5, header_size=8.5, sources=sources, keep_after=10 * 1.7 + 2 * mm)
        sheet.spacer(2 * mm)
        sheet.paragraph(official("計 {count}名").format(count=len(rows)), size=10, align="right")
    else:
        sheet.paragraph(official("この年度に受け入れた派遣職員はいません。"), size=10)
    return sheet.render()
