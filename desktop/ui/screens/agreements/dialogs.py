"""Small dialogs of the agreements screen: an amendment's procedure, a post."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.agreement import AmendmentDraft
from desktop.domain.problems import Problem, ValidationError
from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm


class AmendmentDialog(QDialog):
    """協約変更の手続: the changed terms come from the screen; this asks when and how it was decided."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("協約の変更を登録"))
        self.effective_edit = WarekiDateEdit(required=True)
        self.summary_edit = QLineEdit()
        self.resolution_edit = WarekiDateEdit()
        self.concluded_edit = WarekiDateEdit()
        self.notice_edit = WarekiDateEdit()
        self.notified_edit = WarekiDateEdit()
        layout = QFormLayout()
        self.form = FieldForm(layout)
        self.form.add("effective_on", _("効力発生日"), self.effective_edit)
        self.form.add("summary", _("変更の内容"), self.summary_edit, _("例: 派遣期間を令和10年3月まで延長"))
        self.form.add("resolution_on", _("議会の議決日"), self.resolution_edit)
        self.form.add("concluded_on", _("変更協約の締結日"), self.concluded_edit)
        self.form.add("notice_on", _("告示日"), self.notice_edit)
        self.form.add("notified_on", _("届出日"), self.notified_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(buttons)

    def _accept(self) -> None:
        problems = [Problem(f, m) for f, e in (
            ("effective_on", self.effective_edit), ("resolution_on", self.resolution_edit),
            ("concluded_on", self.concluded_edit), ("notice_on", self.notice_edit), ("notified_on", self.notified_edit),
        ) if (m := e.problem())]
        if not self.summary_edit.text().strip():
            problems.append(Problem("summary", _("変更の内容を入力してください")))
        self.form.show_problems(problems)
        if not problems:
            self.accept()

    def amendment(self) -> AmendmentDraft:
        effective = self.effective_edit.value()
        assert effective is not None
        return AmendmentDraft(effective_on=effective, summary=self.summary_edit.text().strip(),
                              resolution_on=self.resolution_edit.value(), concluded_on=self.concluded_edit.value(),
                              notice_on=self.notice_edit.value(), notified_on=self.notified_edit.value())


class PostDialog(QDialog):
    """Saving goes through `save`; a refused save keeps the dialog open with the problem shown."""

    def __init__(self, save: Callable[[str, str, str], object], parent: QWidget | None = None, *,
                 department: str = "", job: str = "", note: str = "") -> None:
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(_("派遣先ポスト"))
        self.department_edit = QLineEdit(department)
        self.job_edit = QLineEdit(job)
        self.note_edit = QLineEdit(note)
        layout = QFormLayout()
        self.form = FieldForm(layout)
        self.form.add("department", _("部署"), self.department_edit, _("例: 健康福祉課"))
        self.form.add("job", _("職"), self.job_edit, _("例: 保健師"))
        self.form.add("note", _("備考"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(self.buttons)

    def _accept(self) -> None:
        try:
            self.save(*self.values())
        except ValidationError as error:
            self.form.show_problems(error.problems)
            return
        self.accept()

    def values(self) -> tuple[str, str, str]:
        return self.department_edit.text().strip(), self.job_edit.text().strip(), self.note_edit.text().strip()
