from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.wareki import (
    DateParseError,
    format_wareki,
    format_wareki_short,
    format_year_month,
    parse_date,
    parse_month,
    parse_year_month,
)

dates = st.dates(min_value=date(1868, 1, 25), max_value=date(2200, 12, 31))


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2025, 4, 1), "令和7年4月1日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1868, 1, 25), "明治元年1月25日"),
    ],
)
def test_known_dates_format_and_parse(day: date, text: str) -> None:
    assert format_wareki(day) == text
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    ["R7.4.1", "r7.4.1", "R7/4/1", "令和7年4月1日", "令和７年４月１日", "2025-04-01", "2025/4/1",
     "２０２５／４／１", "2025年4月1日", "20250401", " 令和 7年 4月 1日 "],
)
def test_many_spellings_of_one_day(text: str) -> None:
    assert parse_date(text) == date(2025, 4, 1)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("平成31年5月1日", "平成の期間外"),
        ("令和7年2月30日", "存在しない日付"),
        ("令和0年4月1日", "年が正しくありません"),
        ("昨日", "日付として読めません"),
        ("", "入力されていません"),
        ("2025-13-01", "存在しない日付"),
    ],
)
def test_bad_dates_are_refused_in_japanese(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError, match=fragment):
        parse_date(text)


def test_era_hint_names_the_right_date() -> None:
    with pytest.raises(DateParseError, match="令和元年5月1日"):
        parse_date("平成31年5月1日")


@given(dates)
def test_wareki_round_trip(day: date) -> None:
    assert parse_date(format_wareki(day)) == day
    assert parse_date(format_wareki_short(day)) == day
    assert parse_date(to_full_width(format_wareki(day))) == day
    assert parse_date(day.isoformat()) == day


@given(dates)
def test_wareki_text_is_nfc_and_has_one_era(day: date) -> None:
    text = format_wareki(day)
    assert unicodedata.normalize("NFC", text) == text
    assert sum(text.startswith(era) for era in ("明治", "大正", "昭和", "平成", "令和")) == 1


def test_year_month_and_month() -> None:
    assert parse_year_month("令和7年4月") == (2025, 4)
    assert parse_year_month("R7.4") == (2025, 4)
    assert parse_year_month("2025-04") == (2025, 4)
    assert format_year_month(2025, 4) == "令和7年4月"
    assert parse_month("７月") == 7
    with pytest.raises(DateParseError):
        parse_month("13月")
    with pytest.raises(DateParseError):
        parse_year_month("令和7年13月")
