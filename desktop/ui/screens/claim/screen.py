"""特別交付税算定資料 — the claim of a year: lines and exclusions with reasons, and the claim's life."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QInputDialog, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.claim import ClaimStatus
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import ratio_text
from desktop.domain.problems import ValidationError
from desktop.domain.wareki import format_wareki
from desktop.domain.yen import format_yen
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.store.repos.claims import ClaimRecord, claim_fiscal_years, get_claim
from desktop.store.services.claims import record_decision, reopen_claim, submit_claim
from desktop.ui.common.context import AppContext
from desktop.ui.common.status_label import ERROR_STYLE
from desktop.ui.preview.preview_dialog import PreviewDialog, preview_form
from desktop.ui.screens.claim.dialogs import DecisionDialog, SubmitDialog
from desktop.ui.screens.claim.view import ClaimView


def _fill(table: QTableWidget, rows: list[list[str]], right_columns: set[int], *, wrap_last: bool = False) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    for column in range(last):
        table.resizeColumnToContents(column)
    if wrap_last:
        # The reason's explanation wraps inside its column rather than running off the side.
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
    else:
        table.resizeColumnToContents(last)
    table.resizeRowsToContents()


class ClaimScreen(ClaimView):
    watches = frozenset({"claim", "measure", "money_row", "assignment", "post", "agreement", "field", "town"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.record: ClaimRecord | None = None
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_combo.follow(context)
        self.submit_button.clicked.connect(self._ask_submit)
        self.decide_button.clicked.connect(self._ask_decision)
        self.reopen_button.clicked.connect(self._ask_reopen)
        self.print_button.clicked.connect(self.print_f4)
        self.refresh()

    def _fill_years(self) -> None:
        self.year_combo.set_years(self.context.read(claim_fiscal_years), self.context.working_year)

    def fiscal_year(self) -> FiscalYear:
        return self.year_combo.fiscal_year()

    def select_year(self, year: FiscalYear) -> None:
        self.year_combo.select_year(year)

    def refresh(self) -> None:
        record = self.context.read(get_claim, fiscal_year=self.fiscal_year())
        self.record = record
        result = record.result
        ratio = ratio_text(result.parameters.ratio)
        _fill(self.lines_table, [
            [f"{line.post_label}\n{line.agreement_number}", "\n".join(line.persons), line.first_year.label(),
             format_yen(line.net_yen), format_yen(line.amount_yen)] for line in result.lines], {3, 4})
        _fill(self.exclusions_table, [
            [f"{e.post_label}\n{e.agreement_number}", "\n".join(e.persons), e.reason.label, e.detail]
            for e in result.exclusions], set(), wrap_last=True)
        basis = result.parameters.describe()
        if not result.eligible:
            basis = _("{category}は措置の対象外団体です。申請できる額はありません。").format(
                category=result.town_category.label) + "\n" + basis
        self.basis_label.setText(basis)
        self.basis_label.setStyleSheet(ERROR_STYLE if not result.eligible else "color: #444;")
        self.total_label.setText(_("合計 {amount}（負担金 {contributions} × {ratio}、円未満切捨て）").format(
            amount=format_yen(result.total_yen), contributions=format_yen(result.contributions_yen), ratio=ratio))
        self.status_label.setText(self._status_text(record))
        self.submit_button.setEnabled(record.status is ClaimStatus.DRAFT and result.eligible)
        self.decide_button.setEnabled(record.status is not ClaimStatus.DRAFT)
        self.reopen_button.setEnabled(record.status is not ClaimStatus.DRAFT)

    @staticmethod
    def _status_text(record: ClaimRecord) -> str:
        if record.status is ClaimStatus.DRAFT:
            return _("作成中（事務ファイルの今の内容で計算しています）")
        text = _("提出済 {date}　申請額 {amount}（提出時の内容で固定）").format(
            date=format_wareki(record.submitted_on) if record.submitted_on else "",
            amount=format_yen(record.claimed_yen or 0))
        if record.status is ClaimStatus.DECIDED and record.decided_yen is not None:
            text += "　" + _("決定 {date}　決定額 {amount}　差 {difference}円").format(
                date=format_wareki(record.decided_on) if record.decided_on else "",
                amount=format_yen(record.decided_yen), difference=f"{record.difference_yen or 0:+,}")
        return text

    # -- the claim's life
    def submit(self, submitted_on: date) -> bool:
        return self._run(submit_claim, _("提出済にしました。内容は固定されました"),
                         fiscal_year=self.fiscal_year(), submitted_on=submitted_on)

    def decide(self, decided_yen: int, decided_on: date) -> bool:
        return self._run(record_decision, _("決定額を記録しました"), fiscal_year=self.fiscal_year(),
                         decided_yen=decided_yen, decided_on=decided_on)

    def reopen(self, reason: str) -> bool:
        return self._run(reopen_claim, _("作成中に戻しました（提出時の内容は監査ログに残っています）"),
                         fiscal_year=self.fiscal_year(), reason=reason)

    def _run(self, action, message: str, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        try:
            self.context.run(action, **kwargs)
        except ValidationError as error:
            self.message_label.error("\n".join(p.message for p in error.problems))
            return False
        self.message_label.ok(message)
        return True

    def _ask_submit(self) -> None:
        dialog = SubmitDialog(self)
        if dialog.exec() == SubmitDialog.DialogCode.Accepted:
            day = dialog.date_edit.value()
            assert day is not None
            self.submit(day)

    def _ask_decision(self) -> None:
        dialog = DecisionDialog(self)
        if dialog.exec() == DecisionDialog.DialogCode.Accepted:
            amount, day = dialog.amount_edit.value(), dialog.date_edit.value()
            assert amount is not None and day is not None
            self.decide(amount, day)

    def _ask_reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, _("作成中に戻す"), _("作成中に戻す理由（監査ログに残ります）:"))
        if ok:
            self.reopen(reason)

    def print_f4(self) -> PreviewDialog:
        request = FormRequest("F4", fiscal_year=self.fiscal_year())
        name = _("特別交付税算定資料_{year}.pdf").format(year=self.fiscal_year().label())
        dialog, self.job = preview_form(self.context, self, request, name, self.message_label.error)
        return dialog

    def on_change(self, _change: object) -> None:
        self._fill_years()
        self.refresh()
