"""負担金 — the ledger per year: sums per post and person, overdue invoices, entries, import, xlsx, F3."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem, QWidget

from desktop.atomic_file import write_atomically
from desktop.domain.carry_out import FILE_DEFAULT, CarryOut, Medium, OutputKind
from desktop.domain.contribution import validate_money_row
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import (
    ConfirmationNeededError,
    Problem,
    ValidationError,
    merge_problems,
)
from desktop.domain.wareki import format_wareki
from desktop.domain.yen import format_amount, format_yen
from desktop.i18n import _
from desktop.printing.carry_out import file_sha256
from desktop.printing.catalog import FormRequest
from desktop.store.repos.audit import newest_audit_entry
from desktop.store.repos.ledger import (
    LedgerRow,
    MoneyRowView,
    ledger_fiscal_years,
    list_ledger,
    list_money_rows,
)
from desktop.store.repos.town import get_town_profile
from desktop.store.services.carry_out import ENTITY, record_carry_out
from desktop.store.services.change import Change
from desktop.store.services.contributions import (
    delete_money_row,
    record_money_row,
    update_money_row,
)
from desktop.ui.common.background import (
    BackgroundJob,
    JobCancelledError,
    Progress,
    run_in_background,
)
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportDialog
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.common.medium_choice import ask_save_path
from desktop.ui.preview.preview_dialog import PreviewDialog, preview_form
from desktop.ui.screens.ledger.payment_import import PAYMENT_IMPORT
from desktop.ui.screens.ledger.table_model import OVERDUE_BACKGROUND, LedgerTableModel
from desktop.ui.screens.ledger.view import LedgerView

EXPORT_LIMIT = 1_000_000


class LedgerScreen(LedgerView):
    watches = frozenset({"money_row", "assignment", "post", "agreement"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        years = context.read(ledger_fiscal_years)
        self.model = LedgerTableModel(context, context.working_year)
        super().__init__(self.model, parent)
        self.line: LedgerRow | None = None
        self.entry_rows: list[MoneyRowView] = []
        self.editing: MoneyRowView | None = None
        self.job: BackgroundJob | None = None
        self._fill_years(years)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.year_combo.follow(context)
        self.overdue_check.toggled.connect(lambda on: self.list_panel.set_option("overdue_only", on))
        self.list_panel.current_changed.connect(self._select_line)
        self.model.modelReset.connect(self._show_totals)
        self.entries.itemSelectionChanged.connect(self._select_entry)
        self.new_button.clicked.connect(self.start_new_entry)
        self.save_button.clicked.connect(self.save_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.export_with_dialog)
        self.print_button.clicked.connect(self.print_f3)
        self._show_totals()
        self._clear_line()
        install_form_keys(self.form_box, self.save_entry, self.start_new_entry)

    # -- year and list
    def _fill_years(self, years: list[FiscalYear] | None = None) -> None:
        if years is None:
            years = self.context.read(ledger_fiscal_years)
        self.year_combo.set_years(years, FiscalYear(self.model.query().option("fiscal_year")))

    def fiscal_year(self) -> FiscalYear:
        return self.year_combo.fiscal_year()

    def select_year(self, year: FiscalYear) -> None:
        self.year_combo.select_year(year)

    def _year_changed(self) -> None:
        self.list_panel.set_option("fiscal_year", self.fiscal_year().year)
        self._clear_line()

    def _show_totals(self) -> None:
        totals, overdue = self.model.summary.totals, self.model.summary.overdue_yen
        text = _("合計（{count}行）　予算 {planned}　請求 {invoiced}　支払 {paid}　戻入 {refunded}　未払残 {unpaid}").format(
            count=self.model.total(), planned=format_yen(totals.planned), invoiced=format_yen(totals.invoiced),
            paid=format_yen(totals.paid), refunded=format_yen(totals.refunded), unpaid=format_yen(totals.unpaid))
        if overdue:
            text += "　" + _("延滞 {amount}").format(amount=format_yen(overdue))
        self.totals_label.setText(text)
        self.totals_label.setStyleSheet("font-weight: bold;" + (" color: #b00020;" if overdue else ""))

    # -- one line and its entries
    def _clear_line(self) -> None:
        self.line = None
        self.detail_title.setText(_("上の一覧から行を選ぶと、その記録が表示されます"))
        self.entries.setRowCount(0)
        self.save_button.setEnabled(False)
        self.money_form.clear(self.fiscal_year())

    def _select_line(self, row: int) -> None:
        line = self.model.row_at(row)
        if line is not None:
            self.show_line(line)

    def show_line(self, line: LedgerRow) -> None:
        self.line = line
        self.detail_title.setText(_("{name}　{post}（{year}）").format(
            name=line.name or _("（ポスト全体）"), post=line.post_label, year=line.fiscal_year.label()))
        self.save_button.setEnabled(True)
        self._fill_entries()
        self.start_new_entry()

    def _fill_entries(self) -> None:
        assert self.line is not None
        self.entry_rows = self.context.read(list_money_rows, fiscal_year=self.line.fiscal_year,
                                            post_id=self.line.post_id, staff_id=self.line.staff_id,
                                            today=self.model.today)
        self.entries.setRowCount(len(self.entry_rows))
        for index, entry in enumerate(self.entry_rows):
            state = ""
            if entry.overdue:
                state = _("延滞（未払 {amount}円）").format(amount=format_amount(entry.unpaid_part))
            elif entry.kind.value == "invoice":
                state = _("支払済") if entry.unpaid_part == 0 else _("未払 {amount}円").format(
                    amount=format_amount(entry.unpaid_part))
            values = [format_wareki(entry.on_date) if entry.on_date else "", entry.kind.label, entry.number,
                      format_amount(entry.amount_yen), format_wareki(entry.due_on) if entry.due_on else "", state,
                      entry.note]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if entry.overdue:
                    item.setBackground(OVERDUE_BACKGROUND)
                    item.setForeground(QColor("#b00020"))
                self.entries.setItem(index, column, item)
        self.entries.resizeColumnsToContents()

    def _select_entry(self) -> None:
        row = self.entries.currentRow()
        if 0 <= row < len(self.entry_rows):
            self.editing = self.entry_rows[row]
            self.money_form.load(self.editing)
            self.money_form.setTitle(_("記録の訂正"))
            self.save_button.setText(_("訂正を保存(&S)"))

    def start_new_entry(self) -> None:
        self.editing = None
        self.entries.clearSelection()
        self.money_form.clear(self.line.fiscal_year if self.line else self.fiscal_year())
        self.money_form.setTitle(_("新しい記録"))
        self.save_button.setText(_("記録する(&S)"))
        self.status_label.clear()

    def save_entry(self, *, confirmed: bool = False) -> bool:
        if self.line is None:
            return False
        draft = self.money_form.draft(self.line.post_id, self.line.staff_id)
        problems = merge_problems(self.money_form.input_problems(),
                                  [p for p in validate_money_row(draft) if p.is_error])
        if problems:
            return self._refused(problems)
        try:
            if self.editing is None:
                self.context.run(record_money_row, draft=draft, confirmed=confirmed)
            else:
                self.context.run(update_money_row, row_id=self.editing.id, draft=draft, confirmed=confirmed)
        except ValidationError as error:
            return self._refused(error.problems)
        except ConfirmationNeededError as needed:
            answer = QMessageBox.question(self, _("確認"), "\n".join(p.message for p in needed.problems))
            return answer == QMessageBox.StandardButton.Yes and self.save_entry(confirmed=True)
        self.status_label.ok(_("記録しました: {kind} {amount}（{year}）").format(
            kind=draft.kind.label, amount=format_yen(draft.amount_yen), year=draft.fiscal_year.label()
            if draft.fiscal_year else ""))
        return True

    def _refused(self, problems: list[Problem]) -> bool:
        unplaced = self.money_form.form.show_problems(problems)
        self.status_label.error("\n".join([_("入力に誤りがあります。赤字の項目を直してください。"),
                                             *(p.message for p in unplaced)]))
        return False

    def delete_entry(self) -> None:
        if self.editing is None:
            return
        entry = self.editing
        answer = QMessageBox.question(self, _("削除の確認"), _("{kind} {amount}円の記録を削除しますか？").format(
            kind=entry.kind.label, amount=format_amount(entry.amount_yen)))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.run(delete_money_row, row_id=entry.id)

    # -- import, export, print
    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.context, PAYMENT_IMPORT, self)
        dialog.imported.connect(self.list_status.ok)
        dialog.open()
        return dialog

    def export_with_dialog(self) -> None:
        name = _("負担金_{year}.xlsx").format(year=self.fiscal_year().label())
        chosen = ask_save_path(self, _("Excelに出力"), name, _("Excel (*.xlsx)"), "xlsx")
        if chosen is not None:
            self.export_to(*chosen)

    def export_to(self, path: Path, medium: Medium = FILE_DEFAULT) -> BackgroundJob:
        """The whole filtered ledger (not only the rows on screen), written off the GUI thread and
        recorded in the carry-out register (it names the staff)."""
        options = self.model.options(self.model.query())

        def work(progress: Progress) -> int:
            # openpyxl takes ~200 ms to import: on the first export, not with the screen.
            from desktop.exports.ledger_xlsx import ledger_workbook

            # Each step checks キャンセル; nothing is written once the clerk cancelled.
            progress.report(0, 3, _("負担金を読み込んでいます…"))
            rows = self.context.read(list_ledger, limit=EXPORT_LIMIT, **options)
            town = self.context.read(get_town_profile).name
            progress.report(1, 3, _("Excelファイルを作成しています…"))
            data = ledger_workbook(options["fiscal_year"], town,
                                   [(r.agreement_number, r.post_label, r.name, r.reading, r.totals, r.overdue_count,
                                     r.overdue_amount) for r in rows], created=datetime.now(),
                                   audit_head=self.context.read(newest_audit_entry))
            progress.report(2, 3, _("保存しています…"))
            write_atomically(path, data)
            try:
                self.context.write(record_carry_out, carry_out=CarryOut(
                    OutputKind.XLSX, "ledger", _("負担金台帳（{year}）").format(year=options["fiscal_year"].label()),
                    medium, len({r.name for r in rows if r.name}), file_name=path.name, sha256=file_sha256(path),
                    fiscal_year=options["fiscal_year"].year))
            except BaseException:
                path.unlink(missing_ok=True)  # names staff: never left behind unrecorded
                raise
            return len(rows)

        def done(count: int) -> None:
            self.context.bus.changed.emit(Change(ENTITY, "export"))
            self.list_status.ok(_("{count}行を {path} に出力しました").format(count=count, path=path))

        def failed(error: BaseException) -> None:
            if not isinstance(error, JobCancelledError):
                self.list_status.error(str(error))

        self.job = run_in_background(self, _("Excelに出力しています…"), work, done, failed)
        return self.job

    def print_f3(self) -> PreviewDialog:
        request = FormRequest("F3", fiscal_year=self.fiscal_year())
        name = _("負担金支払状況一覧_{year}.pdf").format(year=self.fiscal_year().label())
        self.list_status.clear()
        dialog, self.job = preview_form(self.context, self, request, name, self.list_status.error)
        return dialog

    def on_change(self, change: object) -> None:
        self._fill_years()
        self.list_panel.reload()
        if self.line is not None:
            self._fill_entries()
            if getattr(change, "entity", "") == "money_row" and getattr(change, "action", "") != "update":
                self.start_new_entry()
