from __future__ import annotations

from desktop.domain.town import TownCategory, TownProfile, grant_eligibility, validate_town_profile


def test_categories_and_eligibility() -> None:
    assert grant_eligibility(TownCategory.TOWN_VILLAGE).eligible
    assert grant_eligibility(TownCategory.GENERAL_CITY).eligible
    for category in (TownCategory.CORE_CITY, TownCategory.DESIGNATED_CITY, TownCategory.PREFECTURAL_CAPITAL):
        result = grant_eligibility(category)
        assert not result.eligible
        assert category.label in result.reason and "対象外" in result.reason


def test_profile_problems_name_their_fields() -> None:
    problems = validate_town_profile(TownProfile(local_gov_code="131017"))
    fields = {p.field for p in problems}
    assert {"name", "prefecture", "local_gov_code", "mayor_name"} <= fields
    code = next(p for p in problems if p.field == "local_gov_code")
    assert "検査数字" in code.message


def test_names_are_kept_as_typed() -> None:
    profile = TownProfile(name="髙﨑町", prefecture="A県", local_gov_code="990001", mayor_name="𠮷田 ①")
    assert validate_town_profile(profile) == []
