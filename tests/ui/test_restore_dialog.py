"""ファイル → バックアップから復元, and the backup settings, on a real window and office file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store import backup
from desktop.store.repos.town import get_town_profile
from desktop.store.services.contributions import delete_money_row
from desktop.ui.backups.menu import open_restore_dialog
from desktop.ui.backups.settings_dialog import BackupSettingsDialog
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from tests.store.backup_helpers import make_demo, scalar


def cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return str(table.item(row, column).text())


def comparison_row(dialog, label: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    for row in range(dialog.comparison.rowCount()):
        if cell(dialog.comparison, row, 0) == label:
            return cell(dialog.comparison, row, 1), cell(dialog.comparison, row, 2)
    raise AssertionError(label)


def test_restore_shows_the_backup_against_the_file_then_restores(qtbot: QtBot, window: MainWindow,
                                                                 context: AppContext) -> None:
    path = context.office.path
    taken = backup.backup_office(path, "manual")
    context.run(delete_money_row, row_id=4)
    dialog = open_restore_dialog(window)
    qtbot.addWidget(dialog)
    assert dialog.backups.rowCount() == 1 and cell(dialog.backups, 0, 1) == "手動"
    assert comparison_row(dialog, "負担金") == ("32", "31")
    assert comparison_row(dialog, "最新の監査記録")[0].startswith("No.")
    assert scalar(path, "SELECT count(*) FROM money_row") == 31  # nothing happened yet
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert scalar(path, "SELECT count(*) FROM money_row") == 32
    assert context.office.lock.is_locked  # reopened, and held again
    assert "復元しました" in window.statusBar().currentMessage()
    reasons = [b.reason for b in backup.list_backups(path)]
    assert "before-restore" in reasons and backup.list_backups(path)[-1].path == taken


def test_another_offices_backup_needs_the_box_ticked(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                     tmp_path: Path) -> None:
    theirs = make_demo(tmp_path / "other" / "office.renkei")
    their_backup = backup.backup_office(theirs, "manual")
    dialog = open_restore_dialog(window)
    qtbot.addWidget(dialog)
    dialog.show_backup(their_backup)
    assert "別の事務所" in dialog.message.text()
    assert not dialog.restore_button.isEnabled()
    dialog.other_office.setChecked(True)
    assert dialog.restore_button.isEnabled()
    dialog.show_backup(tmp_path / "nothing.renkei-backup")
    assert "見つかりません" in dialog.message.text() and not dialog.restore_button.isEnabled()


def test_backup_settings_move_the_folder(qtbot: QtBot, window: MainWindow, context: AppContext,
                                         tmp_path: Path) -> None:
    path = context.office.path
    backup.backup_office(path, "manual")
    dialog = BackupSettingsDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText("not/absolute")
    assert not dialog.save() and "絶対パス" in dialog.message.text()
    drive = tmp_path / "drive-e"
    dialog.folder_edit.setText(str(drive))
    dialog.daily.setValue(7)
    assert dialog.save()
    (moved,) = backup.list_backups(path)
    assert moved.path.parent.parent == drive
    assert context.read(get_town_profile).name == "デモ町"  # the office is still open and usable


def test_at_start_up_a_damaged_office_is_offered_its_newest_good_backup(qtbot: QtBot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.backups.restore_dialog import start_up_restore_dialog

    path = make_demo(tmp_path / "office.renkei")
    older = backup.backup_office(path, "open")
    good = backup.backup_office(path, "open")
    newest = backup.backup_office(path, "open")
    data = bytearray(newest.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    newest.write_bytes(bytes(data))
    damaged = bytearray(path.read_bytes())
    damaged[4096:8192] = b"\x00" * 4096
    path.write_bytes(bytes(damaged))
    assert backup.quick_check(path) != "ok"
    dialog = start_up_restore_dialog(path)
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.backup.path == good != older
    assert "壊れています" in dialog.message.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert backup.quick_check(path) == "ok"
    assert any(b.reason == "damaged" for b in backup.list_backups(path))
