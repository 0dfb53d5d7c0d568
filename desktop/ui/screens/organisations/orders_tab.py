"""改善命令・取消 tab: the improvement orders (第11項) with deadline and outcome, and the revocation
(第12項) with its ground; they are given with the decision buttons under the tabs (the state
machine's transitions), and printed here as F9 and F10."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store.repos.organisation_records import (
    OrderRecord,
    RevocationRecord,
    list_orders,
    list_revocations,
)
from desktop.store.repos.organisations import OrganisationDetail
from desktop.ui.common.context import AppContext
from desktop.ui.screens.organisations.records_tab import RECORD_ROLE, highlight_row, record_table


def _w(day: date | None) -> str:
    return format_wareki(day) if day else ""


def _outcome(order: OrderRecord, today: date) -> str:
    if order.outcome == "improved":
        return _("改善を確認（{date}）").format(date=_w(order.outcome_on))
    if order.outcome == "revoked":
        return _("取消（{date}）").format(date=_w(order.outcome_on))
    return _("期限超過") if order.order.deadline < today else _("命令中")


def _fill(table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for row, (record_id, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(RECORD_ROLE, record_id)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()


class OrdersTab(QWidget):
    def __init__(self, context: AppContext, print_form: Callable[[str, int | None], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self._print = context, print_form
        self.orders: list[OrderRecord] = []
        self.revocations: list[RevocationRecord] = []
        self.orders_table = record_table([_("命令日"), _("期限"), _("結果"), _("命令の理由"), _("講ずべき措置")])
        self.revocations_table = record_table([_("取消日"), _("取消の事由"), _("理由となる事実")])
        self.print_f9_button = QPushButton(_("改善命令書を印刷…"))
        self.print_f10_button = QPushButton(_("指定取消通知書を印刷…"))
        self.print_f9_button.clicked.connect(lambda: self._print("F9", self._chosen(self.orders_table)))
        self.print_f10_button.clicked.connect(lambda: self._print("F10", self._chosen(self.revocations_table)))
        hint = QLabel(_("改善命令・改善の確認・取消は、下の「改善命令…」「改善を確認…」「指定を取り消す…」で行います。"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(QLabel(_("改善命令（第11項）")))
        layout.addWidget(self.orders_table, 2)
        layout.addWidget(QLabel(_("指定の取消し（第12項）")))
        layout.addWidget(self.revocations_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_f9_button)
        buttons.addWidget(self.print_f10_button)
        layout.addLayout(buttons)

    @staticmethod
    def _chosen(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        item = table.item(rows[0].row(), 0) if rows else None
        return item.data(RECORD_ROLE) if item is not None else None

    def chosen_order(self) -> int | None:
        return self._chosen(self.orders_table)

    def chosen_revocation(self) -> int | None:
        return self._chosen(self.revocations_table)

    def set_organisation(self, detail: OrganisationDetail | None) -> None:
        today = date.today()
        self.orders = [] if detail is None else self.context.read(list_orders, org_id=detail.id)
        self.revocations = [] if detail is None else self.context.read(list_revocations, org_id=detail.id)
        _fill(self.orders_table, [(o.id, [_w(o.order.ordered_on), _w(o.order.deadline), _outcome(o, today),
                                          o.order.failings, o.order.measures]) for o in self.orders])
        _fill(self.revocations_table, [(r.id, [_w(r.revocation.revoked_on), r.revocation.ground.label,
                                               r.revocation.reason]) for r in self.revocations])
        if self.orders:
            self.orders_table.selectRow(0)
        if self.revocations:
            self.revocations_table.selectRow(0)
        self.print_f9_button.setEnabled(bool(self.orders))
        self.print_f10_button.setEnabled(bool(self.revocations))
        self.print_f9_button.setToolTip("" if self.orders else _("改善命令の記録がありません"))
        self.print_f10_button.setToolTip("" if self.revocations else _("取消の記録がありません"))

    def highlight(self, record_id: int | None) -> None:
        highlight_row(self.orders_table, record_id)
