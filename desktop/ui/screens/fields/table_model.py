"""分野マスタ table; the list is short, so a page is a slice of one query."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.i18n import _
from desktop.store.repos.agreements import FieldRow, list_fields
from desktop.ui.common.context import AppContext
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query


class FieldTableModel(PagedTableModel[FieldRow]):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        columns = [
            Column[FieldRow](_("分野"), lambda r: r.name),
            Column[FieldRow](_("措置"), lambda r: _("別措置（この措置の対象外）") if r.separate_measure else _("対象")),
            Column[FieldRow](_("使用"), lambda r: _("使用中") if r.active else _("使用しない")),
            Column[FieldRow](_("派遣の記録"), lambda r: _("{n}件").format(n=r.assignment_count), align_right=True),
        ]

        def matching(query: Query) -> list[FieldRow]:
            rows = context.read(list_fields)
            return [r for r in rows if query.text in r.name] if query.text else rows

        super().__init__(columns, lambda q, offset, limit: matching(q)[offset:offset + limit],
                         lambda q: len(matching(q)), parent)
