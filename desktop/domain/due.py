"""The deadline list (期限): what is due or overdue across the office, soonest first, and the grant
calendar the town keeps as settings (DOMAIN.md §4: the prefecture's 算定資料 deadline, the
December and March decisions of 特別交付税, the 31 May close of the 出納整理期間)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from desktop.domain.fiscal_year import FiscalYear
from desktop.i18n import N_, _

DEFAULT_WITHIN_DAYS = 30


class DueKind(Enum):
    REPORT = "report"                # 報告の期限 (第10項)
    ORDER = "order"                  # 改善命令の期限 (第11項)
    LEASE_END = "lease_end"          # 貸付期間の終了
    CONTRACT_END = "contract_end"    # 委託期間の終了
    INVOICE = "invoice"              # 負担金の請求の支払期限
    AGREEMENT_END = "agreement_end"  # 協約の派遣期間の終了
    ASSIGNMENT_END = "assignment_end"  # 派遣期間の終了
    PUBLICATION = "publication"      # 活動及び支援の状況の公表 (第4項)
    CALENDAR = "calendar"            # 特別交付税の日程・出納整理期間

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])


_KIND_LABELS = {
    DueKind.REPORT: N_("報告期限"),
    DueKind.ORDER: N_("改善命令の期限"),
    DueKind.LEASE_END: N_("貸付期間の終了"),
    DueKind.CONTRACT_END: N_("委託期間の終了"),
    DueKind.INVOICE: N_("負担金の支払期限"),
    DueKind.AGREEMENT_END: N_("協約の派遣期間の終了"),
    DueKind.ASSIGNMENT_END: N_("派遣期間の終了"),
    DueKind.PUBLICATION: N_("公表"),
    DueKind.CALENDAR: N_("特別交付税・出納"),
}


@dataclass(frozen=True)
class Target:
    """The record a line is about: the screen that shows it and the record's id there."""

    screen: str            # a key of the window's screen registry
    record_id: int | None = None   # the id the screen shows (for an organisation: the organisation)
    tab: str = ""          # for an organisation: which tab of its detail; for the ledger: the fiscal year
    item_id: int | None = None     # for an organisation: the record on that tab; for the ledger: the staff member


@dataclass(frozen=True)
class DueItem:
    due_on: date
    kind: DueKind
    title: str
    target: Target
    overdue: bool = False    # past its date and not done (an unpaid invoice, a report not received)


def describe_days(item: DueItem, on: date) -> str:
    """'あと9日', '本日', '56日超過'."""
    days = (item.due_on - on).days
    if item.overdue:
        return _("{days}日超過").format(days=-days) if days < 0 else _("期限超過")
    return _("本日") if days == 0 else _("あと{days}日").format(days=days)


def select_due(items: Iterable[DueItem], *, on: date, within: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """Everything overdue, and what falls due from `on` up to `within` days after it (inclusive);
    soonest first. Lines past their date that are not overdue (a lease that ended) are dropped."""
    horizon = on + timedelta(days=within)
    chosen = [i for i in items if i.overdue or on <= i.due_on <= horizon]
    order = {kind: index for index, kind in enumerate(DueKind)}
    return sorted(chosen, key=lambda i: (i.due_on, order[i.kind], i.title))


@dataclass(frozen=True)
class GrantCalendar:
    """The dates the town keeps as settings; None where not yet known this year."""

    calc_deadline: date | None = None        # 算定資料の提出期限 (from the prefecture)
    december_decision: date | None = None    # 12月交付決定
    march_decision: date | None = None       # 3月交付決定
    publication_on: date | None = None       # 活動及び支援の状況の公表予定日 (第4項)


def closing_period_end(on: date) -> date:
    """The next 31 May on or after `on`: the close of the 出納整理期間 of the year that ends before it."""
    may_end = date(on.year, 5, 31)
    return may_end if on <= may_end else date(on.year + 1, 5, 31)


def calendar_items(calendar: GrantCalendar, *, on: date) -> list[DueItem]:
    """The calendar's dates from `on` on (a date that has passed is no longer due)."""
    target = Target("claim")
    entries = [
        (calendar.calc_deadline, DueKind.CALENDAR, _("特別交付税算定資料の提出期限（都道府県）"), target),
        (calendar.december_decision, DueKind.CALENDAR, _("特別交付税 12月交付決定"), target),
        (calendar.march_decision, DueKind.CALENDAR, _("特別交付税 3月交付決定"), target),
        (calendar.publication_on, DueKind.PUBLICATION, _("指定地域共同活動団体の活動及び支援の状況の公表（F7）"),
         Target("forms")),
    ]
    items = [DueItem(day, kind, title, tgt) for day, kind, title, tgt in entries if day is not None and day >= on]
    close = closing_period_end(on)
    items.append(DueItem(close, DueKind.CALENDAR, _("出納整理期間の終了（{year}分の支払）").format(
        year=FiscalYear.of(close).previous().label()), Target("ledger")))
    return items
