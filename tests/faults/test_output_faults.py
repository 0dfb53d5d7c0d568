"""A full disk and a read-only file or folder for the outputs: `print … --out` and the ledger's
xlsx export. One clear message, no 0-byte or half-written file, an older file of the same
name left as it was, and the same output written once space is freed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.db import Office, open_office
from desktop.ui.app import app_settings
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.ledger.screen import LedgerScreen
from tests.faults.disk import fill, listing, read_only, run_cli, small_disk


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def print_f1(office: Path, out: Path) -> object:
    return run_cli("print", "F1", "--db", office, "--id", "A県デモ町第1号", "--out", out)


def assert_refused(result: object, expected: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)  # type: ignore[attr-defined]
    assert expected in result.stderr, result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]


# -- print --out ------------------------------------------------------------------------

@pytest.mark.slow
def test_print_into_a_read_only_folder_or_file(demo_copy: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "f1.pdf"
    with read_only(out_dir):
        assert_refused(print_f1(demo_copy, out), "に書き込めません")
    assert listing(out_dir) == set()
    assert print_f1(demo_copy, out).returncode == 0
    before = digest(out)
    with read_only(out):
        assert_refused(print_f1(demo_copy, out), "保存できませんでした")
    assert digest(out) == before and listing(out_dir) == {"f1.pdf"}


@pytest.mark.slow
def test_print_onto_a_full_disk_keeps_the_older_file_and_works_once_freed(demo_copy: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 1024) as stick:
        out = stick / "f1.pdf"
        assert print_f1(demo_copy, out).returncode == 0
        older = digest(out)
        filler = fill(stick, leave_bytes=8 * 1024)
        assert_refused(print_f1(demo_copy, out), "保存できませんでした")
        assert digest(out) == older, "the older PDF was damaged by a refused print"
        assert listing(stick) == {"f1.pdf", "filler.bin"}, "a half-written PDF was left behind"
        filler.unlink()
        assert print_f1(demo_copy, out).returncode == 0
        assert len(PdfReader(out).pages) >= 1


# -- the ledger's xlsx export -----------------------------------------------------------

@pytest.fixture
def ledger(qtbot: QtBot, qapp, demo_copy: Path) -> Iterator[LedgerScreen]:  # type: ignore[no-untyped-def]
    office: Office = open_office(demo_copy, create=False)
    window = MainWindow(AppContext(office), app_settings())
    qtbot.addWidget(window)
    screen = window.show_screen("ledger")
    assert isinstance(screen, LedgerScreen)
    screen.select_year(FiscalYear(2025))
    try:
        yield screen
    finally:
        office.close()


def export(qtbot: QtBot, screen: LedgerScreen, target: Path) -> str:
    job = screen.export_to(target)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    return screen.list_status.text()


@pytest.mark.slow
def test_xlsx_export_into_a_read_only_folder_or_file(qtbot: QtBot, ledger: LedgerScreen, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "ledger.xlsx"
    with read_only(out_dir):
        assert "に書き込めません" in export(qtbot, ledger, target)
    assert listing(out_dir) == set()
    assert "出力しました" in export(qtbot, ledger, target)
    before = digest(target)
    with read_only(target):
        assert "保存できませんでした" in export(qtbot, ledger, target)
    assert digest(target) == before and listing(out_dir) == {"ledger.xlsx"}


@pytest.mark.slow
def test_xlsx_export_onto_a_full_disk(qtbot: QtBot, ledger: LedgerScreen, tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 512) as stick:
        target = stick / "ledger.xlsx"
        assert "出力しました" in export(qtbot, ledger, target)
        older = digest(target)
        filler = fill(stick, leave_bytes=1024)
        message = export(qtbot, ledger, target)
        assert "保存できませんでした" in message and "ディスクの空き" in message
        assert digest(target) == older and listing(stick) == {"ledger.xlsx", "filler.bin"}
        filler.unlink()
        assert "出力しました" in export(qtbot, ledger, target)
        assert load_workbook(target).active.cell(1, 1).value == "協約番号"
