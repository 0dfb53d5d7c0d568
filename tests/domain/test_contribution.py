from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.contribution import (
    MoneyKind,
    MoneyRowDraft,
    invoice_states,
    kind_from_text,
    needs_year_choice,
    totals_of,
    validate_money_row,
    year_choices,
)
from desktop.domain.fiscal_year import FiscalYear


def draft(**changes: object) -> MoneyRowDraft:
    base: dict[str, object] = dict(kind=MoneyKind.PAYMENT, post_id=1, staff_id=2, fiscal_year=FiscalYear(2025),
                                   on_date=date(2025, 7, 25), amount_yen=600_000)
    base.update(changes)
    return MoneyRowDraft(**base)  # type: ignore[arg-type]


def test_closing_period_offers_two_years() -> None:
    assert year_choices(MoneyKind.PAYMENT, date(2026, 4, 24)) == [FiscalYear(2025), FiscalYear(2026)]
    assert year_choices(MoneyKind.PAYMENT, date(2026, 5, 31)) == [FiscalYear(2025), FiscalYear(2026)]
    assert year_choices(MoneyKind.PAYMENT, date(2026, 6, 1)) == [FiscalYear(2026)]
    assert year_choices(MoneyKind.BUDGET, date(2026, 4, 1)) == [FiscalYear(2026)]
    assert needs_year_choice(MoneyKind.REFUND, date(2025, 5, 20))
    assert not needs_year_choice(MoneyKind.PAYMENT, date(2025, 3, 31))


def test_money_rules_name_their_fields() -> None:
    assert validate_money_row(draft()) == []
    assert validate_money_row(draft(on_date=date(2026, 4, 24), fiscal_year=FiscalYear(2025))) == []
    wrong_year = validate_money_row(draft(on_date=date(2026, 7, 1), fiscal_year=FiscalYear(2025)))
    assert [p.field for p in wrong_year] == ["fiscal_year"]
    assert [p.field for p in validate_money_row(draft(amount_yen=-1))] == ["amount_yen"]
    assert [p.field for p in validate_money_row(draft(amount_yen=1.5))] == ["amount_yen"]
    assert [p.field for p in validate_money_row(draft(amount_yen=True))] == ["amount_yen"]
    assert [p.field for p in validate_money_row(draft(due_on=date(2025, 8, 1)))] == ["due_on"]
    invoice = draft(kind=MoneyKind.INVOICE, due_on=date(2025, 7, 1))
    assert [p.field for p in validate_money_row(invoice)] == ["due_on"]
    assert [p.field for p in validate_money_row(draft(on_date=None, fiscal_year=None))] == ["on_date", "fiscal_year"]


def test_kind_words() -> None:
    assert kind_from_text("予算") is MoneyKind.BUDGET
    assert kind_from_text("精算") is MoneyKind.REFUND
    assert kind_from_text("支払") is MoneyKind.PAYMENT
    assert kind_from_text("返金") is None


rows = st.lists(st.tuples(st.sampled_from(list(MoneyKind)), st.integers(min_value=0, max_value=10**10)), max_size=40)


@given(rows)
def test_totals_are_the_sums_of_the_rows_in_whole_yen(entries: list[tuple[MoneyKind, int]]) -> None:
    totals = totals_of(entries)
    for kind, value in ((MoneyKind.BUDGET, totals.planned), (MoneyKind.INVOICE, totals.invoiced),
                        (MoneyKind.PAYMENT, totals.paid), (MoneyKind.REFUND, totals.refunded)):
        assert value == sum(a for k, a in entries if k is kind)
        assert type(value) is int
    assert totals.unpaid == totals.invoiced - totals.paid
    assert totals.net_paid == totals.paid - totals.refunded
    assert totals_of(entries[:3]) + totals_of(entries[3:]) == totals


invoices = st.lists(st.tuples(st.integers(min_value=0, max_value=10**7),
                              st.one_of(st.none(), st.dates(min_value=date(2025, 4, 1), max_value=date(2026, 6, 30)))),
                    max_size=12)


@given(invoices, st.integers(min_value=0, max_value=10**8), st.dates(min_value=date(2025, 4, 1), max_value=date(2026, 12, 31)))
def test_payments_settle_first_due_first(entries: list[tuple[int, date | None]], paid: int, today: date) -> None:
    states = invoice_states([(i, a, d) for i, (a, d) in enumerate(entries)], paid, today)
    total = sum(a for a, _d in entries)
    assert sum(s.paid_part for s in states) == min(paid, total)
    by_key = {s.invoice_key: s for s in states}
    for key, (amount, due) in enumerate(entries):
        state = by_key[key]
        assert 0 <= state.paid_part <= amount
        assert state.overdue == (due is not None and due < today and state.paid_part < amount)
    # an earlier-due invoice is never less settled than a later one that got something
    ordered = sorted(range(len(entries)), key=lambda k: (entries[k][1] or date.max, k))
    for earlier, later in itertools.pairwise(ordered):
        if by_key[later].paid_part > 0:
            assert by_key[earlier].paid_part == entries[earlier][0]


@pytest.mark.parametrize("days", [0, 1])
def test_overdue_starts_the_day_after_the_due_date(days: int) -> None:
    due = date(2026, 4, 30)
    (state,) = invoice_states([(1, 100, due)], 0, due + timedelta(days=days))
    assert state.overdue is (days == 1)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_float_is_ever_accepted_as_money(amount: float) -> None:
    problems = validate_money_row(draft(amount_yen=amount))
    assert [p.field for p in problems] == ["amount_yen"]


@given(st.text(alphabet="0123456789,.円¥￥-▲ ", max_size=14))
def test_parsed_yen_is_always_an_int(text: str) -> None:
    from desktop.domain.yen import YenParseError, parse_yen

    try:
        value = parse_yen(text)
    except YenParseError:
        return
    assert type(value) is int and value >= 0
