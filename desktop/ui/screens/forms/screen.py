"""帳票 — choose a form and its options, preview it, print it or save it as PDF."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QListWidgetItem, QWidget

from desktop.domain.documents import head_title
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import Problem, ValidationError
from desktop.forms.kit.fonts import MissingGlyphError
from desktop.forms.kit.sheet import FormOverflowError
from desktop.i18n import _
from desktop.printing.catalog import FORM_TITLES, FORMS, FormRequest, Need
from desktop.store.repos.agreements import list_agreements
from desktop.store.repos.organisation_records import record_choices
from desktop.store.repos.organisations import list_organisations
from desktop.store.repos.staffing import assignment_fiscal_years
from desktop.store.repos.town import get_town_profile
from desktop.ui.common.background import BackgroundJob, JobCancelledError
from desktop.ui.common.context import AppContext
from desktop.ui.preview.preview_dialog import render_in_background
from desktop.ui.screens.forms.view import FormsView

# What each form asks for comes from the printing registry.
USES_AGREEMENT = {f for f, spec in FORMS.items() if Need.AGREEMENT in spec.needs}
USES_YEAR = {f for f, spec in FORMS.items() if Need.FISCAL_YEAR in spec.needs}
USES_ORG = {f for f, spec in FORMS.items() if Need.ORGANISATION in spec.needs | spec.optional}
LETTERS = {f for f, spec in FORMS.items() if spec.letter}
USES_RECORD = {f for f, spec in FORMS.items() if Need.RECORD in spec.needs | spec.optional}
USES_PERIOD = {f for f, spec in FORMS.items() if Need.PERIOD in spec.needs}


class FormsScreen(FormsView):
    watches = frozenset({"agreement", "assignment", "town", "money_row", "claim", "measure", "organisation"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: BackgroundJob | None = None
        for form_id, title in FORM_TITLES.items():
            item = QListWidgetItem(f"{form_id}　{_(title)}", self.form_list)
            item.setData(256, form_id)
        self.form_list.currentRowChanged.connect(lambda _row: self._sync_options())
        self.org_combo.currentIndexChanged.connect(lambda _i: self._fill_records())
        self.preview_button.clicked.connect(self.render_preview)
        self.preview.record_outputs(context)
        self.preview.printed.connect(lambda pages: self.message_label.ok(_("{pages}ページを印刷しました").format(pages=pages)))
        self.preview.saved.connect(lambda path: self.message_label.ok(_("{path} に保存しました").format(path=path)))
        self._fill_choices()
        self.year_combo.follow(context)
        self.date_edit.set_value(date.today())
        self.period_start_edit.set_value(FiscalYear.of(date.today()).start)
        self.period_end_edit.set_value(date.today())
        self.form_list.setCurrentRow(0)

    def _fill_choices(self) -> None:
        self.agreement_combo.clear()
        for row in self.context.read(list_agreements, limit=10_000):
            self.agreement_combo.addItem(f"{row.number}　{row.partner}", row.number)
        self._fill_organisations()
        self.year_combo.set_years(self.context.read(assignment_fiscal_years), self.context.working_year)
        town = self.context.read(get_town_profile)
        if not self.addressee_edit.text():
            self.addressee_edit.setText(head_title(town.prefecture) if town.prefecture else "")

    def _fill_organisations(self) -> None:
        current = self.org_combo.currentData()
        self.org_combo.clear()
        if "F5" in FORMS:
            self.org_combo.addItem(_("（空欄の申請書・F5のみ）"), None)
        for row in self.context.read(list_organisations, limit=10_000):
            self.org_combo.addItem(f"{row.name}　{row.state.label}", row.id)
        self.org_combo.setCurrentIndex(max(0, self.org_combo.findData(current)))

    def select_organisation(self, org_id: int) -> None:
        self.org_combo.setCurrentIndex(self.org_combo.findData(org_id))

    def form_id(self) -> str:
        item = self.form_list.currentItem()
        return str(item.data(256)) if item is not None else "F1"

    def select_form(self, form_id: str) -> None:
        for row in range(self.form_list.count()):
            if self.form_list.item(row).data(256) == form_id:
                self.form_list.setCurrentRow(row)

    def _sync_options(self) -> None:
        form_id = self.form_id()
        for field, visible in (("agreement_number", form_id in USES_AGREEMENT), ("fiscal_year", form_id in USES_YEAR),
                               ("org_id", form_id in USES_ORG), ("record_id", form_id in USES_RECORD),
                               ("document_number", form_id in LETTERS), ("issued_on", form_id in LETTERS),
                               ("addressee", form_id in LETTERS - USES_ORG),
                               ("period_start", form_id in USES_PERIOD), ("period_end", form_id in USES_PERIOD)):
            holder = self.form.widgets[field].parentWidget()
            assert holder is not None
            holder.setVisible(visible)
            label = self.form.layout.labelForField(holder)
            if label is not None:
                label.setVisible(visible)
        self._fill_records()
        self.preview.clear()
        self.message_label.clear()

    def _fill_records(self) -> None:
        """The organisation's records the chosen form prints (F8–F13), newest first."""
        self.record_combo.clear()
        org_id, form_id = self.org_combo.currentData(), self.form_id()
        if form_id not in USES_RECORD or org_id is None:
            return
        for record_id, label in self.context.read(record_choices, form_id=form_id, org_id=org_id):
            self.record_combo.addItem(label, record_id)

    def request(self) -> FormRequest:
        form_id = self.form_id()
        year = self.year_combo.currentData()
        return FormRequest(
            form_id,
            agreement_number=self.agreement_combo.currentData() or "" if form_id in USES_AGREEMENT else "",
            fiscal_year=FiscalYear(year) if year and form_id in USES_YEAR else None,
            document_number=self.number_edit.text().strip(),
            issued_on=self.date_edit.value(),
            # A letter to an organisation is addressed to it (F6); the others to the prefecture by default.
            addressee=(self.addressee_edit.text().strip() or None) if form_id not in USES_ORG else None,
            org_id=self.org_combo.currentData() if form_id in USES_ORG else None,
            record_id=self.record_combo.currentData() if form_id in USES_RECORD else None,
            period_start=self.period_start_edit.value() if form_id in USES_PERIOD else None,
            period_end=self.period_end_edit.value() if form_id in USES_PERIOD else None,
        )

    def render_preview(self) -> BackgroundJob | None:
        problems = [Problem(field, problem) for field, edit in (
            ("issued_on", self.date_edit), ("period_start", self.period_start_edit), ("period_end", self.period_end_edit))
            if (problem := edit.problem())]
        if problems:
            self.form.show_problems(problems)
            return None
        self.form.clear()
        request = self.request()
        self.preview_button.setEnabled(False)
        self.message_label.ok(_("作成しています…"))
        self.job = render_in_background(self.context, self, request, lambda pdf: self._show(request, pdf),
                                        self._failed)
        return self.job

    def _show(self, request: FormRequest, pdf: bytes) -> None:
        self.preview_button.setEnabled(True)
        name = request.describe().replace(" ", "_").replace("／", "_") + ".pdf"
        self.preview.set_pdf(pdf, name, request)
        self.message_label.ok(_("{pages}ページの帳票を作成しました").format(pages=self.preview.page_count()))

    def _failed(self, error: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.preview.clear()
        if isinstance(error, ValidationError):
            self.form.show_problems(error.problems)
            text = "\n".join(p.message for p in error.problems)
        elif isinstance(error, (MissingGlyphError, FormOverflowError)):
            text = str(error)
        elif isinstance(error, JobCancelledError):
            self.message_label.ok(_("帳票の作成を取り消しました"))
            return
        else:
            text = _("帳票を作成できませんでした: {error}").format(error=error)
        self.message_label.error(text)

    def on_change(self, _change: object) -> None:
        self._fill_choices()
