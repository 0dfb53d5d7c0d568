"""指定地域共同活動団体 (地方自治法第260条の49): the organisation, its states and the transitions
the law allows, each decision's checks, and the requirement review of an application.

States (DOMAIN.md §5): 未申請 → 申請中 → 指定 or 不指定; 指定 → 改善命令中 → 指定 (improved) or
取消; 指定 → 辞退・解散. A transition the law does not allow is refused with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Protocol

from desktop.domain.ordinance import ItemKind, Ordinance
from desktop.domain.problems import Problem
from desktop.i18n import N_, _


class OrganisationKind(Enum):
    """団体の種別 (the briefing's 主体のイメージ)."""

    REGIONAL = "regional"          # 地域運営組織
    FEDERATION = "federation"      # 自治会・町内会の連合会
    OTHER = "other"                # その他

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])

    @property
    def official_label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    OrganisationKind.REGIONAL: N_("地域運営組織"),
    OrganisationKind.FEDERATION: N_("自治会・町内会の連合会"),
    OrganisationKind.OTHER: N_("その他"),
}


class Membership(Enum):
    """Who the members mainly are (第2項: 区域の住民, or groups whose members are such residents)."""

    RESIDENTS = "residents"
    GROUPS = "groups"

    @property
    def label(self) -> str:
        return _(_MEMBERSHIP_LABELS[self])

    @property
    def official_label(self) -> str:
        return _MEMBERSHIP_LABELS[self]


_MEMBERSHIP_LABELS = {
    Membership.RESIDENTS: N_("区域の住民"),
    Membership.GROUPS: N_("区域の住民を主たる構成員とする団体"),
}


class OrgState(Enum):
    REGISTERED = "registered"      # 未申請: in the registry (e.g. imported 自治会), no application
    APPLIED = "applied"            # 申請中
    DESIGNATED = "designated"      # 指定
    REFUSED = "refused"            # 不指定
    UNDER_ORDER = "under_order"    # 改善命令中 (第11項)
    REVOKED = "revoked"            # 取消 (第12項)
    DISSOLVED = "dissolved"        # 辞退・解散

    @property
    def label(self) -> str:
        return _(_STATE_LABELS[self])

    @property
    def official_label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    OrgState.REGISTERED: N_("未申請"),
    OrgState.APPLIED: N_("申請中"),
    OrgState.DESIGNATED: N_("指定"),
    OrgState.REFUSED: N_("不指定"),
    OrgState.UNDER_ORDER: N_("改善命令中"),
    OrgState.REVOKED: N_("取消"),
    OrgState.DISSOLVED: N_("辞退・解散"),
}


class Action(Enum):
    APPLY = "apply"                            # 指定申請の受付
    WITHDRAW_APPLICATION = "withdraw"          # 申請の取下げ
    DESIGNATE = "designate"                    # 指定
    REFUSE = "refuse"                          # 不指定
    ORDER_IMPROVEMENT = "order_improvement"    # 改善命令 (第11項)
    CONFIRM_IMPROVEMENT = "confirm_improvement"  # 改善の確認
    REVOKE = "revoke"                          # 指定の取消し (第12項)
    DISSOLVE = "dissolve"                      # 辞退・解散の届出
    NOTIFY_CHANGE = "notify_change"            # 変更届

    @property
    def label(self) -> str:
        return _(_ACTION_LABELS[self])


_ACTION_LABELS = {
    Action.APPLY: N_("申請を受け付ける"),
    Action.WITHDRAW_APPLICATION: N_("申請の取下げ"),
    Action.DESIGNATE: N_("指定する"),
    Action.REFUSE: N_("不指定とする"),
    Action.ORDER_IMPROVEMENT: N_("改善命令"),
    Action.CONFIRM_IMPROVEMENT: N_("改善を確認"),
    Action.REVOKE: N_("指定を取り消す"),
    Action.DISSOLVE: N_("辞退・解散"),
    Action.NOTIFY_CHANGE: N_("変更届"),
}

