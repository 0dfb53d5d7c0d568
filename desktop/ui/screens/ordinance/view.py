"""条例（地域団体） — layout only: the ordinance's title and number, its items, and one item's editor."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.ordinance import ItemKind
from desktop.i18n import _
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.status_label import StatusLabel


class OrdinanceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("条例（地域団体）"))
        title.setObjectName("screenTitle")
        note = QLabel(_("指定地域共同活動団体について町が定める条例・規則の内容です。"
                        "当初はモデルの内容が入っています。町の条例に合わせて直してください（変更は監査ログに残ります）。"))
        note.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.rule_title_edit = QLineEdit()
        self.rule_number_edit = QLineEdit()
        self.save_title_button = QPushButton(_("題名を保存"))
        heading = QGroupBox(_("条例・規則（帳票に印刷されます）"))
        heading_layout = QFormLayout(heading)
        self.title_form = FieldForm(heading_layout)
        self.title_form.add("title", _("条例の題名"), self.title_edit)
        self.title_form.add("number", _("条例番号"), self.number_edit, _("例: 令和7年B町条例第11号"))
        self.title_form.add("rule_title", _("規則の題名"), self.rule_title_edit)
        self.title_form.add("rule_number", _("規則番号"), self.rule_number_edit)
        heading_layout.addRow("", self.save_title_button)

        self.items_table = QTableWidget(0, 4)
        self.items_table.setHorizontalHeaderLabels([_("区分"), _("項目"), _("確認の方法・内容"), _("使用")])
        self.items_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.items_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.items_table.horizontalHeader().setStretchLastSection(True)
        self.items_table.verticalHeader().setVisible(False)

        self.kind_combo = QComboBox()
        for kind in ItemKind:
            self.kind_combo.addItem(kind.label, kind)
        self.label_edit = QLineEdit()
        self.test_edit = QLineEdit()
        self.active_check = QCheckBox(_("使用中（申請・審査で求める）"))
        self.new_button = QPushButton(_("新しい項目(&N)"))
        self.save_button = QPushButton(_("項目を保存(&S)"))
        editor = QGroupBox(_("項目"))
        editor_layout = QFormLayout(editor)
        self.form = FieldForm(editor_layout)
        self.form.add("kind", _("区分"), self.kind_combo)
        self.form.add("label", _("項目名"), self.label_edit)
        self.form.add("test", _("確認の方法・内容"), self.test_edit)
        editor_layout.addRow("", self.active_check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        editor_layout.addRow(buttons)
        self.status_label = StatusLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(heading)
        layout.addWidget(self.items_table, 1)
        layout.addWidget(editor)
        layout.addWidget(self.status_label)
