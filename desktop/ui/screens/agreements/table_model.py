"""連携協約 list, paged from the repository."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store.repos.agreements import AgreementRow, count_agreements, list_agreements
from desktop.ui.common.context import AppContext
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query


def agreement_state(row: AgreementRow, today: date) -> str:
    if row.abolished_on is not None and row.abolished_on <= today:
        return _("廃止")
    if row.concluded_on is None:
        return _("締結前")
    if row.dispatch_end is not None and row.dispatch_end < today:
        return _("派遣期間終了")
    return _("有効")


def _wareki(day: date | None) -> str:
    return format_wareki(day) if day else ""


class AgreementTableModel(PagedTableModel[AgreementRow]):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        today = date.today()
        columns = [
            Column[AgreementRow](_("協約番号"), lambda r: r.number, "number"),
            Column[AgreementRow](_("相手方団体"), lambda r: r.partner, "partner"),
            Column[AgreementRow](_("締結日"), lambda r: _wareki(r.concluded_on), "concluded_on"),
            Column[AgreementRow](_("派遣期間"), lambda r: f"{_wareki(r.dispatch_start)}〜{_wareki(r.dispatch_end)}",
                                 "dispatch_start"),
            Column[AgreementRow](_("分野"), lambda r: r.field_names, "fields"),
            Column[AgreementRow](_("ポスト"), lambda r: str(r.post_count), "posts", align_right=True),
            Column[AgreementRow](_("変更"), lambda r: _("{n}回").format(n=r.version_count) if r.version_count else "",
                                 "versions"),
            Column[AgreementRow](_("状態"), lambda r: agreement_state(r, today), "abolished_on"),
        ]

        def fetch(query: Query, offset: int, limit: int) -> list[AgreementRow]:
            return context.read(list_agreements, text=query.text, sort_key=query.sort_key,
                                descending=query.descending, offset=offset, limit=limit)

        def count(query: Query) -> int:
            return context.read(count_agreements, text=query.text)

        super().__init__(columns, fetch, count, parent)
