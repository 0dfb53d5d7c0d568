"""The forms the app prints, by id (F1–F14 in FORMS.md): one registry entry per form, and what a
print request holds.

Light on purpose (no reportlab, no SQLAlchemy): screens import it to list forms and build
requests. Each entry names its data builder and renderer as "module:function"; they are
imported only when a form is rendered (desktop.printing.render, in the worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.wareki import format_wareki
from desktop.i18n import N_, _


class Need(Enum):
    """What a request must name for a form."""

    AGREEMENT = "agreement"
    FISCAL_YEAR = "fiscal_year"
    ORGANISATION = "organisation"
    RECORD = "record"                   # one record of the organisation (F8–F13); latest when not named
    PERIOD = "period"                   # from and to dates, both included (F14)


@dataclass(frozen=True)
class FormSpec:
    form_id: str
    title: str                          # msgid, translated where shown
    needs: frozenset[Need]
    builder: str                        # "module:function(session, request) -> data"
    renderer: str                       # "module:function(data) -> PDF bytes"
    letter: bool = False                # carries 文書番号, date and addressee
    optional: frozenset[Need] = frozenset()  # may be named; without it the form prints blank


_LETTERS = "desktop.printing.builders.letters"
_ORGS = "desktop.printing.builders.organisations"
_RECORDS = "desktop.printing.builders.org_records"
_ORG, _REC = frozenset({Need.ORGANISATION}), frozenset({Need.RECORD})

FORMS: dict[str, FormSpec] = {spec.form_id: spec for spec in (
    FormSpec("F1", N_("連携協約書"), frozenset({Need.AGREEMENT}), f"{_LETTERS}:f1_data",
             "desktop.forms.agreement_f1:render_f1"),
    FormSpec("F2", N_("派遣職員受入名簿"), frozenset({Need.FISCAL_YEAR}), f"{_LETTERS}:f2_data",
             "desktop.forms.roster_f2:render_f2", letter=True),
    FormSpec("F3", N_("負担金支払状況一覧"), frozenset({Need.FISCAL_YEAR}), f"{_LETTERS}:f3_data",
             "desktop.forms.contributions_f3:render_f3", letter=True),
    FormSpec("F4", N_("特別交付税算定資料"), frozenset({Need.FISCAL_YEAR}), f"{_LETTERS}:f4_data",
             "desktop.forms.claim_f4:render_f4", letter=True),
    FormSpec("F5", N_("指定地域共同活動団体 指定申請書"), frozenset(), f"{_ORGS}:f5_data",
             "desktop.forms.designation_f5:render_f5", optional=frozenset({Need.ORGANISATION})),
    FormSpec("F6", N_("指定通知書／不指定通知書"), frozenset({Need.ORGANISATION}), f"{_ORGS}:f6_data",
             "desktop.forms.designation_f6:render_f6", letter=True),
    FormSpec("F7", N_("活動及び支援の状況（公表）"), frozenset({Need.FISCAL_YEAR}), f"{_ORGS}:f7_data",
             "desktop.forms.publication_f7:render_f7"),
    FormSpec("F8", N_("報告徴収書"), _ORG, f"{_RECORDS}:f8_data", "desktop.forms.report_request_f8:render_f8",
             letter=True, optional=_REC),
    FormSpec("F9", N_("改善命令書"), _ORG, f"{_RECORDS}:f9_data", "desktop.forms.improvement_order_f9:render_f9",
             letter=True, optional=_REC),
    FormSpec("F10", N_("指定取消通知書"), _ORG, f"{_RECORDS}:f10_data", "desktop.forms.revocation_f10:render_f10",
             letter=True, optional=_REC),
    FormSpec("F11", N_("調整結果通知書"), _ORG, f"{_RECORDS}:f11_data", "desktop.forms.coordination_f11:render_f11",
             letter=True, optional=_REC),
    FormSpec("F12", N_("行政財産貸付契約書"), _ORG, f"{_RECORDS}:f12_data", "desktop.forms.lease_f12:render_f12",
             optional=_REC),
    FormSpec("F13", N_("随意契約理由書"), _ORG, f"{_RECORDS}:f13_data", "desktop.forms.contract_f13:render_f13",
             optional=_REC),
    FormSpec("F14", N_("持出記録簿"), frozenset({Need.PERIOD}), "desktop.printing.builders.carry_out:f14_data",
             "desktop.forms.carry_out_f14:render_f14"),
)}

FORM_TITLES: dict[str, str] = {form_id: spec.title for form_id, spec in FORMS.items()}


@dataclass(frozen=True)
class FormRequest:
    form_id: str
    agreement_number: str = ""
    fiscal_year: FiscalYear | None = None
    document_number: str = ""
    issued_on: date | None = None
    addressee: str | None = None
    org_id: int | None = None
    record_id: int | None = None        # F8–F13: which record of the organisation
    period_start: date | None = None    # F14: the period, both days included
    period_end: date | None = None

    def describe(self) -> str:
        title = _(FORM_TITLES.get(self.form_id, self.form_id))
        if self.agreement_number:
            return f"{self.form_id} {title}（{self.agreement_number}）"
        if self.fiscal_year is not None:
            return f"{self.form_id} {title}（{self.fiscal_year.label()}）"
        if self.period_start is not None and self.period_end is not None:
            return f"{self.form_id} {title}（{format_wareki(self.period_start)}〜{format_wareki(self.period_end)}）"
        if self.org_id is not None and self.record_id is not None:
            return f"{self.form_id} {title}（{_('団体{id} 記録{record}').format(id=self.org_id, record=self.record_id)}）"
        if self.org_id is not None:
            return f"{self.form_id} {title}（{_('団体{id}').format(id=self.org_id)}）"
        return f"{self.form_id} {title}"
