"""Reading an organisation's records after designation (support, coordination, contracts, leases,
report requests, improvement orders, revocations): each as its id, organisation and domain draft."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.designation import ImprovementOrder, Revocation, RevocationGround
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.org_lease import ExistingLease, PropertyLeaseDraft
from desktop.domain.org_reports import ReportRequestDraft
from desktop.domain.org_support import (
    CoordinationRequestDraft,
    NegotiatedContractDraft,
    SupportDraft,
    SupportKind,
)
from desktop.domain.wareki import format_wareki
from desktop.store.access import reads_personal_data
from desktop.store.models.base import Base
from desktop.store.models.organisation import Organisation
from desktop.store.models.organisation_records import (
    OrgContract,
    OrgCoordination,
    OrgLease,
    OrgOrder,
    OrgReportRequest,
    OrgRevocation,
    OrgSupport,
)

D = TypeVar("D")


@dataclass(frozen=True)
class OrgRecord(Generic[D]):
    id: int
    org_id: int
    draft: D


@dataclass(frozen=True)
class RecordKind(Generic[D]):
    """One kind of record: its table, its draft class and how stored values become draft values."""

    entity: str
    model: type[Base]
    draft: type[D]
    readers: dict[str, Callable[[Any], Any]]
    order: str       # the column the organisation's list is sorted by (newest first)


SUPPORT = RecordKind("org_support", OrgSupport, SupportDraft, {"kind": SupportKind}, "decided_on")
COORDINATION = RecordKind("org_coordination", OrgCoordination, CoordinationRequestDraft, {}, "requested_on")
CONTRACT = RecordKind("org_contract", OrgContract, NegotiatedContractDraft, {}, "start_on")
LEASE = RecordKind("org_lease", OrgLease, PropertyLeaseDraft, {"area_m2": Decimal}, "start_on")
REPORT = RecordKind("org_report_request", OrgReportRequest, ReportRequestDraft, {}, "requested_on")


def stored(value: Any) -> Any:
    """A draft value as its column holds it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def draft_of(kind: RecordKind[D], row: Any) -> D:
    values = {}
    for field in dataclasses.fields(kind.draft):  # type: ignore[arg-type]
        value = getattr(row, field.name)
        reader = kind.readers.get(field.name)
        values[field.name] = reader(value) if reader is not None and value is not None else value
    return kind.draft(**values)


@reads_personal_data
def list_records(session: Session, kind: RecordKind[D], *, org_id: int) -> list[OrgRecord[D]]:
    model: Any = kind.model
    rows = session.scalars(select(model).where(model.org_id == org_id)
                           .order_by(getattr(model, kind.order).desc(), model.id.desc()))
    return [OrgRecord(r.id, r.org_id, draft_of(kind, r)) for r in rows]


@reads_personal_data
def get_record(session: Session, kind: RecordKind[D], *, record_id: int) -> OrgRecord[D] | None:
    row: Any = session.get(kind.model, record_id)
    return None if row is None else OrgRecord(row.id, row.org_id, draft_of(kind, row))


def other_leases_of_room(session: Session, draft: PropertyLeaseDraft, *, except_id: int | None) -> list[ExistingLease]:
    """Leases of the same property and room (any organisation), for the overlap refusal."""
    statement = (select(OrgLease, Organisation.name).join(Organisation, Organisation.id == OrgLease.org_id)
                 .where(OrgLease.property_name == draft.property_name.strip(), OrgLease.room == draft.room.strip()))
    if except_id is not None:
        statement = statement.where(OrgLease.id != except_id)
    return [ExistingLease(lease.id, name, draft_of(LEASE, lease)) for lease, name in session.execute(statement)]


def support_in_year(session: Session, *, org_id: int, fiscal_year: FiscalYear) -> list[SupportDraft]:
    rows = session.scalars(select(OrgSupport).where(OrgSupport.org_id == org_id, OrgSupport.fiscal_year == fiscal_year)
                           .order_by(OrgSupport.decided_on, OrgSupport.id))
    return [draft_of(SUPPORT, r) for r in rows]


# -- improvement orders and revocations (written by the state transitions in services.organisations)


@dataclass(frozen=True)
class OrderRecord:
    id: int
    org_id: int
    order: ImprovementOrder
    outcome: str | None          # None while in force; 'improved' or 'revoked'
    outcome_on: Any
    outcome_note: str


@dataclass(frozen=True)
class RevocationRecord:
    id: int
    org_id: int
    revocation: Revocation
    order_id: int | None


def _order(row: OrgOrder) -> OrderRecord:
    return OrderRecord(row.id, row.org_id, ImprovementOrder(row.ordered_on, row.failings, row.measures, row.deadline),
                       row.outcome, row.outcome_on, row.outcome_note)


@reads_personal_data
def list_orders(session: Session, *, org_id: int) -> list[OrderRecord]:
    rows = session.scalars(select(OrgOrder).where(OrgOrder.org_id == org_id)
                           .order_by(OrgOrder.ordered_on.desc(), OrgOrder.id.desc()))
    return [_order(r) for r in rows]


@reads_personal_data
def get_order(session: Session, *, record_id: int) -> OrderRecord | None:
    row = session.get(OrgOrder, record_id)
    return None if row is None else _order(row)


def open_order(session: Session, *, org_id: int) -> OrgOrder | None:
    """The order in force (no outcome yet), if any."""
    return session.scalar(select(OrgOrder).where(OrgOrder.org_id == org_id, OrgOrder.outcome.is_(None))
                          .order_by(OrgOrder.id.desc()).limit(1))


def _revocation(row: OrgRevocation) -> RevocationRecord:
    return RevocationRecord(row.id, row.org_id, Revocation(row.revoked_on, RevocationGround(row.ground), row.reason),
                            row.order_id)


@reads_personal_data
def list_revocations(session: Session, *, org_id: int) -> list[RevocationRecord]:
    rows = session.scalars(select(OrgRevocation).where(OrgRevocation.org_id == org_id).order_by(OrgRevocation.id.desc()))
    return [_revocation(r) for r in rows]


@reads_personal_data
def get_revocation(session: Session, *, record_id: int) -> RevocationRecord | None:
    row = session.get(OrgRevocation, record_id)
    return None if row is None else _revocation(row)


# -- what the 帳票 screen offers for F8–F13


def _label(day: Any, text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return f"{format_wareki(day) if day else ''}　{first}"


@reads_personal_data
def record_choices(session: Session, *, form_id: str, org_id: int) -> list[tuple[int, str]]:
    """(record id, label) of the organisation's records a form prints, newest first; [] for other forms."""
    if form_id == "F8":
        return [(r.id, _label(r.draft.requested_on, r.draft.items)) for r in list_records(session, REPORT, org_id=org_id)]
    if form_id == "F9":
        return [(o.id, _label(o.order.ordered_on, o.order.failings)) for o in list_orders(session, org_id=org_id)]
    if form_id == "F10":
        return [(r.id, _label(r.revocation.revoked_on, r.revocation.ground.label))
                for r in list_revocations(session, org_id=org_id)]
    if form_id == "F11":
        return [(r.id, _label(r.draft.requested_on, r.draft.activity))
                for r in list_records(session, COORDINATION, org_id=org_id)]
    if form_id == "F12":
        return [(r.id, _label(r.draft.start_on, f"{r.draft.property_name} {r.draft.room}"))
                for r in list_records(session, LEASE, org_id=org_id)]
    if form_id == "F13":
        return [(r.id, _label(r.draft.start_on, r.draft.work)) for r in list_records(session, CONTRACT, org_id=org_id)]
    return []
