from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.agreement import AmendmentDraft
from desktop.store.repos.agreements import find_agreement_id, get_agreement, list_posts
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.agreements.screen import AgreementsScreen
from desktop.ui.screens.fields.screen import FieldsScreen
from tests.ui.typing import replace_text, type_text


def screen_of(window: MainWindow) -> AgreementsScreen:
    screen = window.show_screen("agreements")
    assert isinstance(screen, AgreementsScreen)
    return screen


def test_register_a_new_agreement(qtbot: QtBot, window: MainWindow, context: AppContext,
                                  qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    qtmodeltester.check(screen.model)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "協約番号を入力してください" in screen.form.problem_labels["number"].text()
    type_text(qtbot, screen.number_edit, "C県デモ町第1号")
    type_text(qtbot, screen.partner_edit, "C県")
    type_text(qtbot, screen.concluded_edit, "R7.3.25")
    type_text(qtbot, screen.terms_editor.start_edit, "令和7年4月1日")
    type_text(qtbot, screen.terms_editor.end_edit, "R10.3.31")
    screen.terms_editor.fields_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status_label.text() == "保存しました"
    agreement_id = context.read(find_agreement_id, number="C県デモ町第1号")
    detail = context.read(get_agreement, agreement_id=agreement_id)
    assert detail is not None and detail.draft.terms.dispatch_end == date(2028, 3, 31)
    assert screen.model.total() == 2


def test_dispatch_period_end_before_start_shows_on_terms_tab(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    replace_text(qtbot, screen.terms_editor.end_edit, "R5.3.31")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.tabs.currentIndex() == 1
    assert "開始日より後" in screen.terms_editor.form.problem_labels["dispatch_end"].text()


def test_amendment_keeps_history_and_shows_as_of(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    screen = screen_of(window)
    assert screen.current is not None
    replace_text(qtbot, screen.terms_editor.end_edit, "R11.3.31")
    assert screen.amend_with(AmendmentDraft(effective_on=date(2026, 4, 1), summary="派遣期間の延長"))
    assert screen.versions_table.rowCount() == 2
    assert screen.versions_table.item(1, 0).text() == "第1次変更"
    replace_text(qtbot, screen.as_of_edit, "R8.3.31")
    qtbot.mouseClick(screen.as_of_button, Qt.MouseButton.LeftButton)
    assert "令和9年3月まで" in screen.as_of_text.toPlainText()
    replace_text(qtbot, screen.as_of_edit, "R8.4.1")
    qtbot.mouseClick(screen.as_of_button, Qt.MouseButton.LeftButton)
    assert "令和11年3月まで" in screen.as_of_text.toPlainText()
    assert "第1次変更" in screen.as_of_text.toPlainText()


def test_add_post_through_dialog(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    screen = screen_of(window)
    screen.tabs.setCurrentIndex(2)
    dialog = screen.add_post()
    assert dialog is not None
    type_text(qtbot, dialog.department_edit, "健康福祉課")
    type_text(qtbot, dialog.job_edit, "保健師")
    dialog._accept()
    assert "既にあります" in dialog.form.problem_labels["department"].text()
    replace_text(qtbot, dialog.job_edit, "栄養士")
    dialog._accept()
    assert not dialog.isVisible()
    assert screen.posts_table.rowCount() == 5
    assert any(p.job == "栄養士" for p in context.read(list_posts))


def test_fields_screen_adds_a_field(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_screen("fields")
    assert isinstance(screen, FieldsScreen)
    qtmodeltester.check(screen.model)
    type_text(qtbot, screen.name_edit, "社会福祉士")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.model.total() == 7
    agreements = screen_of(window)
    assert agreements.terms_editor.fields_list.count() == 7
