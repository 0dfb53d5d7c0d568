"""The record kinds shown as tabs on an organisation (支援, 調整, 随意契約, 貸付, 報告徴収): their
columns, the dialog's fields, how dialog values become a draft and back, the service and the form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.org_lease import PropertyLeaseDraft, parse_area, validate_lease
from desktop.domain.org_reports import ReportRequestDraft, validate_report_request
from desktop.domain.org_support import (
    CoordinationRequestDraft,
    NegotiatedContractDraft,
    SupportDraft,
    SupportKind,
    validate_contract,
    validate_coordination,
    validate_support,
)
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import DateParseError, format_wareki
from desktop.domain.yen import YenParseError, format_amount, parse_yen
from desktop.i18n import N_, _
from desktop.store.repos.organisation_records import (
    CONTRACT,
    COORDINATION,
    LEASE,
    REPORT,
    SUPPORT,
    RecordKind,
)
from desktop.store.services import organisation_records as services
from desktop.ui.screens.organisations.dialogs import Field


@dataclass(frozen=True)
class RecordSpec:
    key: str                                   # the tab's key (the deadline panel opens it by this)
    title: str                                 # msgid, translated where shown
    kind: RecordKind[Any]
    columns: tuple[tuple[str, Callable[[Any], str]], ...]   # (header msgid, cell text)
    fields: Callable[[], list[Field]]
    to_draft: Callable[[dict[str, Any]], Any]   # raises ValidationError naming the field
    values: Callable[[Any], dict[str, Any]]     # a draft as the dialog's values
    service: Callable[..., Any]
    form_id: str = ""
    alert: Callable[[Any], bool] | None = None   # a row shown in red (an overdue report)
    validate: Callable[[Any], list[Problem]] | None = None   # the draft's rules (domain), for check()

    def check(self, values: dict[str, Any]) -> list[Problem]:
        """Every problem of the dialog's values that the rules find without the office file."""
        try:
            draft = self.to_draft(values)
        except ValidationError as error:
            return error.problems
        return self.validate(draft) if self.validate is not None else []


def _w(day: date | None) -> str:
    return format_wareki(day) if day else ""


def _yen(values: dict[str, Any], name: str, *, required: bool = True) -> int | None:
    text = str(values.get(name) or "").strip()
    if not text:
        if required:
            raise ValidationError.single(name, _("金額を入力してください"))
        return None
    try:
        return parse_yen(text)
    except YenParseError as error:
        raise ValidationError.single(name, str(error)) from error


def _year(values: dict[str, Any]) -> FiscalYear | None:
    text = str(values.get("fiscal_year") or "").strip()
    try:
        return FiscalYear.parse(text) if text else None
    except DateParseError as error:
        raise ValidationError.single("fiscal_year", str(error)) from error


def _support_draft(v: dict[str, Any]) -> SupportDraft:
    kind: SupportKind = v["kind"]
    return SupportDraft(kind, _year(v), v["purpose"], _yen(v, "amount_yen", required=kind is SupportKind.GRANT),
                        v["decided_on"], v["note"])


def _support_values(d: SupportDraft) -> dict[str, Any]:
    return {"kind": d.kind, "fiscal_year": d.fiscal_year.label() if d.fiscal_year else "", "purpose": d.purpose,
            "amount_yen": format_amount(d.amount_yen) if d.amount_yen is not None else "", "decided_on": d.decided_on,
            "note": d.note}


