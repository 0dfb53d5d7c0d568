"""期限 — layout only: the date and horizon, the list of what is due, the calendar button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.status_label import StatusLabel


class DeadlinesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("期限"))
        title.setObjectName("screenTitle")
        explanation = QLabel(_("期限を過ぎたもの（赤）と、基準日から指定した日数先までに期限が来るものを、近い順に表示します。"
                               "行をダブルクリックすると、その記録を開きます。"))
        explanation.setWordWrap(True)
        self.on_edit = WarekiDateEdit(required=True)
        self.within_spin = QSpinBox()
        self.within_spin.setRange(0, 3650)
        self.within_spin.setValue(30)
        self.within_spin.setSuffix(_("日先まで"))
        self.refresh_button = QPushButton(_("表示(&R)"))
        self.calendar_button = QPushButton(_("特別交付税等の日程(&C)…"))
        self.open_button = QPushButton(_("記録を開く(&O)"))
        controls = QHBoxLayout()
        on_label = QLabel(_("基準日(&D):"))
        on_label.setBuddy(self.on_edit)
        for widget in (on_label, self.on_edit, self.within_spin, self.refresh_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.calendar_button)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("期限"), _("残り"), _("区分"), _("内容")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.status_label = StatusLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
