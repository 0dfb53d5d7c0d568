"""The Help menu of the main window: 使い方 (the guide) and バージョン情報."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.i18n import _
from desktop.ui.common.keyboard import set_shortcut

if TYPE_CHECKING:
    from desktop.ui.common.context import AppContext


def install_help_menu(window: QMainWindow, context: AppContext) -> None:
    menu = window.menuBar().addMenu(_("ヘルプ(&H)"))
    guide = QAction(_("使い方(&G)"), window)
    set_shortcut(guide, QKeySequence.StandardKey.HelpContents)

    def show_guide() -> None:
        from desktop.ui.help.guide_window import GuideWindow

        existing = getattr(window, "guide_window", None)
        if existing is None:
            existing = GuideWindow(window)
            window.guide_window = existing  # type: ignore[attr-defined]
        existing.show()
        existing.raise_()

    guide.triggered.connect(show_guide)
    menu.addAction(guide)
    about = QAction(_("バージョン情報(&A)"), window)

    def show_about() -> None:
        from desktop.ui.help.about_dialog import AboutDialog

        dialog = AboutDialog(context.office, window)
        window.about_dialog = dialog  # type: ignore[attr-defined]  # kept for tests and reuse
        dialog.open()  # window-modal without a nested loop: never waits offscreen

    about.triggered.connect(show_about)
    menu.addAction(about)
