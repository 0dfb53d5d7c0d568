"""自団体: the office's own profile, its category, and whether the grant measure can apply to it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from desktop.domain.codes import CodeError
from desktop.domain.local_governments import parse_known_local_gov_code
from desktop.domain.problems import Problem
from desktop.i18n import N_, _


class TownCategory(Enum):
    """団体区分. Values are stored in the office file; labels are shown."""

    TOWN_VILLAGE = "town_village"
    GENERAL_CITY = "general_city"
    CORE_CITY = "core_city"
    DESIGNATED_CITY = "designated_city"
    PREFECTURAL_CAPITAL = "prefectural_capital"

    @property
    def label(self) -> str:
        return _(_CATEGORY_LABELS[self])

    @property
    def official_label(self) -> str:
        """The Japanese term, for forms and what is filed."""
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    TownCategory.TOWN_VILLAGE: N_("町村"),
    TownCategory.GENERAL_CITY: N_("一般市"),
    TownCategory.CORE_CITY: N_("中核市"),
    TownCategory.DESIGNATED_CITY: N_("政令指定都市"),
    TownCategory.PREFECTURAL_CAPITAL: N_("県庁所在地の市"),
}

# The briefing (令和6年8月23日) excludes these; the measure table may change them per year.
DEFAULT_EXCLUDED_CATEGORIES: frozenset[TownCategory] = frozenset(
    {TownCategory.DESIGNATED_CITY, TownCategory.CORE_CITY, TownCategory.PREFECTURAL_CAPITAL}
)


@dataclass(frozen=True)
class TownProfile:
    """自団体設定. Names are kept exactly as typed."""

    name: str = ""
    prefecture: str = ""
    local_gov_code: str = ""
    category: TownCategory = TownCategory.TOWN_VILLAGE
    mayor_title: str = "町長"
    mayor_name: str = ""
    document_prefix: str = ""


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reason: str


def grant_eligibility(
    category: TownCategory, excluded: Iterable[TownCategory] = DEFAULT_EXCLUDED_CATEGORIES
) -> Eligibility:
    """Whether a town of this category may claim (特別交付税措置: 政令指定都市・中核市・県庁所在地を除く)."""
    if category in set(excluded):
        return Eligibility(
            False,
            _("{category}は措置の対象外です（政令指定都市・中核市・県庁所在地は除かれます）").format(
                category=category.label
            ),
        )
    return Eligibility(
        True,
        _("{category}は措置の対象団体です（受入市町村として負担金の措置を申請できます）").format(
            category=category.label
        ),
    )


_MAX_NAME = 60


def validate_town_profile(profile: TownProfile) -> list[Problem]:
    problems: list[Problem] = []
    if not profile.name.strip():
        problems.append(Problem("name", _("団体名を入力してください")))
    elif len(profile.name) > _MAX_NAME:
        problems.append(Problem("name", _("団体名は{n}文字以内で入力してください").format(n=_MAX_NAME)))
    if not profile.prefecture.strip():
        problems.append(Problem("prefecture", _("都道府県名を入力してください")))
    try:
        parse_known_local_gov_code(profile.local_gov_code)
    except CodeError as error:
        problems.append(Problem("local_gov_code", str(error)))
    if not profile.mayor_title.strip():
        problems.append(Problem("mayor_title", _("首長の職名を入力してください（例: 町長）")))
    if not profile.mayor_name.strip():
        problems.append(Problem("mayor_name", _("首長の氏名を入力してください")))
    if len(profile.document_prefix) > 30:
        problems.append(Problem("document_prefix", _("文書番号の頭書きは30文字以内で入力してください")))
    return problems
