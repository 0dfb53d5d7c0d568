"""派遣職員と派遣: employment type, dispatch form, and the rules an assignment must keep."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.domain.periods import Period
from desktop.domain.problems import Problem, Severity
from desktop.domain.text import is_kana_reading
from desktop.domain.wareki import format_wareki
from desktop.i18n import N_, _


class EmploymentType(Enum):
    """任用形態 at the sending body."""

    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    PART_TIME = "part_time"

    @property
    def label(self) -> str:
        return _(_EMPLOYMENT_LABELS[self])


_EMPLOYMENT_LABELS = {
    EmploymentType.PERMANENT: N_("任期の定めのない常勤職員"),
    EmploymentType.FIXED_TERM: N_("任期付職員"),
    EmploymentType.PART_TIME: N_("非常勤職員"),
}


class DispatchForm(Enum):
    """派遣形態: decides who may claim the grant measure."""

    LOCAL_AUTONOMY_ACT = "act_252_17"   # 自治法派遣 (地方自治法第252条の17)
    OTHER = "other"                     # 協約に基づくその他の形態 (派遣元が任用し配置 等)

    @property
    def label(self) -> str:
        return _(_DISPATCH_LABELS[self])


_DISPATCH_LABELS = {
    DispatchForm.LOCAL_AUTONOMY_ACT: N_("自治法派遣"),
    DispatchForm.OTHER: N_("その他"),
}


def employment_type_from_text(text: str) -> EmploymentType | None:
    cleaned = text.strip()
    for value in EmploymentType:
        if cleaned in (value.label, _EMPLOYMENT_LABELS[value], value.value):
            return value
    shortcuts = {"常勤": EmploymentType.PERMANENT, "常勤職員": EmploymentType.PERMANENT,
                 "任期付": EmploymentType.FIXED_TERM, "非常勤": EmploymentType.PART_TIME}
    return shortcuts.get(cleaned)


def dispatch_form_from_text(text: str) -> DispatchForm | None:
    cleaned = text.strip()
    for value in DispatchForm:
        if cleaned in (value.label, _DISPATCH_LABELS[value], value.value):
            return value
    if cleaned in ("自治法", "252条の17", "第252条の17"):
        return DispatchForm.LOCAL_AUTONOMY_ACT
    return None


@dataclass(frozen=True)
class AssignmentDraft:
    """派遣: a staff member on a post for a period (both days included)."""

    name: str
    reading: str
    post_id: int | None
    field_id: int | None
    employment_type: EmploymentType
    dispatch_form: DispatchForm
    start_on: date | None
    end_on: date | None
    hired_for_support: bool = False
    note: str = ""


@dataclass(frozen=True)
class AgreementContext:
    """What an assignment is checked against: its agreement's period, fields and abolition."""

    number: str
    dispatch_period: Period | None
    field_ids: frozenset[int]
    abolished_on: date | None = None


@dataclass(frozen=True)
class OtherAssignment:
    """Another assignment of the same person, for the overlap rule."""

    period: Period
    post_label: str


def validate_staff(name: str, reading: str) -> list[Problem]:
    problems: list[Problem] = []
    if not name.strip():
        problems.append(Problem("name", _("氏名を入力してください")))
    elif len(name) > 60:
        problems.append(Problem("name", _("氏名は60文字以内で入力してください")))
    if not reading.strip():
        problems.append(Problem("reading", _("ふりがなを入力してください")))
    elif not is_kana_reading(reading):
        problems.append(Problem("reading", _("ふりがなはひらがな・カタカナで入力してください")))
    return problems


def validate_assignment(
    draft: AssignmentDraft,
    agreement: AgreementContext | None,
    others: Iterable[OtherAssignment],
    field_name: str = "",
) -> list[Problem]:
    """Errors block the save; a WARNING (field the agreement does not name) needs confirming."""
    problems = validate_staff(draft.name, draft.reading)
    if draft.post_id is None:
        problems.append(Problem("post_id", _("派遣先ポストを選んでください")))
    if draft.field_id is None:
        problems.append(Problem("field_id", _("分野を選んでください")))
    if draft.start_on is None:
        problems.append(Problem("start_on", _("派遣開始日を入力してください")))
    if draft.end_on is None:
        problems.append(Problem("end_on", _("派遣終了日を入力してください")))
    if draft.start_on is None or draft.end_on is None:
        return problems
    if draft.end_on < draft.start_on:
        problems.append(Problem("end_on", _("派遣終了日は派遣開始日より後にしてください")))
        return problems
    period = Period(draft.start_on, draft.end_on)
    if agreement is not None:
        problems.extend(_agreement_problems(period, draft, agreement, field_name))
    for other in others:
        if other.period.overlaps(period):
            problems.append(Problem("start_on", _(
                "この職員は{start}〜{end}に「{post}」へ派遣されており、期間が重なります"
            ).format(start=format_wareki(other.period.start), end=format_wareki(other.period.end),
                     post=other.post_label)))
            break
    return problems


def _agreement_problems(period: Period, draft: AssignmentDraft, agreement: AgreementContext,
                        field_name: str) -> list[Problem]:
    problems: list[Problem] = []
    allowed = agreement.dispatch_period
    if allowed is not None and not allowed.contains(period):
        problems.append(Problem("end_on" if period.start >= allowed.start else "start_on", _(
            "派遣期間は協約{number}の派遣期間（{start}〜{end}）の中に収めてください"
        ).format(number=agreement.number, start=format_wareki(allowed.start), end=format_wareki(allowed.end))))
    if agreement.abolished_on is not None and period.end >= agreement.abolished_on:
        problems.append(Problem("end_on", _("協約{number}は{date}に廃止されています").format(
            number=agreement.number, date=format_wareki(agreement.abolished_on))))
    if draft.field_id is not None and draft.field_id not in agreement.field_ids:
        problems.append(Problem("field_id", _(
            "分野「{field}」は協約{number}に定められていません。このまま登録してよいか確認してください"
        ).format(field=field_name, number=agreement.number), Severity.WARNING))
    return problems
