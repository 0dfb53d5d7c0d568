"""The first-year claim's rules, scenario by scenario, then as properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.claim import (
    ClaimAssignment,
    ClaimExclusion,
    ClaimLine,
    ClaimPost,
    ExclusionReason,
    compute_claim,
    judge_post,
)
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import DEFAULT_PARAMETERS
from desktop.domain.periods import Period
from desktop.domain.staffing import DispatchForm
from desktop.domain.town import TownCategory

FY = FiscalYear(2025)
ACT, OTHER = DispatchForm.LOCAL_AUTONOMY_ACT, DispatchForm.OTHER
TOWN = TownCategory.TOWN_VILLAGE
AGREEMENT_PERIOD = Period(date(2024, 4, 1), date(2028, 3, 31))


def person(staff_id: int, start: date, end: date, *, form: DispatchForm = ACT, field: str = "保健師",
           separate: bool = False, name: str = "") -> ClaimAssignment:
    return ClaimAssignment(staff_id, name or f"職員{staff_id}", field, separate, form, start, end)


def post(*assignments: ClaimAssignment, paid: int = 1_000_000, refunded: int = 0, staff: int | None = 1,
         concluded: date | None = date(2024, 3, 25), abolished: date | None = None,
         period: Period | None = AGREEMENT_PERIOD) -> ClaimPost:
    return ClaimPost(7, "健康福祉課／保健師", "第1号", concluded, abolished, period, tuple(assignments),
                     ((staff, paid),) if paid else (), ((staff, refunded),) if refunded else ())


FULL_YEAR = person(1, date(2025, 4, 1), date(2026, 3, 31))


def verdict(p: ClaimPost, category: TownCategory = TOWN, parameters=DEFAULT_PARAMETERS):  # type: ignore[no-untyped-def]
    return judge_post(p, FY, parameters, category)


def reason(p: ClaimPost, **kwargs) -> ExclusionReason:  # type: ignore[no-untyped-def]
    result = verdict(p, **kwargs)
    assert isinstance(result, ClaimExclusion), result
    return result.reason


def test_first_year_act_dispatch_is_claimed_at_half_rounded_down() -> None:
    line = verdict(post(FULL_YEAR, paid=1_000_001))
    assert isinstance(line, ClaimLine)
    assert (line.net_yen, line.amount_yen, line.first_year) == (1_000_001, 500_000, FY)


@pytest.mark.parametrize("category", [TownCategory.CORE_CITY, TownCategory.DESIGNATED_CITY,
                                      TownCategory.PREFECTURAL_CAPITAL])
def test_ineligible_town(category: TownCategory) -> None:
    assert reason(post(FULL_YEAR), category=category) is ExclusionReason.INELIGIBLE_TOWN


def test_general_city_is_eligible() -> None:
    assert isinstance(verdict(post(FULL_YEAR), category=TownCategory.GENERAL_CITY), ClaimLine)


def test_agreement_not_concluded() -> None:
    assert reason(post(FULL_YEAR, concluded=None)) is ExclusionReason.NOT_CONCLUDED
    assert reason(post(FULL_YEAR, concluded=date(2026, 4, 2))) is ExclusionReason.NOT_CONCLUDED


def test_outside_the_agreement() -> None:
    assert reason(post(FULL_YEAR, abolished=date(2025, 4, 1))) is ExclusionReason.OUTSIDE_AGREEMENT
    assert reason(post(FULL_YEAR, period=Period(date(2022, 4, 1), date(2025, 3, 31)))) is ExclusionReason.OUTSIDE_AGREEMENT
    # abolished during the year: still in force in that year
    assert isinstance(verdict(post(FULL_YEAR, abolished=date(2025, 10, 1))), ClaimLine)


def test_money_but_no_dispatch_in_the_year() -> None:
    previous = person(1, date(2024, 4, 1), date(2025, 3, 31))
    assert reason(post(previous)) is ExclusionReason.NO_DISPATCH


def test_separate_measure_by_master_flag_or_by_parameters() -> None:
    assert reason(post(replace(FULL_YEAR, field_name="技術職員", field_separate=True))) is ExclusionReason.SEPARATE_MEASURE
    assert reason(post(replace(FULL_YEAR, field_name="デジタル人材"))) is ExclusionReason.SEPARATE_MEASURE


def test_other_dispatch_form_is_the_senders_measure() -> None:
    assert reason(post(replace(FULL_YEAR, dispatch_form=OTHER))) is ExclusionReason.NOT_ACT_DISPATCH


def test_second_year_is_excluded() -> None:
    two_years = person(1, date(2024, 4, 1), date(2026, 3, 31))
    excluded = verdict(post(two_years))
    assert isinstance(excluded, ClaimExclusion) and excluded.reason is ExclusionReason.NOT_FIRST_YEAR
    assert "令和6年度" in excluded.detail


def test_a_new_person_on_the_same_post_is_still_the_second_year() -> None:
    first = person(1, date(2024, 4, 1), date(2025, 3, 31))
    successor = person(2, date(2025, 4, 1), date(2026, 3, 31))
    assert reason(post(first, successor, staff=2)) is ExclusionReason.NOT_FIRST_YEAR


def test_mid_year_start_makes_that_year_the_first() -> None:
    october = person(1, date(2025, 10, 1), date(2027, 3, 31))
    line = verdict(post(october, paid=2_900_631))
    assert isinstance(line, ClaimLine) and line.first_year == FY and line.amount_yen == 1_450_315
    # the same post the next year is its second year
    assert isinstance(judge_post(post(october), FY.next(), DEFAULT_PARAMETERS, TOWN), ClaimExclusion)


def test_refund_reduces_the_contribution() -> None:
    line = verdict(post(FULL_YEAR, paid=1_000_000, refunded=35_001))
    assert isinstance(line, ClaimLine)
    assert (line.net_yen, line.amount_yen) == (964_999, 482_499)


def test_no_contribution_paid() -> None:
    assert reason(post(FULL_YEAR, paid=0)) is ExclusionReason.NO_CONTRIBUTION
    assert reason(post(FULL_YEAR, paid=10, refunded=10)) is ExclusionReason.NO_CONTRIBUTION


def test_money_of_a_non_act_person_on_a_mixed_post_is_not_claimed() -> None:
    act = person(1, date(2025, 4, 1), date(2025, 9, 30))
    other = person(2, date(2025, 10, 1), date(2026, 3, 31), form=OTHER)
    p = ClaimPost(7, "p", "第1号", date(2024, 3, 25), None, None, (act, other), ((1, 600_000), (2, 400_000)), ())
    line = verdict(p)
    assert isinstance(line, ClaimLine) and line.net_yen == 600_000 and line.persons == ("職員1",)


def test_first_year_rule_is_a_parameter() -> None:
    two_years = person(1, date(2024, 4, 1), date(2026, 3, 31))
    every_year = replace(DEFAULT_PARAMETERS, first_year_only=False, ratio=Fraction(1, 3))
    line = verdict(post(two_years, paid=1_000_000), parameters=every_year)
    assert isinstance(line, ClaimLine) and line.amount_yen == 333_333


def test_posts_without_staff_or_money_in_the_year_are_left_out() -> None:
    old = post(person(1, date(2020, 4, 1), date(2021, 3, 31)), paid=0)
    result = compute_claim(FY, TOWN, DEFAULT_PARAMETERS, [old])
    assert result.lines == () and result.exclusions == ()


# -- properties

days = st.dates(min_value=date(2023, 4, 1), max_value=date(2027, 3, 31))


@st.composite
def posts(draw, post_id: int):  # type: ignore[no-untyped-def]
    assignments = []
    for staff_id in range(draw(st.integers(min_value=0, max_value=3))):
        a, b = draw(days), draw(days)
        assignments.append(ClaimAssignment(staff_id, f"s{staff_id}", draw(st.sampled_from(["保健師", "技術職員", "税務"])),
                                           draw(st.booleans()), draw(st.sampled_from(list(DispatchForm))),
                                           min(a, b), max(a, b)))
    money = st.lists(st.tuples(st.one_of(st.none(), st.integers(min_value=0, max_value=3)),
                               st.integers(min_value=0, max_value=10**8)), max_size=4)
    concluded = draw(st.one_of(st.none(), days))
    return ClaimPost(post_id, f"post{post_id}", "第1号", concluded, draw(st.one_of(st.none(), days)),
                     draw(st.one_of(st.none(), st.just(Period(date(2024, 4, 1), date(2027, 3, 31))))),
                     tuple(assignments), tuple(draw(money)), tuple(draw(money)))


@given(st.lists(st.integers(min_value=0, max_value=50), unique=True, max_size=8).flatmap(
    lambda ids: st.tuples(*(posts(i) for i in ids))), st.sampled_from(list(TownCategory)))
def test_every_post_once_and_claim_at_most_half_of_what_was_paid(all_posts: tuple[ClaimPost, ...],
                                                                category: TownCategory) -> None:
    result = compute_claim(FY, category, DEFAULT_PARAMETERS, list(all_posts))
    seen = [line.post_id for line in result.lines] + [e.post_id for e in result.exclusions]
    assert len(seen) == len(set(seen))
    relevant = {p.post_id for p in all_posts
                if any(FY.overlaps(a.start_on, a.end_on) for a in p.assignments)
                or any(amount for _s, amount in p.paid_by_staff + p.refunded_by_staff)}
    assert set(seen) == relevant
    paid = sum(amount for p in all_posts if p.post_id in relevant for _s, amount in p.paid_by_staff)
    assert 2 * result.total_yen <= paid
    for line in result.lines:
        assert line.amount_yen == line.net_yen // 2 and type(line.amount_yen) is int
    if category in DEFAULT_PARAMETERS.excluded_categories:
        assert result.lines == () and not result.eligible
