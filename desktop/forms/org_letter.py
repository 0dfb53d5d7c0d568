"""What the letters to a designated organisation (F8–F11) share: their data, the organisation's
rows at the head of the 記 table, and the table and appeal notice drawn the same way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from reportlab.lib.units import mm

from desktop.domain.documents import LetterHead
from desktop.domain.ordinance import Ordinance
from desktop.domain.organisation import OrganisationDraft
from desktop.domain.town import TownProfile
from desktop.domain.wareki import format_wareki
from desktop.forms.kit.blocks import letter_opening
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.i18n import official

R = TypeVar("R")


@dataclass(frozen=True)
class OrgLetterData(Generic[R]):
    """A letter about one record of one organisation."""

    town: TownProfile
    ordinance: Ordinance
    head: LetterHead
    org: OrganisationDraft
    designation_number: str
    designated_on: date | None
    record: R


def wareki(day: date | None) -> str:
    return format_wareki(day) if day else ""


def org_rows(data: OrgLetterData[R]) -> list[list[str]]:
    org = data.org
    return [[official("指定番号"), data.designation_number],
            [official("団体の名称"), org.name],
            [official("代表者"), f"{org.representative_title}\u3000{org.representative_name}"]]


def open_letter(data: OrgLetterData[R], title: str, intro: str) -> Sheet:
    sheet = Sheet(title=title, author=data.town.name, subject=data.org.name)
    letter_opening(sheet, data.head, title, intro)
    sheet.paragraph(official("記"), size=10.5, align="center", space_after=2 * mm)
    return sheet


def item_table(sheet: Sheet, data: OrgLetterData[R], rows: list[list[str]]) -> None:
    sheet.table([TableColumn(official("項目"), 25), TableColumn(official("内容"), 75)], rows, size=10, header_size=9,
                min_row_height=8 * mm, sources=[Source(data.org.name)] * len(rows))


def notes(sheet: Sheet, lines: list[str], *, size: float = 9.5) -> None:
    """Numbered or plain paragraphs under the table, each starting on its own line."""
    sheet.spacer(3 * mm)
    for number, line in enumerate(lines):
        sheet.paragraph(line, size=size, indent=0 if number == 0 else size, first_indent=0 if number == 0 else -size)