# The transitions the law and the ordinance allow: action → (from states, to state).
TRANSITIONS: dict[Action, tuple[frozenset[OrgState], OrgState | None]] = {
    Action.APPLY: (frozenset({OrgState.REGISTERED, OrgState.REFUSED}), OrgState.APPLIED),
    Action.WITHDRAW_APPLICATION: (frozenset({OrgState.APPLIED}), OrgState.REGISTERED),
    Action.DESIGNATE: (frozenset({OrgState.APPLIED}), OrgState.DESIGNATED),
    Action.REFUSE: (frozenset({OrgState.APPLIED}), OrgState.REFUSED),
    Action.ORDER_IMPROVEMENT: (frozenset({OrgState.DESIGNATED}), OrgState.UNDER_ORDER),
    Action.CONFIRM_IMPROVEMENT: (frozenset({OrgState.UNDER_ORDER}), OrgState.DESIGNATED),
    Action.REVOKE: (frozenset({OrgState.DESIGNATED, OrgState.UNDER_ORDER}), OrgState.REVOKED),
    Action.DISSOLVE: (frozenset({OrgState.DESIGNATED}), OrgState.DISSOLVED),
    # A change notice keeps the state; only a designated organisation files one.
    Action.NOTIFY_CHANGE: (frozenset({OrgState.DESIGNATED, OrgState.UNDER_ORDER}), None),
}


def refusal(state: OrgState, action: Action) -> str | None:
    """Why `action` is not allowed in `state`, or None when it is (the buttons' tooltips)."""
    allowed, _target = TRANSITIONS[action]
    if state in allowed:
        return None
    if state in (OrgState.REVOKED, OrgState.DISSOLVED):
        return _("{state}の団体には、これ以上の手続はできません").format(state=state.label)
    reasons = {
        Action.APPLY: _("申請できるのは未申請又は不指定の団体です（現在: {state}）"),
        Action.WITHDRAW_APPLICATION: _("取下げできるのは申請中の団体です（現在: {state}）"),
        Action.DESIGNATE: _("指定できるのは申請中の団体です（現在: {state}）"),
        Action.REFUSE: _("不指定とできるのは申請中の団体です（現在: {state}）"),
        Action.ORDER_IMPROVEMENT: _("改善命令は指定中の団体にだけ出せます（現在: {state}）"),
        Action.CONFIRM_IMPROVEMENT: _("改善の確認は改善命令中の団体にだけできます（現在: {state}）"),
        Action.REVOKE: _("取り消せるのは指定中又は改善命令中の団体です（現在: {state}）"),
        Action.DISSOLVE: _("辞退・解散は指定中の団体について記録します。改善命令中の団体は、先に命令の結果を記録してください（現在: {state}）"),
        Action.NOTIFY_CHANGE: _("変更届は指定を受けた団体が出すものです（現在: {state}）。登録内容の訂正を使ってください"),
    }
    return reasons[action].format(state=state.label)


def next_state(state: OrgState, action: Action) -> OrgState:
    """The state after `action`; raises TransitionError with the reason when it is not allowed."""
    reason = refusal(state, action)
    if reason is not None:
        raise TransitionError(reason)
    target = TRANSITIONS[action][1]
    return state if target is None else target


class TransitionError(ValueError):
    """An action the law does not allow in the organisation's state; the message says why."""


# -- the organisation's own data


@dataclass(frozen=True)
class OrganisationDraft:
    """団体の登録内容. Names and addresses are kept exactly as typed."""

    name: str = ""
    kind: OrganisationKind = OrganisationKind.REGIONAL
    representative_title: str = "会長"
    representative_name: str = ""
    address: str = ""                 # 主たる事務所の所在地
    area: str = ""                    # 区域の名称 (e.g. 東小学校区)
    area_detail: str = ""             # 区域を成す大字・町丁, one per line or 、-separated
    member_count: int = 0
    membership: Membership = Membership.RESIDENTS
    contact: str = ""                 # 連絡先 (電話・メール)
    articles_on: date | None = None   # 定款・規約の制定日
    note: str = ""


MAX_NAME = 100


