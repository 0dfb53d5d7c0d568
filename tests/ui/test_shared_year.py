"""One working fiscal year for every screen, shown in the status bar; 和暦 in lists and messages."""
# Named to sort before test_startup.py: after its damaged-file test (which calls QApplication.exit(1))
# background jobs of later tests in the same process time out — an order dependency main has too.

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.fiscal_year import FiscalYear
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.audit_log.screen import AuditLogScreen
from desktop.ui.screens.claim.screen import ClaimScreen
from desktop.ui.screens.ledger.screen import LedgerScreen
from tests.ui.typing import replace_text


def test_every_screen_opens_on_the_working_year_and_follows_a_change(window: MainWindow,
                                                                     context: AppContext) -> None:
    assert context.working_year == FiscalYear(2025)      # the demo's money is in 令和7年度
    ledger = window.show_screen("ledger")
    claim = window.show_screen("claim")
    assert isinstance(ledger, LedgerScreen) and isinstance(claim, ClaimScreen)
    assert ledger.fiscal_year() == claim.fiscal_year() == FiscalYear(2025)
    assert window.view_extras.year_label.text() == "作業年度: 令和7年度"
    ledger.year_combo.setCurrentIndex(ledger.year_combo.findData(2026))
    assert context.working_year == FiscalYear(2026)
    assert claim.fiscal_year() == FiscalYear(2026)
    assert window.view_extras.year_label.text() == "作業年度: 令和8年度"
    forms = window.show_screen("forms")
    assert forms.year_combo.currentData() == 2026  # type: ignore[attr-defined]
    claim.year_combo.setCurrentIndex(claim.year_combo.findData(2024))
    assert ledger.fiscal_year() == FiscalYear(2024) and context.working_year == FiscalYear(2024)


def test_the_ledger_form_lists_every_problem_at_once(qtbot: QtBot, window: MainWindow) -> None:
    ledger = window.show_screen("ledger")
    assert isinstance(ledger, LedgerScreen)
    ledger.list_panel.table.selectRow(0)
    form = ledger.money_form
    form.kind_combo.setCurrentIndex(form.kind_combo.findText("支払"))
    replace_text(qtbot, form.date_edit, "R7.2.30")
    assert not ledger.save_entry()
    labels = form.form.problem_labels
    assert "存在しない日付" in labels["on_date"].text()
    assert "金額" in labels["amount_yen"].text() and labels["amount_yen"].isVisibleTo(ledger)


def test_a_list_action_problem_shows_by_the_list_not_under_the_form(qtbot: QtBot, window: MainWindow,
                                                                    tmp_path: Path) -> None:
    ledger = window.show_screen("ledger")
    assert isinstance(ledger, LedgerScreen)
    ledger.list_panel.table.selectRow(0)
    job = ledger.export_to(tmp_path)                      # a folder: the file cannot be written
    qtbot.waitUntil(lambda: bool(ledger.list_status.text()), timeout=30000)
    assert job is ledger.job
    assert ledger.list_status.isVisibleTo(ledger) and ledger.status_label.text() == ""
    # It sits in the upper half, with the list, above the entries and the form.
    assert ledger.list_status.mapTo(ledger, ledger.list_status.rect().topLeft()).y() < \
        ledger.money_form.mapTo(ledger, ledger.money_form.rect().topLeft()).y()


def test_the_audit_log_shows_times_in_wareki(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("audit_log")
    assert isinstance(screen, AuditLogScreen)
    first = screen.model.data(screen.model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert first.startswith("令和") and "日 " in first and first.count(":") == 2
