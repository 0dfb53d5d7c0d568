"""F1 連携協約書: the agreement as the two heads sign it, following the ministry's model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from desktop.domain.agreement import AgreementTerms
from desktop.domain.agreement_text import preamble, render_articles
from desktop.domain.documents import date_line, head_title
from desktop.domain.town import TownProfile
from desktop.forms.kit.blocks import sender_block
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet
from desktop.i18n import official

BODY = 10.5
EM = BODY  # one full-width character


@dataclass(frozen=True)
class AgreementFormData:
    town: TownProfile
    number: str
    title: str
    partner: str
    concluded_on: date | None
    terms: AgreementTerms
    field_names: tuple[str, ...]


def render_f1(data: AgreementFormData) -> bytes:
    record = official("協約{number}").format(number=data.number)
    sheet = Sheet(title=data.title or official("連携協約書"), author=data.town.name, subject=record)
    sheet.text_at(sheet.right, sheet.y - 9, record, 9, align="right", source=Source(record, official("協約番号")))
    sheet.y -= 9 * 2.2
    sheet.heading(data.title or official("専門人材の確保及び派遣に関する連携協約"), 15)
    town = data.town.name
    sheet.paragraph(preamble(data.partner, town), size=BODY, first_indent=EM, source=Source(record, official("前文")),
                    space_after=3 * mm)
    for article in render_articles(data.terms, partner=data.partner, town=town, field_names=list(data.field_names)):
        sheet.ensure_space(BODY * 1.7 * 3)
        sheet.paragraph(article.caption, size=BODY, indent=EM * 0.5, source=Source(record, article.heading))
        first, *rest = article.paragraphs
        sheet.paragraph(f"{article.heading}\u3000{first}", size=BODY, indent=EM, first_indent=-EM,
                        source=Source(record, article.heading))
        number = 2
        for paragraph in rest:
            if paragraph[:1] in "一二三四五六七八九十":
                sheet.paragraph(paragraph, size=BODY, indent=EM * 2, first_indent=-EM,
                                source=Source(record, article.heading))
            else:
                sheet.paragraph(f"{number}\u3000{paragraph}", size=BODY, indent=EM, first_indent=-EM,
                                source=Source(record, article.heading))
                number += 1
        sheet.spacer(2 * mm)
    sheet.spacer(4 * mm)
    sheet.paragraph(official("この協約の締結を証するため、本書2通を作成し、両者記名押印の上、各自その1通を保有する。"),
                    size=BODY, first_indent=EM)
    sheet.ensure_space(70 * mm)
    sheet.spacer(6 * mm)
    sheet.paragraph(date_line(data.concluded_on), size=BODY, indent=EM * 2)
    sheet.spacer(8 * mm)
    sheet.text_at(sheet.left + sheet.width * 0.45, sheet.y - BODY, data.partner, BODY,
                  source=Source(record, official("相手方団体")))
    sheet.y -= BODY * 1.6
    sender_block(sheet, head_title(data.partner), "", size=BODY + 0.5)
    sheet.spacer(6 * mm)
    sheet.text_at(sheet.left + sheet.width * 0.45, sheet.y - BODY, town, BODY, source=Source(record, official("団体名")))
    sheet.y -= BODY * 1.6
    sender_block(sheet, data.town.mayor_title or head_title(town), data.town.mayor_name, size=BODY + 0.5)
    return sheet.render()
