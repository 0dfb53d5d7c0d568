"""Ctrl+P on every screen: the form a clerk expects for what is chosen, through the preview; with
nothing chosen, what to choose is said next to the list; a screen with no form says so."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.preview.preview_dialog import PreviewDialog
from desktop.ui.screen_registry import SCREENS
from desktop.ui.screens.agreements.screen import AgreementsScreen
from desktop.ui.screens.organisations.screen import OrganisationsScreen

CTRL = Qt.KeyboardModifier.ControlModifier

# Screen → the form Ctrl+P previews for the demo office's first row / working year.
PRINTS = {"agreements": ("F1", "連携協約"), "assignments": ("F2", "派遣職員受入名簿"),
          "ledger": ("F3", "負担金支払状況一覧"), "claim": ("F4", "特別交付税算定資料"),
          "organisations": ("F9", "改善命令書"), "carry_outs": ("F14", "持出記録簿")}
NO_FORM = {"fields", "measure", "town_profile", "audit_log", "ordinance", "deadlines"}
EAST, CENTRE = 1, 2


def press_ctrl_p(qtbot: QtBot, window: MainWindow, screen: QWidget) -> PreviewDialog | None:
    """Ctrl+P as the clerk presses it (the window's File menu action); the preview window it opens,
    once its PDF is shown, or None."""
    before = set(screen.findChildren(PreviewDialog))
    window.activateWindow()                                      # back from a closed preview
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)                   # the dialog is made at once, shown when rendered
    new = set(screen.findChildren(PreviewDialog)) - before
    if not new:
        return None
    (dialog,) = new
    qtbot.waitUntil(dialog.isVisible, timeout=30000)
    return dialog


def pdf_text(dialog: PreviewDialog) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(dialog.preview.pdf)).pages)


def test_every_screen_is_covered_here() -> None:
    assert {spec.key for spec in SCREENS} == set(PRINTS) | NO_FORM | {"forms"}


@pytest.mark.parametrize("key", sorted(PRINTS))
def test_ctrl_p_previews_the_screens_form(qtbot: QtBot, window: MainWindow, key: str) -> None:
    screen = window.show_screen(key)
    dialog = press_ctrl_p(qtbot, window, screen)
    assert dialog is not None, window.statusBar().currentMessage()
    form_id, text = PRINTS[key]
    assert dialog.windowTitle().startswith(form_id + " ") and text in pdf_text(dialog)
    dialog.close()


@pytest.mark.parametrize("key", sorted(NO_FORM))
def test_a_screen_without_a_form_says_where_forms_are_printed(qtbot: QtBot, window: MainWindow, key: str) -> None:
    screen = window.show_screen(key)
    assert press_ctrl_p(qtbot, window, screen) is None
    assert "印刷する帳票はありません" in window.statusBar().currentMessage()


def test_ctrl_p_on_the_forms_screen_makes_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("forms")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: screen.preview.page_count() >= 1, timeout=30000)  # type: ignore[attr-defined]


def test_with_no_agreement_chosen_the_list_says_what_to_choose(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("agreements")
    assert isinstance(screen, AgreementsScreen)
    screen.new_button.click()
    assert press_ctrl_p(qtbot, window, screen) is None
    hint = screen.list_panel.hint_label
    assert hint.isVisible() and "一覧から選んでください" in hint.text()
    screen.list_panel.table.selectRow(0)                         # choosing a row takes the hint away
    assert not hint.isVisible()


def test_organisations_print_the_form_of_their_stage_and_of_the_chosen_record(qtbot: QtBot,
                                                                             window: MainWindow) -> None:
    screen = window.show_screen("organisations")
    assert isinstance(screen, OrganisationsScreen)
    screen.new_button.click()                                    # nothing chosen: say so beside the list
    assert press_ctrl_p(qtbot, window, screen) is None
    assert screen.list_panel.hint_label.isVisible() and "団体" in screen.list_panel.hint_label.text()

    expected = {EAST: "指定通知書", CENTRE: "改善命令書"}         # 東: designated; 中央: under an order
    for org_id, form in expected.items():
        screen.show_organisation(org_id)
        screen.tabs.setCurrentIndex(0)
        dialog = press_ctrl_p(qtbot, window, screen)
        assert dialog is not None and form in pdf_text(dialog), screen.status_label.text()
        dialog.close()

    screen.open_record(EAST, "leases")                           # a record tab: the chosen record's form
    dialog = press_ctrl_p(qtbot, window, screen)
    assert dialog is not None and "行政財産貸付契約書" in pdf_text(dialog)
    dialog.close()
    screen.open_record(EAST, "reports")
    screen.record_tabs["reports"].table.clearSelection()
    assert press_ctrl_p(qtbot, window, screen) is None
    assert "選んでください" in screen.status_label.text()
