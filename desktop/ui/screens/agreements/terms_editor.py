"""The editor for 第一条〜第五条 (the terms an amendment replaces)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.domain.agreement import AgreementTerms
from desktop.i18n import _
from desktop.store.repos.agreements import FieldRow
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm


class TermsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.affairs_edit = QPlainTextEdit()
        self.affairs_edit.setMaximumHeight(70)
        self.problem_edit = QLineEdit()
        self.expertise_edit = QLineEdit()
        self.fields_list = QListWidget()
        self.fields_list.setMaximumHeight(110)
        self.staff_count_spin = QSpinBox()
        self.staff_count_spin.setRange(0, 999)
        self.staff_count_spin.setSuffix(_("名"))
        self.assigned_edit = QLineEdit()
        self.start_edit = WarekiDateEdit(required=True)
        self.end_edit = WarekiDateEdit(required=True)
        self.recruitment_edit = QLineEdit()
        self.personnel_edit = QLineEdit()
        self.contribution_edit = QPlainTextEdit()
        self.contribution_edit.setMaximumHeight(60)
        layout = QFormLayout(self)
        self.form = FieldForm(layout)
        self.form.add("policy_affairs", _("第一条 基本方針"), self.affairs_edit, _("連携する事務を1行に1つ"))
        self.form.add("problem", _("第二条 課題（〇〇）"), self.problem_edit)
        self.form.add("expertise", _("第二条 専門性（××）"), self.expertise_edit)
        self.form.add("field_ids", _("第二条 分野"), self.fields_list)
        self.form.add("staff_count", _("第三条 派遣職員数"), self.staff_count_spin)
        self.form.add("assigned_affairs", _("第三条 従事させる事務"), self.assigned_edit)
        self.form.add("dispatch_start", _("第四条 派遣期間の開始"), self.start_edit)
        self.form.add("dispatch_end", _("第四条 派遣期間の終了"), self.end_edit)
        self.form.add("recruitment_cost_bearer", _("第五条 採用経費の負担者"), self.recruitment_edit)
        self.form.add("personnel_cost_bearer", _("第五条 人件費等の負担者"), self.personnel_edit)
        self.form.add("contribution_note", _("第五条 町の負担金"), self.contribution_edit,
                      _("自治法派遣で町が負担金を支払う場合はその旨"))

    def set_fields(self, fields: list[FieldRow]) -> None:
        checked = set(self.checked_field_ids())
        self.fields_list.clear()
        for field in fields:
            label = field.name + (_("（別措置）") if field.separate_measure else "")
            item = QListWidgetItem(label, self.fields_list)
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if field.id in checked else Qt.CheckState.Unchecked)

    def checked_field_ids(self) -> tuple[int, ...]:
        return tuple(
            self.fields_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.fields_list.count())
            if self.fields_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_terms(self, terms: AgreementTerms) -> None:
        self.affairs_edit.setPlainText("\n".join(terms.policy_affairs))
        self.problem_edit.setText(terms.problem)
        self.expertise_edit.setText(terms.expertise)
        for i in range(self.fields_list.count()):
            item = self.fields_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in terms.field_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.staff_count_spin.setValue(terms.staff_count)
        self.assigned_edit.setText(terms.assigned_affairs)
        self.start_edit.set_value(terms.dispatch_start)
        self.end_edit.set_value(terms.dispatch_end)
        self.recruitment_edit.setText(terms.recruitment_cost_bearer)
        self.personnel_edit.setText(terms.personnel_cost_bearer)
        self.contribution_edit.setPlainText(terms.contribution_note)

    def terms(self) -> AgreementTerms:
        return AgreementTerms(
            policy_affairs=tuple(line.strip() for line in self.affairs_edit.toPlainText().splitlines() if line.strip()),
            problem=self.problem_edit.text().strip(), expertise=self.expertise_edit.text().strip(),
            field_ids=self.checked_field_ids(), staff_count=self.staff_count_spin.value(),
            assigned_affairs=self.assigned_edit.text().strip(), dispatch_start=self.start_edit.value(),
            dispatch_end=self.end_edit.value(), recruitment_cost_bearer=self.recruitment_edit.text().strip(),
            personnel_cost_bearer=self.personnel_edit.text().strip(),
            contribution_note=self.contribution_edit.toPlainText().strip(),
        )

    def date_problems(self) -> dict[str, str]:
        found = {}
        for field, edit in (("dispatch_start", self.start_edit), ("dispatch_end", self.end_edit)):
            message = edit.problem()
            if message:
                found[field] = message
        return found
