from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.town import get_town_profile
from desktop.ui.app import app_settings
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.audit_log.screen import AuditLogScreen
from desktop.ui.screens.town_profile.screen import TownProfileScreen
from tests.ui.typing import replace_text


def profile_screen(window: MainWindow) -> TownProfileScreen:
    screen = window.show_screen("town_profile")
    assert isinstance(screen, TownProfileScreen)
    return screen


def test_edit_profile_through_widgets_is_saved_and_audited(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    screen = profile_screen(window)
    replace_text(qtbot, screen.name_edit, "髙﨑町")
    replace_text(qtbot, screen.mayor_name_edit, "𠮷田 花子")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status_label.text() == "保存しました"
    profile = context.read(get_town_profile)
    assert profile.name == "髙﨑町" and profile.mayor_name == "𠮷田 花子"
    newest = context.read(list_audit_entries)[0]
    assert newest.entity == "town"
    assert json.loads(newest.after_json)["mayor_name"] == "𠮷田 花子"


def test_bad_code_is_refused_with_a_japanese_message(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    screen = profile_screen(window)
    replace_text(qtbot, screen.code_edit, "131017")
    label = screen.form.problem_labels["local_gov_code"]
    assert label.isVisible()
    assert "検査数字が正しくありません" in label.text()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "入力に誤りがあります" in screen.status_label.text()
    assert context.read(get_town_profile).local_gov_code == "990001"
    replace_text(qtbot, screen.code_edit, "１３１０１６")
    assert not label.isVisible()


def test_category_shows_eligibility(qtbot: QtBot, window: MainWindow) -> None:
    screen = profile_screen(window)
    screen.category_combo.setCurrentIndex(screen.category_combo.findText("中核市"))
    assert "対象外" in screen.eligibility_label.text()
    screen.category_combo.setCurrentIndex(screen.category_combo.findText("町村"))
    assert "対象団体" in screen.eligibility_label.text()


def test_audit_screen_lists_newest_first_and_refreshes(
    qtbot: QtBot, window: MainWindow, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    audit_screen = window.show_screen("audit_log")
    assert isinstance(audit_screen, AuditLogScreen)
    before = audit_screen.model.total()
    screen = profile_screen(window)
    replace_text(qtbot, screen.prefecture_edit, "C県")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert audit_screen.model.total() == before + 1
    assert "C県" in audit_screen.model.row_at(0).after_json  # type: ignore[union-attr]
    qtmodeltester.check(audit_screen.model)
    audit_screen.list_panel.table.selectRow(0)
    assert "変更後" in audit_screen.detail.toPlainText()


def test_navigation_shortcuts_and_status_bar(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    assert str(context.office.path) in window.statusBar().currentMessage()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + titles.index("監査ログ")), Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), AuditLogScreen)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + titles.index("自団体設定")), Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), TownProfileScreen)


def test_geometry_is_remembered(qtbot: QtBot, window: MainWindow, context: AppContext, private_home: Path) -> None:
    # The offscreen screen is only 800×600 and the window may be clamped to it in width;
    # the height shows the saved geometry came back.
    window.resize(790, 510)
    window.close()
    again = MainWindow(context, app_settings())
    qtbot.addWidget(again)
    assert again.height() == 510
    assert again.width() <= 800
    assert (private_home / "config").exists()


def test_qt_standard_buttons_speak_japanese(window: MainWindow) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    assert isinstance(QApplication.instance(), QApplication)
