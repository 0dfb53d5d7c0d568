"""Every screen fits a 1280-pixel window in Japanese and in English (the guide's pictures are taken
at 1280×800): long English labels wrap or the widgets shrink; the window never grows wider."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.paths import resources_dir
from desktop.ui.app import app_settings
from desktop.ui.common.context import AppContext
from desktop.ui.fonts import install_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.screen_registry import SCREENS

WIDTH, HEIGHT = 1280, 800


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The bundled fonts and the style sheet, as the app (and the guide's picture script) has them."""
    old_font, old_sheet = qapp.font(), qapp.styleSheet()
    install_fonts(qapp)
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    try:
        yield
    finally:
        qapp.setStyleSheet(old_sheet)
        qapp.setFont(old_font)


def _first_rows(screen: QWidget) -> None:
    for view in screen.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.selectionModel() is not None:
            view.setCurrentIndex(model.index(0, 0))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_screen_and_tab_fits_1280_pixels(qtbot: QtBot, styled: None, context: AppContext,
                                               language: str) -> None:
    i18n.set_language(language)
    try:
        window = MainWindow(context, app_settings())
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        too_wide: list[str] = []
        for spec in SCREENS:
            screen = window.show_screen(spec.key)
            _first_rows(screen)
            for tabs in screen.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    _first_rows(tabs.widget(index))
            needed = window.minimumSizeHint().width()
            screen_needs = screen.minimumSizeHint().width() + window.nav.minimumWidth()
            if max(needed, screen_needs) > WIDTH:
                too_wide.append(f"{spec.key}: {max(needed, screen_needs)} px")
        assert not too_wide, too_wide
    finally:
        i18n.set_language("ja")
