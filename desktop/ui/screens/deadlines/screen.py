"""期限 — what is due or overdue across the office, soonest first; a line opens its record on the
screen that shows it; the grant calendar (settings) is edited from here."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from desktop.domain.due import DueItem, GrantCalendar, describe_days, select_due
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store.repos.due import FIRST_INVOICES, list_due_first, list_overdue_invoices_after
from desktop.store.repos.grant_calendar import get_grant_calendar
from desktop.store.services.grant_calendar import update_grant_calendar
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.screens.deadlines.view import DeadlinesView
from desktop.ui.screens.organisations.dialogs import DecisionDialog, Field

OVERDUE = QColor("#b00020")
FIRST_ROWS = 200  # filled at once; the rest follow in slices of this size once these are shown


class DeadlinesScreen(DeadlinesView):
    watches = None  # every change may move a deadline
    first_invoices = FIRST_INVOICES  # the first part reads the groups of this many earliest invoices

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[DueItem] = []
        self._filled = 0
        self._generation = 0
        self.complete_through: date | None = None  # lines up to this day are final while the rest comes
        self.rest_job: BackgroundJob | None = None
        self.stale = False
        self.on_edit.set_value(date.today())
        self.refresh_button.clicked.connect(self.refresh)
        self.within_spin.valueChanged.connect(lambda _v: self.refresh())
        self.on_edit.editingFinished.connect(self.refresh)
        self.table.itemDoubleClicked.connect(lambda item: self.open_row(item.row()))
        self.open_button.clicked.connect(self.open_selected)
        self.calendar_button.clicked.connect(self.edit_calendar)
        # Column widths from the first rows only: measuring 1,400 overdue lines took 70 ms.
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.refresh()

    def refresh(self) -> None:
        day = self.on_edit.value()
        if day is None:
            self.status_label.error(self.on_edit.problem() or _("基準日を入力してください"))
            return
        within = self.within_spin.value()
        # Every line due up to a date at once, in its final place, and the later lines of other
        # kinds; the overdue invoices after that date (≈150 ms of SQL on 30 years of money rows)
        # follow from a worker thread and are sorted in among them.
        first = self.context.read(list_due_first, on=day, within=within, first_invoices=self.first_invoices)
        self.complete_through = first.complete_through
        self._generation += 1
        self._show(first.items, day, complete=first.complete_through is None)
        if self.items:
            self.table.selectRow(0)
        if first.complete_through is None:
            return
        generation, after = self._generation, first.complete_through

        def done(rest: list[DueItem]) -> None:
            if generation == self._generation:  # not refreshed meanwhile
                self.complete_through = None
                self._show(select_due(self.items + rest, on=day, within=within), day, complete=True)

        self.rest_job = run_in_background(
            self, _("期限を集計しています…"),
            lambda _progress: self.context.read(list_overdue_invoices_after, on=day, after=after),
            done, lambda error: self.status_label.error(str(error)), show_dialog=False)

    def _show(self, items: list[DueItem], day: date, *, complete: bool) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        self._filled = 0
        self._fill(day)
        self.table.resizeColumnsToContents()
        overdue = sum(1 for i in items if i.overdue)
        if complete:
            self.status_label.ok(_("{count}件（うち期限超過 {overdue}件）").format(count=len(items), overdue=overdue))
        else:
            self.status_label.ok(_("{count}件を表示しています（残りの期限超過を集計しています…）").format(count=len(items)))

    def _fill(self, day: date) -> None:
        """The next slice of rows: 1,400 overdue invoices took 60 ms to fill at once."""
        items, start = self.items, self._filled
        brush = QBrush(OVERDUE)
        for row in range(start, min(start + FIRST_ROWS, len(items))):
            item = items[row]
            for column, text in enumerate((format_wareki(item.due_on), describe_days(item, day), item.kind.label,
                                           item.title)):
                cell = QTableWidgetItem(text)
                if item.overdue:
                    cell.setForeground(brush)
                self.table.setItem(row, column, cell)
        self._filled = min(start + FIRST_ROWS, len(items))
        if self._filled < len(items):
            QTimer.singleShot(0, lambda: self._fill_more(items, day))

    def _fill_more(self, items: list[DueItem], day: date) -> None:
        if items is self.items:  # not refreshed meanwhile
            self._fill(day)

    def open_selected(self) -> QWidget | None:
        rows = self.table.selectionModel().selectedRows()
        return self.open_row(rows[0].row()) if rows else None

    def open_row(self, row: int) -> QWidget | None:
        """Switches the window to the screen that shows the line's record and shows it there."""
        if not 0 <= row < len(self.items):
            return None
        target = self.items[row].target
        host: Any = self.window()
        if not hasattr(host, "show_screen"):
            return None
        screen: Any = host.show_screen(target.screen)
        if target.screen == "organisations" and target.record_id is not None:
            screen.open_record(target.record_id, target.tab, target.item_id)
        elif target.screen == "agreements" and target.record_id is not None:
            screen.show_agreement(target.record_id)
        elif target.screen == "assignments" and target.record_id is not None:
            screen.show_assignment(target.record_id)
        elif target.screen == "ledger" and target.tab:
            self._open_ledger_line(screen, FiscalYear(int(target.tab)), target.item_id)
        elif target.screen == "forms":
            screen.select_form("F7")
        return screen

    @staticmethod
    def _open_ledger_line(screen: Any, year: FiscalYear, staff_id: int | None) -> None:
        """The year's overdue lines, with the person's line selected."""
        screen.select_year(year)
        screen.overdue_check.setChecked(True)
        for row, line in enumerate(screen.model.loaded_rows()):
            if line.staff_id == staff_id:
                screen.list_panel.table.selectRow(row)
                return

    def edit_calendar(self) -> DecisionDialog:
        calendar = self.context.read(get_grant_calendar)
        fields = [Field("calc_deadline", _("算定資料の提出期限（都道府県から）"), "date", required=False),
                  Field("december_decision", _("特別交付税 12月交付決定日"), "date", required=False),
                  Field("march_decision", _("特別交付税 3月交付決定日"), "date", required=False),
                  Field("publication_on", _("活動及び支援の状況の公表予定日（F7）"), "date", required=False)]

        def submit(values: dict[str, Any]) -> None:
            self.context.run(update_grant_calendar, calendar=GrantCalendar(**values))
            self.refresh()

        dialog = DecisionDialog(_("特別交付税等の日程"), _("毎年度、都道府県・国から示される日付を入力します。出納整理期間の終了"
                                                  "（5月31日）は自動で表示されます。"), fields, submit, self)
        for name, value in vars(calendar).items():
            dialog.set_value(name, value)
        dialog.open()
        return dialog

    def on_change(self, _change: object) -> None:
        """Any change may move a deadline; a hidden panel catches up when it is shown again."""
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.stale = False
            self.refresh()
        super().showEvent(event)
