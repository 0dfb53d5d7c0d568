"""One tab of an organisation's records (支援, 調整, 随意契約, 貸付, 報告徴収): the list, and add,
correct and print; the dialog keeps the service's problems next to their fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.store.repos.organisation_records import OrgRecord, list_records
from desktop.store.repos.organisations import OrganisationDetail
from desktop.ui.common.context import AppContext
from desktop.ui.screens.organisations.dialogs import DecisionDialog
from desktop.ui.screens.organisations.record_specs import RecordSpec

RECORD_ROLE = 256
ALERT = QColor("#b00020")


def record_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def highlight_row(table: QTableWidget, record_id: int | None) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(RECORD_ROLE) == record_id:
            table.selectRow(row)
            return


class RecordsTab(QWidget):
    """`print_form(form_id, record_id)` and `done(message)` come from the organisation screen."""

    def __init__(self, spec: RecordSpec, context: AppContext, print_form: Callable[[str, int | None], object],
                 done: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.context, self._print, self._done = spec, context, print_form, done
        self.detail: OrganisationDetail | None = None
        self.records: list[OrgRecord[Any]] = []
        self.table = record_table([_(header) for header, _cell in spec.columns])
        self.add_button = QPushButton(_("追加…"))
        self.edit_button = QPushButton(_("訂正…"))
        self.print_button = QPushButton(_("印刷…"))
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.selected()))
        self.table.itemDoubleClicked.connect(lambda _item: self.open_dialog(self.selected()))
        self.print_button.clicked.connect(self.print_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        if spec.form_id:
            buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_organisation(self, detail: OrganisationDetail | None) -> None:
        self.detail = detail
        self.records = [] if detail is None else self.context.read(list_records, kind=self.spec.kind, org_id=detail.id)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            alert = self.spec.alert is not None and self.spec.alert(record.draft)
            for column, (_header, cell) in enumerate(self.spec.columns):
                item = QTableWidgetItem(cell(record.draft))
                item.setData(RECORD_ROLE, record.id)
                if alert:
                    item.setForeground(QBrush(ALERT))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.records:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> OrgRecord[Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def highlight(self, record_id: int | None) -> None:
        highlight_row(self.table, record_id)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.detail is not None)
        self.edit_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    def open_dialog(self, record: OrgRecord[Any] | None) -> DecisionDialog | None:
        if self.detail is None:
            return None
        org_id = self.detail.id
        title = _("{what}の追加").format(what=_(self.spec.title)) if record is None else \
            _("{what}の訂正").format(what=_(self.spec.title))

        def submit(values: dict[str, Any]) -> None:
            draft = self.spec.to_draft(values)
            self.context.run(self.spec.service, org_id=org_id, record_id=record.id if record else None, draft=draft)
            self._done(_("{what}を保存しました").format(what=_(self.spec.title)))

        dialog = DecisionDialog(title, self.detail.draft.name, self.spec.fields(), submit, self, self.spec.check)
        if record is not None:
            for name, value in self.spec.values(record.draft).items():
                dialog.set_value(name, value)
        dialog.open()
        return dialog

    def print_selected(self) -> object:
        record = self.selected()
        return self._print(self.spec.form_id, record.id if record else None)
