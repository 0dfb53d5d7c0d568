"""負担金: the money rows of the ledger (予算・請求・支払・戻入), their fiscal year, and the totals.

Amounts are whole yen (int). A payment or refund dated 1 April–31 May may belong to the
previous fiscal year (出納整理期間, 地方自治法第235条の5); the year is stored explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import Problem
from desktop.domain.wareki import format_wareki
from desktop.i18n import N_, _


class MoneyKind(Enum):
    BUDGET = "budget"      # 予算額
    INVOICE = "invoice"    # 請求
    PAYMENT = "payment"    # 支払（支出命令）
    REFUND = "refund"      # 戻入・精算

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])


_KIND_LABELS = {
    MoneyKind.BUDGET: N_("予算"),
    MoneyKind.INVOICE: N_("請求"),
    MoneyKind.PAYMENT: N_("支払"),
    MoneyKind.REFUND: N_("戻入"),
}
_KIND_WORDS = {"予算": MoneyKind.BUDGET, "予算額": MoneyKind.BUDGET, "請求": MoneyKind.INVOICE,
               "支払": MoneyKind.PAYMENT, "支出": MoneyKind.PAYMENT, "戻入": MoneyKind.REFUND,
               "精算": MoneyKind.REFUND, "戻入・精算": MoneyKind.REFUND}


def kind_from_text(text: str) -> MoneyKind | None:
    cleaned = text.strip()
    return _KIND_WORDS.get(cleaned) or next((k for k in MoneyKind if cleaned in (k.label, k.value)), None)


@dataclass(frozen=True)
class MoneyRowDraft:
    """One row of the ledger for a post (and, if known, the person) in a fiscal year."""

    kind: MoneyKind
    post_id: int | None
    staff_id: int | None
    fiscal_year: FiscalYear | None
    on_date: date | None
    amount_yen: int
    number: str = ""          # 請求番号 or 支出命令番号
    due_on: date | None = None
    note: str = ""


def year_choices(kind: MoneyKind, day: date) -> list[FiscalYear]:
    """The fiscal years a row dated `day` may belong to; two for money moved in the 出納整理期間."""
    return list(_year_choices(kind, day))


@lru_cache(maxsize=4096)  # an import of 100,000 rows asks this of the same few hundred days
def _year_choices(kind: MoneyKind, day: date) -> tuple[FiscalYear, ...]:
    current = FiscalYear.of(day)
    if kind is not MoneyKind.BUDGET and current.previous().in_closing_period(day):
        return (current.previous(), current)
    return (current,)


def needs_year_choice(kind: MoneyKind, day: date | None) -> bool:
    return day is not None and len(year_choices(kind, day)) > 1


def validate_money_row(draft: MoneyRowDraft) -> list[Problem]:
    problems: list[Problem] = []
    if draft.post_id is None:
        problems.append(Problem("post_id", _("派遣先ポストを選んでください")))
    # bool is an int subclass and float never is: both are refused, money stays whole yen.
    if not isinstance(draft.amount_yen, int) or isinstance(draft.amount_yen, bool):
        problems.append(Problem("amount_yen", _("金額は整数の円で入力してください")))
    elif draft.amount_yen < 0:
        problems.append(Problem("amount_yen", _("金額に負の数は入力できません")))
    if draft.kind is not MoneyKind.BUDGET and draft.on_date is None:
        problems.append(Problem("on_date", _("日付を入力してください")))
    if draft.fiscal_year is None:
        problems.append(Problem("fiscal_year", _("会計年度を選んでください")))
    elif draft.on_date is not None and draft.kind is not MoneyKind.BUDGET:
        allowed = year_choices(draft.kind, draft.on_date)
        if draft.fiscal_year not in allowed:
            problems.append(Problem("fiscal_year", _(
                "{date}の{kind}は{years}の会計年度にしか計上できません"
            ).format(date=format_wareki(draft.on_date), kind=draft.kind.label,
                     years="・".join(y.label() for y in allowed))))
    if draft.due_on is not None and draft.kind is not MoneyKind.INVOICE:
        problems.append(Problem("due_on", _("期日は請求にだけ入力します")))
    if draft.due_on is not None and draft.on_date is not None and draft.due_on < draft.on_date:
        problems.append(Problem("due_on", _("期日は請求日より後にしてください")))
    if len(draft.number) > 40:
        problems.append(Problem("number", _("番号は40文字以内で入力してください")))
    return problems


@dataclass(frozen=True)
class LedgerTotals:
    """Sums for one post/person/year, or for a whole list. All whole yen."""

    planned: int = 0
    invoiced: int = 0
    paid: int = 0
    refunded: int = 0

    @property
    def net_paid(self) -> int:
        """差引支出額: paid minus what came back."""
        return self.paid - self.refunded

    @property
    def unpaid(self) -> int:
        """未払残: invoiced but not yet paid."""
        return self.invoiced - self.paid

    @property
    def budget_left(self) -> int:
        """予算残: planned minus net paid."""
        return self.planned - self.net_paid

    def __add__(self, other: LedgerTotals) -> LedgerTotals:
        return LedgerTotals(self.planned + other.planned, self.invoiced + other.invoiced,
                            self.paid + other.paid, self.refunded + other.refunded)


def totals_of(rows: Iterable[tuple[MoneyKind, int]]) -> LedgerTotals:
    sums = dict.fromkeys(MoneyKind, 0)
    for kind, amount in rows:
        sums[kind] += amount
    return LedgerTotals(sums[MoneyKind.BUDGET], sums[MoneyKind.INVOICE], sums[MoneyKind.PAYMENT],
                        sums[MoneyKind.REFUND])


@dataclass(frozen=True)
class InvoiceState:
    invoice_key: int
    paid_part: int
    overdue: bool


def invoice_states(invoices: Iterable[tuple[int, int, date | None]], paid_total: int,
                   today: date) -> list[InvoiceState]:
    """Payments settle invoices in order of due date (first due, first paid). An invoice is
    overdue when its due date has passed and it is not fully settled.

    `invoices` are (key, amount, due_on) for one post/person/year.
    """
    left = paid_total
    states = []
    for key, amount, due_on in sorted(invoices, key=lambda i: (i[2] or date.max, i[0])):
        paid_part = min(amount, max(left, 0))
        left -= paid_part
        overdue = due_on is not None and due_on < today and paid_part < amount
        states.append(InvoiceState(key, paid_part, overdue))
    return states
