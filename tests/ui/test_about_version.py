"""Help → バージョン情報 shows pyproject's version (the single source, via the metadata), the
office file's path, its schema version and the fonts in use; Help → 使い方 opens the guide."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.store import migrate
from desktop.ui.help.about_dialog import AboutDialog
from desktop.ui.help.guide_window import GuideWindow
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _help_action(window: MainWindow, words: str):  # type: ignore[no-untyped-def]
    help_menu = window.menuBar().actions()[-1].menu()
    return next(a for a in help_menu.actions() if words in a.text())


def test_about_box_shows_version_office_schema_and_fonts(qtbot: QtBot, window: MainWindow) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        wanted = tomllib.load(handle)["project"]["version"]
    _help_action(window, "バージョン情報").trigger()
    dialog = window.about_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, AboutDialog)
    qtbot.waitExposed(dialog)
    texts = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"連携デスク {wanted}" in texts
    assert str(window.context.office.path) in texts
    assert f"リビジョン {migrate.head_revision()}" in texts
    assert "ipaexm.ttf" in texts and "ipamjm.ttf" in texts
    dialog.close()


def test_the_guide_opens_from_the_help_menu(qtbot: QtBot, window: MainWindow) -> None:
    _help_action(window, "使い方").trigger()
    guide = window.guide_window  # type: ignore[attr-defined]
    assert isinstance(guide, GuideWindow)
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    assert "連携デスクの使い方" in text
    assert guide.path.is_relative_to(ROOT / "desktop")  # package data, not the checkout's docs/
