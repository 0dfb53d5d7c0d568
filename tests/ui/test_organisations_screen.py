"""The 地域団体 screen as a clerk uses it: a new application through review to designation and the
printed 指定通知書; the decision buttons say why they are disabled; the list filters."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.ordinance import ItemKind
from desktop.domain.organisation import Action, OrgState
from desktop.store.repos.organisations import get_organisation
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.organisations.screen import OrganisationsScreen
from tests.ui.typing import replace_text, type_text


def screen_of(window: MainWindow) -> OrganisationsScreen:
    screen = window.show_screen("organisations")
    assert isinstance(screen, OrganisationsScreen)
    return screen


def tick_everything(screen: OrganisationsScreen, *, except_label: str = "") -> None:
    table = screen.requirements
    for row, kind in enumerate(table.kinds):
        answer = table.cell(row, 2)
        if kind is ItemKind.ARTICLES:
            answer.setText(f"第{row}条")
        elif table.cell(row, 1).text() != except_label:
            answer.setCheckState(Qt.CheckState.Checked)


def test_new_application_through_review_to_designation_and_printed_f6(
        qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    screen = screen_of(window)
    screen.new_button.click()
    designate = screen.decision_buttons[Action.DESIGNATE]
    assert not designate.isEnabled() and "保存" in designate.toolTip()
    type_text(qtbot, screen.name_edit, "𠮷野地区まちづくり協議会")
    type_text(qtbot, screen.rep_name_edit, "髙﨑 一")
    type_text(qtbot, screen.address_edit, "デモ町大字𠮷野1番地")
    type_text(qtbot, screen.area_edit, "𠮷野小学校区")
    screen.member_spin.setValue(12)
    type_text(qtbot, screen.articles_edit, "R2.4.1")
    assert screen.save()
    assert screen.current is not None and screen.current.state is OrgState.REGISTERED
    org_id = screen.current.id

    screen.tabs.setCurrentIndex(1)
    replace_text(qtbot, screen.applied_edit, "R8.10.1")
    tick_everything(screen, except_label="誓約書")
    screen.apply_button.click()
    assert screen.current.state is OrgState.APPLIED
    assert not designate.isEnabled() and "満たしていない要件" in designate.toolTip()
    assert "誓約書: 未提出" in screen.review_label.text()
    assert screen.decision_buttons[Action.REFUSE].isEnabled()

    # The pledge arrives: tick it, save the review, and 指定 becomes possible.
    screen.requirements.cell(screen.requirements.row_of(ItemKind.ATTACHMENT, "誓約書"), 2).setCheckState(
        Qt.CheckState.Checked)
    screen.save_review_button.click()
    assert designate.isEnabled() and "すべての要件を満たしています" in screen.review_label.text()

    dialog = screen.decide(Action.DESIGNATE)
    qtbot.waitExposed(dialog)
    assert not dialog.try_accept()  # no designation number yet
    assert dialog.form.problem_labels["number"].isVisible()
    dialog.set_value("number", "デモ町指定第9号")
    dialog.set_value("decided_on", "R8.11.2")
    dialog.set_value("notice_on", "R8.11.5")
    assert dialog.try_accept()
    detail = context.read(get_organisation, org_id=org_id)
    assert detail is not None and detail.state is OrgState.DESIGNATED and detail.designation_number == "デモ町指定第9号"
    assert "指定しました" in screen.status_label.text()
    assert not designate.isEnabled() and "申請中の団体です（現在: 指定）" in designate.toolTip()
    assert screen.decision_buttons[Action.ORDER_IMPROVEMENT].isEnabled()
    assert screen.events_table.rowCount() == 3

    preview = screen.print_form("F6")
    assert preview is not None
    qtbot.waitUntil(lambda: preview.isVisible(), timeout=30000)
    text = "".join(PdfReader(io.BytesIO(preview.preview.pdf)).pages[0].extract_text().split())
    for expected in ("指定地域共同活動団体指定通知書", "デモ町指定第9号", "𠮷野地区まちづくり協議会", "髙﨑一",
                     "令和8年11月2日", "令和8年11月5日", "令和8年10月1日付けで申請"):
        assert expected in text, expected
    preview.close()


def test_revocation_needs_the_reason_and_buttons_follow_the_state(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    screen.state_combo.setCurrentIndex(screen.state_combo.findData("under_order"))
    assert screen.model.total() == 1
    screen.list_panel.table.selectRow(0)
    assert screen.current is not None and screen.current.state is OrgState.UNDER_ORDER
    dissolve = screen.decision_buttons[Action.DISSOLVE]
    assert not dissolve.isEnabled() and "改善命令中" in dissolve.toolTip()
    dialog = screen.decide(Action.REVOKE)
    qtbot.waitExposed(dialog)
    dialog.set_value("revoked_on", "R8.11.20")
    assert not dialog.try_accept()
    assert dialog.form.problem_labels["reason"].isVisible()
    dialog.set_value("ground", dialog.fields[1].choices[1][1])  # 改善命令に違反した
    dialog.set_value("reason", "期限までに総会を開催しなかった")
    assert not dialog.try_accept()  # the order's deadline (R8.12.25) has not passed yet
    assert "過ぎていない" in dialog.form.problem_labels["ground"].text()
    dialog.set_value("revoked_on", "R8.12.26")
    assert dialog.try_accept()
    assert screen.current.state is OrgState.REVOKED
    assert all(not button.isEnabled() for button in screen.decision_buttons.values())


def test_list_filters_by_state_kind_and_area(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    qtmodeltester.check(screen.model)
    assert screen.model.total() == 6
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData("federation"))
    assert {r.name for r in screen.model.loaded_rows()} == {"中央地区自治会連合会", "西学区自治会連合会"}
    screen.area_combo.setCurrentIndex(screen.area_combo.findData("西小学校区"))
    assert [r.name for r in screen.model.loaded_rows()] == ["西学区自治会連合会"]
    screen.kind_combo.setCurrentIndex(0)
    screen.area_combo.setCurrentIndex(0)
    screen.state_combo.setCurrentIndex(screen.state_combo.findData("refused"))
    assert [r.name for r in screen.model.loaded_rows()] == ["北部地区地域福祉推進会"]
    screen.state_combo.setCurrentIndex(0)
    type_text(qtbot, screen.list_panel.filter_edit, "髙﨑")
    screen.list_panel.apply_filter()
    assert [r.name for r in screen.model.loaded_rows()] == ["東小学校区まちづくり協議会"]


def test_a_bad_entry_is_shown_next_to_its_field(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    screen.new_button.click()
    type_text(qtbot, screen.name_edit, "西町内会")
    assert not screen.save()
    assert screen.form.problem_labels["representative_name"].isVisible()
    assert screen.form.problem_labels["area"].isVisible()
    assert screen.current is None
