"""Building the claim's inputs from the office file, and reading a claim's life (status, snapshot)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.claim import ClaimAssignment, ClaimPost, ClaimResult, ClaimStatus, compute_claim
from desktop.domain.contribution import MoneyKind
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.periods import Period
from desktop.domain.staffing import DispatchForm
from desktop.store.access import reads_personal_data
from desktop.store.models.agreement import Agreement, Field, Post
from desktop.store.models.claim import Claim
from desktop.store.models.contribution import MoneyRow
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import post_label
from desktop.store.repos.claim_snapshot import loads
from desktop.store.repos.ledger import ledger_fiscal_years
from desktop.store.repos.measure import measure_parameters_for
from desktop.store.repos.town import get_town_profile


@reads_personal_data
def claim_posts(session: Session, fiscal_year: FiscalYear) -> list[ClaimPost]:
    """Every post with its whole assignment history and the money booked to the year."""
    assignments: dict[int, list[ClaimAssignment]] = defaultdict(list)
    # Plain columns, not ORM objects: building 2,000 objects of three classes took most of the time.
    for a in session.execute(
        select(Assignment.post_id, StaffMember.id.label("staff_id"), StaffMember.name, Field.name.label("field"),
               Field.separate_measure, Assignment.dispatch_form, Assignment.start_on, Assignment.end_on)
        .join(StaffMember, StaffMember.id == Assignment.staff_id)
        .join(Field, Field.id == Assignment.field_id).order_by(Assignment.start_on, Assignment.id)
    ):
        assignments[a.post_id].append(ClaimAssignment(a.staff_id, a.name, a.field, a.separate_measure,
                                                      DispatchForm(a.dispatch_form), a.start_on, a.end_on))
    money: dict[tuple[int, str], list[tuple[int | None, int]]] = defaultdict(list)
    for post_id, staff_id, kind, amount in session.execute(
        select(MoneyRow.post_id, MoneyRow.staff_id, MoneyRow.kind, func.sum(MoneyRow.amount_yen))
        .where(MoneyRow.fiscal_year == fiscal_year,
               MoneyRow.kind.in_((MoneyKind.PAYMENT.value, MoneyKind.REFUND.value)))
        .group_by(MoneyRow.post_id, MoneyRow.staff_id, MoneyRow.kind)
    ).all():
        money[(post_id, kind)].append((staff_id, int(amount)))
    posts = []
    for post in session.execute(
        select(Post.id, Post.department, Post.job, Agreement.number, Agreement.concluded_on, Agreement.abolished_on,
               Agreement.dispatch_start, Agreement.dispatch_end)
        .join(Agreement, Agreement.id == Post.agreement_id)
        .order_by(Agreement.number, Post.department, Post.job)
    ):
        period = (Period(post.dispatch_start, post.dispatch_end)
                  if post.dispatch_start and post.dispatch_end else None)
        posts.append(ClaimPost(
            post.id, post_label(post.department, post.job), post.number, post.concluded_on,
            post.abolished_on, period, tuple(assignments.get(post.id, ())),
            tuple(money.get((post.id, MoneyKind.PAYMENT.value), ())),
            tuple(money.get((post.id, MoneyKind.REFUND.value), ())),
        ))
    return posts


@reads_personal_data
def compute_claim_for(session: Session, fiscal_year: FiscalYear) -> ClaimResult:
    """The claim as the office file stands now (a submitted claim's frozen copy is in get_claim)."""
    town = get_town_profile(session)
    return compute_claim(fiscal_year, town.category, measure_parameters_for(session, fiscal_year),
                         claim_posts(session, fiscal_year))


@dataclass(frozen=True)
class ClaimRecord:
    fiscal_year: FiscalYear
    status: ClaimStatus
    submitted_on: date | None
    claimed_yen: int | None
    decided_on: date | None
    decided_yen: int | None
    note: str
    result: ClaimResult          # frozen snapshot once submitted, else computed now

    @property
    def frozen(self) -> bool:
        return self.status is not ClaimStatus.DRAFT

    @property
    def difference_yen(self) -> int | None:
        """決定額 − 申請額 (negative when less was decided than claimed)."""
        if self.decided_yen is None or self.claimed_yen is None:
            return None
        return self.decided_yen - self.claimed_yen


@reads_personal_data
def get_claim(session: Session, fiscal_year: FiscalYear) -> ClaimRecord:
    claim = session.scalar(select(Claim).where(Claim.fiscal_year == fiscal_year))
    if claim is None or claim.status == ClaimStatus.DRAFT.value or claim.snapshot_json is None:
        return ClaimRecord(fiscal_year, ClaimStatus.DRAFT, None, None, None, None,
                           claim.note if claim else "", compute_claim_for(session, fiscal_year))
    return ClaimRecord(fiscal_year, ClaimStatus(claim.status), claim.submitted_on, claim.claimed_yen,
                       claim.decided_on, claim.decided_yen, claim.note, loads(claim.snapshot_json))


def claim_fiscal_years(session: Session) -> list[FiscalYear]:
    """Years with assignments, money or a claim, newest first."""
    years = set(session.scalars(select(Claim.fiscal_year))) | set(ledger_fiscal_years(session))
    return sorted(years, reverse=True)