SUPPORT_SPEC = RecordSpec(
    "support", N_("支援"), SUPPORT,
    ((N_("年度"), lambda d: d.fiscal_year.label() if d.fiscal_year else ""), (N_("区分"), lambda d: d.kind.label),
     (N_("内容"), lambda d: d.purpose),
     (N_("金額（円）"), lambda d: format_amount(d.amount_yen) if d.amount_yen is not None else ""),
     (N_("決定日"), lambda d: _w(d.decided_on))),
    lambda: [Field("kind", _("区分"), "choice", choices=tuple((k.label, k) for k in SupportKind)),
             Field("fiscal_year", _("年度"), hint=_("例: 令和8年度、2026")),
             Field("purpose", _("内容"), "text", hint=_("助成の目的、提供した情報、その他の支援")),
             Field("amount_yen", _("助成額（円）"), "yen", required=False, hint=_("活動資金の助成のときだけ")),
             Field("decided_on", _("交付決定日・支援日"), "date"),
             Field("note", _("備考"), required=False)],
    _support_draft, _support_values, services.save_support, validate=validate_support)


def _need_choices() -> tuple[tuple[str, Any], ...]:
    return ((_("未判断"), None), (_("必要と認めた"), True), (_("必要と認めなかった"), False))


COORDINATION_SPEC = RecordSpec(
    "coordination", N_("調整"), COORDINATION,
    ((N_("求めの日"), lambda d: _w(d.requested_on)), (N_("活動"), lambda d: d.activity),
     (N_("関係する団体"), lambda d: d.other_groups.replace("\n", "、")),
     (N_("措置"), lambda d: {None: _("未判断"), True: _("必要"), False: _("不要")}[d.measures_needed]),
     (N_("結果通知"), lambda d: _w(d.result_on))),
    lambda: [Field("requested_on", _("求めのあった日"), "date"), Field("activity", _("調整を求める活動")),
             Field("other_groups", _("関係する団体"), "text", hint=_("1行に1団体")),
             Field("request", _("求めの内容"), "text", required=False),
             Field("measures_needed", _("措置の要否"), "choice", choices=_need_choices()),
             Field("decided_on", _("要否の判断日"), "date", required=False),
             Field("measures", _("講じた措置"), "text", required=False),
             Field("result", _("調整の結果"), "text", required=False),
             Field("result_on", _("結果の通知日"), "date", required=False)],
    lambda v: CoordinationRequestDraft(v["requested_on"], v["activity"], v["other_groups"], v["request"],
                                v["measures_needed"], v["decided_on"], v["measures"], v["result"], v["result_on"]),
    lambda d: {"requested_on": d.requested_on, "activity": d.activity, "other_groups": d.other_groups,
               "request": d.request, "measures_needed": d.measures_needed, "decided_on": d.decided_on,
               "measures": d.measures, "result": d.result, "result_on": d.result_on},
    services.save_coordination, "F11", validate=validate_coordination)

CONTRACT_SPEC = RecordSpec(
    "contracts", N_("随意契約"), CONTRACT,
    ((N_("業務"), lambda d: d.work), (N_("金額（円）"), lambda d: format_amount(d.amount_yen or 0)),
     (N_("期間"), lambda d: f"{_w(d.start_on)}〜{_w(d.end_on)}"), (N_("根拠"), lambda d: d.rule_clause)),
    lambda: [Field("work", _("委託する業務")), Field("amount_yen", _("契約金額（円）"), "yen"),
             Field("start_on", _("契約期間の開始"), "date"), Field("end_on", _("契約期間の終了"), "date"),
             Field("concluded_on", _("契約日"), "date", required=False),
             Field("rule_clause", _("町の規則の条項"), hint=_("例: B町契約規則第20条第1項第3号")),
             Field("reason", _("随意契約とする理由"), "text", required=False, hint=_("空欄なら標準の文で印刷します"))],
    lambda v: NegotiatedContractDraft(v["work"], _yen(v, "amount_yen"), v["start_on"], v["end_on"], v["concluded_on"],
                            v["rule_clause"], v["reason"]),
    lambda d: {"work": d.work, "amount_yen": format_amount(d.amount_yen or 0), "start_on": d.start_on,
               "end_on": d.end_on, "concluded_on": d.concluded_on, "rule_clause": d.rule_clause, "reason": d.reason},
    services.save_contract, "F13", validate=validate_contract)


