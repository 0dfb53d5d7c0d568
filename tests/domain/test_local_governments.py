"""The bundled list of local governments: every code valid, lookups by code, name and reading."""

from __future__ import annotations

import pytest

from desktop.domain.codes import CodeError, check_digit
from desktop.domain.local_governments import (
    DEMO_LOCAL_GOV_CODE,
    find_local_government,
    local_governments,
    parse_known_local_gov_code,
    search_local_governments,
)


def test_the_list_is_whole_and_every_code_passes_its_check_digit() -> None:
    entries = local_governments()
    assert len(entries) == 1788
    assert sum(entry.is_prefecture for entry in entries) == 47
    assert len({entry.code for entry in entries}) == len(entries)
    assert all(int(entry.code[5]) == check_digit(entry.code[:5]) for entry in entries)


@pytest.mark.parametrize("typed", ["板橋", "131199", "１３１１９９", "東京都板橋", "イタバシ", "いたばし"])
def test_itabashi_is_found_by_name_code_and_reading(typed: str) -> None:
    assert "板橋区" in [entry.name for entry in search_local_governments(typed)]


def test_a_code_is_looked_up() -> None:
    entry = find_local_government("131199")
    assert entry is not None and (entry.prefecture, entry.name) == ("東京都", "板橋区")
    assert entry.label() == "131199 東京都 板橋区"


def test_a_code_with_a_right_check_digit_that_names_no_local_government_is_refused() -> None:
    # Between 青ヶ島村 (134023) and 小笠原村 (134210) lie unused codes that pass the digit.
    code = next(f"{n:05d}{check_digit(f'{n:05d}')}" for n in range(13403, 13500)
                if find_local_government(f"{n:05d}{check_digit(f'{n:05d}')}") is None)
    with pytest.raises(CodeError, match="ありません"):
        parse_known_local_gov_code(code)
    assert parse_known_local_gov_code("131199") == "131199"
    with pytest.raises(CodeError, match="検査数字"):
        parse_known_local_gov_code("131198")


def test_the_demo_code_is_fictional_but_accepted() -> None:
    assert int(DEMO_LOCAL_GOV_CODE[5]) == check_digit(DEMO_LOCAL_GOV_CODE[:5])
    assert find_local_government(DEMO_LOCAL_GOV_CODE) is None
    assert parse_known_local_gov_code(DEMO_LOCAL_GOV_CODE) == DEMO_LOCAL_GOV_CODE


def test_a_town_profile_with_such_a_code_is_refused_on_its_field() -> None:
    from desktop.domain.town import TownProfile, validate_town_profile

    profile = TownProfile(name="Y村", prefecture="東京都", local_gov_code="134031", mayor_title="村長", mayor_name="x")
    problems = validate_town_profile(profile)
    assert [p.field for p in problems] == ["local_gov_code"] and "ありません" in problems[0].message
    assert validate_town_profile(TownProfile(name="板橋区", prefecture="東京都", local_gov_code="131199",
                                             mayor_title="区長", mayor_name="x")) == []
