"""F14 持出記録簿: every carry-out of personal data in a period, with the files' full SHA-256."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm

from desktop.domain.town import TownProfile
from desktop.domain.wareki import format_wareki
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official


@dataclass(frozen=True)
class CarryOutFormLine:
    at: datetime             # local time
    user: str
    description: str
    file_name: str
    medium: str              # the medium's label
    encrypted: bool
    persons: int
    sha256: str | None       # None for paper


@dataclass(frozen=True)
class CarryOutFormData:
    town: TownProfile
    start: date
    end: date
    made_on: date
    lines: tuple[CarryOutFormLine, ...]


def _sha_lines(sha256: str | None) -> str:
    """The whole digest in two lines of 32, so it can be compared with a file character by character."""
    if not sha256:
        return official("－（紙）")
    return f"{sha256[:32]}\n{sha256[32:]}"


def render_f14(data: CarryOutFormData) -> bytes:
    title = official("持出記録簿")
    sheet = Sheet(title=title, author=data.town.name, subject=title)
    sheet.heading(title, 16, space_after=2 * mm)
    period = official("期間: {start}〜{end}").format(start=format_wareki(data.start), end=format_wareki(data.end))
    sheet.paragraph(period, size=10.5, align="center", space_after=2 * mm)
    sheet.paragraph(official("{town}\u3000（{made}作成）").format(town=data.town.name, made=format_wareki(data.made_on)),
                    size=10, align="right", space_after=3 * mm)
    columns = [
        TableColumn(official("日時"), 20), TableColumn(official("利用者"), 10), TableColumn(official("帳票・ファイル"), 21),
        TableColumn(official("媒体"), 11), TableColumn(official("暗号化"), 8, "center"), TableColumn(official("人数"), 7, "right"),
        TableColumn(official("SHA-256"), 39),
    ]
    rows = [[f"{format_wareki(line.at.date())}\n{line.at:%H:%M:%S}", line.user,
             f"{line.description}\n{line.file_name}" if line.file_name else line.description, line.medium,
             official("有") if line.encrypted else official("無"), str(line.persons), _sha_lines(line.sha256)]
            for line in data.lines]
    if rows:
        sheet.table(columns, rows, size=7, header_size=8, min_row_height=6 * mm,
                    sources=[Source(official("持出記録 {at}").format(at=f"{line.at:%Y-%m-%d %H:%M:%S}"))
                             for line in data.lines])
        sheet.spacer(2 * mm)
        sheet.paragraph(official("計 {count}件（延べ {persons}人分）").format(
            count=len(rows), persons=sum(line.persons for line in data.lines)), size=10, align="right")
    else:
        sheet.paragraph(official("この期間に個人情報の持出しの記録はありません。"), size=10)
    sheet.spacer(2 * mm)
    sheet.paragraph(official("※個人情報を含む帳票の印刷・PDF保存と、ファイルの書出しを記録したもの。"
                             "SHA-256 は書き出したファイルのハッシュ値（紙は－）。"), size=8)
    return sheet.render()
