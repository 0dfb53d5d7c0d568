from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.codes import CodeError, check_digit, parse_local_gov_code
from desktop.domain.yen import (
    ThousandRounding,
    YenParseError,
    apply_ratio_floor,
    format_yen,
    parse_ratio,
    parse_yen,
    to_thousand_yen,
)

amounts = st.integers(min_value=0, max_value=10**13)


@given(amounts)
def test_yen_round_trip(amount: int) -> None:
    assert parse_yen(format_yen(amount)) == amount
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in f"{amount:,}")
    assert parse_yen(full_width) == amount


@given(st.text(alphabet="0123456789,円¥ .-０１", max_size=24))
def test_the_plain_spelling_shortcut_reads_as_the_full_rules_do(text: str) -> None:
    """parse_yen reads '1,234' and '1234円' without folding widths first: same value, same refusal."""
    def full_rules(text: str) -> int | str:
        try:
            return parse_yen("\u3000" + text)  # a leading full-width space skips the shortcut
        except YenParseError as error:
            return str(error).replace("\u3000", "")

    try:
        read: int | str = parse_yen(text)
    except YenParseError as error:
        read = str(error)
    assert read == full_rules(text)


def test_yen_format() -> None:
    assert format_yen(1234000) == "1,234,000円"
    assert format_yen(0) == "0円"


@pytest.mark.parametrize(("text", "fragment"), [
    ("-100", "負の数"), ("▲100", "負の数"), ("100.5", "端数"), ("abc", "金額として読めません"), ("", "入力されていません"),
])
def test_bad_yen(text: str, fragment: str) -> None:
    with pytest.raises(YenParseError, match=fragment):
        parse_yen(text)


def test_yen_accepts_clerk_spellings() -> None:
    assert parse_yen("¥1,234") == 1234
    assert parse_yen(" 500 円") == 500
    assert parse_yen("１，２００円") == 1200
    assert parse_yen("1000.00") == 1000


@given(amounts)
def test_half_rounds_down_to_the_yen(amount: int) -> None:
    half = apply_ratio_floor(amount, parse_ratio("0.5"))
    assert isinstance(half, int)
    assert half == amount // 2
    assert 2 * half <= amount < 2 * half + 2


@given(amounts)
def test_thousand_yen_rounding(amount: int) -> None:
    assert to_thousand_yen(amount) * 1000 <= amount
    assert to_thousand_yen(amount, ThousandRounding.CEILING) * 1000 >= amount
    assert abs(to_thousand_yen(amount, ThousandRounding.HALF_UP) * 1000 - amount) <= 500


def test_ratio_is_exact() -> None:
    assert parse_ratio("0.5") == Fraction(1, 2)
    assert parse_ratio("1/3") == Fraction(1, 3)
    with pytest.raises(YenParseError):
        parse_ratio("1.5")


def test_known_codes() -> None:
    assert parse_local_gov_code("131016") == "131016"
    assert parse_local_gov_code("１３１０１６") == "131016"
    with pytest.raises(CodeError, match="検査数字が正しくありません（正しくは131016）"):
        parse_local_gov_code("131017")
    with pytest.raises(CodeError, match="6桁"):
        parse_local_gov_code("13101")


@given(st.text(alphabet="0123456789", min_size=5, max_size=5))
def test_exactly_one_check_digit_is_valid(first_five: str) -> None:
    valid = [d for d in range(10) if _ok(first_five + str(d))]
    assert valid == [check_digit(first_five)]


def _ok(code: str) -> bool:
    try:
        parse_local_gov_code(code)
    except CodeError:
        return False
    return True
