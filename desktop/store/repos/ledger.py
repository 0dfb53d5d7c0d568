"""The 負担金 ledger read in SQL: one row per post and person in a fiscal year, with sums and
overdue invoices (payments settle invoices first-due, first-paid)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select, union
from sqlalchemy.orm import Session

from desktop.domain.contribution import LedgerTotals, MoneyKind, invoice_states
from desktop.domain.fiscal_year import FiscalYear
from desktop.store.access import reads_personal_data
from desktop.store.models.agreement import Agreement, Post
from desktop.store.models.contribution import MoneyRow
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import post_label
from desktop.store.repos.staffing import assignment_fiscal_years

FAR_FUTURE = "9999-12-31"


@dataclass(frozen=True)
class LedgerRow:
    fiscal_year: FiscalYear
    agreement_number: str
    post_id: int
    post_label: str
    staff_id: int | None
    name: str
    reading: str
    totals: LedgerTotals
    overdue_count: int
    overdue_amount: int


def _sum(kind: MoneyKind) -> Any:
    return func.coalesce(func.sum(case((MoneyRow.kind == kind.value, MoneyRow.amount_yen), else_=0)), 0)


def _groups(fiscal_year: FiscalYear) -> Any:
    """Every (post, person) with money rows in the year, or assigned during it."""
    from_money = select(MoneyRow.post_id, MoneyRow.staff_id).where(MoneyRow.fiscal_year == fiscal_year)
    from_assignments = select(Assignment.post_id, Assignment.staff_id).where(
        Assignment.start_on <= fiscal_year.end, Assignment.end_on >= fiscal_year.start)
    return union(from_money, from_assignments).subquery("groups")


def _sums(fiscal_year: FiscalYear) -> Any:
    return (
        select(MoneyRow.post_id, MoneyRow.staff_id,
               _sum(MoneyKind.BUDGET).label("planned"), _sum(MoneyKind.INVOICE).label("invoiced"),
               _sum(MoneyKind.PAYMENT).label("paid"), _sum(MoneyKind.REFUND).label("refunded"))
        .where(MoneyRow.fiscal_year == fiscal_year)
        .group_by(MoneyRow.post_id, MoneyRow.staff_id)
        .subquery("sums")
    )


def _overdue(fiscal_year: FiscalYear, today: date) -> Any:
    """Per (post, person): the invoices past due and not settled, and their unpaid parts. The
    payments' total is a window over the same rows, not a join: joining the grouped sums on a
    nullable staff_id (IS) left SQLite a nested scan of every group per invoice."""
    key = (MoneyRow.post_id, MoneyRow.staff_id)

    def of_kind(kind: MoneyKind) -> Any:
        return case((MoneyRow.kind == kind.value, MoneyRow.amount_yen), else_=0)

    invoices = (
        select(MoneyRow.post_id, MoneyRow.staff_id, MoneyRow.kind, MoneyRow.amount_yen, MoneyRow.due_on,
               func.sum(of_kind(MoneyKind.INVOICE)).over(partition_by=key, order_by=(
                   func.coalesce(MoneyRow.due_on, FAR_FUTURE), MoneyRow.id)).label("running"),
               func.sum(of_kind(MoneyKind.PAYMENT)).over(partition_by=key).label("paid"))
        .where(MoneyRow.fiscal_year == fiscal_year,
               MoneyRow.kind.in_((MoneyKind.INVOICE.value, MoneyKind.PAYMENT.value)))
        .subquery("invoices")
    )
    unpaid_part = func.min(invoices.c.amount_yen, invoices.c.running - invoices.c.paid)
    return (
        select(invoices.c.post_id, invoices.c.staff_id, func.count().label("overdue_count"),
               func.sum(unpaid_part).label("overdue_amount"))
        .where(invoices.c.kind == MoneyKind.INVOICE.value, invoices.c.due_on < today,
               invoices.c.running > invoices.c.paid, invoices.c.amount_yen > 0)
        .group_by(invoices.c.post_id, invoices.c.staff_id)
        .subquery("overdue")
    )


def _ledger_select(fiscal_year: FiscalYear, today: date, text: str, overdue_only: bool) -> Select[Any]:
    groups, sums = _groups(fiscal_year), _sums(fiscal_year)
    overdue = _overdue(fiscal_year, today)
    statement = (
        select(groups.c.post_id, groups.c.staff_id, Agreement.number, Post.department, Post.job,
               func.coalesce(StaffMember.name, "").label("name"), func.coalesce(StaffMember.reading, "").label("reading"),
               func.coalesce(sums.c.planned, 0).label("planned"), func.coalesce(sums.c.invoiced, 0).label("invoiced"),
               func.coalesce(sums.c.paid, 0).label("paid"), func.coalesce(sums.c.refunded, 0).label("refunded"),
               func.coalesce(overdue.c.overdue_count, 0).label("overdue_count"),
               func.coalesce(overdue.c.overdue_amount, 0).label("overdue_amount"))
        .select_from(groups)
        .join(Post, Post.id == groups.c.post_id)
        .join(Agreement, Agreement.id == Post.agreement_id)
        .outerjoin(StaffMember, StaffMember.id == groups.c.staff_id)
        .outerjoin(sums, and_(sums.c.post_id == groups.c.post_id, sums.c.staff_id.is_(groups.c.staff_id)))
        .outerjoin(overdue, and_(overdue.c.post_id == groups.c.post_id, overdue.c.staff_id.is_(groups.c.staff_id)))
    )
    if text:
        pattern = f"%{text}%"
        statement = statement.where(or_(Agreement.number.like(pattern), Post.department.like(pattern),
                                        Post.job.like(pattern), StaffMember.name.like(pattern),
                                        StaffMember.reading.like(pattern)))
    if overdue_only:
        statement = statement.where(overdue.c.overdue_count > 0)
    return statement


LEDGER_SORT = ("agreement", "post", "name", "reading", "planned", "invoiced", "paid", "refunded", "unpaid",
               "overdue")


@reads_personal_data
def list_ledger(session: Session, *, fiscal_year: FiscalYear, today: date | None = None, text: str = "",
                overdue_only: bool = False, sort_key: str | None = None, descending: bool = False,
                offset: int = 0, limit: int = 200) -> list[LedgerRow]:
    statement = _ledger_select(fiscal_year, today or date.today(), text, overdue_only)
    columns = statement.selected_columns
    order = {
        "agreement": columns.number, "post": columns.department, "name": columns.reading.collate("kana"), "reading": columns.reading.collate("kana"),
        "planned": columns.planned, "invoiced": columns.invoiced, "paid": columns.paid,
        "refunded": columns.refunded, "unpaid": columns.invoiced - columns.paid,
        "overdue": columns.overdue_amount,
    }.get(sort_key or "", columns.number)
    statement = statement.order_by(order.desc() if descending else order.asc(), columns.number,
                                   columns.department, columns.job, columns.reading.collate("kana"))
    rows = session.execute(statement.offset(offset).limit(limit)).all()
    return [
        LedgerRow(fiscal_year, r.number, r.post_id, post_label(r.department, r.job), r.staff_id, r.name, r.reading,
                  LedgerTotals(r.planned, r.invoiced, r.paid, r.refunded), r.overdue_count, r.overdue_amount)
        for r in rows
    ]


@dataclass(frozen=True)
class LedgerSummary:
    """The whole (filtered) list at once, not just the loaded page: line count, sums, overdue yen."""

    count: int
    totals: LedgerTotals
    overdue_yen: int


def ledger_summary(session: Session, *, fiscal_year: FiscalYear, today: date | None = None, text: str = "",
                   overdue_only: bool = False) -> LedgerSummary:
    statement = _ledger_select(fiscal_year, today or date.today(), text, overdue_only)
    inner = statement.subquery()
    row = session.execute(select(
        func.count(), func.coalesce(func.sum(inner.c.planned), 0), func.coalesce(func.sum(inner.c.invoiced), 0),
        func.coalesce(func.sum(inner.c.paid), 0), func.coalesce(func.sum(inner.c.refunded), 0),
        func.coalesce(func.sum(inner.c.overdue_amount), 0))).one()
    return LedgerSummary(int(row[0]), LedgerTotals(int(row[1]), int(row[2]), int(row[3]), int(row[4])), int(row[5]))


def ledger_totals(session: Session, *, fiscal_year: FiscalYear, today: date | None = None, text: str = "",
                  overdue_only: bool = False) -> tuple[LedgerTotals, int]:
    """Sums over the whole (filtered) list, not just the loaded page; and the overdue amount."""
    summary = ledger_summary(session, fiscal_year=fiscal_year, today=today, text=text, overdue_only=overdue_only)
    return summary.totals, summary.overdue_yen


@dataclass(frozen=True)
class MoneyRowView:
    id: int
    kind: MoneyKind
    fiscal_year: FiscalYear
    post_id: int
    staff_id: int | None
    on_date: date | None
    amount_yen: int
    number: str
    due_on: date | None
    note: str
    overdue: bool = False
    unpaid_part: int = 0


@reads_personal_data
def list_money_rows(session: Session, *, fiscal_year: FiscalYear, post_id: int, staff_id: int | None,
                    today: date | None = None) -> list[MoneyRowView]:
    """The rows behind one ledger line, oldest first, invoices marked overdue where they are."""
    rows = session.scalars(
        select(MoneyRow).where(MoneyRow.fiscal_year == fiscal_year, MoneyRow.post_id == post_id,
                               MoneyRow.staff_id.is_(staff_id) if staff_id is None else MoneyRow.staff_id == staff_id)
        .order_by(func.coalesce(MoneyRow.on_date, literal("0000-00-00")), MoneyRow.id)
    ).all()
    paid = sum(r.amount_yen for r in rows if r.kind == MoneyKind.PAYMENT.value)
    states = {s.invoice_key: s for s in invoice_states(
        ((r.id, r.amount_yen, r.due_on) for r in rows if r.kind == MoneyKind.INVOICE.value), paid,
        today or date.today())}
    return [
        MoneyRowView(r.id, MoneyKind(r.kind), r.fiscal_year, r.post_id, r.staff_id, r.on_date, r.amount_yen, r.number,
                     r.due_on, r.note, states[r.id].overdue if r.id in states else False,
                     r.amount_yen - states[r.id].paid_part if r.id in states else 0)
        for r in rows
    ]


def ledger_fiscal_years(session: Session) -> list[FiscalYear]:
    """Years with money rows or assignments, newest first."""
    years = set(session.scalars(select(MoneyRow.fiscal_year).distinct())) | set(assignment_fiscal_years(session))
    return sorted(years, reverse=True)
