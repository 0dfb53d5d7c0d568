"""The backup entries of the ファイル menu, and restoring while the window is open.

The window holds the office open (and its lock); a restore closes it, replaces the file,
and opens it again, whatever the outcome, so the window always shows the file on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.i18n import _
from desktop.ui.common.background import run_in_background
from desktop.ui.common.fatal import report_fatal

if TYPE_CHECKING:  # the store and the dialogs load when an entry is chosen, not before the first frame
    from desktop.ui.backups.restore_dialog import RestoreDialog
    from desktop.ui.main_window import MainWindow


def install_backup_menu(window: MainWindow, menu: QMenu) -> None:
    for text, slot in ((_("バックアップを作成(&B)"), lambda: back_up_now(window)),
                       (_("バックアップから復元(&R)…"), lambda: open_restore_dialog(window)),
                       (_("バックアップの設定(&S)…"), lambda: open_settings_dialog(window))):
        action = QAction(text, window)
        action.triggered.connect(slot)
        menu.addAction(action)
    menu.addSeparator()


def open_settings_dialog(window: MainWindow) -> None:
    from desktop.ui.backups.settings_dialog import BackupSettingsDialog

    BackupSettingsDialog(window.context, window).open()


def back_up_now(window: MainWindow) -> None:
    from desktop.store.backup import backup_office

    path = window.context.office.path

    def done(taken: Path) -> None:
        window.statusBar().showMessage(_("バックアップを作成しました: {path}").format(path=taken), 15000)

    def failed(error: BaseException) -> None:
        QMessageBox.warning(window, _("バックアップ"), str(error))

    window.backup_job = run_in_background(window, _("バックアップ"), lambda _p: backup_office(path, "manual"),
                                          done, failed, show_dialog=False)


def open_restore_dialog(window: MainWindow) -> RestoreDialog:
    from desktop.ui.backups.restore_dialog import RestoreDialog

    dialog = RestoreDialog(window.context.office.path, lambda backup, other: restore_in_window(window, backup, other),
                           window)
    dialog.open()
    return dialog


def restore_in_window(window: MainWindow, backup_path: Path, allow_other_office: bool) -> str | None:
    """Returns None when restored, else the reason (the office is then reopened unchanged)."""
    from desktop.store.acting import acting_as, info_for, principal_in
    from desktop.store.backup import BackupError
    from desktop.store.db import OfficeError, open_office
    from desktop.store.restore import restore_backup

    context = window.context
    path = context.office.path
    acting = principal_in(context.office.session_info)  # the restore, and the office reopened, act for them
    context.office.close()
    problem: str | None = None
    try:
        with acting_as(acting):
            restore_backup(office_path=path, backup_path=backup_path, allow_other_office=allow_other_office)
    except (OfficeError, BackupError) as error:
        problem = str(error)
    try:
        context.office = open_office(path, take_backup=False)
        context.office.session_info = info_for(acting)
    except OfficeError as error:
        report_fatal(_("事務ファイルを開けません"), str(error), window)
        window.close()
        return str(error)
    window.reload_screens()
    if problem is None:
        window.statusBar().showMessage(_("バックアップから復元しました: {path}").format(path=backup_path), 15000)
    return problem
