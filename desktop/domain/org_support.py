"""What the town does for a designated organisation (地方自治法第260条の49): support (第3項),
coordination with other groups on its request (第5項) and negotiated contracts (第6項, 随意契約).
Each record is a draft with its own checks; the store keeps them per organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.organisation import OrgState
from desktop.domain.problems import Problem
from desktop.i18n import N_, _

# Support, coordination and contracts are for organisations the town designated (第3項・第5項・第6項).
SUPPORTED_STATES = frozenset({OrgState.DESIGNATED, OrgState.UNDER_ORDER})
MAX_YEN = 10_000_000_000


def state_problems(state: OrgState, what: str) -> list[Problem]:
    """Records of support and supervision exist only for a designated organisation."""
    if state in SUPPORTED_STATES:
        return []
    return [Problem("state", _("{what}は指定中（又は改善命令中）の団体についてだけ記録できます（現在: {state}）").format(
        what=what, state=state.label))]


def _yen(problems: list[Problem], field: str, amount: int | None, *, required: bool, label: str) -> None:
    if amount is None:
        if required:
            problems.append(Problem(field, _("{label}を円単位の整数で入力してください").format(label=label)))
    elif amount < 0 or amount > MAX_YEN:
        problems.append(Problem(field, _("{label}は0円以上100億円以下で入力してください").format(label=label)))


def _order(problems: list[Problem], field: str, start: date | None, end: date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        problems.append(Problem(field, _("{what}は開始日以後の日付にしてください").format(what=what)))


class SupportKind(Enum):
    """第3項の支援: 活動資金の助成, 情報の提供, その他."""

    GRANT = "grant"
    INFORMATION = "information"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_SUPPORT_LABELS[self])

    @property
    def official_label(self) -> str:
        return _SUPPORT_LABELS[self]


_SUPPORT_LABELS = {
    SupportKind.GRANT: N_("活動資金の助成"),
    SupportKind.INFORMATION: N_("情報の提供"),
    SupportKind.OTHER: N_("その他の支援"),
}


@dataclass(frozen=True)
class SupportDraft:
    """支援 (第3項). A grant has its amount (whole yen), purpose, fiscal year and decision date."""

    kind: SupportKind = SupportKind.GRANT
    fiscal_year: FiscalYear | None = None
    purpose: str = ""                 # what the grant was for / what information / what support
    amount_yen: int | None = None     # grants only
    decided_on: date | None = None    # 交付決定日 (grants) or the date the support was given
    note: str = ""


def validate_support(draft: SupportDraft) -> list[Problem]:
    problems: list[Problem] = []
    if draft.fiscal_year is None:
        problems.append(Problem("fiscal_year", _("年度を入力してください")))
    if not draft.purpose.strip():
        problems.append(Problem("purpose", _("支援の内容（助成の目的、提供した情報など）を入力してください")))
    if draft.decided_on is None:
        problems.append(Problem("decided_on", _("交付決定日（支援した日）を入力してください")))
    grant = draft.kind is SupportKind.GRANT
    _yen(problems, "amount_yen", draft.amount_yen, required=grant, label=_("助成額"))
    if not grant and draft.amount_yen is not None:
        problems.append(Problem("amount_yen", _("金額は活動資金の助成についてだけ入力します")))
    if draft.fiscal_year is not None and draft.decided_on is not None and grant \
            and not draft.fiscal_year.contains(draft.decided_on):
        problems.append(Problem("decided_on", _("交付決定日が{year}の期間（4月1日〜3月31日）にありません").format(
            year=draft.fiscal_year.label())))
    return problems


@dataclass(frozen=True)
class CoordinationRequestDraft:
    """調整の求め (第5項): the organisation asks the mayor to coordinate with other groups; the mayor
    decides whether measures are necessary, takes them and records the result."""

    requested_on: date | None = None
    activity: str = ""                  # the activity the request concerns
    other_groups: str = ""              # the groups concerned, one per line
    request: str = ""                   # what the organisation asked
    measures_needed: bool | None = None  # None: not yet decided
    decided_on: date | None = None      # when the mayor decided whether measures are needed
    measures: str = ""
    result: str = ""
    result_on: date | None = None       # 調整結果の通知日


def validate_coordination(draft: CoordinationRequestDraft) -> list[Problem]:
    problems: list[Problem] = []
    if draft.requested_on is None:
        problems.append(Problem("requested_on", _("求めのあった日を入力してください")))
    if not draft.activity.strip():
        problems.append(Problem("activity", _("調整を求める活動を入力してください")))
    if not draft.other_groups.strip():
        problems.append(Problem("other_groups", _("関係する団体を入力してください")))
    if draft.measures_needed is not None and draft.decided_on is None:
        problems.append(Problem("decided_on", _("措置の要否を判断した日を入力してください")))
    if draft.measures_needed and not draft.measures.strip():
        problems.append(Problem("measures", _("必要と認めた措置の内容を入力してください")))
    if draft.result_on is not None:
        if draft.measures_needed is None:
            problems.append(Problem("measures_needed", _("結果を通知する前に、措置の要否を記録してください")))
        if not draft.result.strip():
            problems.append(Problem("result", _("調整の結果を入力してください（通知書に印刷されます）")))
    for field, later, what in (("decided_on", draft.decided_on, _("判断日")), ("result_on", draft.result_on, _("通知日"))):
        if later is not None and draft.requested_on is not None and later < draft.requested_on:
            problems.append(Problem(field, _("{what}は求めのあった日以後にしてください").format(what=what)))
    return problems


@dataclass(frozen=True)
class NegotiatedContractDraft:
    """随意契約 (第6項): work commissioned to the organisation, per the cabinet order and the town's rule."""

    work: str = ""
    amount_yen: int | None = None
    start_on: date | None = None
    end_on: date | None = None
    concluded_on: date | None = None
    rule_clause: str = ""     # the town rule's clause followed (e.g. B町契約規則第20条第1項第3号)
    reason: str = ""          # why this organisation (printed on the 随意契約理由書)


def validate_contract(draft: NegotiatedContractDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.work.strip():
        problems.append(Problem("work", _("委託する業務を入力してください")))
    _yen(problems, "amount_yen", draft.amount_yen, required=True, label=_("契約金額"))
    if draft.start_on is None:
        problems.append(Problem("start_on", _("契約期間の開始日を入力してください")))
    if draft.end_on is None:
        problems.append(Problem("end_on", _("契約期間の終了日を入力してください")))
    _order(problems, "end_on", draft.start_on, draft.end_on, _("終了日"))
    if not draft.rule_clause.strip():
        problems.append(Problem("rule_clause", _("根拠とする町の規則の条項を入力してください（例: 契約規則第20条）")))
    if draft.concluded_on is not None and draft.start_on is not None and draft.concluded_on > draft.start_on:
        problems.append(Problem("concluded_on", _("契約日は契約期間の開始日以前にしてください")))
    return problems
