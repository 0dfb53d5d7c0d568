"""The 期限 panel shows its first lines at once and adds the later overdue invoices from a worker
thread; the finished panel is the whole list, soonest first."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.wareki import format_wareki
from desktop.store.repos.due import list_due
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.deadlines.screen import DeadlinesScreen


def test_the_first_lines_come_first_and_the_rest_follows(qtbot: QtBot, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    on = date(2030, 1, 1)  # every demo invoice is due before it
    whole = window.context.read(list_due, on=on)
    monkeypatch.setattr(DeadlinesScreen, "first_invoices", 2)
    panel = window.show_screen("deadlines")
    assert isinstance(panel, DeadlinesScreen)
    qtbot.waitUntil(lambda: panel.rest_job is None or panel.rest_job.done, timeout=20000)
    panel.on_edit.set_value(on)
    panel.refresh()
    assert 0 < panel.table.rowCount() < len(whole)
    assert "集計しています" in panel.status_label.text()
    # Every line due up to the first part's date is there, in its final place; later lines of
    # other kinds are shown too, and the later overdue invoices will come between them.
    through = panel.complete_through
    assert through is not None
    exact = [item.title for item in whole if item.due_on <= through]
    assert [panel.table.item(row, 3).text() for row in range(len(exact))] == exact
    assert {panel.table.item(row, 3).text() for row in range(panel.table.rowCount())} < {item.title for item in whole}
    qtbot.waitUntil(lambda: panel.rest_job is not None and panel.rest_job.done, timeout=20000)
    assert panel.table.rowCount() == len(whole)
    assert [(panel.table.item(row, 0).text(), panel.table.item(row, 3).text()) for row in range(len(whole))] == \
        [(format_wareki(item.due_on), item.title) for item in whole]
    assert "うち期限超過" in panel.status_label.text()
