"""監査ログ — lists every audited change, newest first, with before → after of the selected one."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.common.context import AppContext
from desktop.ui.screens.audit_log.table_model import AuditTableModel
from desktop.ui.screens.audit_log.view import AuditLogView


def _pretty(raw: str) -> str:
    return json.dumps(json.loads(raw), ensure_ascii=False, indent=2)


class AuditLogScreen(AuditLogView):
    # Every change writes an audit entry, so this screen refreshes on any change.
    watches = None

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.model = AuditTableModel(context)
        super().__init__(self.model, parent)
        self.list_panel.current_changed.connect(self._show_detail)

    def _show_detail(self, row: int) -> None:
        entry = self.model.row_at(row)
        if entry is None:
            self.detail.clear()
            return
        self.detail.setPlainText(
            _("変更前:\n{before}\n\n変更後:\n{after}\n\n記録番号: {number}").format(
                before=_pretty(entry.before_json), after=_pretty(entry.after_json), number=entry.id
            )
        )

    def on_change(self, _change: object) -> None:
        self.list_panel.reload()
