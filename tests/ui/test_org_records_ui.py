"""The record tabs and the 期限 panel as a clerk uses them: a report request added and received on
its tab, a lease of a room already leased refused in its dialog, each tab's form previewed, the
panel listing the overdue report and opening it on the organisation's tab, and the grant calendar
edited from the panel."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop.store.repos.grant_calendar import get_grant_calendar
from desktop.store.repos.organisation_records import LEASE, REPORT, list_records
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.preview.preview_dialog import PreviewDialog
from desktop.ui.screens.agreements.screen import AgreementsScreen
from desktop.ui.screens.assignments.screen import AssignmentsScreen
from desktop.ui.screens.deadlines.screen import DeadlinesScreen
from desktop.ui.screens.forms.screen import FormsScreen
from desktop.ui.screens.ledger.screen import LedgerScreen
from desktop.ui.screens.organisations.orders_tab import OrdersTab
from desktop.ui.screens.organisations.records_tab import RecordsTab
from desktop.ui.screens.organisations.screen import OrganisationsScreen

EAST, CENTRE = 1, 2


def organisations(window: MainWindow) -> OrganisationsScreen:
    screen = window.show_screen("organisations")
    assert isinstance(screen, OrganisationsScreen)
    return screen


def tab(screen: OrganisationsScreen, key: str) -> RecordsTab:
    widget = screen.record_tabs[key]
    assert isinstance(widget, RecordsTab)
    return widget


def test_a_report_request_is_added_then_received_on_its_tab(qtbot: QtBot, window: MainWindow,
                                                             context: AppContext) -> None:
    screen = organisations(window)
    screen.open_record(EAST, "reports")
    reports = tab(screen, "reports")
    assert screen.tabs.currentWidget() is reports and reports.table.rowCount() == 1
    dialog = reports.open_dialog(None)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.set_value("requested_on", "R8.11.25")
    dialog.set_value("items", "令和8年度上半期の活動状況")
    dialog.set_value("due_on", "R8.11.20")
    assert not dialog.try_accept()
    assert dialog.form.problem_labels["due_on"].isVisible()
    dialog.set_value("due_on", "R8.12.25")
    assert dialog.try_accept()
    assert reports.table.rowCount() == 2 and "保存しました" in screen.status_label.text()
    reports.table.selectRow(0)
    edit = reports.edit_button
    assert edit.isEnabled()
    dialog = reports.open_dialog(reports.selected())
    assert dialog is not None
    dialog.set_value("received_on", "R8.12.1")
    assert dialog.try_accept()
    stored = context.read(list_records, kind=REPORT, org_id=EAST)
    assert {r.draft.items: r.draft.received_on for r in stored}["令和8年度上半期の活動状況"] == date(2026, 12, 1)


def test_a_lease_of_a_room_already_leased_is_refused_in_the_dialog(qtbot: QtBot, window: MainWindow,
                                                                   context: AppContext) -> None:
    screen = organisations(window)
    screen.open_record(CENTRE, "leases")
    leases = tab(screen, "leases")
    dialog = leases.open_dialog(None)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    for name, value in (("property_name", "東地区公民館"), ("room", "2階 会議室1"), ("area_m2", "30"),
                        ("purpose", "連合会の会議"), ("start_on", "R8.4.1"), ("end_on", "R9.3.31"),
                        ("rent_yen", "12,000"), ("no_hindrance", "空いている時間帯のみ")):
        dialog.set_value(name, value)
    assert not dialog.try_accept()
    label = dialog.form.problem_labels["start_on"]
    assert label.isVisible() and "東小学校区まちづくり協議会" in label.text()
    assert context.read(list_records, kind=LEASE, org_id=CENTRE) == []
    dialog.set_value("room", "1階 和室")
    assert dialog.try_accept()
    assert len(context.read(list_records, kind=LEASE, org_id=CENTRE)) == 1


def test_the_deadline_panel_lists_the_overdue_report_and_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.show_screen("deadlines")
    assert isinstance(panel, DeadlinesScreen)
    panel.on_edit.setText("R8.12.1")
    panel.within_spin.setValue(30)
    panel.refresh()
    titles = [panel.table.item(row, 3).text() for row in range(panel.table.rowCount())]
    row = next(i for i, t in enumerate(titles) if "中央地区自治会連合会" in t and "報告" in t)
    assert panel.table.item(row, 1).text() == "62日超過"
    assert panel.table.item(row, 0).foreground().color() == QColor("#b00020")
    panel.table.selectRow(row)
    opened = panel.open_selected()
    assert isinstance(opened, OrganisationsScreen)
    assert window.stack.currentWidget() is opened
    assert opened.current is not None and opened.current.id == CENTRE
    reports = tab(opened, "reports")
    assert opened.tabs.currentWidget() is reports and reports.selected() is not None
    assert reports.table.item(0, 4).text() == "期限超過"
    assert reports.table.item(0, 4).foreground().color() == QColor("#b00020")
    panel = window.show_screen("deadlines")
    assert isinstance(panel, DeadlinesScreen)
    invoice = next(i for i in range(panel.table.rowCount()) if "渡邊 健一" in panel.table.item(i, 3).text())
    ledger = panel.open_row(invoice)
    assert isinstance(ledger, LedgerScreen) and ledger.line is not None and ledger.line.name == "渡邊 健一"
    assert ledger.fiscal_year().year == 2025


def test_the_grant_calendar_is_edited_from_the_panel(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    panel = window.show_screen("deadlines")
    assert isinstance(panel, DeadlinesScreen)
    dialog = panel.edit_calendar()
    qtbot.waitExposed(dialog)
    dialog.set_value("december_decision", "R8.11.30")
    assert not dialog.try_accept()
    assert dialog.form.problem_labels["december_decision"].isVisible()
    dialog.set_value("december_decision", "R8.12.9")
    assert dialog.try_accept()
    assert context.read(get_grant_calendar).december_decision == date(2026, 12, 9)
    panel.on_edit.setText("R8.12.1")
    panel.refresh()
    assert any(panel.table.item(r, 0).text() == "令和8年12月9日" for r in range(panel.table.rowCount()))


def test_each_record_tab_previews_its_form(qtbot: QtBot, window: MainWindow) -> None:
    screen = organisations(window)
    for org_id, key, expected in ((EAST, "contracts", "随意契約理由書"), (EAST, "leases", "行政財産貸付契約書"),
                                  (EAST, "coordination", "調整結果通知書"), (CENTRE, "reports", "報告徴収書")):
        screen.open_record(org_id, key)
        records = tab(screen, key)
        assert records.print_button.isEnabled()
        preview = records.print_selected()
        assert isinstance(preview, PreviewDialog)
        qtbot.waitUntil(lambda p=preview: p.isVisible(), timeout=30000)  # type: ignore[misc]
        assert expected in "".join(PdfReader(io.BytesIO(preview.preview.pdf)).pages[0].extract_text().split())
        preview.close()
    screen.open_record(CENTRE, "orders")
    orders = screen.record_tabs["orders"]
    assert isinstance(orders, OrdersTab) and not orders.print_f10_button.isEnabled()
    before = set(screen.findChildren(PreviewDialog))
    orders.print_f9_button.click()
    (preview,) = set(screen.findChildren(PreviewDialog)) - before
    qtbot.waitUntil(lambda: preview.isVisible(), timeout=30000)
    assert "改善命令書" in "".join(PdfReader(io.BytesIO(preview.preview.pdf)).pages[0].extract_text().split())


def test_agreement_and_assignment_ends_open_their_screens(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.show_screen("deadlines")
    assert isinstance(panel, DeadlinesScreen)
    panel.on_edit.setText("R9.3.1")
    panel.refresh()
    kinds = {panel.table.item(r, 2).text(): r for r in range(panel.table.rowCount())}
    assignment = panel.open_row(kinds["派遣期間の終了"])
    assert isinstance(assignment, AssignmentsScreen) and assignment.name_edit.text() == "鈴木 一郎"
    agreement = panel.open_row(kinds["協約の派遣期間の終了"])
    assert isinstance(agreement, AgreementsScreen) and "A県デモ町第1号" in agreement.heading.text()


def test_a_hidden_panel_catches_up_with_changes_when_shown(qtbot: QtBot, window: MainWindow,
                                                           context: AppContext) -> None:
    panel = window.show_screen("deadlines")
    assert isinstance(panel, DeadlinesScreen)
    before = panel.table.rowCount()
    screen = organisations(window)
    screen.open_record(EAST, "reports")
    dialog = tab(screen, "reports").open_dialog(None)
    assert dialog is not None
    for name, value in (("requested_on", date.today().isoformat()), ("items", "臨時の報告"),
                        ("due_on", date.fromordinal(date.today().toordinal() + 3).isoformat())):
        dialog.set_value(name, value)
    assert dialog.try_accept()
    assert panel.stale and panel.table.rowCount() == before
    window.show_screen("deadlines")
    assert not panel.stale and panel.table.rowCount() == before + 1


def test_the_forms_screen_offers_the_organisations_records(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.show_screen("forms")
    assert isinstance(screen, FormsScreen)
    screen.select_form("F8")
    record = screen.form.widgets["record_id"]
    assert record.isVisibleTo(screen)
    screen.select_organisation(EAST)
    assert [screen.record_combo.itemText(i) for i in range(screen.record_combo.count())] == [
        "令和8年4月15日　令和7年度の事業報告書"]
    job = screen.render_preview()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    printed = "".join(PdfReader(io.BytesIO(screen.preview.pdf)).pages[0].extract_text().split())
    assert "報告徴収書" in printed and "令和8年6月30日" in printed
    screen.select_form("F2")
    assert not record.isVisibleTo(screen)