def _lease_draft(v: dict[str, Any]) -> PropertyLeaseDraft:
    area = parse_area(str(v["area_m2"])) if str(v["area_m2"]).strip() else None
    if str(v["area_m2"]).strip() and area is None:
        raise ValidationError([Problem("area_m2", _("面積は数字で入力してください（例: 45.5）"))])
    return PropertyLeaseDraft(v["property_name"], v["room"], area, v["purpose"], v["start_on"], v["end_on"],
                      _yen(v, "rent_yen"), v["free_ground"], v["no_hindrance"], v["concluded_on"], v["terminated_on"],
                      v["termination_reason"])


LEASE_SPEC = RecordSpec(
    "leases", N_("貸付"), LEASE,
    ((N_("財産"), lambda d: d.property_name), (N_("部分"), lambda d: d.room), (N_("面積（㎡）"), lambda d: f"{d.area_m2}"),
     (N_("期間"), lambda d: f"{_w(d.start_on)}〜{_w(d.end_on)}"),
     (N_("貸付料（円）"), lambda d: format_amount(d.rent_yen) if d.rent_yen else _("無償")),
     (N_("解除"), lambda d: _w(d.terminated_on))),
    lambda: [Field("property_name", _("行政財産の名称")), Field("room", _("貸付部分")),
             Field("area_m2", _("面積（㎡）")), Field("purpose", _("用途")),
             Field("start_on", _("貸付期間の開始"), "date"), Field("end_on", _("貸付期間の終了"), "date"),
             Field("rent_yen", _("貸付料（年額・円）"), "yen", default="0", hint=_("無償は0")),
             Field("free_ground", _("無償・減額の根拠"), required=False),
             Field("no_hindrance", _("用途又は目的を妨げない理由"), "text", hint=_("第7項")),
             Field("concluded_on", _("契約日"), "date", required=False),
             Field("terminated_on", _("解除日"), "date", required=False),
             Field("termination_reason", _("解除の理由"), required=False, hint=_("公用又は公共用に供する必要など（第9項）"))],
    _lease_draft,
    lambda d: {"property_name": d.property_name, "room": d.room, "area_m2": str(d.area_m2 or ""), "purpose": d.purpose,
               "start_on": d.start_on, "end_on": d.end_on, "rent_yen": str(d.rent_yen or 0),
               "free_ground": d.free_ground, "no_hindrance": d.no_hindrance, "concluded_on": d.concluded_on,
               "terminated_on": d.terminated_on, "termination_reason": d.termination_reason},
    services.save_lease, "F12", validate=validate_lease)

REPORT_SPEC = RecordSpec(
    "reports", N_("報告徴収"), REPORT,
    ((N_("求めた日"), lambda d: _w(d.requested_on)), (N_("事項"), lambda d: d.items.replace("\n", "、")),
     (N_("期限"), lambda d: _w(d.due_on)), (N_("受理日"), lambda d: _w(d.received_on)),
     (N_("状況"), lambda d: d.status(date.today()))),
    lambda: [Field("requested_on", _("報告を求めた日"), "date"), Field("items", _("報告を求める事項"), "text"),
             Field("due_on", _("期限"), "date"), Field("received_on", _("受理日"), "date", required=False),
             Field("content", _("報告の内容"), "text", required=False)],
    lambda v: ReportRequestDraft(v["requested_on"], v["items"], v["due_on"], v["received_on"], v["content"]),
    lambda d: {"requested_on": d.requested_on, "items": d.items, "due_on": d.due_on, "received_on": d.received_on,
               "content": d.content},
    services.save_report_request, "F8", lambda d: d.overdue(date.today()), validate_report_request)

RECORD_SPECS = (SUPPORT_SPEC, COORDINATION_SPEC, CONTRACT_SPEC, LEASE_SPEC, REPORT_SPEC)
