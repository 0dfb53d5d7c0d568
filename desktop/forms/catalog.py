"""The forms the app prints, by id (F1–F13 in FORMS.md), and what a print request holds.

Light on purpose (no reportlab): screens import it to build requests; the rendering lives in
desktop.form_requests and is loaded in the worker that renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.fiscal_year import FiscalYear
from desktop.i18n import N_, _

FORM_TITLES: dict[str, str] = {
    "F1": N_("連携協約書"),
    "F2": N_("派遣職員受入名簿"),
    "F3": N_("負担金支払状況一覧"),
    "F4": N_("特別交付税算定資料"),
}


@dataclass(frozen=True)
class FormRequest:
    form_id: str
    agreement_number: str = ""
    fiscal_year: FiscalYear | None = None
    document_number: str = ""
    issued_on: date | None = None
    addressee: str | None = None

    def describe(self) -> str:
        title = _(FORM_TITLES.get(self.form_id, self.form_id))
        if self.agreement_number:
            return f"{self.form_id} {title}（{self.agreement_number}）"
        if self.fiscal_year is not None:
            return f"{self.form_id} {title}（{self.fiscal_year.label()}）"
        return f"{self.form_id} {title}"
