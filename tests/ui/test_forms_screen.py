from __future__ import annotations

import io
import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QThreadPool
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.screens.agreements.screen import AgreementsScreen
from desktop.ui.screens.forms.screen import FormsScreen
from tests.ui.typing import replace_text


def forms_screen(window: MainWindow) -> FormsScreen:
    screen = window.show_screen("forms")
    assert isinstance(screen, FormsScreen)
    return screen


def test_preview_f2_navigate_zoom_save_and_print(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    screen = forms_screen(window)
    screen.select_form("F2")
    screen.year_combo.setCurrentIndex(screen.year_combo.findText("令和7年度"))
    replace_text(qtbot, screen.number_edit, "１２３")
    replace_text(qtbot, screen.date_edit, "R7.4.1")
    job = screen.render_preview()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    preview = screen.preview
    assert preview.page_count() == 1
    assert "1ページの帳票を作成しました" in screen.message_label.text()
    text = PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text()
    assert "デモ町総第123号" in text and "令和7年4月1日" in text and "髙﨑 美咲" in text
    before = preview.view.zoomFactor()
    preview.zoom_in_button.click()
    assert preview.view.zoomFactor() > before

    saved = tmp_path / "f2.pdf"
    assert preview.save_to(saved)
    assert saved.read_bytes() == preview.pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed_file = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed_file))
    with qtbot.waitSignal(preview.printed, timeout=30000) as signal:
        preview.print_to(printer)
    assert signal.args == [1]
    assert len(PdfReader(printed_file).pages) == 1


def test_f1_from_the_agreements_screen(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("agreements")
    assert isinstance(screen, AgreementsScreen)
    dialog = screen.print_agreement()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=20000)
    assert dialog.preview.page_count() >= 1
    dialog.preview.go_to_page(1)
    assert "連携協約書" in dialog.preview.suggested_name
    dialog.close()


def test_a_character_no_font_has_is_reported_not_printed(qtbot: QtBot, window: MainWindow, context) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.town import TownProfile
    from desktop.store.services.town import update_town_profile

    context.run(update_town_profile, profile=TownProfile(
        name="デモ町", prefecture="A県", local_gov_code="990001", mayor_title="デモ町長", mayor_name="山田\U000F0001"))
    screen = forms_screen(window)
    screen.select_form("F2")
    job = screen.render_preview()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert "U+F0001" in screen.message_label.text() and "デモ町長" in screen.message_label.text()
    assert screen.preview.page_count() == 0


def test_f6_and_blank_f5_from_the_forms_screen(qtbot: QtBot, window: MainWindow) -> None:
    screen = forms_screen(window)
    screen.select_form("F6")
    assert screen.form.widgets["org_id"].isVisibleTo(screen) and not screen.form.widgets["agreement_number"].isVisibleTo(screen)
    assert not screen.form.widgets["addressee"].isVisibleTo(screen)  # a notice goes to the organisation
    screen.select_organisation(4)
    job = screen.render_preview()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    text = PdfReader(io.BytesIO(screen.preview.pdf)).pages[0].extract_text()
    assert "不指定通知書" in text and "北部地区地域福祉推進会" in text and "A県知事" not in text
    screen.select_form("F5")
    screen.org_combo.setCurrentIndex(0)  # the blank application for the counter
    job = screen.render_preview()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert "指定地域共同活動団体指定申請書" in PdfReader(io.BytesIO(screen.preview.pdf)).pages[0].extract_text()


def test_cancel_stops_the_form_between_pages(qtbot: QtBot, window: MainWindow) -> None:
    """キャンセル reaches the renderer: the job ends cancelled at its first page, nothing is shown."""
    screen = forms_screen(window)
    screen.select_form("F2")
    screen.year_combo.setCurrentIndex(screen.year_combo.findText("令和7年度"))
    replace_text(qtbot, screen.date_edit, "R7.4.1")
    # Every worker of the pool is kept busy, so the job waits in the queue until the clerk's
    # キャンセル has landed: the renderer meets it at its first page, whatever the machine's speed.
    pool = QThreadPool.globalInstance()
    release = threading.Event()
    for _ in range(pool.maxThreadCount()):
        pool.start(lambda: release.wait(20))
    try:
        job = screen.render_preview()
        assert job is not None
        job.progress.cancel()  # as the progress dialog's button does
    finally:
        release.set()
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert screen.preview.page_count() == 0
    assert screen.message_label.text() == "帳票の作成を取り消しました"
