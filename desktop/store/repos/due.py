"""Collecting what is due across the office (the 期限 panel and `due`): report due dates, order
deadlines, lease and contract ends, overdue invoices, agreement and assignment ends, and the grant
calendar; the choice and order are the domain's (domain.due.select_due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session, aliased

from desktop.domain.contribution import MoneyKind
from desktop.domain.due import (
    DEFAULT_WITHIN_DAYS,
    DueItem,
    DueKind,
    Target,
    calendar_items,
    select_due,
)
from desktop.domain.wareki import format_wareki
from desktop.domain.yen import format_yen
from desktop.i18n import _
from desktop.store.models.agreement import Agreement, Post
from desktop.store.models.contribution import MoneyRow
from desktop.store.models.organisation import Organisation
from desktop.store.models.organisation_records import (
    OrgContract,
    OrgLease,
    OrgOrder,
    OrgReportRequest,
)
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import post_label
from desktop.store.repos.grant_calendar import get_grant_calendar
from desktop.store.repos.ledger import FAR_FUTURE

ACTIVE_STATES = ("designated", "under_order")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _organisation_items(session: Session, on: date) -> list[DueItem]:
    items = []
    reports = session.execute(
        select(OrgReportRequest, Organisation.name).join(Organisation, Organisation.id == OrgReportRequest.org_id)
        .where(OrgReportRequest.received_on.is_(None), Organisation.state.in_(ACTIVE_STATES)))
    for report, name in reports:
        items.append(DueItem(report.due_on, DueKind.REPORT, _("{org}　報告（{items}）").format(
            org=name, items=_first_line(report.items)), Target("organisations", report.org_id, "reports", report.id),
            overdue=report.due_on < on))
    orders = session.execute(select(OrgOrder, Organisation.name).join(Organisation, Organisation.id == OrgOrder.org_id)
                             .where(OrgOrder.outcome.is_(None)))
    for order, name in orders:
        items.append(DueItem(order.deadline, DueKind.ORDER, _("{org}　改善命令（{ordered}）の期限").format(
            org=name, ordered=format_wareki(order.ordered_on)), Target("organisations", order.org_id, "orders", order.id),
            overdue=order.deadline < on))
    leases = session.execute(select(OrgLease, Organisation.name).join(Organisation, Organisation.id == OrgLease.org_id)
                             .where(OrgLease.end_on >= on))
    for lease, name in leases:
        if lease.terminated_on is None or lease.terminated_on >= lease.end_on:
            items.append(DueItem(lease.end_on, DueKind.LEASE_END, _("{org}　{property} {room}").format(
                org=name, property=lease.property_name, room=lease.room), Target("organisations", lease.org_id, "leases", lease.id)))
    contracts = session.execute(select(OrgContract, Organisation.name)
                                .join(Organisation, Organisation.id == OrgContract.org_id).where(OrgContract.end_on >= on))
    for contract, name in contracts:
        items.append(DueItem(contract.end_on, DueKind.CONTRACT_END, _("{org}　{work}").format(
            org=name, work=contract.work), Target("organisations", contract.org_id, "contracts", contract.id)))
    return items


def _overdue_invoices(on: date, *, due_through: date | None = None, due_after: date | None = None) -> Any:
    """Every overdue invoice of every year with its unpaid part, in one pass over the invoices and
    payments: payments settle a post/person/year's invoices first due, first paid
    (domain.contribution.invoice_states), so an invoice's unpaid part is
    min(amount, invoiced up to and including it − paid).

    `due_through` keeps the invoices due on or before that day, and reads only the groups that
    have one (found by the (kind, due_on) index): the first lines of the list, at a fraction of
    the cost. `due_after` keeps the others."""
    key = (MoneyRow.fiscal_year, MoneyRow.post_id, MoneyRow.staff_id)

    def of_kind(kind: MoneyKind) -> Any:
        return case((MoneyRow.kind == kind.value, MoneyRow.amount_yen), else_=0)

    kinds = MoneyRow.kind.in_((MoneyKind.INVOICE.value, MoneyKind.PAYMENT.value))
    # Only a group whose invoices due before the day exceed its payments has an overdue invoice
    # (an exact test), so the window runs over those groups alone.
    due_before = case((and_(MoneyRow.kind == MoneyKind.INVOICE.value, MoneyRow.due_on < on), MoneyRow.amount_yen),
                      else_=0)
    owing_query = (select(MoneyRow.fiscal_year, MoneyRow.post_id, func.coalesce(MoneyRow.staff_id, 0).label("staff_key"))
                   .where(kinds).group_by(*key)
                   .having(func.sum(due_before) > func.sum(of_kind(MoneyKind.PAYMENT))))
    if due_through is not None:
        early = aliased(MoneyRow)
        groups = (select(early.fiscal_year, early.post_id, early.staff_id).distinct()
                  .where(early.kind == MoneyKind.INVOICE.value, early.due_on <= due_through).subquery("early"))
        owing_query = owing_query.join(groups, and_(groups.c.fiscal_year == MoneyRow.fiscal_year,
                                                    groups.c.post_id == MoneyRow.post_id,
                                                    MoneyRow.staff_id.is_not_distinct_from(groups.c.staff_id)))
    owing = owing_query.subquery("owing")
    rows = (
        select(MoneyRow.id, MoneyRow.kind, MoneyRow.fiscal_year, MoneyRow.post_id, MoneyRow.staff_id,
               MoneyRow.amount_yen, MoneyRow.due_on, MoneyRow.number,
               func.sum(of_kind(MoneyKind.PAYMENT)).over(partition_by=key).label("paid"),
               func.sum(of_kind(MoneyKind.INVOICE)).over(partition_by=key, order_by=(
                   func.coalesce(MoneyRow.due_on, FAR_FUTURE), MoneyRow.id)).label("running"))
        .join(owing, and_(owing.c.fiscal_year == MoneyRow.fiscal_year, owing.c.post_id == MoneyRow.post_id,
                          owing.c.staff_key == func.coalesce(MoneyRow.staff_id, 0)))
        .where(kinds).subquery("rows")
    )
    return (
        select(rows.c.id, rows.c.fiscal_year, rows.c.staff_id, rows.c.due_on, rows.c.number,
               func.min(rows.c.amount_yen, rows.c.running - rows.c.paid).label("unpaid"),
               StaffMember.name, Post.department, Post.job)
        .select_from(rows)
        .join(Post, Post.id == rows.c.post_id)
        .outerjoin(StaffMember, StaffMember.id == rows.c.staff_id)
        .where(rows.c.kind == MoneyKind.INVOICE.value, rows.c.due_on < on, rows.c.amount_yen > 0,
               rows.c.running > rows.c.paid,
               rows.c.due_on <= due_through if due_through is not None else true(),
               rows.c.due_on > due_after if due_after is not None else true())
    )


def _invoice_items(session: Session, on: date, *, due_through: date | None = None,
                   due_after: date | None = None) -> list[DueItem]:
    return [
        DueItem(row.due_on, DueKind.INVOICE, _("{who}　{number}　未払 {amount}").format(
            who=row.name or post_label(row.department, row.job), number=row.number, amount=format_yen(row.unpaid)),
            Target("ledger", row.id, str(row.fiscal_year.year), row.staff_id), overdue=True)
        for row in session.execute(_overdue_invoices(on, due_through=due_through, due_after=due_after))
    ]


def _dispatch_items(session: Session, on: date) -> list[DueItem]:
    items = []
    agreements = session.scalars(select(Agreement).where(Agreement.dispatch_end >= on, Agreement.abolished_on.is_(None)))
    for agreement in agreements:
        assert agreement.dispatch_end is not None
        items.append(DueItem(agreement.dispatch_end, DueKind.AGREEMENT_END, _("{number}　派遣期間の終了").format(
            number=agreement.number), Target("agreements", agreement.id)))
    assignments = session.execute(
        select(Assignment, StaffMember.name, Post.department, Post.job)
        .join(StaffMember, StaffMember.id == Assignment.staff_id).join(Post, Post.id == Assignment.post_id)
        .where(Assignment.end_on >= on))
    for assignment, name, department, job in assignments:
        items.append(DueItem(assignment.end_on, DueKind.ASSIGNMENT_END, _("{name}　{department} {job}").format(
            name=name, department=department, job=job), Target("assignments", assignment.id)))
    return items


def list_due(session: Session, *, on: date, within: int = DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """What is overdue and what falls due within `within` days of `on`, soonest first."""
    candidates = (_organisation_items(session, on) + _invoice_items(session, on) + _dispatch_items(session, on)
                  + calendar_items(get_grant_calendar(session), on=on))
    return select_due(candidates, on=on, within=within)


FIRST_INVOICES = 500  # invoices whose groups the first part reads (about a screenful of overdue lines)


@dataclass(frozen=True)
class FirstDue:
    """The deadline list's first lines: every line due on or before `complete_through` is in
    `items` (soonest first); later overdue invoices come from `list_overdue_invoices_after`.
    `complete_through` is None when `items` is the whole list."""

    items: list[DueItem]
    complete_through: date | None


def list_due_first(session: Session, *, on: date, within: int = DEFAULT_WITHIN_DAYS,
                   first_invoices: int = FIRST_INVOICES) -> FirstDue:
    """list_due in two parts for the window: every line but the overdue invoices due after the
    due date of the `first_invoices`-th invoice (a walk of the (kind, due_on) index); on the
    large office the whole list took ≈150 ms of SQL, the first part a few."""
    bound = session.scalar(select(MoneyRow.due_on).where(MoneyRow.kind == MoneyKind.INVOICE.value,
                                                         MoneyRow.due_on < on)
                           .order_by(MoneyRow.due_on).limit(1).offset(first_invoices - 1))
    invoices = _invoice_items(session, on, due_through=bound) if bound is not None else _invoice_items(session, on)
    candidates = (_organisation_items(session, on) + invoices + _dispatch_items(session, on)
                  + calendar_items(get_grant_calendar(session), on=on))
    return FirstDue(select_due(candidates, on=on, within=within), bound)


def list_overdue_invoices_after(session: Session, *, on: date, after: date) -> list[DueItem]:
    """The overdue invoices due after `after` (the rest of list_due_first's list)."""
    return _invoice_items(session, on, due_after=after)
