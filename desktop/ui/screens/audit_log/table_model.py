"""監査ログ table: newest first, paged from the repository."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import _
from desktop.store.repos.audit import AuditRow, count_audit_entries, list_audit_entries
from desktop.ui.common.context import AppContext
from desktop.ui.common.labels import action_label, entity_label
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query


def local_time(iso: str) -> str:
    return format_wareki_datetime(datetime.fromisoformat(iso).astimezone())


class AuditTableModel(PagedTableModel[AuditRow]):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        columns = [
            Column[AuditRow](_("日時"), lambda r: local_time(r.at)),
            Column[AuditRow](_("利用者"), lambda r: r.os_user),
            Column[AuditRow](_("対象"), lambda r: entity_label(r.entity)),
            Column[AuditRow](_("操作"), lambda r: action_label(r.action)),
            Column[AuditRow](_("内容"), lambda r: r.summary),
        ]

        def fetch(query: Query, offset: int, limit: int) -> list[AuditRow]:
            return context.read(list_audit_entries, offset=offset, limit=limit, text=query.text,
                                where=query.option("where"))

        def count(query: Query) -> int:
            return context.read(count_audit_entries, text=query.text, where=query.option("where"))

        super().__init__(columns, fetch, count, parent)
