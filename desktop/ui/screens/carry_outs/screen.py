"""持出記録 — the carry-out register, read only: filter by period, print it as F14 持出記録簿."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.domain.fiscal_year import FiscalYear
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.ui.common.context import AppContext
from desktop.ui.preview.preview_dialog import PreviewDialog, preview_form
from desktop.ui.screens.carry_outs.table_model import CarryOutTableModel
from desktop.ui.screens.carry_outs.view import CarryOutsView


class CarryOutsScreen(CarryOutsView):
    watches = frozenset({"carry_out_record"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.model = CarryOutTableModel(context)
        super().__init__(self.model, parent)
        self.context = context
        self.job: object | None = None
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.apply_period)
            edit.returnPressed.connect(self.apply_period)
        self.print_button.clicked.connect(self.print_register)

    def period(self) -> tuple[date | None, date | None]:
        return self.date_from.value(), self.date_to.value()

    def apply_period(self) -> None:
        start, end = self.period()
        if (self.model.query().option("start"), self.model.query().option("end")) != (start, end):
            self.list_panel.set_option("start", start)
            self.list_panel.set_option("end", end)

    def print_request(self) -> FormRequest:
        """The period shown; an open end is this fiscal year's start or today."""
        start, end = self.period()
        today = date.today()
        return FormRequest("F14", period_start=start or FiscalYear.of(today).start, period_end=end or today,
                           issued_on=today)

    def print_register(self) -> PreviewDialog | None:
        request = self.print_request()
        if request.period_end is not None and request.period_start is not None \
                and request.period_end < request.period_start:
            self.status_label.error(_("期間の終了日が開始日より前です"))
            return None
        self.status_label.clear()
        name = _("持出記録簿_{start}_{end}.pdf").format(start=request.period_start, end=request.period_end)
        dialog, self.job = preview_form(self.context, self, request, name, self.status_label.error)
        return dialog

    def on_change(self, _change: object) -> None:
        self.list_panel.reload()
