"""Letter-head blocks shared by the forms: document number and date, addressee, sender with seal."""

from __future__ import annotations

from reportlab.lib.units import mm

from desktop.domain.documents import LetterHead, date_line
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet
from desktop.i18n import _

SEAL_SIZE = 14 * mm


def letter_head(sheet: Sheet, head: LetterHead, *, size: float = 10.5) -> None:
    """文書番号 and date at the right, the addressee with 様 at the left, the sender with 印 at the right."""
    sheet.text_at(sheet.right, sheet.y - size, head.document_number, size, align="right",
                  source=Source(_("文書番号"), _("文書番号")))
    sheet.y -= size * 1.6
    sheet.text_at(sheet.right, sheet.y - size, date_line(head.issued_on), size, align="right")
    sheet.y -= size * 2.4
    sheet.text_at(sheet.left, sheet.y - 12, f"{head.addressee}\u3000様", 12, source=Source(_("宛名"), _("宛名")))
    sheet.y -= 12 * 2.4
    sender_block(sheet, head.sender_title, head.sender_name, size=size)
    sheet.y -= 4 * mm


def sender_block(sheet: Sheet, title: str, name: str, *, size: float = 11.0, x_right: float | None = None) -> None:
    """'B町長　髙﨑 𠮷太郎' followed by a square seal box with 印, right-aligned."""
    right = sheet.right if x_right is None else x_right
    seal_left = right - SEAL_SIZE
    baseline = sheet.y - SEAL_SIZE / 2 - size / 3
    text = f"{title}\u3000{name}" if name else title
    sheet.text_at(seal_left - 3 * mm, baseline, text, size, align="right", source=Source(title, _("氏名")))
    seal_box(sheet, seal_left, sheet.y - SEAL_SIZE)
    sheet.y -= SEAL_SIZE + 2 * mm


def seal_box(sheet: Sheet, x: float, y: float) -> None:
    sheet.rect(x, y, SEAL_SIZE, SEAL_SIZE, width=0.5)
    sheet.text_at(x + SEAL_SIZE / 2, y + SEAL_SIZE / 2 - 3.5, "印", 10, align="center")


def letter_opening(sheet: Sheet, head: LetterHead, title: str, intro: str, *, subtitle: str = "") -> None:
    """What every yearly letter starts with: letter head, centred title, an introductory sentence."""
    letter_head(sheet, head)
    sheet.heading(title, 14, space_after=1 * mm if subtitle else 3 * mm)
    if subtitle:
        sheet.paragraph(subtitle, size=10.5, align="center", space_after=3 * mm)
    if intro:
        sheet.paragraph(intro, size=10, first_indent=10, space_after=3 * mm)
