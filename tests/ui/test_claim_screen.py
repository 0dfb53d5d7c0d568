from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from desktop.domain.claim import ClaimStatus
from desktop.domain.fiscal_year import FiscalYear
from desktop.store.repos.claims import get_claim
from desktop.store.repos.measure import measure_parameters_for
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.claim.screen import ClaimScreen
from desktop.ui.screens.measure.screen import MeasureScreen
from tests.ui.typing import replace_text

FY = FiscalYear(2025)


def claim_of(window: MainWindow) -> ClaimScreen:
    screen = window.show_screen("claim")
    assert isinstance(screen, ClaimScreen)
    screen.select_year(FY)
    return screen


def test_lines_and_exclusions_side_by_side_with_reasons(window: MainWindow) -> None:
    screen = claim_of(window)
    assert screen.lines_table.rowCount() == 2 and screen.exclusions_table.rowCount() == 2
    reasons = {screen.exclusions_table.item(r, 2).text() for r in range(2)}
    assert reasons == {"二年目以降", "自治法派遣以外"}
    assert "合計 4,250,315円" in screen.total_label.text()
    assert "作成中" in screen.status_label.text()
    assert screen.submit_button.isEnabled() and not screen.decide_button.isEnabled()


def test_life_of_a_claim(window: MainWindow, context: AppContext) -> None:
    screen = claim_of(window)
    assert screen.submit(date(2026, 6, 1))
    assert "提出済 令和8年6月1日" in screen.status_label.text()
    assert not screen.submit_button.isEnabled() and screen.decide_button.isEnabled()
    assert not screen.decide(4_300_000, date(2026, 5, 1))  # before submission
    assert "提出日より後" in screen.message_label.text()
    assert screen.decide(4_200_000, date(2026, 12, 10))
    assert "差 -50,315円" in screen.status_label.text()
    assert context.read(get_claim, fiscal_year=FY).status is ClaimStatus.DECIDED
    assert screen.reopen("誤りの訂正")
    assert "作成中" in screen.status_label.text()


def test_f4_preview(qtbot: QtBot, window: MainWindow) -> None:
    screen = claim_of(window)
    dialog = screen.print_f4()
    qtbot.waitUntil(dialog.isVisible, timeout=20000)
    assert dialog.preview.page_count() == 1
    dialog.close()


def test_measure_parameters_edit_applies_to_the_claim(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    measure = window.show_screen("measure")
    assert isinstance(measure, MeasureScreen)
    replace_text(qtbot, measure.year_edit, "令和8年度")
    replace_text(qtbot, measure.ratio_edit, "1.5")
    assert not measure.save()
    assert "0から1" in measure.form.problem_labels["ratio"].text()
    replace_text(qtbot, measure.ratio_edit, "0.4")
    assert measure.save()
    assert measure.table.rowCount() == 2
    assert str(context.read(measure_parameters_for, fiscal_year=FiscalYear(2026)).ratio) == "2/5"
    screen = claim_of(window)
    screen.select_year(FiscalYear(2026))
    assert "令和8年度以降の措置（措置率 0.4" in screen.basis_label.text()
