"""What the exchange file carries, read from the office file: agreements, posts, staff and
負担金 of one fiscal year, and the audit chain's points (no readings, addresses or contacts)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.access import reads_personal_data
from desktop.store.audit import GENESIS_HASH
from desktop.store.models.agreement import Agreement, Field, Post
from desktop.store.models.audit import AuditEntry
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.ledger import list_ledger

# The audit entry an export leaves behind, so the next export can vouch for this one's head.
EXPORT_ENTITY = "exchange_file"


@dataclass(frozen=True)
class AgreementItem:
    number: str
    partner: str
    concluded_on: date | None
    abolished_on: date | None
    dispatch_start: date | None
    dispatch_end: date | None
    staff_count: int


@dataclass(frozen=True)
class PostItem:
    post_id: int
    agreement_number: str
    department: str
    job: str


@dataclass(frozen=True)
class StaffItem:
    """One assignment overlapping the year: who, on which post, in which field, for how long."""

    staff_id: int
    name: str
    post_id: int
    field: str
    employment_type: str
    dispatch_form: str
    start_on: date
    end_on: date


@dataclass(frozen=True)
class ContributionItem:
    """負担金 of the year per post and person (yen)."""

    post_id: int
    staff_id: int | None
    name: str
    budget_yen: int
    invoiced_yen: int
    paid_yen: int
    refunded_yen: int


@dataclass(frozen=True)
class AuditPosition:
    entries: int   # number of audit entries (the id of the last one)
    head: str      # its hash, or the genesis hash when there is none


def list_exchange_agreements(session: Session, fiscal_year: FiscalYear) -> list[AgreementItem]:
    """Agreements in force at some point of the year (concluded before its end, not abolished before its start)."""
    rows = session.scalars(select(Agreement).order_by(Agreement.number)).all()
    return [AgreementItem(a.number, a.sending_body.name, a.concluded_on, a.abolished_on, a.dispatch_start,
                          a.dispatch_end, a.staff_count)
            for a in rows
            if (a.concluded_on is None or a.concluded_on <= fiscal_year.end)
            and (a.abolished_on is None or a.abolished_on >= fiscal_year.start)]


def list_exchange_posts(session: Session) -> list[PostItem]:
    return [PostItem(p.id, number, p.department, p.job) for p, number in session.execute(
        select(Post, Agreement.number).join(Agreement, Agreement.id == Post.agreement_id)
        .order_by(Agreement.number, Post.department, Post.job)).all()]


@reads_personal_data
def list_exchange_staff(session: Session, fiscal_year: FiscalYear) -> list[StaffItem]:
    statement = (
        select(Assignment, StaffMember.name, Field.name)
        .join(StaffMember, StaffMember.id == Assignment.staff_id)
        .join(Field, Field.id == Assignment.field_id)
        .where(Assignment.start_on <= fiscal_year.end, Assignment.end_on >= fiscal_year.start)
        .order_by(Assignment.start_on, Assignment.id)
    )
    return [StaffItem(a.staff_id, name, a.post_id, field, a.employment_type, a.dispatch_form, a.start_on, a.end_on)
            for a, name, field in session.execute(statement).all()]


def list_exchange_contributions(session: Session, fiscal_year: FiscalYear) -> list[ContributionItem]:
    items: list[ContributionItem] = []
    offset = 0
    while True:
        page = list_ledger(session, fiscal_year=fiscal_year, offset=offset, limit=1000)
        items.extend(ContributionItem(r.post_id, r.staff_id, r.name, r.totals.planned, r.totals.invoiced,
                                      r.totals.paid, r.totals.refunded) for r in page)
        if len(page) < 1000:
            return items
        offset += 1000


def audit_position(session: Session) -> AuditPosition:
    row = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return AuditPosition(0, GENESIS_HASH) if row is None else AuditPosition(int(row[0]), str(row[1]))


def earlier_export_positions(session: Session) -> list[AuditPosition]:
    """The chain as it stands now at every head an earlier export carried.

    The hashes are read from today's chain, not copied from the export entries: if history
    before an earlier head was rewritten, the hash there differs from what the prefecture
    received, and the prefecture's side names it.
    """
    positions: set[int] = set()
    for after in session.scalars(select(AuditEntry.after_json).where(AuditEntry.entity == EXPORT_ENTITY)):
        entries = _entries_of(after)
        if entries:
            positions.add(entries)
    if not positions:
        return []
    hashes = dict(session.execute(select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id.in_(positions))).all())
    return [AuditPosition(n, str(hashes[n])) for n in sorted(positions) if n in hashes]


def _entries_of(after_json: str) -> int:
    try:
        value = json.loads(after_json).get("audit_entries", 0)
    except (ValueError, AttributeError):
        return 0
    return value if isinstance(value, int) and value > 0 else 0
