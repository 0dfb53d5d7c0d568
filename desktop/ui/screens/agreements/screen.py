"""連携協約 — register, correct, amend (with history), abolish; posts under each agreement."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QTableWidgetItem, QWidget

from desktop.domain.agreement import (
    MODEL_POLICY_AFFAIRS,
    AgreementDraft,
    AgreementTerms,
    validate_agreement,
)
from desktop.domain.agreement_text import articles_as_text, preamble, render_articles
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.store.repos.agreements import (
    AgreementDetail,
    PostRow,
    field_names_by_id,
    get_agreement,
    list_fields,
    list_posts,
    terms_as_of,
)
from desktop.store.repos.town import get_town_profile
from desktop.store.services.agreements import (
    abolish_agreement,
    amend_agreement,
    create_agreement,
    create_post,
    delete_agreement,
    delete_post,
    update_agreement,
    update_post,
)
from desktop.ui.common.context import AppContext
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.import_dialog import ImportDialog
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.preview.preview_dialog import PreviewDialog, preview_form
from desktop.ui.screens.agreements.agreement_import import AGREEMENT_IMPORT
from desktop.ui.screens.agreements.dialogs import AmendmentDialog, PostDialog
from desktop.ui.screens.agreements.table_model import AgreementTableModel
from desktop.ui.screens.agreements.view import AgreementsView

_BASIC_DATES = ("resolution_on", "concluded_on", "notice_on", "notified_on", "dispute_requested_on")


def _wareki(day: date | None) -> str:
    return format_wareki(day) if day else ""


class AgreementsScreen(AgreementsView):
    watches = frozenset({"agreement", "post", "field", "town", "assignment"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.model = AgreementTableModel(context)
        super().__init__(self.model, parent)
        self.current: AgreementDetail | None = None
        self.posts: list[PostRow] = []
        self.terms_editor.set_fields(context.read(list_fields))
        self.list_panel.current_changed.connect(self._select_row)
        self.new_button.clicked.connect(self.start_new)
        self.import_button.clicked.connect(self.open_import)
        self.save_button.clicked.connect(self.save)
        self.amend_button.clicked.connect(self.amend)
        self.delete_button.clicked.connect(self.delete)
        self.abolish_button.clicked.connect(self.abolish)
        self.unabolish_button.clicked.connect(self.unabolish)
        self.add_post_button.clicked.connect(self.add_post)
        self.edit_post_button.clicked.connect(self.edit_post)
        self.delete_post_button.clicked.connect(self.remove_post)
        self.posts_table.doubleClicked.connect(lambda _i: self.edit_post())
        self.as_of_button.clicked.connect(self.show_as_of)
        self.print_button.clicked.connect(self.print_agreement)
        if self.model.total():
            self.list_panel.table.selectRow(0)
        else:
            self.start_new()
        for editor in (self.form.layout.parentWidget(), self.terms_editor):
            install_form_keys(editor, self.save,
                              lambda: self.show_agreement(self.current.id) if self.current else self.start_new())

    def _dates(self) -> dict[str, WarekiDateEdit]:
        return {
            "resolution_on": self.resolution_edit, "concluded_on": self.concluded_edit,
            "notice_on": self.notice_edit, "notified_on": self.notified_edit,
            "dispute_requested_on": self.dispute_edit,
        }

    # -- showing
    def start_new(self) -> None:
        self.current = None
        town = self.context.read(get_town_profile).name or _("当町")
        self.list_panel.table.selectionModel().clear()  # no row looks chosen while a new one is typed
        self._fill(AgreementDraft(terms=AgreementTerms(
            policy_affairs=tuple(a.format(town=town) for a in MODEL_POLICY_AFFAIRS))), None, "")
        self.heading.setText(_("新しい連携協約"))
        for widget in (self.amend_button, self.delete_button, self.abolish_button, self.unabolish_button,
                       self.add_post_button, self.edit_post_button, self.delete_post_button, self.print_button):
            widget.setEnabled(False)
        self.versions_table.setRowCount(0)
        self.posts_table.setRowCount(0)
        self.as_of_text.clear()
        self.number_edit.setFocus()

    def _select_row(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.show_agreement(item.id)

    def show_agreement(self, agreement_id: int) -> None:
        detail = self.context.read(get_agreement, agreement_id=agreement_id)
        if detail is None:
            self.start_new()
            return
        self.current = detail
        self._fill(detail.draft, detail.abolished_on, detail.abolition_note)
        state = _("（{date}廃止）").format(date=_wareki(detail.abolished_on)) if detail.abolished_on else ""
        self.heading.setText(_("協約 {number}　{partner}").format(number=detail.draft.number,
                                                                  partner=detail.draft.partner) + state)
        for widget in (self.amend_button, self.delete_button, self.add_post_button, self.edit_post_button,
                       self.delete_post_button, self.print_button):
            widget.setEnabled(True)
        self.abolish_button.setEnabled(True)
        self.unabolish_button.setEnabled(detail.abolished_on is not None)
        self._fill_versions(detail)
        self._fill_posts()
        self.as_of_edit.set_value(date.today())
        self.show_as_of()

    def _fill(self, draft: AgreementDraft, abolished_on: date | None, abolition_note: str) -> None:
        self.number_edit.setText(draft.number)
        self.partner_edit.setText(draft.partner)
        self.title_edit.setText(draft.title)
        for name, edit in self._dates().items():
            edit.set_value(getattr(draft, name))
        self.dispute_note_edit.setText(draft.dispute_note)
        self.terms_editor.set_terms(draft.terms)
        self.abolished_edit.set_value(abolished_on)
        self.abolition_note_edit.setText(abolition_note)
        self.form.clear()
        self.terms_editor.form.clear()
        self.abolition_form.clear()
        self.status_label.clear()

    def _fill_versions(self, detail: AgreementDetail) -> None:
        self.versions_table.setRowCount(len(detail.versions))
        for row, version in enumerate(detail.versions):
            kind = _("締結") if version.kind == "original" else _("第{n}次変更").format(n=version.seq)
            values = [kind, _wareki(version.effective_on), version.summary, _wareki(version.resolution_on),
                      _wareki(version.concluded_on), _wareki(version.notice_on), _wareki(version.notified_on)]
            for column, value in enumerate(values):
                self.versions_table.setItem(row, column, QTableWidgetItem(value))
        self.versions_table.resizeColumnsToContents()

    def _fill_posts(self) -> None:
        assert self.current is not None
        self.posts = self.context.read(list_posts, agreement_id=self.current.id)
        self.posts_table.setRowCount(len(self.posts))
        for row, post in enumerate(self.posts):
            for column, value in enumerate((post.department, post.job, post.note,
                                            _("{n}件").format(n=post.assignment_count))):
                self.posts_table.setItem(row, column, QTableWidgetItem(value))
        self.posts_table.resizeColumnsToContents()

    def show_as_of(self) -> None:
        if self.current is None:
            return
        day = self.as_of_edit.value()
        if day is None:
            self.as_of_text.setPlainText(self.as_of_edit.problem() or _("基準日を入力してください"))
            return
        version = self.context.read(terms_as_of, agreement_id=self.current.id, day=day)
        if version is None:
            self.as_of_text.setPlainText(_("{date}の時点では、この協約はまだ締結されていません。").format(date=format_wareki(day)))
            return
        names = self.context.read(field_names_by_id)
        town = self.context.read(get_town_profile).name or _("当町")
        partner = self.current.draft.partner
        label = _("締結時の内容") if version.kind == "original" else _("第{n}次変更（{date}施行）後の内容").format(
            n=version.seq, date=_wareki(version.effective_on))
        text = [_("{date}時点の協約 — {label}").format(date=format_wareki(day), label=label), "",
                preamble(partner, town), "",
                articles_as_text(render_articles(version.terms, partner=partner, town=town,
                                                 field_names=[names.get(i, "") for i in version.terms.field_ids]))]
        if self.current.abolished_on is not None and self.current.abolished_on <= day:
            text.insert(1, _("※ この協約は{date}に廃止されています。").format(date=format_wareki(self.current.abolished_on)))
        self.as_of_text.setPlainText("\n".join(text))

    # -- saving
    def draft(self) -> AgreementDraft:
        values = {name: edit.value() for name, edit in self._dates().items()}
        return AgreementDraft(
            number=self.number_edit.text().strip(), partner=self.partner_edit.text().strip(),
            title=self.title_edit.text().strip(), dispute_note=self.dispute_note_edit.text().strip(),
            terms=self.terms_editor.terms(), **values,
        )

    def _input_problems(self) -> list[Problem]:
        problems = [Problem(name, message) for name, edit in self._dates().items()
                    if (message := edit.problem())]
        problems += [Problem(name, message) for name, message in self.terms_editor.date_problems().items()]
        return problems

    def _refused(self, problems: list[Problem]) -> bool:
        unplaced = self.form.show_problems(problems)
        unplaced = self.terms_editor.form.show_problems(unplaced)
        if any(p.field in self.terms_editor.form.problem_labels for p in problems) and not any(
                p.field in self.form.problem_labels for p in problems):
            self.tabs.setCurrentIndex(1)
        elif any(p.field in self.form.problem_labels for p in problems):
            self.tabs.setCurrentIndex(0)
        lines = [_("入力に誤りがあります。赤字の項目を直してください。")] + [p.message for p in unplaced]
        self.status_label.error("\n".join(lines))
        return False

    def _saved(self, agreement_id: int, message: str) -> None:
        self.show_agreement(agreement_id)
        self.status_label.ok(message)

    def save(self) -> bool:
        # Unreadable dates first (they say what was typed), then every rule of the agreement.
        problems = self._input_problems() + validate_agreement(self.draft())
        if problems:
            return self._refused(problems)
        try:
            if self.current is None:
                change = self.context.run(create_agreement, draft=self.draft())
            else:
                change = self.context.run(update_agreement, agreement_id=self.current.id, draft=self.draft())
        except ValidationError as error:
            return self._refused(error.problems)
        self._saved(change.ids[0], _("保存しました"))
        return True

    def amend(self) -> None:
        if self.current is None:
            return
        problems = self._input_problems()
        if problems:
            self._refused(problems)
            return
        dialog = AmendmentDialog(self)
        if dialog.exec() != AmendmentDialog.DialogCode.Accepted:
            return
        self.amend_with(dialog.amendment())

    def amend_with(self, amendment: object) -> bool:
        assert self.current is not None
        try:
            self.context.run(amend_agreement, agreement_id=self.current.id, amendment=amendment,
                             terms=self.terms_editor.terms())
        except ValidationError as error:
            return self._refused(error.problems)
        self._saved(self.current.id, _("変更を登録しました（変更前の内容は変更履歴に残っています）"))
        return True

    def abolish(self) -> None:
        if self.current is None:
            return
        day = self.abolished_edit.value()
        if day is None:
            self.abolition_form.show_problems([Problem("abolished_on", self.abolished_edit.problem() or _("廃止日を入力してください"))])
            return
        try:
            self.context.run(abolish_agreement, agreement_id=self.current.id, abolished_on=day,
                             note=self.abolition_note_edit.text().strip())
        except ValidationError as error:
            self.abolition_form.show_problems(error.problems)
            return
        self._saved(self.current.id, _("廃止を記録しました"))

    def unabolish(self) -> None:
        if self.current is None:
            return
        self.context.run(abolish_agreement, agreement_id=self.current.id, abolished_on=None, note="")
        self._saved(self.current.id, _("廃止を取り消しました"))

    def delete(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(self, _("削除の確認"), _("協約{number}を削除しますか？").format(
            number=self.current.draft.number))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.run(delete_agreement, agreement_id=self.current.id)
        except ValidationError as error:
            self._refused(error.problems)
            return
        self.start_new()

    # -- posts
    def _selected_post(self) -> PostRow | None:
        row = self.posts_table.currentRow()
        return self.posts[row] if 0 <= row < len(self.posts) else None

    def add_post(self) -> PostDialog | None:
        if self.current is None:
            return None
        agreement_id = self.current.id
        dialog = PostDialog(lambda d, j, n: self.context.run(
            create_post, agreement_id=agreement_id, department=d, job=j, note=n), self)
        dialog.open()
        return dialog

    def edit_post(self) -> PostDialog | None:
        post = self._selected_post()
        if post is None:
            return None
        dialog = PostDialog(lambda d, j, n: self.context.run(
            update_post, post_id=post.id, department=d, job=j, note=n), self,
            department=post.department, job=post.job, note=post.note)
        dialog.open()
        return dialog

    def remove_post(self) -> None:
        post = self._selected_post()
        if post is None:
            return
        try:
            self.context.run(delete_post, post_id=post.id)
        except ValidationError as error:
            self.status_label.error("\n".join(p.message for p in error.problems))

    def print_agreement(self) -> PreviewDialog | None:
        """F1 連携協約書 for the agreement on screen, in a preview window."""
        if self.current is None:
            return None
        request = FormRequest("F1", agreement_number=self.current.draft.number)
        name = f"{_('連携協約書')}_{request.agreement_number}.pdf"
        dialog, self.print_job = preview_form(self.context, self, request, name, self.status_label.error)
        return dialog

    def print_current(self) -> bool:
        """Ctrl+P: F1 for the agreement on screen; with none chosen, the list says to choose one."""
        if self.current is None:
            self.list_panel.show_hint(_("印刷する協約（F1 連携協約書）を一覧から選んでください"))
            self.list_panel.filter_edit.setFocus()  # the table would take focus by choosing its first row
            return True
        self.print_agreement()
        return True

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.context, AGREEMENT_IMPORT, self)
        dialog.imported.connect(self.status_label.ok)
        dialog.open()
        return dialog

    def on_change(self, change: object) -> None:
        self.terms_editor.set_fields(self.context.read(list_fields))
        self.list_panel.reload()
        if self.current is not None and getattr(change, "entity", "") in ("post", "assignment"):
            self._fill_posts()
