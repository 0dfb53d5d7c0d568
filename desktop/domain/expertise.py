"""分野 (fields of expertise): the pre-set master data, and which fields fall under 別措置."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.problems import Problem
from desktop.i18n import _


@dataclass(frozen=True)
class FieldDraft:
    """分野. `separate_measure` marks 技術職員・デジタル人材 (another grant measure covers them)."""

    name: str
    separate_measure: bool = False
    active: bool = True


# The briefing names 保健師, 保育士, 税務 (地方税の徴収等) and 用地 (道路建設に伴う買収等);
# 技術職員 and デジタル人材 are recorded but covered by a separate 地方交付税措置.
DEFAULT_FIELDS: tuple[FieldDraft, ...] = (
    FieldDraft("保健師"),
    FieldDraft("保育士"),
    FieldDraft("税務"),
    FieldDraft("用地"),
    FieldDraft("技術職員", separate_measure=True),
    FieldDraft("デジタル人材", separate_measure=True),
)


def validate_field(draft: FieldDraft, existing_names: set[str]) -> list[Problem]:
    problems = []
    if not draft.name.strip():
        problems.append(Problem("name", _("分野名を入力してください")))
    elif draft.name.strip() in existing_names:
        problems.append(Problem("name", _("分野「{name}」は既に登録されています").format(name=draft.name.strip())))
    elif len(draft.name) > 40:
        problems.append(Problem("name", _("分野名は40文字以内で入力してください")))
    return problems
