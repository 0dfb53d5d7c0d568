"""The font-size setting: View → 文字の大きさ, applied to the application font, kept in QSettings."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.app import app_settings
from desktop.ui.common.context import AppContext
from desktop.ui.fonts import FONT_SIZE_KEY, apply_font_size
from desktop.ui.main_window import MainWindow


def test_the_font_size_applies_and_is_remembered(qtbot: QtBot, qapp: QApplication, window: MainWindow,
                                                 context: AppContext) -> None:
    before = qapp.font().pointSize()
    try:
        window.view_extras.font_size_actions[14].trigger()
        assert qapp.font().pointSize() == 14
        assert int(app_settings().value(FONT_SIZE_KEY)) == 14
        assert window.nav.minimumWidth() >= window.nav.sizeHintForColumn(0)
        apply_font_size(qapp, before)
        again = MainWindow(context, app_settings())   # the next start applies the stored size
        qtbot.addWidget(again)
        assert qapp.font().pointSize() == 14
        assert again.view_extras.font_size_actions[14].isChecked()
    finally:
        apply_font_size(qapp, before)
