"""分野マスタ — the fields of expertise the agreements and assignments use; 別措置 marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.expertise import FieldDraft
from desktop.domain.problems import ValidationError
from desktop.i18n import _
from desktop.store.repos.agreements import FieldRow
from desktop.store.services.agreements import save_field
from desktop.ui.common.context import AppContext
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.screens.fields.table_model import FieldTableModel


class FieldsScreen(QWidget):
    watches = frozenset({"field", "assignment"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = FieldTableModel(context)
        self.current: FieldRow | None = None
        title = QLabel(_("分野マスタ"))
        title.setObjectName("screenTitle")
        note = QLabel(_("協約と派遣で選ぶ分野（専門性）です。技術職員・デジタル人材は別の地方交付税措置の対象のため"
                        "「別措置」とし、この措置の算定から除きます。"))
        note.setWordWrap(True)
        self.list_panel = ListPanel(self.model, _("絞り込み"))
        self.name_edit = QLineEdit()
        self.separate_check = QCheckBox(_("別措置（技術職員・デジタル人材など。この措置の対象外）"))
        self.active_check = QCheckBox(_("使用中（選択肢に表示する）"))
        self.new_button = QPushButton(_("新規(&N)"))
        self.save_button = QPushButton(_("保存(&S)"))
        self.status_label = StatusLabel()
        box = QGroupBox(_("分野"))
        form_layout = QFormLayout(box)
        self.form = FieldForm(form_layout)
        self.form.add("name", _("分野名"), self.name_edit)
        form_layout.addRow("", self.separate_check)
        form_layout.addRow("", self.active_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        body = QHBoxLayout()
        body.addWidget(self.list_panel, 3)
        right = QVBoxLayout()
        right.addWidget(box)
        right.addLayout(buttons)
        right.addStretch(1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(body, 1)
        self.list_panel.current_changed.connect(self._select)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.start_new()
        install_form_keys(box, self.save, self.start_new)

    def start_new(self) -> None:
        self.current = None
        self.name_edit.clear()
        self.separate_check.setChecked(False)
        self.active_check.setChecked(True)
        self.form.clear()
        self.status_label.clear()

    def _select(self, row: int) -> None:
        field = self.model.row_at(row)
        if field is None:
            return
        self.current = field
        self.name_edit.setText(field.name)
        self.separate_check.setChecked(field.separate_measure)
        self.active_check.setChecked(field.active)
        self.form.clear()
        self.status_label.clear()

    def save(self) -> bool:
        draft = FieldDraft(self.name_edit.text().strip(), self.separate_check.isChecked(), self.active_check.isChecked())
        try:
            self.context.run(save_field, field_id=self.current.id if self.current else None, draft=draft)
        except ValidationError as error:
            self.form.show_problems(error.problems)
            self.status_label.error(_("入力に誤りがあります"))
            return False
        self.status_label.ok(_("保存しました"))
        return True

    def on_change(self, _change: object) -> None:
        self.list_panel.reload()
        self.list_panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
