"""負担金 — layout only: year and filters, the ledger, totals; the selected line's entries and form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.paged_table_model import PagedTableModel
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.common.year_combo import FiscalYearCombo
from desktop.ui.screens.ledger.money_form import MoneyRowForm


class LedgerView(QWidget):
    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("負担金"))
        title.setObjectName("screenTitle")
        self.list_panel = ListPanel(model, _("絞り込み（協約番号・ポスト・氏名・ふりがな）"))
        self.year_combo = FiscalYearCombo()
        self.overdue_check = QCheckBox(_("延滞のある行だけ"))
        year_label = QLabel(_("会計年度(&Y):"))
        year_label.setBuddy(self.year_combo)
        for widget in (year_label, self.year_combo, self.overdue_check):
            self.list_panel.filter_bar.addWidget(widget)
        self.list_panel.filter_bar.addStretch(1)
        self.import_button = QPushButton(_("取込(&I)…"))
        self.export_button = QPushButton(_("Excelに出力(&E)…"))
        self.print_button = QPushButton(_("一覧を印刷(&P)…"))
        for button in (self.import_button, self.export_button, self.print_button):
            self.list_panel.filter_bar.addWidget(button)
        self.totals_label = QLabel()
        self.totals_label.setStyleSheet("font-weight: bold;")
        self.totals_label.setWordWrap(True)
        # What import, export and printing say shows by the list they act on, not under the form.
        self.list_status = StatusLabel()
        self.list_status.setWordWrap(True)

        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight: bold;")
        self.entries = QTableWidget(0, 7)
        self.entries.setHorizontalHeaderLabels([_("日付"), _("区分"), _("番号"), _("金額"), _("期日"), _("状態"), _("摘要")])
        self.entries.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.entries.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.entries.verticalHeader().setVisible(False)
        self.entries.horizontalHeader().setStretchLastSection(True)
        self.delete_button = QPushButton(_("選んだ記録を削除"))
        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(self.detail_title)
        entries_layout.addWidget(self.entries, 1)
        entries_layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.money_form = MoneyRowForm()
        self.new_button = QPushButton(_("新しい記録(&N)"))
        self.save_button = QPushButton(_("記録する(&S)"))
        self.status_label = StatusLabel()
        self.status_label.setWordWrap(True)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_box = form_box
        form_layout.addWidget(self.money_form)
        form_layout.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form_layout.addLayout(buttons)
        form_layout.addStretch(1)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(entries_box)
        lower.addWidget(form_box)
        lower.setSizes([600, 400])
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.list_panel, 1)
        upper_layout.addWidget(self.totals_label)
        upper_layout.addWidget(self.list_status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([380, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
