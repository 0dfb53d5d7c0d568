"""A clerk without a mouse: open 負担金, find a person, enter a payment, save with Enter and print F3 —
key events only (Japanese through the input method, as typed)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.yen import format_amount
from desktop.store.repos.ledger import list_ledger
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.preview.preview_dialog import PreviewDialog
from desktop.ui.screens.ledger.screen import LedgerScreen
from tests.ui.typing import type_text

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def focused() -> object:
    return QApplication.focusWidget()


def test_enter_a_payment_and_print_f3_without_the_mouse(qtbot: QtBot, window: MainWindow,
                                                        context: AppContext) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)                   # 表示 → 負担金
    screen = window.stack.currentWidget()
    assert isinstance(screen, LedgerScreen)
    assert screen.fiscal_year() == FiscalYear(2025) == context.working_year
    assert "令和7年度" in window.view_extras.year_label.text()
    before = next(r for r in context.read(list_ledger, fiscal_year=FiscalYear(2025)) if r.name == "渡邊 健一")

    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)                   # Ctrl+F → the list filter
    assert focused() is screen.list_panel.filter_edit
    type_text(qtbot, screen.list_panel.filter_edit, "渡邊")
    qtbot.keyClick(screen.list_panel.filter_edit, Qt.Key.Key_Down)  # ↓ → the list, first row
    assert focused() is screen.list_panel.table
    assert screen.line is not None and screen.line.name == "渡邊 健一"

    form = screen.money_form
    qtbot.keyClick(focused(), Qt.Key.Key_K, ALT)                 # 区分(&K)
    assert focused() is form.kind_combo
    for _step in range(2):                                       # 予算 → 請求 → 支払
        qtbot.keyClick(form.kind_combo, Qt.Key.Key_Down)
    assert form.kind_combo.currentText() == "支払"
    qtbot.keyClick(form.kind_combo, Qt.Key.Key_D, ALT)           # 日付(&D)
    assert focused() is form.date_edit
    qtbot.keyClicks(form.date_edit, "R7.10.1")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_M, ALT)            # 金額(&M)
    assert focused() is form.amount_edit
    qtbot.keyClicks(form.amount_edit, "100000")
    qtbot.keyClick(form.amount_edit, Qt.Key.Key_Return)          # Enter saves
    assert "記録しました" in screen.status_label.text(), screen.status_label.text()
    after = next(r for r in context.read(list_ledger, fiscal_year=FiscalYear(2025)) if r.name == "渡邊 健一")
    assert after.totals.paid == before.totals.paid + 100_000

    qtbot.keyClick(focused(), Qt.Key.Key_P, CTRL)                # Ctrl+P prints the screen's list (F3)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in screen.findChildren(PreviewDialog)), timeout=30000)
    dialog = next(d for d in screen.findChildren(PreviewDialog) if d.isVisible())
    assert dialog.preview.page_count() >= 1
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.preview.pdf)).pages)
    assert "令和7年度" in text and format_amount(after.totals.paid) in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)                    # Esc closes the preview
    assert not dialog.isVisible()


def test_escape_reverts_the_ledger_form(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("ledger")
    assert isinstance(screen, LedgerScreen)
    screen.list_panel.table.selectRow(0)
    form = screen.money_form
    form.amount_edit.setFocus()
    qtbot.keyClicks(form.amount_edit, "123")
    qtbot.keyClick(form.amount_edit, Qt.Key.Key_Escape)
    assert form.amount_edit.text() == ""


def test_tab_walks_the_ledger_form_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("ledger")
    assert isinstance(screen, LedgerScreen)
    screen.list_panel.table.selectRow(0)
    form = screen.money_form
    form.kind_combo.setCurrentIndex(form.kind_combo.findText("請求"))   # 期日 is enabled for invoices
    form.kind_combo.setFocus()
    order = [form.date_edit, form.year_combo, form.amount_edit, form.number_edit, form.due_edit, form.note_edit]
    for expected in order:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is expected


def test_ctrl_p_on_the_forms_screen_previews_and_owns_the_key(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)                   # 表示 → 帳票
    screen = window.stack.currentWidget()
    preview = screen.preview  # type: ignore[attr-defined]
    assert preview.print_button.shortcut().isEmpty()            # one owner of Ctrl+P per window
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)                   # nothing shown yet: make the preview
    qtbot.waitUntil(lambda: preview.page_count() >= 1, timeout=30000)
    assert preview.print_button.isEnabled()                     # the next Ctrl+P prints it
