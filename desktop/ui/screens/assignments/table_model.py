"""派遣職員 list: one row per assignment, paged from the repository, sorted and filtered in SQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store.repos.staffing import AssignmentRow, count_assignments, list_assignments
from desktop.ui.common.context import AppContext
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query


def status_label(row: AssignmentRow, today: date) -> str:
    if row.end_on < today:
        return _("終了")
    if row.start_on > today:
        return _("予定")
    return _("派遣中")


class AssignmentTableModel(PagedTableModel[AssignmentRow]):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        self.today = date.today()
        columns = [
            Column[AssignmentRow](_("氏名"), lambda r: r.name, "name"),
            Column[AssignmentRow](_("ふりがな"), lambda r: r.reading, "reading"),
            Column[AssignmentRow](_("分野"), lambda r: r.field_name + (_("（別措置）") if r.separate_measure else ""), "field"),
            Column[AssignmentRow](_("任用形態"), lambda r: r.employment_type.label, "employment_type"),
            Column[AssignmentRow](_("派遣形態"), lambda r: r.dispatch_form.label, "dispatch_form"),
            Column[AssignmentRow](_("協約番号"), lambda r: r.agreement_number, "agreement"),
            Column[AssignmentRow](_("派遣先ポスト"), lambda r: r.post_label, "post"),
            Column[AssignmentRow](_("派遣開始日"), lambda r: format_wareki(r.start_on), "start_on"),
            Column[AssignmentRow](_("派遣終了日"), lambda r: format_wareki(r.end_on), "end_on"),
            Column[AssignmentRow](_("状態"), lambda r: status_label(r, self.today), "end_on"),
        ]

        def options(query: Query) -> dict[str, Any]:
            year = query.option("fiscal_year")
            return {"text": query.text, "fiscal_year": FiscalYear(year) if year else None,
                    "status": query.option("status", "all"), "today": self.today}

        def fetch(query: Query, offset: int, limit: int) -> list[AssignmentRow]:
            return context.read(list_assignments, sort_key=query.sort_key, descending=query.descending,
                                offset=offset, limit=limit, **options(query))

        def count(query: Query) -> int:
            return context.read(count_assignments, **options(query))

        super().__init__(columns, fetch, count, parent)

    def extra_data(self, row: AssignmentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.end_on < self.today:
            return QColor("#777777")
        return None
