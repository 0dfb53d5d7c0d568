"""Lists draw 辻󠄂 (U+8FBB U+E0102) with the glyph it selects, where Qt alone draws plain 辻."""

from __future__ import annotations

from PySide6.QtGui import QFont, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.common.sequence_text import NameEdit, SequenceDelegate
from desktop.ui.fonts import install_fonts

TSUJI, KATSURA = "辻\U000e0102", "葛\U000e0100"


def cell_images(qtbot: QtBot, texts: list[str], delegate: QStyledItemDelegate | None) -> list[QImage]:
    model = QStandardItemModel()
    for text in texts:
        model.appendRow(QStandardItem(text))
    view = QTableView()
    qtbot.addWidget(view)
    font = QFont(view.font())
    font.setPixelSize(40)
    view.setFont(font)
    view.setModel(model)
    if delegate is not None:
        view.setItemDelegate(delegate)
    view.verticalHeader().setDefaultSectionSize(60)
    view.horizontalHeader().setDefaultSectionSize(120)
    view.resize(300, 60 * len(texts) + 60)
    view.show()
    qtbot.waitExposed(view)
    shot = view.viewport().grab().toImage()
    return [shot.copy(view.visualRect(model.index(row, 0))).convertToFormat(QImage.Format.Format_Grayscale8)
            for row in range(len(texts))]


def differing(first: QImage, second: QImage) -> int:
    return sum(1 for y in range(first.height()) for x in range(first.width())
               if abs(first.pixelColor(x, y).lightness() - second.pixelColor(x, y).lightness()) > 100)


def ink(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 128)


def test_qt_alone_draws_the_base_character(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    """Why the delegate exists: without it the sequence and its base look the same."""
    install_fonts(qapp)
    with_sequence, base = cell_images(qtbot, [TSUJI, "辻"], None)
    assert differing(with_sequence, base) == 0


def test_the_list_draws_the_selected_glyph(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    tsuji, tsuji_base, katsura, katsura_base = cell_images(
        qtbot, [TSUJI, "辻", KATSURA, "葛"], SequenceDelegate())
    assert ink(tsuji) > 100 and ink(katsura) > 100
    assert differing(tsuji, tsuji_base) > 30
    assert differing(katsura, katsura_base) > 30


def edit_image(qtbot: QtBot, text: str) -> QImage:
    edit = NameEdit(text)
    qtbot.addWidget(edit)
    font = QFont(edit.font())
    font.setPixelSize(40)
    edit.setFont(font)
    edit.resize(240, 60)
    edit.show()
    qtbot.waitExposed(edit)
    edit.clearFocus()
    return edit.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)


def test_a_name_field_shows_the_selected_glyph_when_not_typing(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    with_sequence, base = edit_image(qtbot, TSUJI + "太郎"), edit_image(qtbot, "辻太郎")
    assert differing(with_sequence, base) > 30
    assert differing(edit_image(qtbot, "山田太郎"), edit_image(qtbot, "山田太郎")) == 0


def widget_image(qtbot: QtBot, widget: QWidget) -> QImage:
    qtbot.addWidget(widget)
    font = QFont(widget.font())
    font.setPixelSize(40)
    widget.setFont(font)
    widget.resize(400, 120)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)


def test_labels_buttons_and_messages_draw_the_selected_glyph(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    for make in (QLabel, QPushButton, QGroupBox):
        assert differing(widget_image(qtbot, make(TSUJI + "太郎")), widget_image(qtbot, make("辻太郎"))) > 30
    boxes = [QMessageBox(QMessageBox.Icon.Warning, "連携デスク", text) for text in (TSUJI + "太郎", "辻太郎")]
    assert differing(widget_image(qtbot, boxes[0]), widget_image(qtbot, boxes[1])) > 30
