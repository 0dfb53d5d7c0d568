from __future__ import annotations

from itertools import pairwise, takewhile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

from desktop import fontfiles
from desktop.forms.kit import fonts
from desktop.forms.kit.fonts import FontChain, MissingGlyphError, Source
from desktop.forms.kit.text import NO_LINE_START, tokens, wrap


def test_bundled_fonts_cover_names_of_jis_x_0208_and_beyond() -> None:
    chain = FontChain()
    assert chain.font_for("髙") == fonts.MINCHO
    assert chain.font_for("﨑") == fonts.MINCHO
    assert chain.font_for("剝") == fonts.MINCHO


def test_ipamj_takes_what_ipaex_lacks() -> None:
    chain = FontChain()
    assert chain.font_for("𠮷") == fonts.IPAMJ
    assert chain.runs("𠮷田 花子") == [(fonts.IPAMJ, "𠮷"), (fonts.MINCHO, "田 花子")]


def test_a_character_no_font_has_stops_with_its_record_and_field() -> None:
    chain = FontChain()
    with pytest.raises(MissingGlyphError) as caught:
        chain.runs("山田\U000F0001", Source("派遣職員 山田", "氏名"))
    message = str(caught.value)
    assert "U+F0001" in message and "派遣職員 山田" in message and "氏名" in message
    assert caught.value.char == "\U000F0001"


def test_a_character_beyond_every_bundled_font_stops_the_print() -> None:
    # U+30000 (CJK Extension G) is newer than IPAmj明朝 005.01.
    chain = FontChain()
    assert fonts.IPAMJ in chain.names
    with pytest.raises(MissingGlyphError, match="U\\+30000"):
        chain.runs("\U00030000田", Source("派遣職員 \U00030000田", "氏名"))


def test_a_missing_override_path_falls_back_to_the_bundled_copy(tmp_path: Path) -> None:
    fonts.set_ipamj_path(tmp_path / "missing.ttf", search_system=False)
    assert fontfiles.find_ipamj() == fontfiles.bundled_ipamj()
    assert FontChain().font_for("𠮷") == fonts.IPAMJ


def test_path_set_in_the_app_is_used(tmp_path: Path) -> None:
    copy = tmp_path / "my-ipamjm.ttf"
    copy.write_bytes(fontfiles.bundled_ipamj().read_bytes())
    FontChain()  # the bundled copy is registered first, as in a running window
    fonts.set_ipamj_path(copy, search_system=False)
    assert fontfiles.find_ipamj() == copy
    assert FontChain().font_for("𠮷") == fonts.IPAMJ
    # The canvas draws with the new file, not the first one registered under the name.
    assert pdfmetrics.getFont(fonts.IPAMJ).face.filename == str(copy)


japanese = st.text(alphabet=st.sampled_from(list("あいうえお漢字髙﨑、。「」（）ーっ 1234567890ABCxyz.,")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(japanese, st.floats(min_value=30, max_value=400))
def test_wrap_never_drops_and_keeps_width_and_kinsoku(text: str, width: float) -> None:
    chain = FontChain()
    lines = wrap(text, chain, 10.5, width)
    assert "".join(lines) == text
    for line in lines:
        assert chain.width(line, 10.5) <= width + 0.01 or len(line) == 1
    for previous, line in pairwise(lines):
        if line[:1] in NO_LINE_START:
            # Allowed only when moving the closing marks (and the character they follow) down
            # would itself overflow the next line, or the line before is one unbreakable token.
            before = tokens(previous)
            marks = len(before)
            while marks > 0 and before[marks - 1] in NO_LINE_START:
                marks -= 1
            moved = "".join(before[max(marks - 1, 0):])
            leading = "".join(takewhile(lambda t: t in NO_LINE_START, tokens(line)))
            assert len(before) <= 1 or chain.width(moved + leading, 10.5) > width


def test_ascii_words_stay_whole() -> None:
    chain = FontChain()
    lines = wrap("期間はR7.4.1からR8.3.31まで", chain, 10, 10 * 7)
    assert any("R7.4.1" in line for line in lines)
    assert any("R8.3.31" in line for line in lines)
