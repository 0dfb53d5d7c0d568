"""負担金 ledger table: one row per post and person in the chosen year; overdue rows in red."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from desktop.domain.contribution import LedgerTotals
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.yen import format_amount
from desktop.i18n import _
from desktop.store.repos.ledger import LedgerRow, LedgerSummary, ledger_summary, list_ledger
from desktop.ui.common.context import AppContext
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query

OVERDUE_BACKGROUND = QColor("#fde0e0")


def _yen(value: int) -> str:
    return format_amount(value)


class LedgerTableModel(PagedTableModel[LedgerRow]):
    def __init__(self, context: AppContext, fiscal_year: FiscalYear, parent: QObject | None = None) -> None:
        self.today = date.today()
        self.summary = LedgerSummary(0, LedgerTotals(), 0)
        columns = [
            Column[LedgerRow](_("協約番号"), lambda r: r.agreement_number, "agreement"),
            Column[LedgerRow](_("派遣先ポスト"), lambda r: r.post_label, "post"),
            Column[LedgerRow](_("氏名"), lambda r: r.name or _("（ポスト全体）"), "reading"),
            Column[LedgerRow](_("予算額"), lambda r: _yen(r.totals.planned), "planned", align_right=True),
            Column[LedgerRow](_("請求額"), lambda r: _yen(r.totals.invoiced), "invoiced", align_right=True),
            Column[LedgerRow](_("支払額"), lambda r: _yen(r.totals.paid), "paid", align_right=True),
            Column[LedgerRow](_("戻入額"), lambda r: _yen(r.totals.refunded), "refunded", align_right=True),
            Column[LedgerRow](_("未払残"), lambda r: _yen(r.totals.unpaid), "unpaid", align_right=True),
            Column[LedgerRow](_("予算残"), lambda r: _yen(r.totals.budget_left), align_right=True),
            Column[LedgerRow](_("延滞"), lambda r: _("{n}件 {amount}円").format(n=r.overdue_count, amount=_yen(r.overdue_amount))
                              if r.overdue_count else "", "overdue", align_right=True),
        ]

        def options(query: Query) -> dict[str, Any]:
            return {"fiscal_year": FiscalYear(query.option("fiscal_year", FiscalYear.of(self.today).year)),
                    "text": query.text, "overdue_only": bool(query.option("overdue_only", False)),
                    "today": self.today}

        def fetch(query: Query, offset: int, limit: int) -> list[LedgerRow]:
            return context.read(list_ledger, sort_key=query.sort_key, descending=query.descending, offset=offset,
                                limit=limit, **options(query))

        def count(query: Query) -> int:
            # One query gives the count and the sums the screen shows under the list.
            self.summary = context.read(ledger_summary, **options(query))
            return self.summary.count

        self.options = options
        super().__init__(columns, fetch, count, parent, Query(extra=(("fiscal_year", fiscal_year.year),)))

    def extra_data(self, row: LedgerRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue_count:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue_count:
            return _("期日を過ぎて支払の済んでいない請求があります")
        return None
