"""The mayor's decisions on an organisation and their checks: 指定, 不指定, 改善命令 (第11項),
改善の確認, 指定の取消し (第12項), 辞退・解散, 変更届. Each check starts with the state machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.domain.organisation import Action, OrgState, Review, refusal
from desktop.domain.problems import Problem
from desktop.domain.wareki import format_wareki
from desktop.i18n import N_, _


@dataclass(frozen=True)
class Designation:
    """指定: 指定番号, 指定日, 公示日 and any conditions attached."""

    decided_on: date
    number: str
    notice_on: date | None = None
    conditions: str = ""


@dataclass(frozen=True)
class Refusal:
    """不指定: the reasons are printed on the 不指定通知書."""

    decided_on: date
    reasons: str


@dataclass(frozen=True)
class ImprovementOrder:
    """改善命令 (第11項): the failings, the measures required and the deadline."""

    ordered_on: date
    failings: str
    measures: str
    deadline: date


@dataclass(frozen=True)
class ImprovementConfirmed:
    confirmed_on: date
    note: str = ""


class RevocationGround(Enum):
    """第12項's grounds; 'other' cites the town's ordinance."""

    LOST_REQUIREMENTS = "lost_requirements"   # 要件を欠き、命令によっても改善を期待できないことが明らか
    ORDER_VIOLATED = "order_violated"         # 改善命令に違反した
    FRAUD = "fraud"                           # 不正な手段により指定を受けた
    ORDINANCE = "ordinance"                   # その他条例で定めるとき

    @property
    def label(self) -> str:
        return _(_GROUND_LABELS[self])

    @property
    def official_label(self) -> str:
        return _GROUND_LABELS[self]


_GROUND_LABELS = {
    RevocationGround.LOST_REQUIREMENTS: N_("要件を欠き、改善を期待できないことが明らか"),
    RevocationGround.ORDER_VIOLATED: N_("改善命令に違反した"),
    RevocationGround.FRAUD: N_("不正な手段により指定を受けた"),
    RevocationGround.ORDINANCE: N_("条例で定める取消事由"),
}


@dataclass(frozen=True)
class Revocation:
    revoked_on: date
    ground: RevocationGround
    reason: str     # the facts; for LOST_REQUIREMENTS without an order, why no improvement can be expected


class DissolutionKind(Enum):
    DECLINED = "declined"     # 指定の辞退
    DISSOLVED = "dissolved"   # 団体の解散

    @property
    def label(self) -> str:
        return _(_DISSOLUTION_LABELS[self])


_DISSOLUTION_LABELS = {DissolutionKind.DECLINED: N_("辞退"), DissolutionKind.DISSOLVED: N_("解散")}


@dataclass(frozen=True)
class Dissolution:
    on: date
    kind: DissolutionKind
    note: str = ""


def _state_problem(state: OrgState, action: Action) -> list[Problem]:
    reason = refusal(state, action)
    return [Problem("state", reason)] if reason else []


def _not_before(problems: list[Problem], field: str, day: date, floor: date | None, what: str) -> None:
    if floor is not None and day < floor:
        problems.append(Problem(field, _("{what}より前の日付は入力できません").format(what=what)))


def check_designation(state: OrgState, decision: Designation, review: Review, applied_on: date | None,
                      taken_numbers: set[str]) -> list[Problem]:
    """指定 needs an application in 申請中 whose review is all met, a unique 指定番号 and dates in order."""
    problems = _state_problem(state, Action.DESIGNATE)
    if problems:
        return problems
    if not review.all_met:
        unmet = "、".join(line.label for line in review.unmet()[:5])
        problems.append(Problem("review", _("満たしていない要件があるため指定できません: {items}").format(items=unmet)))
    number = decision.number.strip()
    if not number:
        problems.append(Problem("number", _("指定番号を入力してください")))
    elif number in taken_numbers:
        problems.append(Problem("number", _("指定番号「{number}」は既に使われています").format(number=number)))
    _not_before(problems, "decided_on", decision.decided_on, applied_on, _("申請日"))
    if decision.notice_on is not None:
        _not_before(problems, "notice_on", decision.notice_on, decision.decided_on, _("指定日"))
    return problems


def check_refusal(state: OrgState, decision: Refusal, applied_on: date | None) -> list[Problem]:
    problems = _state_problem(state, Action.REFUSE)
    if problems:
        return problems
    if not decision.reasons.strip():
        problems.append(Problem("reasons", _("不指定の理由を入力してください（通知書に印刷されます）")))
    _not_before(problems, "decided_on", decision.decided_on, applied_on, _("申請日"))
    return problems


def check_improvement_order(state: OrgState, order: ImprovementOrder, designated_on: date | None) -> list[Problem]:
    problems = _state_problem(state, Action.ORDER_IMPROVEMENT)
    if problems:
        return problems
    if not order.failings.strip():
        problems.append(Problem("failings", _("命令の理由（欠いている要件や違反の内容）を入力してください")))
    if not order.measures.strip():
        problems.append(Problem("measures", _("講ずべき措置を入力してください")))
    if order.deadline <= order.ordered_on:
        problems.append(Problem("deadline", _("期限は命令日より後の日付にしてください（第11項: 期限を定めて命ずる）")))
    _not_before(problems, "ordered_on", order.ordered_on, designated_on, _("指定日"))
    return problems


def check_improvement_confirmed(state: OrgState, confirmed: ImprovementConfirmed,
                                ordered_on: date | None) -> list[Problem]:
    problems = _state_problem(state, Action.CONFIRM_IMPROVEMENT)
    if problems:
        return problems
    _not_before(problems, "confirmed_on", confirmed.confirmed_on, ordered_on, _("改善命令の日"))
    return problems


def check_revocation(state: OrgState, revocation: Revocation, since: date | None, *,
                     order_deadline: date | None = None) -> list[Problem]:
    """第12項. Lost requirements without a prior improvement order need the finding that no order
    could bring improvement; an order can only be violated if one was given, and only once its
    deadline (`order_deadline`, of the order in force) has passed."""
    problems = _state_problem(state, Action.REVOKE)
    if problems:
        return problems
    ground = revocation.ground
    if ground is RevocationGround.ORDER_VIOLATED and state is not OrgState.UNDER_ORDER:
        problems.append(Problem("ground", _("改善命令を出していないため、命令違反を理由に取り消すことはできません")))
    elif ground is RevocationGround.ORDER_VIOLATED and order_deadline is not None \
            and revocation.revoked_on <= order_deadline:
        problems.append(Problem("ground", _("改善命令の期限（{deadline}）が過ぎていないため、命令違反を理由に取り消すことは"
                                            "できません").format(deadline=format_wareki(order_deadline))))
    if not revocation.reason.strip():
        if ground is RevocationGround.LOST_REQUIREMENTS and state is OrgState.DESIGNATED:
            message = _("改善命令を経ずに取り消すには、命令によっても改善を期待できないことが明らかである理由を記録してください")
        elif ground is RevocationGround.ORDINANCE:
            message = _("取消の根拠となる条例の規定と事実を入力してください")
        else:
            message = _("取消の理由となる事実を入力してください")
        problems.append(Problem("reason", message))
    _not_before(problems, "revoked_on", revocation.revoked_on, since, _("直前の手続の日"))
    return problems


def check_dissolution(state: OrgState, dissolution: Dissolution, since: date | None) -> list[Problem]:
    problems = _state_problem(state, Action.DISSOLVE)
    if problems:
        return problems
    _not_before(problems, "on", dissolution.on, since, _("指定日"))
    return problems


def check_change_notice(state: OrgState, effective_on: date, summary: str, designated_on: date | None) -> list[Problem]:
    problems = _state_problem(state, Action.NOTIFY_CHANGE)
    if problems:
        return problems
    if not summary.strip():
        problems.append(Problem("summary", _("変更の内容を入力してください")))
    _not_before(problems, "effective_on", effective_on, designated_on, _("指定日"))
    return problems
