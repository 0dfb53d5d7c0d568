"""Starting the window: its shell is shown before the office is opened (on a worker thread), the
screens are built once it is open, and a fault of the opening ends the start with one message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.store.db import open_office
from desktop.store.demo import build_demo_office
from desktop.ui.app import StartUp, app_settings
from desktop.ui.screens.agreements.screen import AgreementsScreen
from desktop.ui.start.missing_office_dialog import StartChoice
from desktop.ui.start.opening import OfficeOpening


def make_demo(path: Path) -> None:
    with open_office(path) as office, office.transaction() as session:
        build_demo_office(session)


def test_the_shell_shows_first_and_the_screens_follow_once_the_office_is_open(
        qtbot: QtBot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.renkei"
    make_demo(path)
    start = StartUp(path, app_settings())
    window = start.window
    qtbot.addWidget(window)
    # Before any event is processed: the shell is up, nothing of the office is there yet.
    assert window.isVisible() and not window.context.ready
    assert window.stack.currentWidget() is window.opening_label
    assert window.opening_label.text() == "事務ファイルを開いています…"
    assert not window.menuBar().isEnabled() and window.nav.count() > 5
    with qtbot.waitSignal(start.ready, timeout=30000):
        pass
    assert window.context.ready and window.context.office.path == path.resolve()
    assert isinstance(window.stack.currentWidget(), AgreementsScreen)
    assert window.menuBar().isEnabled() and "office.renkei" in window.windowTitle()
    assert start.status is None
    qtbot.waitUntil(lambda: window.startup_job is not None and window.startup_job.done, timeout=30000)
    start.close()


def test_a_fault_of_the_opening_ends_the_start_with_one_message(qtbot: QtBot, qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                capfd) -> None:
    path = tmp_path / "notes.renkei"
    path.write_text("議事録\n", encoding="utf-8")
    start = StartUp(path, app_settings())
    qtbot.addWidget(start.window)
    with qtbot.waitSignal(start.ended, timeout=30000) as ended:
        pass
    assert ended.args == [1] and start.status == 1
    assert not start.window.context.ready and not start.window.isVisible()
    err = capfd.readouterr().err
    assert "事務ファイルを開けません" in err and "Traceback" not in err


def test_nothing_of_the_store_loads_before_the_first_frame() -> None:
    """The window's start path imports Qt and the shell only; SQLAlchemy, Babel, reportlab and
    the exchange file load on the opening thread or on first use."""
    code = ("import sys, desktop.cli, desktop.ui.app; "
            "print(sorted(m for m in ('sqlalchemy', 'babel', 'reportlab', 'openpyxl', 'cryptography', "
            "'fontTools', 'alembic', 'desktop.exchange', 'desktop.forms.kit.sheet', 'PySide6.QtPdf', 'PySide6.QtNetwork') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def opening_for(qtbot: QtBot, db: Path, **callbacks: object) -> OfficeOpening:
    window = QWidget()
    qtbot.addWidget(window)
    opening = OfficeOpening(window, db, ask=callbacks.get("ask"), restore=callbacks.get("restore"))  # type: ignore[arg-type]
    return opening


def test_a_missing_office_is_asked_about_and_the_answer_is_acted_on(qtbot: QtBot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.renkei"
    make_demo(other)
    answers = iter([(StartChoice.OPEN_OTHER, other)])
    opening = opening_for(qtbot, tmp_path / "typo.renkei", ask=lambda _db, _message: next(answers))
    with qtbot.waitSignal(opening.opened, timeout=30000) as opened:
        opening.start()
    office = opened.args[0].office
    assert office.path == other.resolve()
    office.close()

    opening = opening_for(qtbot, tmp_path / "new" / "demo.renkei", ask=lambda _db, _message: (StartChoice.DEMO, None))
    with qtbot.waitSignal(opening.opened, timeout=60000) as opened:
        opening.start()
    office = opened.args[0].office
    assert office.path == (tmp_path / "new" / "demo.renkei").resolve() and opened.args[0].working_year is not None
    office.close()

    opening = opening_for(qtbot, tmp_path / "typo.renkei", ask=lambda _db, _message: (StartChoice.QUIT, None))
    with qtbot.waitSignal(opening.ended, timeout=30000) as ended:
        opening.start()
    assert ended.args == [0]  # the clerk's own choice, not a fault


def test_a_damaged_office_is_offered_its_backup(qtbot: QtBot, qapp, tmp_path: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.renkei"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8192)
    offered: list[Path] = []

    def restore(office: Path, _why: str, _parent: object) -> bool:
        offered.append(office)
        return False  # the clerk declined

    opening = opening_for(qtbot, path, restore=restore)
    with qtbot.waitSignal(opening.ended, timeout=30000) as ended:
        opening.start()
    assert ended.args == [1] and offered == [path.resolve()]
    assert "Traceback" not in capfd.readouterr().err
