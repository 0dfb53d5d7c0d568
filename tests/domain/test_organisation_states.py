"""The organisation's state machine: every allowed and every refused transition, and each decision's checks."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.domain.designation import (
    Designation,
    Dissolution,
    DissolutionKind,
    ImprovementConfirmed,
    ImprovementOrder,
    Refusal,
    Revocation,
    RevocationGround,
    check_change_notice,
    check_designation,
    check_dissolution,
    check_improvement_confirmed,
    check_improvement_order,
    check_refusal,
    check_revocation,
)
from desktop.domain.organisation import (
    Action,
    OrgState,
    Review,
    ReviewLine,
    Section,
    TransitionError,
    next_state,
    refusal,
)

S = OrgState
# Written out by hand from DOMAIN.md §5 (not derived from the code's table), so the test can fail.
ALLOWED: dict[tuple[OrgState, Action], OrgState] = {
    (S.REGISTERED, Action.APPLY): S.APPLIED,
    (S.REFUSED, Action.APPLY): S.APPLIED,
    (S.APPLIED, Action.WITHDRAW_APPLICATION): S.REGISTERED,
    (S.APPLIED, Action.DESIGNATE): S.DESIGNATED,
    (S.APPLIED, Action.REFUSE): S.REFUSED,
    (S.DESIGNATED, Action.ORDER_IMPROVEMENT): S.UNDER_ORDER,
    (S.UNDER_ORDER, Action.CONFIRM_IMPROVEMENT): S.DESIGNATED,
    (S.DESIGNATED, Action.REVOKE): S.REVOKED,
    (S.UNDER_ORDER, Action.REVOKE): S.REVOKED,
    (S.DESIGNATED, Action.DISSOLVE): S.DISSOLVED,
    (S.DESIGNATED, Action.NOTIFY_CHANGE): S.DESIGNATED,
    (S.UNDER_ORDER, Action.NOTIFY_CHANGE): S.UNDER_ORDER,
}
ALL_PAIRS = [(state, action) for state in OrgState for action in Action]


@pytest.mark.parametrize(("state", "action"), [p for p in ALL_PAIRS if p in ALLOWED],
                         ids=lambda v: v.value)
def test_allowed_transition(state: OrgState, action: Action) -> None:
    assert refusal(state, action) is None
    assert next_state(state, action) is ALLOWED[(state, action)]


@pytest.mark.parametrize(("state", "action"), [p for p in ALL_PAIRS if p not in ALLOWED],
                         ids=lambda v: v.value)
def test_refused_transition_says_why(state: OrgState, action: Action) -> None:
    reason = refusal(state, action)
    assert reason, f"{state} {action} should be refused"
    assert state.label in reason or "これ以上の手続はできません" in reason
    with pytest.raises(TransitionError, match=re.escape(reason)):
        next_state(state, action)


def test_terminal_states_allow_nothing() -> None:
    for state in (S.REVOKED, S.DISSOLVED):
        assert all(refusal(state, action) for action in Action)


ALL_MET = Review((ReviewLine(Section.BASIC, "活動区域", True, "東小学校区"),))
UNMET = Review((ReviewLine(Section.ATTACHMENT, "誓約書", False, "未提出"),))


def fields(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [p.field for p in problems]


def test_designation_needs_all_requirements_a_unique_number_and_dates_in_order() -> None:
    good = Designation(date(2025, 8, 1), "第1号", date(2025, 8, 5))
    assert check_designation(S.APPLIED, good, ALL_MET, date(2025, 7, 1), set()) == []
    unmet = check_designation(S.APPLIED, good, UNMET, date(2025, 7, 1), set())
    assert fields(unmet) == ["review"] and "誓約書" in unmet[0].message
    assert fields(check_designation(S.APPLIED, good, ALL_MET, date(2025, 7, 1), {"第1号"})) == ["number"]
    assert fields(check_designation(S.APPLIED, Designation(date(2025, 8, 1), " "), ALL_MET, None, set())) == ["number"]
    early = Designation(date(2025, 6, 1), "第2号", date(2025, 5, 1))
    assert fields(check_designation(S.APPLIED, early, ALL_MET, date(2025, 7, 1), set())) == ["decided_on", "notice_on"]
    assert fields(check_designation(S.DESIGNATED, good, ALL_MET, None, set())) == ["state"]


def test_refusal_needs_reasons() -> None:
    assert check_refusal(S.APPLIED, Refusal(date(2025, 8, 1), "総会が開かれていない"), date(2025, 7, 1)) == []
    assert fields(check_refusal(S.APPLIED, Refusal(date(2025, 8, 1), ""), None)) == ["reasons"]
    assert fields(check_refusal(S.REGISTERED, Refusal(date(2025, 8, 1), "x"), None)) == ["state"]


def test_improvement_order_needs_a_deadline_after_the_order() -> None:
    order = ImprovementOrder(date(2026, 1, 10), "総会未開催", "総会を開催すること", date(2026, 3, 31))
    assert check_improvement_order(S.DESIGNATED, order, date(2025, 8, 1)) == []
    late = ImprovementOrder(date(2026, 1, 10), "x", "y", date(2026, 1, 10))
    assert fields(check_improvement_order(S.DESIGNATED, late, None)) == ["deadline"]
    assert fields(check_improvement_order(S.DESIGNATED, ImprovementOrder(date(2026, 1, 10), "", "", date(2026, 2, 1)),
                                          None)) == ["failings", "measures"]
    assert fields(check_improvement_order(S.APPLIED, order, None)) == ["state"]
    assert check_improvement_confirmed(S.UNDER_ORDER, ImprovementConfirmed(date(2026, 3, 1)), date(2026, 1, 10)) == []
    assert fields(check_improvement_confirmed(S.UNDER_ORDER, ImprovementConfirmed(date(2026, 1, 1)),
                                              date(2026, 1, 10))) == ["confirmed_on"]


def test_revocation_for_lost_requirements_without_an_order_needs_the_no_improvement_finding() -> None:
    bare = Revocation(date(2026, 2, 1), RevocationGround.LOST_REQUIREMENTS, "")
    problems = check_revocation(S.DESIGNATED, bare, date(2025, 8, 1))
    assert fields(problems) == ["reason"] and "改善を期待できない" in problems[0].message
    found = Revocation(date(2026, 2, 1), RevocationGround.LOST_REQUIREMENTS, "構成員が2名となり活動を休止した")
    assert check_revocation(S.DESIGNATED, found, date(2025, 8, 1)) == []


def test_revocation_for_a_violated_order_needs_an_order() -> None:
    violated = Revocation(date(2026, 4, 1), RevocationGround.ORDER_VIOLATED, "期限までに総会を開催しなかった")
    assert fields(check_revocation(S.DESIGNATED, violated, None)) == ["ground"]
    assert check_revocation(S.UNDER_ORDER, violated, date(2026, 1, 10)) == []
    assert fields(check_revocation(S.UNDER_ORDER, violated, date(2026, 5, 1))) == ["revoked_on"]
    assert fields(check_revocation(S.REFUSED, violated, None)) == ["state"]


def test_dissolution_and_change_notice() -> None:
    assert check_dissolution(S.DESIGNATED, Dissolution(date(2026, 3, 31), DissolutionKind.DISSOLVED), None) == []
    under = check_dissolution(S.UNDER_ORDER, Dissolution(date(2026, 3, 31), DissolutionKind.DECLINED), None)
    assert fields(under) == ["state"] and "改善命令中" in under[0].message
    assert check_change_notice(S.DESIGNATED, date(2026, 4, 1), "代表者の交代", date(2025, 8, 1)) == []
    assert fields(check_change_notice(S.DESIGNATED, date(2026, 4, 1), "", None)) == ["summary"]
    assert fields(check_change_notice(S.APPLIED, date(2026, 4, 1), "x", None)) == ["state"]
