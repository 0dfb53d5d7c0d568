from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.import_limits import get_import_amount_limit
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.town_profile.screen import TownProfileScreen
from tests.ui.typing import replace_text


def test_the_import_amount_limit_is_set_on_the_profile_screen(qtbot: QtBot, window: MainWindow,
                                                                context: AppContext) -> None:
    screen = window.show_screen("town_profile")
    assert isinstance(screen, TownProfileScreen)
    box = screen.import_limit_box
    assert box.isVisible() and box.limit_edit.text() == "10,000,000,000"
    replace_text(qtbot, box.limit_edit, "0")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.status_label.text() == "上限は1円から999,999,999,999円までで指定してください"
    assert context.read(get_import_amount_limit) == 10_000_000_000
    replace_text(qtbot, box.limit_edit, "５０００万円")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.status_label.text() == "「５０００万円」は金額として読めません（整数の円で入力してください。例: 1,234,000）"
    replace_text(qtbot, box.limit_edit, "５０，０００，０００円")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.status_label.text() == "上限を50,000,000円にしました"
    assert context.read(get_import_amount_limit) == 50_000_000
    newest = context.read(list_audit_entries)[0]
    assert newest.entity == "office_setting" and json.loads(newest.after_json) == {"limit_yen": 50_000_000}
