"""The window draws names with the bundled fonts: every glyph is the font's own, never a box.

Checked by shaping the text the widget shows with the widget's font (QTextLayout glyph runs)
and comparing each glyph with the font file's cmap, read with fontTools — on a machine with
no Japanese font installed (CI proves that with fc-list).
"""

from __future__ import annotations

from functools import cache

from fontTools.ttLib import TTFont
from PySide6.QtGui import QFont, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.fontfiles import GOTHIC_FILE, bundled, find_ipamj
from desktop.ui.fonts import install_fonts
from desktop.ui.main_window import MainWindow

NAMES = "髙﨑 𠮷太郎　剝離　德永"
FILES = {"IPAexGothic": bundled(GOTHIC_FILE), "IPAmjMincho": find_ipamj()}


@cache
def glyph_ids(family: str) -> dict[int, int]:
    font = TTFont(str(FILES[family]), lazy=True)
    return {code: font.getGlyphID(name) for code, name in font.getBestCmap().items()}


def shaped(text: str, font: QFont) -> list[tuple[str, int, int]]:
    """(family, code point, glyph id) for every visible character, as Qt draws it in `font`.

    Shaped one character at a time: Qt's fallback picks a font per character, and a run's
    glyphs then map to their characters without guessing.
    """
    drawn = []
    for char in text:
        if char.isspace():
            continue
        layout = QTextLayout(char, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        assert len(runs) == 1 and len(runs[0].glyphIndexes()) == 1, (char, runs)
        drawn.append((runs[0].rawFont().familyName(), ord(char), runs[0].glyphIndexes()[0]))
    return drawn


def assert_drawn_as_typed(text: str, font: QFont) -> None:
    for family, code, glyph in shaped(text, font):
        assert family in FILES, f"U+{code:04X} drawn with {family}, not a bundled font"
        assert glyph != 0 and glyph == glyph_ids(family)[code], f"U+{code:04X} is not the font's glyph"


def test_labels_fields_and_messages_draw_names_with_the_bundled_fonts(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    label, field = QLabel(NAMES), QLineEdit(NAMES)
    box = QMessageBox(QMessageBox.Icon.Warning, "連携デスク", NAMES)
    for widget in (label, field, box):
        qtbot.addWidget(widget)
    assert_drawn_as_typed(NAMES, label.font())
    assert_drawn_as_typed(field.text(), field.font())
    assert_drawn_as_typed(box.text(), box.font())
    assert [family for family, code, _ in shaped("𠮷", label.font())] == ["IPAmjMincho"]


def test_a_name_in_a_list_draws_yoshi_with_ink(qtbot: QtBot, qapp, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The staff list of the demo office shows 𠮷 as IPAmj's glyph, with ink where it stands."""
    install_fonts(qapp)
    screen = window.show_screen("assignments")
    view = screen.list_panel.table  # type: ignore[attr-defined]
    model = view.model()
    names = [model.index(row, column).data() for row in range(model.rowCount())
             for column in range(model.columnCount())]
    name = next(str(value) for value in names if value and "𠮷" in str(value))
    assert_drawn_as_typed(name, view.font())
    image = QImage(64, 64, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    font = QFont(view.font())
    font.setPixelSize(48)
    painter.setFont(font)
    painter.drawText(4, 52, "𠮷")
    painter.end()
    ink = sum(1 for y in range(64) for x in range(64) if image.pixelColor(x, y).value() < 128)
    assert ink > 150  # a real glyph, not an empty box outline or nothing
