"""帳票 — layout only: the form list and its options on the left, the preview on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.keyboard import release_print_key
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.common.year_combo import FiscalYearCombo
from desktop.ui.preview.pdf_preview import PdfPreview


class FormsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("帳票"))
        title.setObjectName("screenTitle")
        self.form_list = QListWidget()
        self.form_list.setMaximumHeight(160)
        self.agreement_combo = QComboBox()
        self.org_combo = QComboBox()
        self.record_combo = QComboBox()
        self.year_combo = FiscalYearCombo()
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(_("空欄にすると手書き用に空けます"))
        self.date_edit = WarekiDateEdit()
        self.addressee_edit = QLineEdit()
        self.period_start_edit, self.period_end_edit = WarekiDateEdit(), WarekiDateEdit()
        self.preview_button = QPushButton(_("プレビュー(&V)"))
        self.message_label = StatusLabel()
        self.message_label.setWordWrap(True)
        options = QGroupBox(_("印刷する内容"))
        options_layout = QFormLayout(options)
        self.form = FieldForm(options_layout)
        self.form.add("agreement_number", _("協約(&K)"), self.agreement_combo)
        self.form.add("org_id", _("団体(&O)"), self.org_combo)
        self.form.add("record_id", _("記録(&R)"), self.record_combo)
        self.form.add("fiscal_year", _("年度(&Y)"), self.year_combo)
        self.form.add("document_number", _("文書番号(&N)"), self.number_edit)
        self.form.add("issued_on", _("日付(&D)"), self.date_edit)
        self.form.add("addressee", _("宛名(&T)"), self.addressee_edit, _("「様」は自動で付きます"))
        self.form.add("period_start", _("期間の開始日"), self.period_start_edit)
        self.form.add("period_end", _("期間の終了日"), self.period_end_edit)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(_("帳票の種類")))
        left_layout.addWidget(self.form_list)
        left_layout.addWidget(options)
        left_layout.addWidget(self.preview_button)
        left_layout.addWidget(self.message_label)
        left_layout.addStretch(1)
        self.preview = PdfPreview()
        release_print_key(self.preview.print_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
