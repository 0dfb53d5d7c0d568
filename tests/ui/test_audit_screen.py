"""The audit screen filters by date, user, entity and action, in SQL and paged."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.repos.audit import AuditFilter, count_audit_entries, list_audit_entries
from desktop.store.services.contributions import delete_money_row
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.audit_log.screen import AuditLogScreen
from tests.ui.typing import replace_text


def audit_screen(window: MainWindow) -> AuditLogScreen:
    screen = window.show_screen("audit_log")
    assert isinstance(screen, AuditLogScreen)
    return screen


def choose(combo, code: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_filters_by_entity_action_user_and_date(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    context.run(delete_money_row, row_id=3)
    screen = audit_screen(window)
    everything = screen.model.total()
    choose(screen.entity_combo, "money_row")
    money = screen.model.total()
    assert 0 < money < everything
    assert {r.entity for r in screen.model.loaded_rows()} == {"money_row"}
    choose(screen.action_combo, "delete")
    assert screen.model.total() == 1 and screen.model.row_at(0).entity_id == "3"  # type: ignore[union-attr]
    assert screen.list_panel.count_label.text() == "1件"
    choose(screen.action_combo, "")
    (user,) = [screen.user_combo.itemData(i) for i in range(1, screen.user_combo.count())]
    choose(screen.user_combo, user)
    assert screen.model.total() == money
    tomorrow = date.today() + timedelta(days=1)
    replace_text(qtbot, screen.date_from, tomorrow.isoformat())
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Return)
    assert screen.model.total() == 0
    screen.date_from.clear()
    replace_text(qtbot, screen.date_to, date.today().isoformat())
    qtbot.keyClick(screen.date_to, Qt.Key.Key_Return)
    assert screen.model.total() == money
    choose(screen.entity_combo, "")
    assert screen.model.total() == everything


def test_repository_filters_in_sql_and_pages(context: AppContext) -> None:
    where = AuditFilter(entity="money_row", action="create")
    total = context.read(count_audit_entries, where=where)
    first = context.read(list_audit_entries, offset=0, limit=10, where=where)
    rest = context.read(list_audit_entries, offset=10, limit=1000, where=where)
    assert total == 32 and len(first) == 10 and len(first) + len(rest) == total
    assert [r.id for r in first] == sorted((r.id for r in first), reverse=True)
    assert first[-1].id > rest[0].id
    yesterday = date.today() - timedelta(days=1)
    assert context.read(count_audit_entries, where=AuditFilter(date_to=yesterday)) == 0
    assert context.read(count_audit_entries, where=AuditFilter(date_from=date.today(), date_to=date.today())) > 0


def test_typing_a_two_character_name_filters_the_trail(qtbot: QtBot, window: MainWindow) -> None:
    from tests.ui.typing import type_text

    screen = audit_screen(window)
    everything = screen.model.total()
    type_text(qtbot, screen.list_panel.filter_edit, "髙﨑")
    qtbot.waitUntil(lambda: screen.model.query().text == "髙﨑")
    found = screen.model.loaded_rows()
    assert 0 < screen.model.total() < everything
    assert all("髙﨑" in r.summary + r.after_json for r in found)
    assert screen.list_panel.count_label.text() == f"{screen.model.total():,}件"