class OrganisationFields(Protocol):
    """What validate_organisation reads: an OrganisationDraft has it, and so has an imported row
    before it becomes one (100,000 frozen drafts would be built only to be checked)."""

    @property
    def name(self) -> str: ...
    @property
    def representative_name(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def area(self) -> str: ...
    @property
    def member_count(self) -> int: ...


def validate_organisation(draft: OrganisationFields) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.name.strip():
        problems.append(Problem("name", _("団体名を入力してください")))
    elif len(draft.name) > MAX_NAME:
        problems.append(Problem("name", _("団体名は{n}文字以内で入力してください").format(n=MAX_NAME)))
    if not draft.representative_name.strip():
        problems.append(Problem("representative_name", _("代表者の氏名を入力してください")))
    if not draft.address.strip():
        problems.append(Problem("address", _("主たる事務所の所在地を入力してください")))
    if not draft.area.strip():
        problems.append(Problem("area", _("活動区域を入力してください（例: 東小学校区）")))
    if draft.member_count < 0:
        problems.append(Problem("member_count", _("構成員数は0以上の整数で入力してください")))
    return problems


# -- the application and its review


@dataclass(frozen=True)
class ApplicationDraft:
    """指定申請: what the organisation applies with, as ordinance item ids.

    `confirmed_ids` are the operation and other requirements the clerk found met;
    `article_refs` answers each articles item with where it appears (e.g. 第3条)."""

    applied_on: date | None = None
    activity_ids: tuple[int, ...] = ()
    confirmed_ids: tuple[int, ...] = ()
    article_refs: tuple[tuple[int, str], ...] = ()
    attachment_ids: tuple[int, ...] = ()
    note: str = ""

    def article_ref(self, item_id: int) -> str:
        return dict(self.article_refs).get(item_id, "")


class Section(Enum):
    BASIC = "basic"          # 第2項本文: 区域の住民の団体
    ACTIVITY = "activity"    # 第1号
    OPERATION = "operation"  # 第2号
    ARTICLES = "articles"    # 第3号
    OTHER = "other"          # 第4号
    ATTACHMENT = "attachment"

    @property
    def label(self) -> str:
        return _(_SECTION_LABELS[self])

    @property
    def official_label(self) -> str:
        return _SECTION_LABELS[self]


_SECTION_LABELS = {
    Section.BASIC: N_("団体の要件（第2項）"),
    Section.ACTIVITY: N_("特定地域共同活動（第2項第1号）"),
    Section.OPERATION: N_("運営の要件（第2項第2号）"),
    Section.ARTICLES: N_("定款・規約（第2項第3号）"),
    Section.OTHER: N_("その他の要件（第2項第4号）"),
    Section.ATTACHMENT: N_("添付書類"),
}


@dataclass(frozen=True)
class ReviewLine:
    section: Section
    label: str
    met: bool
    reason: str
    item_id: int | None = None


@dataclass(frozen=True)
class Review:
    lines: tuple[ReviewLine, ...]

    @property
    def all_met(self) -> bool:
        return all(line.met for line in self.lines)

    def unmet(self) -> tuple[ReviewLine, ...]:
        return tuple(line for line in self.lines if not line.met)


def _basic_lines(org: OrganisationDraft) -> list[ReviewLine]:
    basic = Section.BASIC
    return [
        ReviewLine(basic, _("活動区域"), bool(org.area.strip()),
                   _("区域: {area}").format(area=org.area) if org.area.strip() else _("活動区域が登録されていません")),
        ReviewLine(basic, _("構成員"), org.member_count > 0,
                   _("{basis}　{count}人（団体）").format(basis=org.membership.label, count=org.member_count)
                   if org.member_count > 0 else _("構成員数が登録されていません")),
        ReviewLine(basic, _("代表者"), bool(org.representative_name.strip()),
                   org.representative_name or _("代表者が登録されていません")),
        ReviewLine(basic, _("定款・規約の制定"), org.articles_on is not None,
                   _("制定日が登録されています") if org.articles_on else _("定款・規約の制定日が登録されていません")),
    ]


def review_application(ordinance: Ordinance, org: OrganisationDraft, application: ApplicationDraft) -> Review:
    """Each requirement as met or unmet with the reason (第2項 and its four numbers, attachments)."""
    lines = _basic_lines(org)
    activities = ordinance.active(ItemKind.ACTIVITY)
    ticked = [a for a in activities if a.id in application.activity_ids]
    lines.append(ReviewLine(
        Section.ACTIVITY, _("条例で定める特定地域共同活動を行うこと"), bool(ticked),
        "、".join(a.label for a in ticked) if ticked else _("条例で定める活動が1つも選ばれていません")))
    for kind, section in ((ItemKind.OPERATION, Section.OPERATION), (ItemKind.OTHER, Section.OTHER)):
        for item in ordinance.active(kind):
            met = item.id in application.confirmed_ids
            lines.append(ReviewLine(section, item.label, met, _("確認済み") if met else
                                    _("未確認: {test}").format(test=item.test) if item.test else _("未確認"), item.id))
    for item in ordinance.active(ItemKind.ARTICLES):
        ref = application.article_ref(item.id).strip()
        lines.append(ReviewLine(Section.ARTICLES, item.label, bool(ref),
                                ref if ref else _("定款・規約のどの条にあるかが記入されていません"), item.id))
    for item in ordinance.active(ItemKind.ATTACHMENT):
        met = item.id in application.attachment_ids
        lines.append(ReviewLine(Section.ATTACHMENT, item.label, met, _("受領済み") if met else _("未提出"), item.id))
    return Review(tuple(lines))


def validate_application(application: ApplicationDraft, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if application.applied_on is None:
        problems.append(Problem("applied_on", _("申請日を入力してください")))
    elif application.applied_on > today:
        problems.append(Problem("applied_on", _("申請日に未来の日付は入力できません")))
    return problems
