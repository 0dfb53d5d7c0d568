"""With the language set to English, no screen, tab, menu or dialog shows Japanese outside data.

What counts as data is decided in tests/ui/visible_text.py (list cells, field contents, combo
items, and any text stored in the office file or a 和暦 date quoted in a label)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.store.db import Office
from desktop.ui.app import app_settings
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screen_registry import SCREENS
from tests.ui.visible_text import JAPANESE, japanese_left, office_texts, strip_data


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("ja")


@pytest.fixture
def english_window(qtbot: QtBot, english: None, context: AppContext) -> MainWindow:
    main = MainWindow(context, app_settings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _select_first_rows(screen: QWidget) -> None:
    """A detail panel shows its labels filled only once a row is chosen."""
    for view in screen.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.selectionModel() is not None:
            view.setCurrentIndex(model.index(0, 0))


def test_every_screen_and_tab_speaks_english(english_window: MainWindow, demo_office: Office) -> None:
    data = office_texts(demo_office.path)
    problems: list[str] = []
    for spec in SCREENS:
        screen = english_window.show_screen(spec.key)
        _select_first_rows(screen)
        for tabs in screen.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                _select_first_rows(tabs.widget(index))
        problems += [f"[{spec.key}] {line}" for line in japanese_left(screen, data)]
    problems += [f"[window] {line}" for line in japanese_left(english_window, data)]
    navigation = [english_window.nav.item(row).text() for row in range(english_window.nav.count())]
    problems += [f"[navigation] {text}" for text in navigation if JAPANESE.search(text)]
    problems += [f"[status bar] {text}" for text in [english_window.statusBar().currentMessage()]
                 if JAPANESE.search(strip_data(text, data))]
    assert not problems, "\n".join(problems)


def _dialogs(context: AppContext, office_path: Path) -> Iterator[QWidget]:
    from desktop.ui.backups.restore_dialog import RestoreDialog, restorer_without_window
    from desktop.ui.backups.settings_dialog import BackupSettingsDialog
    from desktop.ui.common.import_dialog import ImportDialog
    from desktop.ui.exchange.export_dialog import ExportDialog
    from desktop.ui.help.about_dialog import AboutDialog
    from desktop.ui.help.guide_window import GuideWindow
    from desktop.ui.preview.preview_dialog import PreviewDialog
    from desktop.ui.screens.agreements.agreement_import import AGREEMENT_IMPORT
    from desktop.ui.screens.agreements.dialogs import AmendmentDialog, PostDialog
    from desktop.ui.screens.assignments.roster_import import ROSTER_IMPORT
    from desktop.ui.screens.claim.dialogs import DecisionDialog, SubmitDialog
    from desktop.ui.screens.ledger.payment_import import PAYMENT_IMPORT
    from desktop.ui.screens.organisations.dialogs import DecisionDialog as RecordDialog
    from desktop.ui.screens.organisations.organisation_import import ORGANISATION_IMPORT
    from desktop.ui.screens.organisations.record_specs import RECORD_SPECS
    from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice

    yield AmendmentDialog()
    yield PostDialog(lambda *_args: None)
    yield SubmitDialog()
    yield DecisionDialog()
    for spec in RECORD_SPECS:
        yield RecordDialog(i18n._(spec.title), "", spec.fields(), lambda _values: None)
    yield RestoreDialog(office_path, restorer_without_window(office_path))
    yield BackupSettingsDialog(context)
    for import_spec in (AGREEMENT_IMPORT, ROSTER_IMPORT, PAYMENT_IMPORT, ORGANISATION_IMPORT):
        yield ImportDialog(context, import_spec)
    yield ExportDialog(context)
    yield PreviewDialog(i18n._("帳票"))
    yield MissingOfficeDialog("")
    welcome = MissingOfficeDialog("", office=office_path, first_start=True)
    welcome.choose(StartChoice.NEW_EMPTY)  # the town profile page
    yield welcome
    yield AboutDialog(context.office)
    yield GuideWindow()


def test_every_dialog_speaks_english(qtbot: QtBot, english: None, context: AppContext,
                                     demo_office: Office) -> None:
    data = office_texts(demo_office.path)
    problems: list[str] = []
    for dialog in _dialogs(context, demo_office.path):
        qtbot.addWidget(dialog)
        problems += [f"[{type(dialog).__name__}] {line}" for line in japanese_left(dialog, data)]
    assert not problems, "\n".join(problems)


def test_the_prefecture_window_speaks_english(qtbot: QtBot, english: None, tmp_path: Path) -> None:
    from desktop.ui.exchange.prefecture_window import PrefectureWindow

    window = PrefectureWindow(state_path=tmp_path / "state.json")
    qtbot.addWidget(window)
    assert not japanese_left(window, []), "\n".join(japanese_left(window, []))


def test_the_walk_finds_japanese_when_it_is_there(qtbot: QtBot, english: None) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root).addWidget(QLabel("保存しました"))
    assert japanese_left(root, []) == ["QLabel(): '保存しました'"]
    assert japanese_left(root, ["保存しました"]) == []
