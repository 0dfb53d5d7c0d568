"""派遣職員 — layout only: the list with its filters on the left, the assignment form on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.staffing import DispatchForm, EmploymentType
from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.paged_table_model import PagedTableModel
from desktop.ui.common.sequence_text import NameEdit
from desktop.ui.common.status_label import StatusLabel


class AssignmentsView(QWidget):
    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("派遣職員"))
        title.setObjectName("screenTitle")
        self.list_panel = ListPanel(model, _("絞り込み（氏名・ふりがな・分野・ポスト・協約番号）"))
        self.year_combo = QComboBox()
        self.status_combo = QComboBox()
        for label, value in ((_("すべて"), "all"), (_("派遣中"), "current"), (_("終了"), "past"), (_("予定"), "future")):
            self.status_combo.addItem(label, value)
        year_label = QLabel(_("年度(&Y):"))
        year_label.setBuddy(self.year_combo)
        status_label = QLabel(_("状態:"))
        status_label.setBuddy(self.status_combo)
        for widget in (year_label, self.year_combo, status_label, self.status_combo):
            self.list_panel.filter_bar.addWidget(widget)
        self.list_panel.filter_bar.addStretch(1)
        self.new_button = QPushButton(_("新規(&N)"))
        self.import_button = QPushButton(_("名簿の取込(&I)…"))
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.import_button)
        list_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_panel, 1)
        left_layout.addLayout(list_buttons)

        self.name_edit = NameEdit()
        self.reading_edit = QLineEdit()
        self.field_combo = QComboBox()
        self.employment_combo = QComboBox()
        for employment in EmploymentType:
            self.employment_combo.addItem(employment.label, employment)
        self.support_check = QCheckBox(_("主に市町村支援に従事し、協約の分野の業務に従事する職員として採用"))
        self.dispatch_combo = QComboBox()
        for form in DispatchForm:
            self.dispatch_combo.addItem(form.label, form)
        self.post_combo = QComboBox()
        self.start_edit = WarekiDateEdit(required=True)
        self.end_edit = WarekiDateEdit(required=True)
        self.note_edit = QLineEdit()
        self.save_button = QPushButton(_("保存(&S)"))
        self.delete_button = QPushButton(_("削除"))
        self.status_label = StatusLabel()
        self.status_label.setWordWrap(True)
        self.detail_box = QGroupBox(_("派遣の内容"))
        form_layout = QFormLayout(self.detail_box)
        self.form = FieldForm(form_layout)
        self.form.add("name", _("氏名(&A)"), self.name_edit, _("戸籍どおりの字体で（髙・﨑・𠮷 など）"))
        self.form.add("reading", _("ふりがな(&R)"), self.reading_edit)
        self.form.add("field_id", _("分野(&F)"), self.field_combo)
        self.form.add("employment_type", _("任用形態"), self.employment_combo)
        form_layout.addRow("", self.support_check)
        self.form.add("dispatch_form", _("派遣形態(&D)"), self.dispatch_combo,
                      _("自治法派遣（第252条の17）の負担金だけが町の特別交付税措置の対象です"))
        self.form.add("post_id", _("派遣先ポスト(&P)"), self.post_combo)
        self.form.add("start_on", _("派遣開始日"), self.start_edit)
        self.form.add("end_on", _("派遣終了日"), self.end_edit)
        self.form.add("note", _("備考"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_box)
        right_layout.addWidget(self.status_label)
        right_layout.addLayout(buttons)
        right_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
