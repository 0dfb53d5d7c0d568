"""Opening in the window: the integrity check and the on-open backup run once the window is up."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from desktop.store import backup
from desktop.store.db import open_office
from desktop.store.demo import build_demo_office
from desktop.ui.app import app_settings, check_and_back_up, open_or_create_with_demo
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow


def make_office(path: Path) -> None:
    with open_office(path) as office, office.transaction() as session:
        build_demo_office(session)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE filler (x)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 300,)] * 3000)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def corrupt(path: Path) -> None:
    """Overwrites a page of the filler table: opening still works, quick_check does not."""
    data = bytearray(path.read_bytes())
    page = 4096
    offset = (len(data) // page * 2 // 3) * page
    data[offset:offset + page] = b"\x07" * page
    path.write_bytes(bytes(data))


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    office = open_or_create_with_demo(path, deferred_checks=True)
    window = MainWindow(AppContext(office), app_settings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_good_file_is_checked_and_backed_up_after_the_window_shows(qtbot: QtBot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.renkei"
    make_office(path)
    assert backup.list_backups(path) == []
    window = open_window(qtbot, path)
    job = check_and_back_up(window)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert [b.reason for b in backup.list_backups(path)] == ["open"]
    assert "バックアップを作成しました" in window.statusBar().currentMessage()
    window.context.office.close()


def test_damaged_file_is_reported_with_the_last_good_backup(qtbot: QtBot, qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           capfd) -> None:
    path = tmp_path / "office.renkei"
    make_office(path)
    backup.backup_office(path, "open")  # yesterday's good copy
    corrupt(path)
    window = open_window(qtbot, path)
    job = check_and_back_up(window)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    # Offscreen no dialog can be seen: the message goes to stderr (report_fatal) and the window closes.
    shown = capfd.readouterr().err
    assert "壊れています" in shown and "最後の正常なバックアップ" in shown
    assert not window.isVisible()
    assert [b.reason for b in backup.list_backups(path)] == ["open"]  # no backup of the damaged file
    window.context.office.close()
    # With no main loop running (a test, or before app.exec), ending it must not leave Qt
    # quitting every later event loop of the process at once.
    fired: list[bool] = []
    loop = QEventLoop()
    QTimer.singleShot(30, lambda: (fired.append(True), loop.quit()))
    loop.exec()
    assert fired == [True]
