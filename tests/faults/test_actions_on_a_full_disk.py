"""A user action meeting a full disk (in the store and in the window): one message, the action
not saved at all, everything saved before still there, and the same action saved once space is
freed."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop.domain.contribution import MoneyKind, MoneyRowDraft
from desktop.domain.fiscal_year import FiscalYear
from desktop.store.db import OfficeDiskFullError, open_office
from desktop.store.services.contributions import record_money_row
from desktop.ui.app import app_settings, install_fault_hook
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from tests.faults.disk import fill, small_disk


@pytest.mark.slow
def test_a_payment_on_a_full_disk_is_refused_whole_then_saved(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = disk / "office.renkei"
        shutil.copyfile(demo_template, path)
        with open_office(path, create=False) as office:
            with office.reader() as session:
                post_id, staff_id = session.execute(text("SELECT post_id, staff_id FROM assignment")).first()  # type: ignore[misc]
                before = session.execute(text("SELECT count(*) FROM money_row")).scalar_one()
            draft = MoneyRowDraft(MoneyKind.PAYMENT, post_id, staff_id, FiscalYear(2025), date(2025, 6, 10),
                                  amount_yen=123_000, number="支出第77号", note="x" * 20_000)
            filler = fill(disk, leave_bytes=0)
            with pytest.raises(OfficeDiskFullError, match="ディスクの空き容量が足りません"), office.transaction() as session:
                record_money_row(session, draft=draft)
            with office.reader() as session:
                assert session.execute(text("SELECT count(*) FROM money_row")).scalar_one() == before
            filler.unlink()
            with office.transaction() as session:
                record_money_row(session, draft=draft)
            with office.reader() as session:
                assert session.execute(text("SELECT count(*) FROM money_row")).scalar_one() == before + 1
                assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_the_window_shows_an_office_fault_as_its_message(qtbot: QtBot, qapp, demo_copy: Path,  # type: ignore[no-untyped-def]
                                                         capfd: pytest.CaptureFixture[str]) -> None:
    office = open_office(demo_copy, create=False)
    window = MainWindow(AppContext(office), app_settings())
    qtbot.addWidget(window)
    previous = sys.excepthook
    try:
        install_fault_hook(window)
        sys.excepthook(OfficeDiskFullError, OfficeDiskFullError("事務ファイルに書き込めませんでした"), None)
    finally:
        sys.excepthook = previous
        office.close()
    err = capfd.readouterr().err
    assert "保存できませんでした: 事務ファイルに書き込めませんでした" in err and "Traceback" not in err
