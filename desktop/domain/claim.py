"""The town's first-year claim (受入市町村への措置: 負担金 × 0.5, 自治法派遣, 派遣初年度分のみ).

For fiscal year Y every post with staff or money in Y is either a claim line or an exclusion
with its reason — never both, never neither. Amounts are whole yen, rounded down per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import MeasureParameters
from desktop.domain.periods import Period
from desktop.domain.staffing import DispatchForm
from desktop.domain.town import TownCategory
from desktop.domain.yen import apply_ratio_floor
from desktop.i18n import N_, _, official


class ExclusionReason(Enum):
    INELIGIBLE_TOWN = "ineligible_town"          # 対象外団体
    NOT_CONCLUDED = "not_concluded"              # 協約未締結
    OUTSIDE_AGREEMENT = "outside_agreement"      # 協約期間外
    NO_DISPATCH = "no_dispatch"                  # 当該年度の派遣なし
    SEPARATE_MEASURE = "separate_measure"        # 別措置
    NOT_ACT_DISPATCH = "not_act_dispatch"        # 自治法派遣以外（派遣元の措置）
    NOT_FIRST_YEAR = "not_first_year"            # 二年目以降
    NO_CONTRIBUTION = "no_contribution"          # 負担金なし

    @property
    def label(self) -> str:
        return _(_REASON_LABELS[self])

    @property
    def official_label(self) -> str:
        """The Japanese term, for forms and what is filed."""
        return _REASON_LABELS[self]


_REASON_LABELS = {
    ExclusionReason.INELIGIBLE_TOWN: N_("対象外団体"),
    ExclusionReason.NOT_CONCLUDED: N_("協約未締結"),
    ExclusionReason.OUTSIDE_AGREEMENT: N_("協約期間外"),
    ExclusionReason.NO_DISPATCH: N_("当該年度の派遣なし"),
    ExclusionReason.SEPARATE_MEASURE: N_("別措置"),
    ExclusionReason.NOT_ACT_DISPATCH: N_("自治法派遣以外"),
    ExclusionReason.NOT_FIRST_YEAR: N_("二年目以降"),
    ExclusionReason.NO_CONTRIBUTION: N_("負担金なし"),
}


@dataclass(frozen=True)
class ClaimAssignment:
    staff_id: int
    name: str
    field_name: str
    field_separate: bool        # 別措置 in the field master
    dispatch_form: DispatchForm
    start_on: date
    end_on: date


@dataclass(frozen=True)
class ClaimPost:
    post_id: int
    post_label: str
    agreement_number: str
    concluded_on: date | None
    abolished_on: date | None
    dispatch_period: Period | None
    assignments: tuple[ClaimAssignment, ...]            # every assignment ever made on the post
    paid_by_staff: tuple[tuple[int | None, int], ...]   # payments booked to Y, whole yen
    refunded_by_staff: tuple[tuple[int | None, int], ...]


@dataclass(frozen=True)
class ClaimLine:
    post_id: int
    post_label: str
    agreement_number: str
    persons: tuple[str, ...]
    first_year: FiscalYear
    paid_yen: int
    refunded_yen: int
    net_yen: int
    amount_yen: int


@dataclass(frozen=True)
class ClaimExclusion:
    post_id: int
    post_label: str
    agreement_number: str
    persons: tuple[str, ...]
    reason: ExclusionReason
    detail: str
    net_yen: int


@dataclass(frozen=True)
class ClaimResult:
    fiscal_year: FiscalYear
    town_category: TownCategory
    eligible: bool
    parameters: MeasureParameters
    lines: tuple[ClaimLine, ...]
    exclusions: tuple[ClaimExclusion, ...]

    @property
    def total_yen(self) -> int:
        return sum(line.amount_yen for line in self.lines)

    @property
    def contributions_yen(self) -> int:
        return sum(line.net_yen for line in self.lines)


def first_fiscal_year(post: ClaimPost) -> FiscalYear | None:
    """The year the post first received staff under its agreement (any person, any form)."""
    starts = [a.start_on for a in post.assignments]
    return FiscalYear.of(min(starts)) if starts else None


def _net(post: ClaimPost, staff_ids: set[int | None]) -> tuple[int, int]:
    paid = sum(amount for staff, amount in post.paid_by_staff if staff in staff_ids)
    refunded = sum(amount for staff, amount in post.refunded_by_staff if staff in staff_ids)
    return paid, refunded


def _is_separate(assignment: ClaimAssignment, parameters: MeasureParameters) -> bool:
    return assignment.field_separate or assignment.field_name in parameters.separate_fields


def judge_post(post: ClaimPost, year: FiscalYear, parameters: MeasureParameters,
               category: TownCategory) -> ClaimLine | ClaimExclusion:
    """One post, one verdict; the first rule that fails names the reason."""
    in_year = [a for a in post.assignments if year.overlaps(a.start_on, a.end_on)]
    all_staff: set[int | None] = {a.staff_id for a in in_year} | {None}
    persons = tuple(dict.fromkeys(a.name for a in in_year))
    paid_all, refunded_all = _net(post, all_staff | {s for s, _ in post.paid_by_staff} | {s for s, _ in post.refunded_by_staff})

    def exclude(reason: ExclusionReason, detail: str) -> ClaimExclusion:
        return ClaimExclusion(post.post_id, post.post_label, post.agreement_number, persons, reason, detail,
                              paid_all - refunded_all)

    if category in parameters.excluded_categories:
        return exclude(ExclusionReason.INELIGIBLE_TOWN, official("{category}は措置の対象外です").format(category=category.official_label))
    if post.concluded_on is None or post.concluded_on > year.end:
        return exclude(ExclusionReason.NOT_CONCLUDED, official("協約{number}は{year}末までに締結されていません").format(
            number=post.agreement_number, year=year.label()))
    if (post.abolished_on is not None and post.abolished_on <= year.start) or (
            post.dispatch_period is not None
            and not year.overlaps(post.dispatch_period.start, post.dispatch_period.end)):
        return exclude(ExclusionReason.OUTSIDE_AGREEMENT, official("{year}は協約{number}の派遣期間外です").format(
            year=year.label(), number=post.agreement_number))
    if not in_year:
        return exclude(ExclusionReason.NO_DISPATCH, official("{year}にこのポストへの派遣がありません").format(year=year.label()))
    covered = [a for a in in_year if not _is_separate(a, parameters)]
    if not covered:
        return exclude(ExclusionReason.SEPARATE_MEASURE, official("{fields}は別の地方交付税措置の対象です").format(
            fields="・".join(dict.fromkeys(a.field_name for a in in_year))))
    act = [a for a in covered if a.dispatch_form is DispatchForm.LOCAL_AUTONOMY_ACT]
    if not act:
        return exclude(ExclusionReason.NOT_ACT_DISPATCH, official("自治法派遣ではないため、派遣元（都道府県等）の人件費の措置の対象です"))
    first = first_fiscal_year(post)
    assert first is not None
    if parameters.first_year_only and first != year:
        return exclude(ExclusionReason.NOT_FIRST_YEAR, official("このポストの派遣初年度は{first}です（派遣初年度分のみ措置）").format(
            first=first.label()))
    eligible_staff: set[int | None] = {a.staff_id for a in act} | {None}
    paid, refunded = _net(post, eligible_staff)
    net = paid - refunded
    if net <= 0:
        return exclude(ExclusionReason.NO_CONTRIBUTION, official("{year}に支払った負担金がありません").format(year=year.label()))
    return ClaimLine(post.post_id, post.post_label, post.agreement_number, tuple(dict.fromkeys(a.name for a in act)),
                     first, paid, refunded, net, apply_ratio_floor(net, parameters.ratio))


def compute_claim(year: FiscalYear, category: TownCategory, parameters: MeasureParameters,
                  posts: list[ClaimPost]) -> ClaimResult:
    """The claim for `year`: posts with staff or money in the year, each a line or an exclusion."""
    lines: list[ClaimLine] = []
    exclusions: list[ClaimExclusion] = []
    for post in posts:
        relevant = any(year.overlaps(a.start_on, a.end_on) for a in post.assignments) or any(
            amount for _s, amount in post.paid_by_staff + post.refunded_by_staff)
        if not relevant:
            continue
        verdict = judge_post(post, year, parameters, category)
        if isinstance(verdict, ClaimLine):
            lines.append(verdict)
        else:
            exclusions.append(verdict)
    eligible = category not in parameters.excluded_categories
    return ClaimResult(year, category, eligible, parameters, tuple(lines), tuple(exclusions))


class ClaimStatus(Enum):
    """作成中 → 提出済 (date) → 決定 (decided amount, date)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    DECIDED = "decided"

    @property
    def label(self) -> str:
        return _(_STATUS_LABELS[self])


_STATUS_LABELS = {
    ClaimStatus.DRAFT: N_("作成中"),
    ClaimStatus.SUBMITTED: N_("提出済"),
    ClaimStatus.DECIDED: N_("決定"),
}
