"""持出記録 — layout only: the period, the list, and printing the register (F14)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.paged_table_model import PagedTableModel
from desktop.ui.common.status_label import StatusLabel


class CarryOutsView(QWidget):
    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("持出記録"))
        title.setObjectName("screenTitle")
        note = QLabel(_("個人情報を含む帳票の印刷・PDF保存と、ファイルの書出しの記録です（追記のみ）。"
                        "期間を選んで持出記録簿（F14）を印刷できます。"))
        note.setWordWrap(True)
        self.list_panel = ListPanel(model, _("絞り込み（利用者・帳票・ファイル名）"))
        self.date_from, self.date_to = WarekiDateEdit(), WarekiDateEdit()
        self.date_from.setPlaceholderText(_("開始日"))
        self.date_to.setPlaceholderText(_("終了日"))
        self.print_button = QPushButton(_("持出記録簿を印刷(&P)…"))
        bar = self.list_panel.filter_bar
        for label, widget in ((_("期間"), self.date_from), ("〜", self.date_to)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        self.status_label = StatusLabel()
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.list_panel, 1)
        layout.addWidget(self.status_label)
