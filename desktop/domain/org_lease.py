"""行政財産の貸付け to a designated organisation (地方自治法第260条の49第7項〜第9項): the lease, its
checks, and the refusal of a lease that overlaps another lease of the same room."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from desktop.domain.problems import Problem
from desktop.domain.wareki import format_wareki
from desktop.i18n import _

MAX_AREA = Decimal("100000")


def parse_area(text: str) -> Decimal | None:
    """'45.5' or '４５．５' → Decimal('45.50') (m², two decimals); None when it is not a number."""
    cleaned = text.strip().translate(str.maketrans("０１２３４５６７８９．", "0123456789.")).removesuffix("㎡")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01")) if value.is_finite() else None


@dataclass(frozen=True)
class PropertyLeaseDraft:
    """A lease: the property and room, area (m²), purpose, period, rent (0 = free, with its ground),
    the finding that the lease does not hinder the property's use (第7項), and its termination
    for public need (第9項) when that happens."""

    property_name: str = ""          # 財産の名称 (e.g. 東地区公民館)
    room: str = ""                   # 貸付部分 (e.g. 2階 会議室1)
    area_m2: Decimal | None = None
    purpose: str = ""
    start_on: date | None = None
    end_on: date | None = None
    rent_yen: int | None = None      # per year, whole yen
    free_ground: str = ""            # why the lease is free or reduced (財産の交換、譲与、無償貸付等に関する条例 …)
    no_hindrance: str = ""           # why the lease does not hinder the property's use or purpose (第7項)
    concluded_on: date | None = None
    terminated_on: date | None = None
    termination_reason: str = ""     # 公用又は公共用に供するための必要 (第9項)

    def active_end(self) -> date | None:
        """The day the lease ends: its termination, when terminated early, else its period's end."""
        if self.terminated_on is not None and (self.end_on is None or self.terminated_on < self.end_on):
            return self.terminated_on
        return self.end_on


def _same_room(a: PropertyLeaseDraft, b: PropertyLeaseDraft) -> bool:
    return (a.property_name.strip(), a.room.strip()) == (b.property_name.strip(), b.room.strip())


def validate_lease(draft: PropertyLeaseDraft) -> list[Problem]:
    problems: list[Problem] = []
    for field, value, message in (
            ("property_name", draft.property_name, _("貸し付ける行政財産の名称を入力してください")),
            ("room", draft.room, _("貸付部分（部屋など）を入力してください")),
            ("purpose", draft.purpose, _("貸付けの用途を入力してください")),
            ("no_hindrance", draft.no_hindrance,
             _("財産の用途又は目的を妨げない理由を入力してください（第7項: 妨げない限度で貸し付けることができる）"))):
        if not value.strip():
            problems.append(Problem(field, message))
    if draft.area_m2 is None:
        problems.append(Problem("area_m2", _("面積を㎡で入力してください（例: 45.5）")))
    elif not Decimal(0) < draft.area_m2 <= MAX_AREA:
        problems.append(Problem("area_m2", _("面積は0㎡より大きく100,000㎡以下で入力してください")))
    if draft.start_on is None:
        problems.append(Problem("start_on", _("貸付期間の開始日を入力してください")))
    if draft.end_on is None:
        problems.append(Problem("end_on", _("貸付期間の終了日を入力してください")))
    elif draft.start_on is not None and draft.end_on < draft.start_on:
        problems.append(Problem("end_on", _("終了日は開始日以後の日付にしてください")))
    if draft.rent_yen is None or draft.rent_yen < 0:
        problems.append(Problem("rent_yen", _("貸付料を円単位の0以上の整数で入力してください（無償は0）")))
    elif draft.rent_yen == 0 and not draft.free_ground.strip():
        problems.append(Problem("free_ground", _("無償で貸し付ける根拠（条例の規定など）を入力してください")))
    if draft.terminated_on is not None:
        if not draft.termination_reason.strip():
            problems.append(Problem("termination_reason",
                                    _("解除の理由（公用又は公共用に供する必要など）を入力してください")))
        if draft.start_on is not None and draft.terminated_on < draft.start_on:
            problems.append(Problem("terminated_on", _("解除日は貸付期間の開始日以後にしてください")))
    elif draft.termination_reason.strip():
        problems.append(Problem("terminated_on", _("解除の理由を入力したときは解除日も入力してください")))
    return problems


@dataclass(frozen=True)
class ExistingLease:
    """Another lease already recorded, with whom it is (for the refusal's message)."""

    id: int
    holder: str
    draft: PropertyLeaseDraft


def overlap_problems(draft: PropertyLeaseDraft, others: Iterable[ExistingLease]) -> list[Problem]:
    """A room can be leased to one organisation at a time: a lease of the same room of the same
    property whose period (up to its termination) meets this one's is refused, naming it."""
    start, end = draft.start_on, draft.active_end()
    if start is None or end is None:
        return []
    for other in others:
        other_start, other_end = other.draft.start_on, other.draft.active_end()
        if other_start is None or other_end is None or not _same_room(draft, other.draft):
            continue
        if start <= other_end and other_start <= end:
            return [Problem("start_on", _("{property} {room}は{start}から{end}まで「{holder}」に貸し付けています。"
                                          "同じ部屋を重なる期間に貸し付けることはできません").format(
                property=other.draft.property_name, room=other.draft.room, start=format_wareki(other_start),
                end=format_wareki(other_end), holder=other.holder))]
    return []
