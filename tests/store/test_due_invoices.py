"""The deadline list's overdue invoices come from one query over every year; each must be what the
ledger's own line view (list_money_rows, through domain.contribution.invoice_states) marks overdue."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.due import select_due
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from desktop.store.models.contribution import MoneyRow
from desktop.store.repos.due import (
    _invoice_items,
    list_due,
    list_due_first,
    list_overdue_invoices_after,
)
from desktop.store.repos.ledger import ledger_fiscal_years, list_ledger, list_money_rows


def per_line(office: Office, on: date) -> set[tuple[int, date | None, int]]:
    found = set()
    with office.reader() as session:
        for year in ledger_fiscal_years(session):
            for line in list_ledger(session, fiscal_year=year, today=on, limit=10_000):
                for row in list_money_rows(session, fiscal_year=year, post_id=line.post_id, staff_id=line.staff_id,
                                           today=on):
                    if row.overdue:
                        found.add((row.id, row.due_on, row.unpaid_part))
    return found


@pytest.mark.parametrize("on", [date(2025, 6, 1), date(2025, 12, 1), date(2026, 5, 1), date(2030, 1, 1)])
def test_overdue_invoices_match_the_ledger_lines(office: Office, on: date) -> None:
    with office.transaction() as session:
        build_demo_office(session)
        row = session.scalars(select(MoneyRow).where(MoneyRow.kind == "invoice")).first()
        assert row is not None
        # A second invoice of the same line, due earlier and partly paid off by the line's payments.
        session.add(MoneyRow(kind="invoice", fiscal_year=row.fiscal_year, post_id=row.post_id, staff_id=row.staff_id,
                             on_date=row.on_date, amount_yen=70_000, number="追加", due_on=row.due_on, note=""))
    expected = per_line(office, on)
    with office.reader() as session:
        items = _invoice_items(session, on)
    got = {(item.target.record_id, item.due_on, int(item.title.rsplit("未払 ", 1)[1].rstrip("円").replace(",", "")))
           for item in items}
    assert got == expected
    assert all(item.overdue and item.target.screen == "ledger" for item in items)


@pytest.mark.parametrize("first_invoices", [1, 2, 3, 5, 500])
def test_the_windows_first_part_and_the_rest_make_the_whole_list(office: Office, first_invoices: int) -> None:
    """The 期限 screen shows every line due up to a date at once and adds the later overdue
    invoices from a worker: the first lines are exact, and together they are list_due."""
    on = date(2030, 1, 1)  # every demo invoice is due before it, most of them unpaid
    with office.transaction() as session:
        build_demo_office(session)
    with office.reader() as session:
        whole = list_due(session, on=on)
        first = list_due_first(session, on=on, first_invoices=first_invoices)
        rest = ([] if first.complete_through is None
                else list_overdue_invoices_after(session, on=on, after=first.complete_through))
    if first_invoices == 500:
        assert first.complete_through is None and first.items == whole
        return
    assert first.complete_through is not None and rest, "the demo has invoices on both sides"
    assert first.items == [item for item in whole if item.due_on <= first.complete_through or not item.overdue
                           or item.kind.value != "invoice"]
    assert all(item.due_on > first.complete_through for item in rest)
    assert select_due(first.items + rest, on=on) == whole
