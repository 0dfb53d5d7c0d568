"""監査ログ — lists every audited change, newest first, with before → after of the selected one."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.i18n import _
from desktop.store.repos.audit import AuditFilter, audit_filter_choices
from desktop.ui.common.context import AppContext
from desktop.ui.common.labels import action_label, entity_label
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
        self.context = context
        self.list_panel.current_changed.connect(self._show_detail)
        self._fill_choices()
        for combo in (self.user_combo, self.entity_combo, self.action_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.apply_filters)
            edit.returnPressed.connect(self.apply_filters)

    def _fill_choices(self) -> None:
        users, entities, actions = self.context.read(audit_filter_choices)
        for combo, codes, label in ((self.user_combo, users, str), (self.entity_combo, entities, entity_label),
                                    (self.action_combo, actions, action_label)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("すべて"), "")
            for code in codes:
                combo.addItem(label(code), code)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        def code(combo: QComboBox) -> str:
            return str(combo.currentData() or "")

        return AuditFilter(self.date_from.value(), self.date_to.value(), code(self.user_combo),
                           code(self.entity_combo), code(self.action_combo))

    def apply_filters(self) -> None:
        wanted = self.current_filter()
        if self.model.query().option("where") != wanted:
            self.list_panel.set_option("where", wanted)

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
        self._fill_choices()
        self.list_panel.reload()
