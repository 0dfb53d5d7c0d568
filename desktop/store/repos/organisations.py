"""Reading organisations: the paged list with its filters, one organisation with its application
and history, the registry as of a date, and the town's ordinance."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.ordinance import ItemKind, Ordinance, OrdinanceItem, OrdinanceTitle
from desktop.domain.organisation import (
    ApplicationDraft,
    Membership,
    OrganisationDraft,
    OrganisationKind,
    OrgState,
)
from desktop.store.access import reads_personal_data
from desktop.store.models.organisation import (
    OrdinanceHeading,
    OrdinanceItemRow,
    Organisation,
    OrgApplication,
    OrgEvent,
)


def draft_of(org: Organisation) -> OrganisationDraft:
    return OrganisationDraft(
        name=org.name, kind=OrganisationKind(org.kind), representative_title=org.representative_title,
        representative_name=org.representative_name, address=org.address, area=org.area,
        area_detail=org.area_detail, member_count=org.member_count, membership=Membership(org.membership),
        contact=org.contact, articles_on=org.articles_on, note=org.note,
    )


def draft_to_json(draft: OrganisationDraft) -> str:
    data = {
        "name": draft.name, "kind": draft.kind.value, "representative_title": draft.representative_title,
        "representative_name": draft.representative_name, "address": draft.address, "area": draft.area,
        "area_detail": draft.area_detail, "member_count": draft.member_count,
        "membership": draft.membership.value, "contact": draft.contact,
        "articles_on": draft.articles_on.isoformat() if draft.articles_on else None, "note": draft.note,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def draft_from_json(text: str) -> OrganisationDraft:
    data: dict[str, Any] = json.loads(text)
    articles = data.get("articles_on")
    return OrganisationDraft(
        name=data["name"], kind=OrganisationKind(data["kind"]), representative_title=data["representative_title"],
        representative_name=data["representative_name"], address=data["address"], area=data["area"],
        area_detail=data["area_detail"], member_count=int(data["member_count"]),
        membership=Membership(data["membership"]), contact=data["contact"],
        articles_on=date.fromisoformat(articles) if articles else None, note=data["note"],
    )


def application_to_json(application: ApplicationDraft) -> str:
    return json.dumps({
        "activity_ids": list(application.activity_ids), "confirmed_ids": list(application.confirmed_ids),
        "article_refs": [[i, ref] for i, ref in application.article_refs],
        "attachment_ids": list(application.attachment_ids), "note": application.note,
    }, ensure_ascii=False, sort_keys=True)


def application_from_json(applied_on: date, text: str) -> ApplicationDraft:
    data: dict[str, Any] = json.loads(text)
    return ApplicationDraft(
        applied_on=applied_on, activity_ids=tuple(data["activity_ids"]), confirmed_ids=tuple(data["confirmed_ids"]),
        article_refs=tuple((int(i), str(ref)) for i, ref in data["article_refs"]),
        attachment_ids=tuple(data["attachment_ids"]), note=data.get("note", ""),
    )


# -- the ordinance


def get_ordinance(session: Session) -> Ordinance:
    heading = session.get(OrdinanceHeading, 1)
    title = OrdinanceTitle() if heading is None else OrdinanceTitle(
        heading.title, heading.number, heading.rule_title, heading.rule_number)
    rows = session.scalars(select(OrdinanceItemRow).order_by(OrdinanceItemRow.sort_order, OrdinanceItemRow.id))
    return Ordinance(title, tuple(OrdinanceItem(r.id, ItemKind(r.kind), r.label, r.test, r.active, r.sort_order)
                                  for r in rows))


# -- the list


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kind: OrganisationKind
    representative: str
    area: str
    member_count: int
    membership: Membership
    state: OrgState
    designation_number: str
    designated_on: date | None


SORT = {
    "name": Organisation.name, "kind": Organisation.kind, "area": Organisation.area,
    "member_count": Organisation.member_count, "state": Organisation.state,
    "designation_number": Organisation.designation_number, "designated_on": Organisation.designated_on,
}


def _filters(text: str, state: str | None, kind: str | None, area: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if text:
        pattern = f"%{text}%"
        conditions.append(or_(Organisation.name.like(pattern), Organisation.representative_name.like(pattern),
                              Organisation.area.like(pattern), Organisation.area_detail.like(pattern),
                              Organisation.designation_number.like(pattern), Organisation.address.like(pattern)))
    if state:
        conditions.append(Organisation.state == state)
    if kind:
        conditions.append(Organisation.kind == kind)
    if area:
        conditions.append(Organisation.area == area)
    return conditions


@reads_personal_data
def list_organisations(session: Session, *, text: str = "", state: str | None = None, kind: str | None = None,
                       area: str | None = None, sort_key: str | None = None, descending: bool = False,
                       offset: int = 0, limit: int = 200) -> list[OrganisationRow]:
    column = SORT.get(sort_key or "", Organisation.name)
    statement = (select(Organisation).where(*_filters(text, state, kind, area))
                 .order_by(column.desc() if descending else column.asc(), Organisation.id)
                 .offset(offset).limit(limit))
    return [
        OrganisationRow(o.id, o.name, OrganisationKind(o.kind), o.representative_name, o.area, o.member_count,
                        Membership(o.membership), OrgState(o.state), o.designation_number or "", o.designated_on)
        for o in session.scalars(statement)
    ]


@reads_personal_data
def count_organisations(session: Session, *, text: str = "", state: str | None = None, kind: str | None = None,
                        area: str | None = None) -> int:
    statement = select(func.count(Organisation.id)).where(*_filters(text, state, kind, area))
    return int(session.scalar(statement) or 0)


def list_areas(session: Session) -> list[str]:
    return [a for a in session.scalars(select(Organisation.area).distinct().order_by(Organisation.area)) if a]


def taken_designation_numbers(session: Session, *, except_id: int | None = None) -> set[str]:
    statement = select(Organisation.designation_number).where(Organisation.designation_number.is_not(None))
    if except_id is not None:
        statement = statement.where(Organisation.id != except_id)
    return {n for n in session.scalars(statement) if n}


# -- one organisation


@dataclass(frozen=True)
class ApplicationRecord:
    id: int
    draft: ApplicationDraft
    status: str              # open | designated | refused | withdrawn
    decided_on: date | None
    decision: dict[str, Any]


@dataclass(frozen=True)
class EventRow:
    seq: int
    on_date: date
    action: str
    state_after: OrgState
    summary: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class OrganisationDetail:
    id: int
    draft: OrganisationDraft
    state: OrgState
    designation_number: str
    designated_on: date | None
    notice_on: date | None
    application: ApplicationRecord | None
    events: tuple[EventRow, ...]

    def last_event_on(self) -> date | None:
        return self.events[-1].on_date if self.events else None

    def last_event(self, action: str) -> EventRow | None:
        return next((e for e in reversed(self.events) if e.action == action), None)


@reads_personal_data
def latest_application(session: Session, org_id: int) -> OrgApplication | None:
    return session.scalar(select(OrgApplication).where(OrgApplication.org_id == org_id)
                          .order_by(OrgApplication.id.desc()).limit(1))


@reads_personal_data
def get_organisation(session: Session, org_id: int) -> OrganisationDetail | None:
    org = session.get(Organisation, org_id)
    if org is None:
        return None
    app = latest_application(session, org_id)
    record = None if app is None else ApplicationRecord(
        app.id, application_from_json(app.applied_on, app.content_json), app.status, app.decided_on,
        json.loads(app.decision_json))
    events = tuple(
        EventRow(e.seq, e.on_date, e.action, OrgState(e.state_after), e.summary, json.loads(e.detail_json))
        for e in session.scalars(select(OrgEvent).where(OrgEvent.org_id == org_id).order_by(OrgEvent.seq))
    )
    return OrganisationDetail(org.id, draft_of(org), OrgState(org.state), org.designation_number or "",
                              org.designated_on, org.notice_on, record, events)


# -- the registry as of a date


@dataclass(frozen=True)
class AsOfRow:
    id: int
    draft: OrganisationDraft
    state: OrgState
    designation_number: str


@reads_personal_data
def registry_as_of(session: Session, *, day: date, designated_only: bool = False,
                   org_id: int | None = None) -> list[AsOfRow]:
    """Each organisation (or only `org_id`) as its last event on or before `day` left it (data and state)."""
    events = select(OrgEvent.org_id, func.max(OrgEvent.seq).label("seq")).where(OrgEvent.on_date <= day)
    if org_id is not None:
        events = events.where(OrgEvent.org_id == org_id)
    last = events.group_by(OrgEvent.org_id).subquery()
    statement = (select(OrgEvent).join(last, (last.c.org_id == OrgEvent.org_id) & (last.c.seq == OrgEvent.seq))
                 .order_by(OrgEvent.org_id))
    rows = []
    for event in session.scalars(statement):
        state = OrgState(event.state_after)
        if designated_only and state not in (OrgState.DESIGNATED, OrgState.UNDER_ORDER):
            continue
        # Each event records the designation number the organisation had at that step.
        rows.append(AsOfRow(event.org_id, draft_from_json(event.snapshot_json), state,
                            event.designation_number or ""))
    return sorted(rows, key=lambda r: (r.draft.name, r.id))
