"""派遣職員 — the assignment list and its form: add, edit, delete, import a roster."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import (
    ConfirmationNeededError,
    Problem,
    ValidationError,
    merge_problems,
)
from desktop.domain.staffing import (
    AssignmentDraft,
    EmploymentType,
    validate_assignment,
    validate_staff,
)
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.store.repos.agreements import list_fields, list_posts
from desktop.store.repos.staffing import AssignmentDetail, assignment_fiscal_years, get_assignment
from desktop.store.services.staffing import check_assignment, delete_assignment, save_assignment
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportDialog
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.common.view_log import ViewLog
from desktop.ui.preview.preview_dialog import PreviewDialog, preview_form
from desktop.ui.screens.assignments.roster_import import ROSTER_IMPORT
from desktop.ui.screens.assignments.table_model import AssignmentTableModel
from desktop.ui.screens.assignments.view import AssignmentsView


class AssignmentsScreen(AssignmentsView):
    watches = frozenset({"assignment", "post", "field", "agreement"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.view_log = ViewLog(context)  # 閲覧記録: each person shown is audited once
        self.model = AssignmentTableModel(context)
        super().__init__(self.model, parent)
        self.current: AssignmentDetail | None = None
        self._fill_choices()
        self._fill_years()
        self.list_panel.current_changed.connect(self._select_row)
        self.list_panel.activated.connect(lambda _row: self.name_edit.setFocus())
        self.year_combo.currentIndexChanged.connect(
            lambda _i: self.list_panel.set_option("fiscal_year", self.year_combo.currentData()))
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.list_panel.set_option("status", self.status_combo.currentData()))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.open_import)
        self.employment_combo.currentIndexChanged.connect(lambda _i: self._sync_support_check())
        for edit in (self.name_edit, self.reading_edit):
            edit.textEdited.connect(lambda _t: self._live_check())
        for date_edit in (self.start_edit, self.end_edit):
            date_edit.editingFinished.connect(self._live_check)
        self.start_new()
        install_form_keys(self.detail_box, self.save,
                          lambda: self.show_assignment(self.current.id) if self.current else self.start_new())

    def print_current(self) -> bool:
        """Ctrl+P: F2 派遣職員受入名簿 of the year chosen above the list (the working year when
        every year is shown), in the preview."""
        self.print_f2()
        return True

    def print_f2(self) -> PreviewDialog:
        chosen = self.year_combo.currentData()
        year = FiscalYear(chosen) if chosen is not None else self.context.working_year
        request = FormRequest("F2", fiscal_year=year)
        name = _("派遣職員受入名簿_{year}.pdf").format(year=year.label())
        dialog, self.print_job = preview_form(self.context, self, request, name, self.status_label.error)
        return dialog

    # -- choices
    def _fill_choices(self) -> None:
        self.field_combo.clear()
        for field in self.context.read(list_fields, include_inactive=False):
            label = field.name + (_("（別措置）") if field.separate_measure else "")
            self.field_combo.addItem(label, field.id)
        self.post_combo.clear()
        for post in self.context.read(list_posts):
            self.post_combo.addItem(f"{post.agreement_number}　{post.label}", post.id)

    def _fill_years(self) -> None:
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(_("すべての年度"), None)
        for year in self.context.read(assignment_fiscal_years):
            self.year_combo.addItem(year.label(), year.year)
        index = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def _sync_support_check(self) -> None:
        permanent = self.employment_combo.currentData() is EmploymentType.PERMANENT
        self.support_check.setEnabled(permanent)
        if not permanent:
            self.support_check.setChecked(False)

    # -- form
    def start_new(self) -> None:
        self.current = None
        self.view_log.cleared()
        self.detail_box.setTitle(_("新しい派遣"))
        for edit in (self.name_edit, self.reading_edit, self.note_edit):
            edit.clear()
        self.start_edit.set_value(None)
        self.end_edit.set_value(None)
        self.support_check.setChecked(False)
        self.delete_button.setEnabled(False)
        self.form.clear()
        self.status_label.clear()
        self._sync_support_check()

    def _select_row(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.show_assignment(item.id)

    def show_assignment(self, assignment_id: int) -> None:
        detail = self.context.read(get_assignment, assignment_id=assignment_id)
        if detail is None:
            return
        self.current = detail
        d = detail.draft
        self.view_log.shown("staff_member", detail.staff_id, d.name)
        self.detail_box.setTitle(_("派遣の内容: {name}").format(name=d.name))
        self.name_edit.setText(d.name)
        self.reading_edit.setText(d.reading)
        self._choose(self.field_combo, d.field_id)
        self._choose(self.employment_combo, d.employment_type)
        self._choose(self.dispatch_combo, d.dispatch_form)
        self._choose(self.post_combo, d.post_id)
        self.start_edit.set_value(d.start_on)
        self.end_edit.set_value(d.end_on)
        self.support_check.setChecked(d.hired_for_support)
        self.note_edit.setText(d.note)
        self.delete_button.setEnabled(True)
        self.form.clear()
        self.status_label.clear()
        self._sync_support_check()

    @staticmethod
    def _choose(combo, value) -> None:  # type: ignore[no-untyped-def]
        index = combo.findData(value)
        combo.setCurrentIndex(index)

    def draft(self) -> AssignmentDraft:
        return AssignmentDraft(
            name=self.name_edit.text().strip(), reading=self.reading_edit.text().strip(),
            post_id=self.post_combo.currentData(), field_id=self.field_combo.currentData(),
            employment_type=self.employment_combo.currentData(), dispatch_form=self.dispatch_combo.currentData(),
            start_on=self.start_edit.value(), end_on=self.end_edit.value(),
            hired_for_support=self.support_check.isChecked(), note=self.note_edit.text().strip(),
        )

    def _date_problems(self) -> list[Problem]:
        problems = []
        for field, edit in (("start_on", self.start_edit), ("end_on", self.end_edit)):
            message = edit.problem()
            if message:
                problems.append(Problem(field, message))
        return problems

    def _live_check(self) -> None:
        """As the clerk types: the pure rules at once, the office-file rules once both dates are in."""
        draft = self.draft()
        problems = self._date_problems() or validate_staff(draft.name, draft.reading)
        if not problems and draft.start_on and draft.end_on:
            try:
                self.context.read(check_assignment, assignment_id=self.current.id if self.current else None,
                                  staff_id=self.current.staff_id if self.current else None, draft=draft)
            except (ValidationError, ConfirmationNeededError) as found:
                problems = found.problems
        touched = {f for f, w in (("name", self.name_edit), ("reading", self.reading_edit)) if w.text()}
        touched |= {f for f, w in (("start_on", self.start_edit), ("end_on", self.end_edit)) if w.text()}
        touched |= {"field_id", "post_id"}
        self.form.show_problems(problems, only=touched | {p.field for p in problems if p.field.endswith("_on")})

    def save(self, *, confirmed: bool = False) -> bool:
        draft = self.draft()
        # Every field at once: what could not be read, then the rules that need no office file.
        problems = merge_problems(self._date_problems(),
                                  [p for p in validate_assignment(draft, None, ()) if p.is_error])
        if problems:
            return self._refused(problems)
        assignment_id = self.current.id if self.current else None
        try:
            change = self.context.run(save_assignment, assignment_id=assignment_id, draft=self.draft(),
                                      staff_id=self.current.staff_id if self.current else None, confirmed=confirmed)
        except ValidationError as error:
            return self._refused(error.problems)
        except ConfirmationNeededError as needed:
            self.form.show_problems(needed.problems)
            answer = QMessageBox.question(
                self, _("確認"), "\n".join(p.message for p in needed.problems) + "\n\n" + _("このまま保存しますか？"))
            if answer == QMessageBox.StandardButton.Yes:
                return self.save(confirmed=True)
            return False
        self.show_assignment(change.ids[0])
        self.status_label.ok(_("保存しました"))
        return True

    def _refused(self, problems: list[Problem]) -> bool:
        unplaced = self.form.show_problems(problems)
        lines = [_("入力に誤りがあります。赤字の項目を直してください。")] + [p.message for p in unplaced]
        self.status_label.error("\n".join(lines))
        return False

    def delete(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(self, _("削除の確認"), _("{name}さんのこの派遣の記録を削除しますか？").format(
            name=self.current.draft.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.run(delete_assignment, assignment_id=self.current.id)
        except ValidationError as error:
            self._refused(error.problems)
            return
        self.start_new()

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.context, ROSTER_IMPORT, self)
        dialog.imported.connect(self.status_label.ok)
        dialog.open()
        return dialog

    def on_change(self, change: object) -> None:
        self._fill_choices()
        self._fill_years()
        self.list_panel.reload()
        if self.current is not None:
            if self.context.read(get_assignment, assignment_id=self.current.id) is None:
                self.start_new()
            else:
                self.show_assignment(self.current.id)
