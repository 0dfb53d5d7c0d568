"""条例（地域団体）: the town corrects the model ordinance; the organisations screen follows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.domain.ordinance import ItemKind
from desktop.store.repos.organisations import get_ordinance
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.ordinance.screen import OrdinanceScreen
from desktop.ui.screens.organisations.screen import OrganisationsScreen
from tests.ui.typing import replace_text, type_text


def test_items_are_added_deactivated_and_the_title_saved(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    organisations = window.show_screen("organisations")
    assert isinstance(organisations, OrganisationsScreen)
    screen = window.show_screen("ordinance")
    assert isinstance(screen, OrdinanceScreen)
    replace_text(qtbot, screen.number_edit, "令和7年デモ町条例第12号")
    assert screen.save_title()
    assert context.read(get_ordinance).citation().endswith("（令和7年デモ町条例第12号）")

    screen.new_button.click()
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData(ItemKind.ACTIVITY))
    type_text(qtbot, screen.label_edit, "地域交通")
    assert screen.save_item()
    assert "地域交通" in [i.label for i in context.read(get_ordinance).active(ItemKind.ACTIVITY)]
    assert organisations.requirements.row_of(ItemKind.ACTIVITY, "地域交通") >= 0

    pledge = next(row for row, item in enumerate(screen.items) if item.label == "誓約書")
    screen.items_table.selectRow(pledge)
    screen.active_check.setChecked(False)
    assert screen.save_item()
    assert "誓約書" not in [i.label for i in context.read(get_ordinance).active(ItemKind.ATTACHMENT)]

    screen.new_button.click()
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData(ItemKind.ACTIVITY))
    type_text(qtbot, screen.label_edit, "生活支援")
    assert not screen.save_item()
    assert "既にあります" in screen.form.problem_labels["label"].text()
