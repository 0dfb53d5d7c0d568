"""Tab walks every screen (each of its tabs) and the dialogs in reading order, through every
enabled visible input, never into a hidden one; a screen with a form saves on Enter, reverts on Esc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDialog, QRadioButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screen_registry import SCREENS
from tests.ui.tab_walk import describe, focusable_inputs, out_of_order, position, tab_chain


def _first_rows(widget: QWidget) -> None:
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.selectionModel() is not None \
                and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))


def walk_problems(qtbot: QtBot, root: QWidget, where: str) -> list[str]:
    """Tab from the first input in reading order; what is out of order, missed or hidden."""
    inputs = sorted(focusable_inputs(root), key=lambda w: position(w, root))
    assert inputs, f"{where}: nothing to walk"
    chain = tab_chain(qtbot, root, inputs[0])
    problems = [f"{where}: back {step}" for step in out_of_order(chain, root)]
    problems += [f"{where}: never reached {describe(w)}" for w in inputs if w not in chain and not _radio_mate(w, chain)]
    problems += [f"{where}: hidden or disabled {describe(w)}" for w in chain if not w.isVisible() or not w.isEnabled()]
    return problems


def _radio_mate(widget: QWidget, chain: list[QWidget]) -> bool:
    """Tab stops at one radio button of a group (the arrow keys choose within it), as Qt does."""
    return isinstance(widget, QRadioButton) and widget.autoExclusive() and any(
        isinstance(other, QRadioButton) and other.parentWidget() is widget.parentWidget() for other in chain)


def _views(screen: QWidget) -> list[tuple[str, QTabWidget | None, int]]:
    """The screen as shown, then each page of each of its tab widgets."""
    views: list[tuple[str, QTabWidget | None, int]] = [("", None, 0)]
    for tabs in screen.findChildren(QTabWidget):
        views += [(f" tab {tabs.tabText(i)}", tabs, i) for i in range(tabs.count())]
    return views


@pytest.mark.parametrize("key", [spec.key for spec in SCREENS])
def test_tab_walks_the_screen_in_reading_order(qtbot: QtBot, window: MainWindow, key: str) -> None:
    window.resize(1280, 800)
    screen = window.show_screen(key)
    _first_rows(screen)
    problems: list[str] = []
    for name, tabs, index in _views(screen):
        if tabs is not None:
            tabs.setCurrentIndex(index)
            _first_rows(tabs.widget(index))
        problems += walk_problems(qtbot, screen, key + name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", [spec.key for spec in SCREENS])
def test_a_screen_with_a_form_saves_on_enter_and_reverts_on_escape(window: MainWindow, key: str) -> None:
    screen = window.show_screen(key)
    if getattr(screen, "save_button", None) is None:
        pytest.skip("no form on this screen")
    keys = {shortcut.key().toString() for shortcut in screen.findChildren(QShortcut)}
    assert {QKeySequence(Qt.Key.Key_Return).toString(), QKeySequence(Qt.Key.Key_Escape).toString()} <= keys


def _dialogs(context: AppContext, office_path: Path) -> Iterator[tuple[str, QDialog]]:
    from desktop.ui.backups.restore_dialog import RestoreDialog, restorer_without_window
    from desktop.ui.backups.settings_dialog import BackupSettingsDialog
    from desktop.ui.common.import_dialog import ImportDialog
    from desktop.ui.exchange.export_dialog import ExportDialog
    from desktop.ui.screens.ledger.payment_import import PAYMENT_IMPORT
    from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice

    yield "import", ImportDialog(context, PAYMENT_IMPORT)
    yield "export", ExportDialog(context)
    yield "backup settings", BackupSettingsDialog(context)
    yield "restore", RestoreDialog(office_path, restorer_without_window(office_path))
    yield "welcome", MissingOfficeDialog("", office=office_path, first_start=True)
    profile = MissingOfficeDialog("", office=office_path, first_start=True)
    profile.choose(StartChoice.NEW_EMPTY)
    yield "town profile", profile


def test_tab_walks_every_dialog_in_reading_order_and_esc_cancels(qtbot: QtBot, context: AppContext,
                                                                 office_path: Path) -> None:
    problems: list[str] = []
    for name, dialog in _dialogs(context, office_path):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += walk_problems(qtbot, dialog, name)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)  # Esc cancels
        if dialog.isVisible():
            problems.append(f"{name}: Esc left the dialog open")
    assert not problems, "\n".join(problems)
