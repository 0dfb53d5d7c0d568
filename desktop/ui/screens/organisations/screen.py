"""指定地域共同活動団体 — register, receive an application, review it against the ordinance, decide;
the decision buttons are enabled only when the law allows the step, and say why not."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QTableWidgetItem, QWidget

from desktop.domain.organisation import (
    Action,
    OrganisationDraft,
    OrgState,
    Review,
    refusal,
    review_application,
    validate_organisation,
)
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.store.repos.organisations import (
    OrganisationDetail,
    get_ordinance,
    get_organisation,
    list_areas,
    registry_as_of,
)
from desktop.store.services import organisations as services
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportDialog
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.common.view_log import ViewLog
from desktop.ui.preview.preview_dialog import PreviewDialog, preview_form
from desktop.ui.screens.organisations.decisions import decision_dialog
from desktop.ui.screens.organisations.orders_tab import OrdersTab
from desktop.ui.screens.organisations.organisation_import import ORGANISATION_IMPORT
from desktop.ui.screens.organisations.record_specs import RECORD_SPECS
from desktop.ui.screens.organisations.records_tab import RecordsTab
from desktop.ui.screens.organisations.table_model import OrganisationTableModel
from desktop.ui.screens.organisations.view import OrganisationsView


class OrganisationsScreen(OrganisationsView):
    watches = frozenset({"organisation", "ordinance"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.view_log = ViewLog(context)  # 閲覧記録: each person shown is audited once
        self.model = OrganisationTableModel(context)
        super().__init__(self.model, parent)
        self.current: OrganisationDetail | None = None
        self.review: Review | None = None
        self.ordinance = context.read(get_ordinance)
        self.requirements.set_ordinance(self.ordinance)
        self._add_record_tabs()
        self._fill_areas()
        self.list_panel.current_changed.connect(self._select_row)
        self.state_combo.currentIndexChanged.connect(
            lambda _i: self.list_panel.set_option("state", self.state_combo.currentData()))
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.list_panel.set_option("kind", self.kind_combo.currentData()))
        self.area_combo.currentIndexChanged.connect(
            lambda _i: self.list_panel.set_option("area", self.area_combo.currentData()))
        self.new_button.clicked.connect(self.start_new)
        self.import_button.clicked.connect(self.open_import)
        self.save_button.clicked.connect(self.save)
        self.apply_button.clicked.connect(self.apply)
        self.save_review_button.clicked.connect(self.save_review)
        self.requirements.itemChanged.connect(lambda _item: self._refresh_review())
        self.as_of_button.clicked.connect(self.show_as_of)
        self.print_f5_button.clicked.connect(lambda: self.print_form("F5"))
        self.print_f6_button.clicked.connect(lambda: self.print_form("F6"))
        for action, button in self.decision_buttons.items():
            button.clicked.connect(lambda _checked=False, a=action: self.decide(a))
        if self.model.total():
            self.list_panel.table.selectRow(0)
        else:
            self.start_new()
        install_form_keys(self.form.layout.parentWidget(), self.save,
                          lambda: self.show_organisation(self.current.id) if self.current else self.start_new())

    def _add_record_tabs(self) -> None:
        """The records after designation, one tab each (support, coordination … orders and revocation)."""
        self.record_tabs: dict[str, RecordsTab | OrdersTab] = {}
        for spec in RECORD_SPECS:
            tab = RecordsTab(spec, self.context, self.print_record, self._record_saved)
            self.record_tabs[spec.key] = tab
            self.tabs.addTab(tab, _(spec.title))
        self.record_tabs["orders"] = OrdersTab(self.context, self.print_record)
        self.tabs.addTab(self.record_tabs["orders"], _("改善命令・取消"))

    def _record_saved(self, message: str) -> None:
        if self.current is not None:
            self.show_organisation(self.current.id)
        self.status_label.ok(message)

    def open_record(self, org_id: int, tab: str = "", item_id: int | None = None) -> None:
        """Shows the organisation with the tab and record the deadline panel points at."""
        self.show_organisation(org_id)
        if tab in self.record_tabs:
            self.tabs.setCurrentWidget(self.record_tabs[tab])
            self.record_tabs[tab].highlight(item_id)

    def print_record(self, form_id: str, record_id: int | None) -> PreviewDialog | None:
        if self.current is None:
            return None
        request = FormRequest(form_id, org_id=self.current.id, record_id=record_id)
        name = f"{form_id}_{self.current.draft.name}.pdf"
        dialog, self.print_job = preview_form(self.context, self, request, name, self.status_label.error)
        return dialog

    def _fill_areas(self) -> None:
        current = self.area_combo.currentData()
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        self.area_combo.addItem(_("すべて"), None)
        for area in self.context.read(list_areas):
            self.area_combo.addItem(area, area)
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(current)))
        self.area_combo.blockSignals(False)

    # -- showing
    def start_new(self) -> None:
        self.current = None
        self.list_panel.table.selectionModel().clear()  # no row looks chosen while a new one is typed
        self.view_log.cleared()
        self._fill(OrganisationDraft())
        self.heading.setText(_("新しい団体"))
        self.designation_label.clear()
        self.requirements.set_application(None)
        self.applied_edit.set_value(date.today())
        self.events_table.setRowCount(0)
        self.as_of_text.clear()
        for tab in self.record_tabs.values():
            tab.set_organisation(None)
        self._update_buttons()
        self.tabs.setCurrentIndex(0)
        self.name_edit.setFocus()

    def _select_row(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.show_organisation(item.id)

    def show_organisation(self, org_id: int) -> None:
        detail = self.context.read(get_organisation, org_id=org_id)
        if detail is None:
            self.start_new()
            return
        self.current = detail
        self.view_log.shown("organisation", detail.id, detail.draft.representative_name)
        self._fill(detail.draft)
        self.heading.setText(_("{name}　（{state}）").format(name=detail.draft.name, state=detail.state.label))
        self.designation_label.setText(_("{number}　指定日 {designated}　公示日 {notice}").format(
            number=detail.designation_number, designated=_wareki(detail.designated_on),
            notice=_wareki(detail.notice_on)) if detail.designation_number else _("なし"))
        application = detail.application.draft if detail.application is not None else None
        self.requirements.set_application(application)
        self.applied_edit.set_value(application.applied_on if application else date.today())
        self._fill_events(detail)
        for tab in self.record_tabs.values():
            tab.set_organisation(detail)
        self.as_of_edit.set_value(date.today())
        self.show_as_of()
        self._refresh_review()

    def _fill(self, draft: OrganisationDraft) -> None:
        self.name_edit.setText(draft.name)
        self.org_kind_combo.setCurrentIndex(self.org_kind_combo.findData(draft.kind))
        self.rep_title_edit.setText(draft.representative_title)
        self.rep_name_edit.setText(draft.representative_name)
        self.address_edit.setText(draft.address)
        self.area_edit.setText(draft.area)
        self.area_detail_edit.setText(draft.area_detail)
        self.member_spin.setValue(draft.member_count)
        self.membership_combo.setCurrentIndex(self.membership_combo.findData(draft.membership))
        self.contact_edit.setText(draft.contact)
        self.articles_edit.set_value(draft.articles_on)
        self.note_edit.setText(draft.note)
        self.form.clear()
        self.status_label.clear()

    def _fill_events(self, detail: OrganisationDetail) -> None:
        self.events_table.setRowCount(len(detail.events))
        for row, event in enumerate(detail.events):
            for column, value in enumerate((format_wareki(event.on_date), _action_label(event.action),
                                            event.state_after.label, event.summary)):
                self.events_table.setItem(row, column, QTableWidgetItem(value))
        self.events_table.resizeColumnsToContents()

    def _refresh_review(self) -> None:
        """The review of what is ticked now, so the clerk sees each requirement met or not as they go."""
        self.review = review_application(self.ordinance, self.draft(), self.requirements.application(
            self.applied_edit.value()))
        self.requirements.show_review(self.review)
        unmet = self.review.unmet()
        if not unmet:
            self.review_label.setText(_("審査: すべての要件を満たしています"))
            self.review_label.setStyleSheet("color: #1b5e20;")
        else:
            lines = [_("審査: 満たしていない要件 {count}件").format(count=len(unmet))]
            lines += [f"・{line.section.label} {line.label}: {line.reason}" for line in unmet[:6]]
            self.review_label.setText("\n".join(lines))
            self.review_label.setStyleSheet("color: #b00020;")
        self._update_buttons()

    def _update_buttons(self) -> None:
        state = self.current.state if self.current else None
        no_org = _("団体を登録（保存）してから操作できます")
        for action, button in self.decision_buttons.items():
            reason = no_org if state is None else refusal(state, action)
            if reason is None and action is Action.DESIGNATE and self.review is not None and not self.review.all_met:
                reason = _("満たしていない要件があるため指定できません（要件タブを参照）")
            button.setEnabled(reason is None)
            button.setToolTip(reason or action.label)
        apply_reason = no_org if state is None else refusal(state, Action.APPLY)
        self.apply_button.setEnabled(apply_reason is None)
        self.apply_button.setToolTip(apply_reason or "")
        reviewing = state is OrgState.APPLIED
        self.save_review_button.setEnabled(reviewing)
        self.save_review_button.setToolTip("" if reviewing else _("申請中の団体の審査内容だけを保存できます"))
        decided = self.current is not None and self.current.application is not None and \
            self.current.application.status in ("designated", "refused")
        self.print_f6_button.setEnabled(decided)
        self.print_f6_button.setToolTip("" if decided else _("指定又は不指定の決定をした団体について印刷できます"))

    def show_as_of(self) -> None:
        if self.current is None:
            return
        day = self.as_of_edit.value()
        if day is None:
            self.as_of_text.setPlainText(self.as_of_edit.problem() or _("基準日を入力してください"))
            return
        row = next(iter(self.context.read(registry_as_of, day=day, org_id=self.current.id)), None)
        if row is None:
            self.as_of_text.setPlainText(_("{date}の時点では、この団体は登録されていません。").format(date=format_wareki(day)))
            return
        d = row.draft
        self.as_of_text.setPlainText("\n".join([
            _("{date}時点: {state}　{number}").format(date=format_wareki(day), state=row.state.label,
                                                   number=row.designation_number),
            _("団体名: {value}").format(value=d.name), _("代表者: {title} {name}").format(
                title=d.representative_title, name=d.representative_name),
            _("所在地: {value}").format(value=d.address), _("活動区域: {value}").format(value=d.area),
            _("構成員: {count}（{basis}）").format(count=d.member_count, basis=d.membership.label)]))

    # -- saving
    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(
            name=self.name_edit.text().strip(), kind=self.org_kind_combo.currentData(),
            representative_title=self.rep_title_edit.text().strip(),
            representative_name=self.rep_name_edit.text().strip(), address=self.address_edit.text().strip(),
            area=self.area_edit.text().strip(), area_detail=self.area_detail_edit.text().strip(),
            member_count=self.member_spin.value(), membership=self.membership_combo.currentData(),
            contact=self.contact_edit.text().strip(), articles_on=self.articles_edit.value(),
            note=self.note_edit.text().strip())

    def _refused(self, problems: list[Problem]) -> bool:
        unplaced = self.form.show_problems(problems)
        if len(unplaced) < len(problems):
            self.tabs.setCurrentIndex(0)
        self.status_label.error("\n".join([_("入力に誤りがあります。赤字の項目を直してください。")]
                                          + [p.message for p in unplaced]))
        return False

    def save(self) -> bool:
        problems = [Problem("articles_on", m)] if (m := self.articles_edit.problem()) else []
        problems += validate_organisation(self.draft())
        if problems:
            return self._refused(problems)
        try:
            if self.current is None:
                change = self.context.run(services.register_organisation, draft=self.draft(),
                                          registered_on=date.today())
            else:
                change = self.context.run(services.correct_organisation, org_id=self.current.id, draft=self.draft(),
                                          on=date.today())
        except ValidationError as error:
            return self._refused(error.problems)
        self._fill_areas()
        self.show_organisation(change.ids[0])
        self.status_label.ok(_("保存しました"))
        return True

    def _run_application(self, service: Any, message: str) -> bool:
        if self.current is None:
            return False
        org_id = self.current.id
        applied_on = self.applied_edit.value()
        if applied_on is None:
            self.status_label.error(self.applied_edit.problem() or _("申請日を入力してください"))
            return False
        try:
            self.context.run(service, org_id=org_id, today=date.today(),
                             application=self.requirements.application(applied_on))
        except ValidationError as error:
            self.status_label.error("\n".join(p.message for p in error.problems))
            return False
        self.show_organisation(org_id)
        self.status_label.ok(message)
        return True

    def apply(self) -> bool:
        return self._run_application(services.apply_for_designation, _("申請を受け付けました（申請中）"))

    def save_review(self) -> bool:
        return self._run_application(services.update_application, _("審査内容を保存しました"))

    def decide(self, action: Action) -> Any:
        """Opens the dialog for the decision; on OK the service runs and the screen shows the result."""
        if self.current is None:
            return None
        org_id = self.current.id

        def done(message: str) -> None:
            self.show_organisation(org_id)
            self.status_label.ok(message)

        dialog = decision_dialog(self, action, self.current, self.draft(), self.context, done)
        dialog.open()
        return dialog

    def print_form(self, form_id: str) -> PreviewDialog | None:
        request = FormRequest(form_id, org_id=self.current.id if self.current else None)
        name = f"{form_id}_{self.current.draft.name if self.current else _('空欄')}.pdf"
        dialog, self.print_job = preview_form(self.context, self, request, name, self.status_label.error)
        return dialog

    def print_current(self) -> bool:
        """Ctrl+P: the form for what is shown. On a record tab, the chosen record's form (F8, F11,
        F12, F13; F9 or F10 on 改善命令・取消); elsewhere the form of the organisation's stage:
        改善命令中 → F9, 取消 → F10, decided → F6 通知書, else F5 申請書. With no organisation chosen
        the list says to choose one (a blank F5 stays on its button)."""
        if self.current is None:
            self.list_panel.show_hint(_("印刷する団体を一覧から選んでください（空欄の申請書は「申請書を印刷」で）"))
            self.list_panel.filter_edit.setFocus()  # the table would take focus by choosing its first row
            return True
        tab = self.tabs.currentWidget()
        if isinstance(tab, RecordsTab) and tab.spec.form_id:
            record = tab.selected()
            if record is None:
                self.status_label.error(_("印刷する{what}の記録を選んでください（記録がなければ「追加…」）").format(
                    what=_(tab.spec.title)))
                return True
            self.print_record(tab.spec.form_id, record.id)
            return True
        if isinstance(tab, OrdersTab) and (tab.orders or tab.revocations):
            in_revocations = tab.revocations and (tab.revocations_table.hasFocus() or not tab.orders)
            if in_revocations:
                self.print_record("F10", tab.chosen_revocation())
            else:
                self.print_record("F9", tab.chosen_order())
            return True
        state = self.current.state
        if state is OrgState.UNDER_ORDER:
            self.print_record("F9", None)
        elif state is OrgState.REVOKED:
            self.print_record("F10", None)
        else:
            self.print_form("F6" if self.print_f6_button.isEnabled() else "F5")
        return True

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.context, ORGANISATION_IMPORT, self)
        dialog.imported.connect(self.status_label.ok)
        dialog.open()
        return dialog

    def on_change(self, change: object) -> None:
        if getattr(change, "entity", "") == "ordinance":
            self.ordinance = self.context.read(get_ordinance)
            self.requirements.set_ordinance(self.ordinance)
            if self.current is None:
                self._refresh_review()
        keep = self.current.id if self.current is not None else None
        self._fill_areas()
        # Reloading reselects a row by position; the organisation on screen stays the one shown.
        self.list_panel.blockSignals(True)
        self.list_panel.reload()
        self.list_panel.blockSignals(False)
        if keep is not None:
            self.show_organisation(keep)


def _wareki(day: date | None) -> str:
    return format_wareki(day) if day else ""


def _action_label(action: str) -> str:
    if action == "register":
        return _("登録")
    if action == "correct":
        return _("訂正")
    try:
        return Action(action).label
    except ValueError:
        return action

