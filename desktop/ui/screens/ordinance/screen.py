"""条例（地域団体） — the town corrects the model ordinance to its own: title and number, activities,
requirements, articles items and attachments; items are made inactive rather than deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem, QWidget

from desktop.domain.ordinance import ItemKind, OrdinanceItem, OrdinanceItemDraft, OrdinanceTitle
from desktop.domain.problems import ValidationError
from desktop.i18n import _
from desktop.store.repos.organisations import get_ordinance
from desktop.store.services.ordinance import save_ordinance_item, update_ordinance_title
from desktop.ui.common.context import AppContext
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.screens.ordinance.view import OrdinanceView


class OrdinanceScreen(OrdinanceView):
    watches = frozenset({"ordinance"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[OrdinanceItem] = []
        self.current: OrdinanceItem | None = None
        self.save_title_button.clicked.connect(self.save_title)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save_item)
        self.items_table.currentCellChanged.connect(lambda row, _c, _r, _pc: self._select(row))
        self.reload()
        self.start_new()
        install_form_keys(self.form.layout.parentWidget(), self.save_item, self.start_new)

    def reload(self) -> None:
        ordinance = self.context.read(get_ordinance)
        heading = ordinance.heading
        self.title_edit.setText(heading.title)
        self.number_edit.setText(heading.number)
        self.rule_title_edit.setText(heading.rule_title)
        self.rule_number_edit.setText(heading.rule_number)
        order = {kind: index for index, kind in enumerate(ItemKind)}
        self.items = sorted(ordinance.items, key=lambda i: (order[i.kind], i.sort_order, i.id))
        self.items_table.blockSignals(True)
        self.items_table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = (item.kind.label, item.label, item.test, _("使用中") if item.active else _("使用しない"))
            for column, value in enumerate(values):
                self.items_table.setItem(row, column, QTableWidgetItem(value))
        self.items_table.blockSignals(False)
        self.items_table.resizeColumnsToContents()

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.current = item
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(item.kind))
        self.kind_combo.setEnabled(False)
        self.label_edit.setText(item.label)
        self.test_edit.setText(item.test)
        self.active_check.setChecked(item.active)
        self.form.clear()

    def start_new(self) -> None:
        self.current = None
        self.kind_combo.setEnabled(True)
        self.label_edit.clear()
        self.test_edit.clear()
        self.active_check.setChecked(True)
        self.form.clear()

    def save_title(self) -> bool:
        heading = OrdinanceTitle(self.title_edit.text(), self.number_edit.text(), self.rule_title_edit.text(),
                                 self.rule_number_edit.text())
        try:
            self.context.run(update_ordinance_title, heading=heading)
        except ValidationError as error:
            self.title_form.show_problems(error.problems)
            return False
        self.title_form.clear()
        self.status_label.ok(_("条例の題名を保存しました"))
        return True

    def save_item(self) -> bool:
        draft = OrdinanceItemDraft(self.kind_combo.currentData(), self.label_edit.text(), self.test_edit.text().strip(),
                                   self.active_check.isChecked())
        try:
            self.context.run(save_ordinance_item, item_id=self.current.id if self.current else None, draft=draft)
        except ValidationError as error:
            self.form.show_problems(error.problems)
            return False
        self.status_label.ok(_("項目を保存しました"))
        return True

    def on_change(self, _change: object) -> None:
        self.reload()
