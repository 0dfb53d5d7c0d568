"""The bundled list of local governments: every code valid, lookups by code, name and reading."""

from __future__ import annotations

import pytest

from desktop.domain.codes import CodeError, check_digit
from desktop.domain.local_governments import (
    DEMO_LOCAL_GOV_CODE,
    city_of_ward,
    find_local_government,
    local_governments,
    parse_known_local_gov_code,
    search_local_governments,
)


def test_the_list_is_whole_and_every_code_passes_its_check_digit() -> None:
    entries = local_governments()
    assert len(entries) == 1788 + 171
    assert sum(entry.is_prefecture for entry in entries) == 47
    assert sum(entry.is_ward for entry in entries) == 171  # 175 in 2016; 浜松市 7 → 3 on 2024-01-01
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


@pytest.mark.parametrize("typed", ["中央区", "011011", "０１１０１１", "札幌市中央", "さっぽろしちゅうおう"])
def test_a_designated_citys_ward_is_found_with_its_city_in_the_name(typed: str) -> None:
    found = search_local_governments(typed)
    assert "札幌市中央区" in [entry.name for entry in found]
    ward = next(entry for entry in found if entry.name == "札幌市中央区")
    assert (ward.code, ward.prefecture, ward.is_ward) == ("011011", "北海道", True)
    assert "札幌市中央区" not in [entry.name for entry in search_local_governments(typed, wards=False)]


def test_wards_of_every_designated_city_are_on_the_list() -> None:
    wards = [entry for entry in local_governments() if entry.is_ward]
    assert {"横浜市鶴見区", "大阪市天王寺区", "熊本市北区", "浜松市浜名区"} <= {entry.name for entry in wards}
    assert find_local_government("141011").name == "横浜市鶴見区"  # type: ignore[union-attr]
    assert find_local_government("271098").name == "大阪市天王寺区"  # type: ignore[union-attr]
    assert find_local_government("221317") is None  # 浜松市中区, merged into 中央区 on 2024-01-01
    assert find_local_government("221406").name == "浜松市天竜区"  # type: ignore[union-attr]
    assert not find_local_government("131016").is_ward  # type: ignore[union-attr]  # 特別区 are local governments
    # 20 designated cities, each ward right after its city.
    cities = {entry.code for ward in wards if (entry := city_of_ward(ward)) is not None}
    assert len(cities) == 20 and all(find_local_government(code).name.endswith("市") for code in cities)  # type: ignore[union-attr]


def test_a_ward_cannot_be_the_town_of_an_office() -> None:
    with pytest.raises(CodeError, match="011002 札幌市"):
        parse_known_local_gov_code("011011")
    with pytest.raises(CodeError, match="検査数字"):
        parse_known_local_gov_code("011012")  # the check digit is still checked first
    assert parse_known_local_gov_code("011002") == "011002"
