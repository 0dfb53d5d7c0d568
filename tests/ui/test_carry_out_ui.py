"""The carry-out register and the access log in the window, on a real office: each save, print
and export of personal data is one register line with the written file's SHA-256, the medium
asked and the acting user; a person's detail shown is audited once per selection; the 持出記録
screen lists the register and prints F14."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.domain.carry_out import Medium
from desktop.domain.fiscal_year import FiscalYear
from desktop.store.audit import os_user
from desktop.store.repos.audit import AuditFilter, list_audit_entries
from desktop.store.repos.carry_out import CarryOutRow, list_carry_outs
from desktop.ui.common.context import AppContext
from desktop.ui.common.medium_choice import MediumCombo, save_dialog
from desktop.ui.exchange.menu import open_export_dialog
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.carry_outs.screen import CarryOutsScreen
from desktop.ui.screens.forms.screen import FormsScreen
from tests.ui.test_ledger_screen import ledger_of
from tests.ui.typing import replace_text


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def register(context: AppContext) -> list[CarryOutRow]:
    return context.read(list_carry_outs, oldest_first=True)


def views(context: AppContext) -> list[tuple[str, str, str]]:
    rows = context.read(list_audit_entries, where=AuditFilter(action="view"))
    return [(r.entity, r.entity_id, r.summary) for r in reversed(rows)]


def rendered_form(qtbot: QtBot, window: MainWindow, form_id: str) -> FormsScreen:
    screen = window.show_screen("forms")
    assert isinstance(screen, FormsScreen)
    screen.select_form(form_id)
    screen.year_combo.select_year(FiscalYear(2025))
    job = screen.render_preview()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    return screen


def test_saving_and_printing_a_form_with_personal_data_is_recorded(
        qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    preview = rendered_form(qtbot, window, "F2").preview
    saved = tmp_path / "髙﨑_f2.pdf"
    assert preview.save_to(saved, Medium.USB)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    with qtbot.waitSignal(preview.printed, timeout=30000):
        preview.print_to(printer)
    first, second = register(context)
    assert (first.document, first.medium, first.file_name, first.sha256, first.user) == (
        "F2", "usb", saved.name, sha256(saved), os_user())
    assert first.persons > 0 and first.fiscal_year == 2025
    # Printed to a file, not to paper: recorded as that file.
    assert (second.medium, second.file_name, second.sha256) == ("other", printed.name, sha256(printed))


def test_a_form_without_personal_data_is_not_recorded(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                       tmp_path: Path) -> None:
    preview = rendered_form(qtbot, window, "F1").preview
    assert preview.save_to(tmp_path / "f1.pdf", Medium.EMAIL)
    assert register(context) == []


def test_the_ledger_xlsx_and_the_exchange_file_are_recorded(
        qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    ledger = ledger_of(window)
    target = tmp_path / "ledger.xlsx"
    job = ledger.export_to(target, Medium.EMAIL)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    screen = window.show_screen("carry_outs")
    assert isinstance(screen, CarryOutsScreen) and screen.model.total() == 1  # refreshed by the change
    dialog = open_export_dialog(window, context)
    stick = tmp_path / "stick"
    stick.mkdir()
    replace_text(qtbot, dialog.folder_edit, str(stick))
    dialog.year_combo.select_year(FiscalYear(2025))
    assert dialog.medium_combo.medium() is Medium.USB  # the exchange file's first default
    export_job = dialog.start_export()
    assert export_job is not None
    qtbot.waitUntil(lambda: export_job.done, timeout=30000)
    (written,) = stick.iterdir()
    xlsx, exchange = register(context)
    assert (xlsx.output_kind, xlsx.document, xlsx.medium, xlsx.sha256) == ("xlsx", "ledger", "email", sha256(target))
    assert (exchange.output_kind, exchange.medium, exchange.file_name, exchange.sha256, exchange.encrypted) == (
        "exchange", "usb", written.name, sha256(written), False)
    assert screen.model.total() == 2


def test_the_medium_asked_is_remembered(qtbot: QtBot) -> None:
    combo = MediumCombo("form")
    qtbot.addWidget(combo)
    assert combo.medium() is Medium.OTHER
    combo.set_medium(Medium.EMAIL)
    combo.remember()
    again = MediumCombo("form")
    qtbot.addWidget(again)
    assert again.medium() is Medium.EMAIL
    assert [again.itemText(i) for i in range(again.count())] == ["USBメモリ", "メール", "その他"]
    dialog, asked = save_dialog(None, "PDFとして保存", "f2.pdf", "PDF (*.pdf)", "form")
    qtbot.addWidget(dialog)
    assert asked.parent() is dialog and asked.medium() is Medium.EMAIL  # the save dialog asks, remembered


def test_a_persons_detail_is_audited_once_per_selection(qtbot: QtBot, window: MainWindow,
                                                        context: AppContext) -> None:
    screen = window.show_screen("assignments")
    table = screen.list_panel.table
    names = [screen.model.row_at(r).name for r in range(screen.model.rowCount())]
    other = next(r for r, name in enumerate(names) if name != names[0])
    table.setCurrentIndex(screen.model.index(0, 0))
    first = screen.current.staff_id
    assert views(context) == [("staff_member", str(first), names[0])]
    screen.on_change(object())         # a refresh shows the same person again: not a new view
    screen.repaint()
    table.setCurrentIndex(screen.model.index(other, 0))
    table.setCurrentIndex(screen.model.index(0, 0))  # chosen again: a new view
    assert [entity_id for _e, entity_id, _n in views(context)] == [str(first), str(screen.model.row_at(other).staff_id),
                                                                 str(first)]
    organisations = window.show_screen("organisations")
    organisations.list_panel.table.setCurrentIndex(organisations.model.index(0, 0))
    detail = organisations.current
    assert views(context)[-1] == ("organisation", str(detail.id), detail.draft.representative_name)
    assert len(views(context)) == 4


def test_the_register_screen_filters_by_period_and_prints_f14(
        qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    preview = rendered_form(qtbot, window, "F3").preview
    assert preview.save_to(tmp_path / "f3.pdf", Medium.USB)
    screen = window.show_screen("carry_outs")
    assert isinstance(screen, CarryOutsScreen)
    assert screen.model.total() == 1
    texts = [screen.model.index(0, c).data() for c in range(screen.model.columnCount())]
    assert texts[1] == os_user() and "F3" in texts[2] and texts[3] == "USBメモリ" and texts[4] == "無"
    assert texts[6] == sha256(tmp_path / "f3.pdf")[:16] + "…"
    replace_text(qtbot, screen.date_to, "R2.1.1")
    screen.apply_period()
    assert screen.model.total() == 0
    screen.date_to.set_value(None)
    screen.apply_period()
    assert screen.model.total() == 1
    dialog = screen.print_register()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=30000)
    assert dialog.preview.request is not None and dialog.preview.request.form_id == "F14"
    screen.grab().save(str(tmp_path / "carry_outs.png"))
    dialog.close()
