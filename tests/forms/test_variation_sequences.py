"""Names with ideographic variation sequences print the glyph the sequence selects, or stop.

葛󠄀 (U+845B U+E0100) is in IPAex's Adobe-Japan1 set, 辻󠄂 (U+8FBB U+E0102) in IPAmj's
Moji_Joho set. The PDF is parsed back (pypdf: the text layer keeps the sequence) and
rendered (QtPdf: the drawn glyph differs from the base character's).
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from desktop.forms.kit.fonts import FontChain, MissingGlyphError, Source
from desktop.forms.kit.sheet import Sheet
from desktop.forms.kit.text import wrap
from desktop.forms.kit.variation import is_selector
from desktop.forms.roster_f2 import render_f2
from tests.forms.conftest import roster_data
from tests.forms.test_layout_render import render_pages

KATSURA = "葛\U000e0100"  # Adobe-Japan1 (IPAex)
TSUJI = "辻\U000e0102"  # Moji_Joho (IPAmj)


def single_glyph_page(text: str) -> bytes:
    sheet = Sheet(title="t")
    sheet.text_at(sheet.left, sheet.y, text, 60)
    return sheet.render()


def test_a_name_with_sequences_prints_and_keeps_them_in_the_text_layer() -> None:
    pdf = render_f2(roster_data(2, name=f"{KATSURA}西 {TSUJI}"))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert f"{KATSURA}西 {TSUJI}1" in text
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "+" in font["/BaseFont"] and "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("sequence", [KATSURA, TSUJI])
def test_the_selected_glyph_is_drawn_not_the_base_character(qapp, sequence: str) -> None:  # type: ignore[no-untyped-def]
    (with_sequence,) = render_pages(single_glyph_page(sequence), qapp)
    (base_only,) = render_pages(single_glyph_page(sequence[0]), qapp)
    assert with_sequence.size() == base_only.size()
    assert ink(with_sequence) > 200
    assert differing_pixels(with_sequence, base_only) > 40


def test_a_sequence_no_font_has_stops_the_print_naming_it() -> None:
    with pytest.raises(MissingGlyphError) as caught:
        render_f2(roster_data(1, name="辻\U000e01ef 太郎", mayor="山田 太郎"))
    assert caught.value.char == "辻\U000e01ef"
    assert "U+8FBB U+E01EF" in str(caught.value)
    assert caught.value.record == "派遣職員 辻\U000e01ef 太郎1"


def test_a_selector_with_no_character_before_it_stops_too() -> None:
    with pytest.raises(MissingGlyphError, match="U\\+E0100"):
        FontChain().runs("\U000e0100山田", Source("派遣職員", "氏名"))


def test_a_sequence_is_never_split_across_lines() -> None:
    chain = FontChain()
    text = (KATSURA + TSUJI + "田") * 12
    lines = wrap(text, chain, 10.5, 60)
    assert len(lines) > 1 and "".join(lines) == text
    assert not any(line and is_selector(line[0]) for line in lines)


def ink(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 128)


def differing_pixels(first: QImage, second: QImage) -> int:
    return sum(1 for y in range(first.height()) for x in range(first.width())
               if abs(first.pixelColor(x, y).lightness() - second.pixelColor(x, y).lightness()) > 100)
