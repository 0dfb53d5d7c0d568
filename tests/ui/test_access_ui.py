"""Sign-in in the window: the dialog, roles in the main window, the idle lock, 利用者と権限…"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.db import Office
from desktop.store.repos.users import list_users
from desktop.ui.access.sign_in_dialog import SignInDialog
from desktop.ui.access.start import sign_in_at_start
from desktop.ui.app import app_settings
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from tests.store.access_helpers import PASSWORDS, act_as, add_users_and_sign_in
from tests.ui.typing import type_text


@pytest.fixture
def signed_office(demo_office: Office) -> Office:
    add_users_and_sign_in(demo_office)
    return demo_office


def main_window(qtbot: QtBot, office: Office) -> Iterator[MainWindow]:
    window = MainWindow(AppContext(office), app_settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.access.lock is not None:
        window.access.lock.stop()


def test_the_sign_in_dialog_says_why_and_signs_in(qtbot: QtBot, signed_office: Office) -> None:
    dialog = SignInDialog(signed_office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "tantou")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    dialog.sign_in_button.click()
    assert "利用者名またはパスワードが違います" in dialog.message.text() and dialog.password_edit.text() == ""
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.password_edit, PASSWORDS["tantou"])
    dialog.sign_in_button.click()
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.principal is not None and dialog.principal.name == "tantou"


def test_a_locked_out_user_is_told_until_when(qtbot: QtBot, signed_office: Office) -> None:
    dialog = SignInDialog(signed_office, name="etsuran")
    qtbot.addWidget(dialog)
    for _attempt in range(5):
        qtbot.keyClicks(dialog.password_edit, "wrong-password")
        dialog.try_sign_in()
    assert "までサインインできません" in dialog.message.text() and "令和" in dialog.message.text()
    qtbot.keyClicks(dialog.password_edit, PASSWORDS["etsuran"])
    assert not dialog.try_sign_in()


def test_offscreen_the_start_with_sign_in_on_ends_with_a_message(signed_office: Office, capfd) -> None:  # type: ignore[no-untyped-def]
    assert sign_in_at_start(signed_office) == 1
    assert "サインインが必要" in capfd.readouterr().err
    assert signed_office.session_info == {}


def test_the_window_refuses_to_start_offscreen_when_sign_in_is_on(signed_office: Office) -> None:
    path = signed_office.path
    signed_office.close()
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(path)], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120, check=False)
    assert result.returncode == 1 and "サインインが必要" in result.stderr and "Traceback" not in result.stderr


def test_a_viewer_sees_no_admin_screen_and_no_button_that_changes_records(qtbot: QtBot, signed_office: Office) -> None:
    act_as(signed_office, "etsuran")
    for window in main_window(qtbot, signed_office):
        keys = [spec.key for spec in window._specs]
        assert "measure" not in keys and "town_profile" not in keys and "ordinance" not in keys
        assert window.nav.count() == len(keys)
        assert window.access.user_label.text() == "利用者: etsuran（閲覧）"
        screen = window.show_screen("agreements")
        assert screen.new_button.isHidden() and not screen.print_button.isHidden()  # type: ignore[attr-defined]
        screen.new_button.show()  # type: ignore[attr-defined]  # a screen showing it again
        assert screen.new_button.isHidden()  # type: ignore[attr-defined]
        ledger = window.show_screen("ledger")
        assert ledger.save_button.isHidden() and not ledger.export_button.isHidden()  # type: ignore[attr-defined]
        assert not window.access.users_action.isVisible()


def test_an_editor_sees_the_records_but_not_the_settings(qtbot: QtBot, signed_office: Office) -> None:
    act_as(signed_office, "tantou")
    for window in main_window(qtbot, signed_office):
        assert "town_profile" not in [spec.key for spec in window._specs]
        screen = window.show_screen("agreements")
        assert not screen.new_button.isHidden()  # type: ignore[attr-defined]
        deadlines = window.show_screen("deadlines")
        assert deadlines.calendar_button.isHidden()  # type: ignore[attr-defined]
        shown = {a.text(): a.isVisible() for a in window.findChildren(QAction)}
        assert not shown["バックアップから復元(&R)…"] and not shown["バックアップの設定(&S)…"]
        assert shown["バックアップを作成(&B)"] and shown["書き出し(&W)…"] and not shown["利用者と権限(&U)…"]


def test_the_window_locks_when_idle_and_only_the_password_opens_it(qtbot: QtBot, signed_office: Office) -> None:
    act_as(signed_office, "kanri")
    for window in main_window(qtbot, signed_office):
        lock = window.access.lock
        assert lock is not None and lock.timer.interval() == 10 * 60 * 1000 and lock.timer.isActive()
        users = window.access.open_users()  # an open dialog is covered too
        lock.timer.timeout.emit()  # the idle time has passed
        assert lock.locked and lock.dialog is not None and lock.dialog.isVisible()
        assert any(v.parentWidget() is users and v.isVisible() for v in lock.veils)
        veil = next(v for v in lock.veils if v.parentWidget() is window)
        assert veil.isVisible() and veil.geometry() == window.rect()
        qtbot.keyClicks(lock.dialog.password_edit, "wrong-password")
        lock.dialog.sign_in_button.click()
        assert lock.locked and "違います" in lock.dialog.message.text()
        qtbot.keyClicks(lock.dialog.password_edit, PASSWORDS["kanri"])
        lock.dialog.sign_in_button.click()
        assert not lock.locked and lock.timer.isActive()
        assert veil.isHidden()  # deleted later; hidden at once


def test_the_admin_adds_a_user_and_switches_sign_in_on(qtbot: QtBot, demo_office: Office) -> None:
    for window in main_window(qtbot, demo_office):
        assert window.access.user_label.text().endswith("（サインインなし）")
        dialog = window.access.open_users()
        add = dialog.open_add()
        type_text(qtbot, add.name_edit, "山田 花子")
        qtbot.keyClicks(add.password_edit, "yamada-pass-1")
        qtbot.keyClicks(add.again_edit, "yamada-pass-1")
        assert add.save()
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "管理者"  # the first user
        dialog.enabled_check.setChecked(True)
        dialog.idle_spin.setValue(3)
        dialog.save_settings()
        sign_in = window.access.enable_dialog
        assert isinstance(sign_in, SignInDialog) and sign_in.isVisible()
        type_text(qtbot, sign_in.name_edit, "山田 花子")
        qtbot.keyClicks(sign_in.password_edit, "yamada-pass-1")
        sign_in.sign_in_button.click()
        assert window.access.user_label.text() == "利用者: 山田 花子（管理者）"
        assert window.access.lock is not None and window.access.lock.timer.interval() == 3 * 60 * 1000
        assert dialog.enabled_check.isChecked()
        assert [row.name for row in window.context.read(list_users)] == ["山田 花子"]
        QApplication.processEvents()
