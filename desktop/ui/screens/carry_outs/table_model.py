"""持出記録 table: newest first, paged from the repository, filtered by period and text in SQL."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.domain.carry_out import Medium
from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import _
from desktop.store.repos.carry_out import CarryOutRow, count_carry_outs, list_carry_outs
from desktop.ui.common.context import AppContext
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query


def _what(row: CarryOutRow) -> str:
    return f"{row.description}　{row.file_name}" if row.file_name else row.description


class CarryOutTableModel(PagedTableModel[CarryOutRow]):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        columns = [
            Column[CarryOutRow](_("日時"), lambda r: format_wareki_datetime(r.at.astimezone())),
            Column[CarryOutRow](_("利用者"), lambda r: r.user),
            Column[CarryOutRow](_("帳票・ファイル"), _what, tooltip=_what),
            Column[CarryOutRow](_("媒体"), lambda r: Medium(r.medium).label),
            Column[CarryOutRow](_("暗号化"), lambda r: _("有") if r.encrypted else _("無")),
            Column[CarryOutRow](_("人数"), lambda r: str(r.persons), align_right=True),
            Column[CarryOutRow](_("SHA-256"), lambda r: f"{r.sha256[:16]}…" if r.sha256 else "－",
                                tooltip=lambda r: r.sha256 or _("紙（ファイルなし）")),
        ]

        def fetch(query: Query, offset: int, limit: int) -> list[CarryOutRow]:
            return context.read(list_carry_outs, start=query.option("start"), end=query.option("end"),
                                text=query.text, offset=offset, limit=limit)

        def count(query: Query) -> int:
            return context.read(count_carry_outs, start=query.option("start"), end=query.option("end"),
                                text=query.text)

        super().__init__(columns, fetch, count, parent)
