from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.repos.ledger import list_ledger
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.ledger.screen import LedgerScreen
from desktop.ui.screens.ledger.table_model import OVERDUE_BACKGROUND
from tests.ui.typing import type_text


def ledger_of(window: MainWindow) -> LedgerScreen:
    screen = window.show_screen("ledger")
    assert isinstance(screen, LedgerScreen)
    screen.select_year(FiscalYear(2025))
    return screen


def select_person(screen: LedgerScreen, name: str) -> None:
    row = next(i for i, r in enumerate(screen.model.loaded_rows()) if r.name == name)
    screen.list_panel.table.selectRow(row)


def test_overdue_is_highlighted_and_totals_shown(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    screen = ledger_of(window)
    qtmodeltester.check(screen.model)
    rows = screen.model.loaded_rows()
    overdue_row = next(i for i, r in enumerate(rows) if r.overdue_count)
    index = screen.model.index(overdue_row, 0)
    assert screen.model.data(index, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert "延滞 600,000円" in screen.totals_label.text()
    assert "支払 10,300,630円" in screen.totals_label.text()
    screen.overdue_check.setChecked(True)
    assert screen.model.total() == 1
    select_person(screen, "渡邊 健一")
    states = [screen.entries.item(r, 5).text() for r in range(screen.entries.rowCount())]
    assert "延滞（未払 600,000円）" in states


def test_a_payment_in_april_asks_which_year(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    screen = ledger_of(window)
    select_person(screen, "渡邊 健一")
    form = screen.money_form
    form.kind_combo.setCurrentIndex(form.kind_combo.findText("支払"))
    type_text(qtbot, form.date_edit, "R8.5.8")
    assert form.year_hint.isVisible() and "出納整理期間" in form.year_hint.text()
    assert form.year_combo.currentIndex() == -1
    type_text(qtbot, form.amount_edit, "６００，０００円")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "会計年度を選んでください" in form.form.problem_labels["fiscal_year"].text()
    form.year_combo.setCurrentIndex(form.year_combo.findData(2025))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "記録しました" in screen.status_label.text()
    line = next(r for r in context.read(list_ledger, fiscal_year=FiscalYear(2025)) if r.name == "渡邊 健一")
    assert line.totals.paid == 2_400_000 and line.overdue_count == 0
    assert "延滞" not in screen.totals_label.text()


def test_negative_and_fractional_yen_are_refused(qtbot: QtBot, window: MainWindow) -> None:
    screen = ledger_of(window)
    select_person(screen, "髙﨑 美咲")
    form = screen.money_form
    type_text(qtbot, form.date_edit, "R7.8.1")
    type_text(qtbot, form.amount_edit, "-5")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "負の数" in form.form.problem_labels["amount_yen"].text()
    form.amount_edit.clear()
    type_text(qtbot, form.amount_edit, "100.5")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "端数" in form.form.problem_labels["amount_yen"].text()


def test_export_the_ledger_to_xlsx(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    screen = ledger_of(window)
    target = tmp_path / "ledger.xlsx"
    job = screen.export_to(target)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    sheet = load_workbook(target).active
    labels = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    totals = labels.index("合計") + 1
    names = [sheet.cell(r, 3).value for r in range(2, totals)]
    assert "渡邊 健一" in names
    # The audit trail's newest entry, small under the table, as on F4 and in the exchange file.
    assert str(sheet.cell(sheet.max_row, 1).value).startswith("監査記録 No.")
    assert "出力しました" in screen.list_status.text()


def test_print_f3_from_the_ledger(qtbot: QtBot, window: MainWindow) -> None:
    screen = ledger_of(window)
    dialog = screen.print_f3()
    qtbot.waitUntil(dialog.isVisible, timeout=20000)
    assert dialog.preview.page_count() == 1
    dialog.close()
