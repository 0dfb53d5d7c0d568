"""The exchange file in the window: the export dialog and the 都道府県集計 window, on real files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.fiscal_year import FiscalYear
from desktop.ui.common.context import AppContext
from desktop.ui.exchange.menu import open_export_dialog
from desktop.ui.exchange.prefecture_window import PrefectureWindow
from desktop.ui.main_window import MainWindow
from tests.exchange.conftest import TOWNS, export, make_office
from tests.ui.typing import replace_text


def test_menu_has_the_exchange_entries(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "交換ファイル(&E)" in titles
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "交換ファイル(&E)")
    assert [a.text() for a in menu.actions()] == ["書き出し(&W)…", "検証(&V)…", "都道府県集計(&P)…"]


def test_export_dialog_writes_verifies_and_lists_cp932_problems(
        qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    dialog = open_export_dialog(window, context)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "フォルダを選んでください" in dialog.status_label.text()
    stick = tmp_path / "stick"
    stick.mkdir()
    replace_text(qtbot, dialog.folder_edit, str(stick))
    dialog.year_combo.select_year(FiscalYear(2024))
    dialog.cp932_radio.setChecked(True)
    job = dialog.start_export()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert "Shift_JIS（cp932）で表せない文字が 1 件" in dialog.status_label.text()
    assert "「𠮷」（U+20BB7）" in dialog.details.toPlainText()
    assert not list(stick.iterdir())
    assert dialog.replace_check.isEnabled()
    dialog.replace_check.setChecked(True)
    replace_text(qtbot, dialog.passphrase_edit, "合言葉")
    replace_text(qtbot, dialog.confirm_edit, "合言葉")
    job = dialog.start_export()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert "検証しました" in dialog.status_label.text(), dialog.status_label.text()
    assert dialog.written == stick / "R06_990001_デモ町_連携.zip.enc"
    assert dialog.written.exists() and "置換" in dialog.details.toPlainText()


def test_prefecture_window_side_by_side_and_summary(qtbot: QtBot, tmp_path: Path) -> None:
    files = [export(make_office(tmp_path / "offices", code, name), tmp_path / "usb").path for code, name in TOWNS]
    duplicate = export(make_office(tmp_path / "again"), tmp_path / "later").path
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    window = PrefectureWindow()
    qtbot.addWidget(window)
    window.show()
    job = window.add_files([*files, broken])
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert window.table.rowCount() == 3
    assert [window.table.item(r, 1).text() for r in range(3)] == ["C村", "D町", "デモ町"]  # by code: the demo's 990001 last
    assert "broken.zip" in window.problems.toPlainText()
    window.table.selectRow(1)
    assert window.persons.rowCount() == len(window.result.files[1].file.persons) > 0
    job = window.add_files([duplicate])
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert window.table.rowCount() == 4
    assert "重複" in window.problems.toPlainText()
    out = tmp_path / "summary.xlsx"
    job = window.save_summary(out)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert "集計表を保存" in window.status_label.text()
    assert openpyxl.load_workbook(out)["集計"].max_row == 6
