"""監査ログ — layout only: the list on top, the selected entry's before → after below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.paged_table_model import PagedTableModel


class AuditLogView(QWidget):
    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("監査ログ"))
        title.setObjectName("screenTitle")
        self.list_panel = ListPanel(model, _("絞り込み（対象・内容・利用者）"))
        self.date_from, self.date_to = WarekiDateEdit(), WarekiDateEdit()
        self.date_from.setPlaceholderText(_("開始日"))
        self.date_to.setPlaceholderText(_("終了日"))
        self.user_combo, self.entity_combo, self.action_combo = QComboBox(), QComboBox(), QComboBox()
        bar = self.list_panel.filter_bar
        for label, widget in ((_("期間"), self.date_from), ("〜", self.date_to), (_("利用者"), self.user_combo),
                              (_("対象"), self.entity_combo), (_("操作"), self.action_combo)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setPlaceholderText(_("行を選ぶと変更前と変更後が表示されます"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        note = QLabel(_("すべての変更が記録されます。記録は追記のみで、各記録は前の記録とハッシュで連結されています。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
