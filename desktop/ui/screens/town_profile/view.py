"""自団体設定 — layout only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.town import TownCategory
from desktop.i18n import _
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.local_gov_completer import attach_local_gov_completer
from desktop.ui.common.sequence_text import NameEdit
from desktop.ui.common.status_label import StatusLabel


class TownProfileView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.prefecture_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(8)
        self.category_combo = QComboBox()
        for category in TownCategory:
            self.category_combo.addItem(category.label, category)
        self.mayor_title_edit = QLineEdit()
        self.mayor_name_edit = NameEdit()
        self.prefix_edit = QLineEdit()
        self.eligibility_label = QLabel()
        self.eligibility_label.setWordWrap(True)
        self.save_button = QPushButton(_("保存(&S)"))
        self.revert_button = QPushButton(_("元に戻す"))
        self.status_label = StatusLabel()

        form_box = QGroupBox(_("自団体の情報"))
        form_layout = QFormLayout(form_box)
        self.form = FieldForm(form_layout)
        self.form.add("name", _("団体名(&N)"), self.name_edit, _("例: B町"))
        self.form.add("prefecture", _("都道府県(&P)"), self.prefecture_edit, _("例: A県"))
        self.form.add("local_gov_code", _("全国地方公共団体コード(&C)"), self.code_edit,
                      _("6桁（最後の1桁は検査数字）"))
        self.form.add("category", _("団体区分(&K)"), self.category_combo)
        self.form.add("mayor_title", _("首長の職名"), self.mayor_title_edit, _("例: B町長"))
        self.form.add("mayor_name", _("首長の氏名(&M)"), self.mayor_name_edit)
        self.form.add("document_prefix", _("文書番号の頭書き"), self.prefix_edit, _("例: B町総（→ B町総第123号）"))
        self.completers = attach_local_gov_completer(self.code_edit, self.name_edit, self.prefecture_edit)

        eligibility_box = QGroupBox(_("特別交付税措置（連携協約に基づく派遣職員の受入れ）"))
        eligibility_layout = QVBoxLayout(eligibility_box)
        eligibility_layout.addWidget(self.eligibility_label)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        title = QLabel(_("自団体設定"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        layout.addWidget(form_box)
        layout.addWidget(eligibility_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
