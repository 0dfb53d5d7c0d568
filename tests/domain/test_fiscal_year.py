from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.wareki import DateParseError


@given(st.dates(min_value=date(1869, 4, 1), max_value=date(2999, 12, 31)))
def test_every_day_belongs_to_exactly_one_fiscal_year(day: date) -> None:
    fy = FiscalYear.of(day)
    assert fy.contains(day)
    assert fy.start <= day <= fy.end
    assert not fy.next().contains(day) and not fy.previous().contains(day)


@given(st.integers(min_value=1869, max_value=2999))
def test_label_round_trip(year: int) -> None:
    fy = FiscalYear(year)
    assert FiscalYear.parse(fy.label()) == fy
    assert FiscalYear.parse(str(year)) == fy
    assert (fy.end - fy.start).days in (364, 365)


@pytest.mark.parametrize(
    ("year", "label"),
    [(2025, "令和7年度"), (2019, "令和元年度"), (2018, "平成30年度"), (1989, "平成元年度"),
     (1988, "昭和63年度"), (2020, "令和2年度")],
)
def test_labels(year: int, label: str) -> None:
    assert FiscalYear(year).label() == label


def test_boundaries_and_closing_period() -> None:
    fy = FiscalYear(2025)
    assert fy.start == date(2025, 4, 1) and fy.end == date(2026, 3, 31)
    assert FiscalYear.of(date(2026, 3, 31)) == fy
    assert FiscalYear.of(date(2026, 4, 1)) == FiscalYear(2026)
    assert fy.in_closing_period(date(2026, 5, 31))
    assert not fy.in_closing_period(date(2026, 6, 1))
    assert not fy.in_closing_period(date(2026, 3, 31))


@pytest.mark.parametrize("text", ["令和7年度", "R7", "令和７年度", "2025年度", "２０２５", "平成37年度"])
def test_parse_spellings(text: str) -> None:
    assert FiscalYear.parse(text) == FiscalYear(2025)


def test_parse_refuses_nonsense() -> None:
    with pytest.raises(DateParseError, match="年度として読めません"):
        FiscalYear.parse("来年")
