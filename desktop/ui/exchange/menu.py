"""The 交換ファイル menu of the main window: export, verify a received file, the prefecture's window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QMessageBox

from desktop.i18n import _
from desktop.ui.common.background import BackgroundJob, Progress, run_in_background

if TYPE_CHECKING:
    from desktop.ui.common.context import AppContext
    from desktop.ui.exchange.export_dialog import ExportDialog
    from desktop.ui.exchange.prefecture_window import PrefectureWindow


def install_exchange_menu(window: QMainWindow, context: AppContext) -> None:
    menu = window.menuBar().addMenu(_("交換ファイル(&E)"))
    export = QAction(_("書き出し(&W)…"), window)
    export.triggered.connect(lambda _checked=False: open_export_dialog(window, context))
    verify = QAction(_("検証(&V)…"), window)
    verify.triggered.connect(lambda _checked=False: verify_with_dialog(window))
    prefecture = QAction(_("都道府県集計(&P)…"), window)
    prefecture.triggered.connect(lambda _checked=False: open_prefecture_window(window))
    for action in (export, verify, prefecture):
        menu.addAction(action)


def open_export_dialog(window: QMainWindow, context: AppContext) -> ExportDialog:
    from desktop.ui.exchange.export_dialog import ExportDialog

    dialog = ExportDialog(context, window)
    dialog.open()
    return dialog


def open_prefecture_window(window: QMainWindow | None) -> PrefectureWindow:
    from desktop.ui.exchange.prefecture_window import PrefectureWindow

    prefecture = PrefectureWindow(window)
    prefecture.show()
    return prefecture


def verify_with_dialog(window: QMainWindow) -> BackgroundJob | None:
    name, _chosen = QFileDialog.getOpenFileName(window, _("交換ファイルを検証"), "",
                                                _("交換ファイル (*.zip *.zip.enc);;すべてのファイル (*)"))
    if not name:
        return None
    passphrase = None
    if name.endswith(".enc"):
        passphrase, ok = QInputDialog.getText(window, _("パスフレーズ"), _("パスフレーズ"), QLineEdit.EchoMode.Password)
        if not ok:
            return None

    def work(_progress: Progress) -> list[str]:
        from desktop.commands.exchange_cli import describe_file
        from desktop.exchange.verify import verify_path

        return describe_file(verify_path(Path(name), passphrase))

    def done(lines: list[str]) -> None:
        QMessageBox.information(window, _("交換ファイルは完全です"), "\n".join(lines))

    def failed(error: BaseException) -> None:
        QMessageBox.warning(window, _("交換ファイルを受け付けません"), str(error))

    return run_in_background(window, _("検証しています…"), work, done, failed)
