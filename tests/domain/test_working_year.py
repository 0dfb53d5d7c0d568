"""The working fiscal year, the weekday a date field shows, and every problem of a form at once."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import Problem, merge_problems
from desktop.domain.wareki import format_wareki_datetime, format_wareki_weekday, parse_date
from desktop.domain.working_year import default_working_year


@pytest.mark.parametrize(("today", "money", "expected"), [
    (date(2026, 11, 25), [2024, 2025], 2025),        # R8 has no money yet: the year being worked on is R7
    (date(2026, 11, 25), [2025, 2026], 2026),
    (date(2026, 11, 25), [2025, 2027], 2025),        # a budget entered for next year does not move it
    (date(2026, 11, 25), [], 2026),
    (date(2026, 4, 10), [], 2025),                   # 出納整理期間: the year just closed
    (date(2026, 5, 31), [], 2025),
    (date(2026, 6, 1), [], 2026),
])
def test_the_working_year_is_the_year_with_money(today: date, money: list[int], expected: int) -> None:
    assert default_working_year(today, [FiscalYear(y) for y in money]) == FiscalYear(expected)


def test_a_date_shows_its_weekday_and_reads_back() -> None:
    assert format_wareki_weekday(date(2025, 4, 1)) == "令和7年4月1日（火）"
    assert format_wareki_weekday(date(2019, 5, 1)) == "令和元年5月1日（水）"
    assert parse_date("令和7年4月1日（火）") == date(2025, 4, 1)
    assert parse_date("R7.4.1(火)") == date(2025, 4, 1)
    assert format_wareki_datetime(datetime(2026, 11, 25, 12, 33, 5)) == "令和8年11月25日 12:33:05"
    assert format_wareki_datetime(datetime(1, 1, 1)) == "0001-01-01 00:00:00"   # unknown, not refused


def test_a_field_that_cannot_be_read_says_so_once_and_the_others_still_speak() -> None:
    typed = [Problem("on_date", "「あした」は日付として読めません")]
    rules = [Problem("on_date", "日付を入力してください"), Problem("amount_yen", "金額を入力してください")]
    assert merge_problems(typed, rules) == [typed[0], rules[1]]
