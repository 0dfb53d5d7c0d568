"""特別交付税算定資料 — layout only: year and status, claimed lines beside excluded posts, actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.common.year_combo import FiscalYearCombo


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    # Wrapped explanations need their rows re-measured whenever a column changes width.
    table.horizontalHeader().sectionResized.connect(lambda *_args: table.resizeRowsToContents())
    return table


class ClaimView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("特別交付税算定資料（派遣初年度の負担金）"))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        self.year_combo = FiscalYearCombo()
        year_label = QLabel(_("年度(&Y):"))
        year_label.setBuddy(self.year_combo)
        self.status_label = StatusLabel()
        self.status_label.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addSpacing(16)
        top.addWidget(self.status_label, 1)
        self.basis_label = QLabel()
        self.basis_label.setWordWrap(True)
        self.basis_label.setStyleSheet("color: #444;")

        self.lines_table = _table([_("派遣先ポスト／協約番号"), _("派遣職員"), _("派遣初年度"), _("負担金"), _("算定額")])
        self.exclusions_table = _table([_("派遣先ポスト／協約番号"), _("派遣職員"), _("理由"), _("説明")])
        lines_box = QGroupBox(_("対象（措置を受ける負担金）"))
        QVBoxLayout(lines_box).addWidget(self.lines_table)
        exclusions_box = QGroupBox(_("対象外の派遣先ポストと理由"))
        QVBoxLayout(exclusions_box).addWidget(self.exclusions_table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(lines_box)
        splitter.addWidget(exclusions_box)
        splitter.setSizes([470, 560])

        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.total_label.setWordWrap(True)  # a long English total wraps instead of widening the window
        self.message_label = StatusLabel()
        self.message_label.setWordWrap(True)
        self.submit_button = QPushButton(_("提出済にする(&T)…"))
        self.decide_button = QPushButton(_("決定額を記録(&D)…"))
        self.reopen_button = QPushButton(_("作成中に戻す(&R)…"))
        self.print_button = QPushButton(_("算定資料を印刷(&P)…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.reopen_button, self.decide_button, self.submit_button, self.print_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.basis_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.total_label)
        layout.addLayout(buttons)
