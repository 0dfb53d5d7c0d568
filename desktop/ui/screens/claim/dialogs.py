"""Dialogs of the claim's life: submission date; decided amount and date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.problems import Problem
from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.yen_edit import YenEdit


class _Dialog(QDialog):
    def __init__(self, title: str, note: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QFormLayout()
        self.form = FieldForm(self.layout_)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        label = QLabel(note)
        label.setWordWrap(True)
        outer.addWidget(label)
        outer.addLayout(self.layout_)
        outer.addWidget(buttons)

    def problems(self) -> list[Problem]:
        return []

    def _accept(self) -> None:
        problems = self.problems()
        self.form.show_problems(problems)
        if not problems:
            self.accept()


class SubmitDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("提出済にする"), _("提出した日を入力してください。今の対象・対象外の内容がそのまま保存され、以後は変わりません。"), parent)
        self.date_edit = WarekiDateEdit(required=True)
        self.date_edit.set_value(date.today())
        self.form.add("submitted_on", _("提出日"), self.date_edit)

    def problems(self) -> list[Problem]:
        message = self.date_edit.problem()
        return [Problem("submitted_on", message)] if message else []


class DecisionDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("決定額を記録"), _("特別交付税の決定（12月・3月）で示された額と日付を入力してください。"), parent)
        self.amount_edit = YenEdit()
        self.date_edit = WarekiDateEdit(required=True)
        self.date_edit.set_value(date.today())
        self.form.add("decided_yen", _("決定額"), self.amount_edit)
        self.form.add("decided_on", _("決定日"), self.date_edit)

    def problems(self) -> list[Problem]:
        problems = []
        if (message := self.amount_edit.problem()) is not None:
            problems.append(Problem("decided_yen", message))
        if (message := self.date_edit.problem()) is not None:
            problems.append(Problem("decided_on", message))
        return problems
