"""指定地域共同活動団体: the town's ordinance (master data), the organisations, their applications
and their history (every registration, decision and 変更届 as a dated event with a snapshot)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, date_check

STATES = "('registered', 'applied', 'designated', 'refused', 'under_order', 'revoked', 'dissolved')"


class OrdinanceHeading(Base):
    """条例・規則の題名と番号 printed on the forms; exactly one row with id 1."""

    __tablename__ = "ordinance"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    number: Mapped[str] = mapped_column(String(60), default="")
    rule_title: Mapped[str] = mapped_column(String(120), default="")
    rule_number: Mapped[str] = mapped_column(String(60), default="")


class OrdinanceItemRow(Base):
    """One item of the ordinance's lists (activities, requirements, articles items, attachments)."""

    __tablename__ = "ordinance_item"
    __table_args__ = (
        UniqueConstraint("kind", "label", name="kind_label"),
        CheckConstraint("kind IN ('activity', 'operation', 'articles', 'other', 'attachment')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    label: Mapped[str] = mapped_column(String(120))
    test: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Organisation(Base):
    """団体: the current registered data and state; the history lives in org_event."""

    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint(f"state IN {STATES}", name="state"),
        CheckConstraint("kind IN ('regional', 'federation', 'other')", name="kind"),
        CheckConstraint("membership IN ('residents', 'groups')", name="membership"),
        CheckConstraint("typeof(member_count) = 'integer' AND member_count >= 0", name="member_count"),
        CheckConstraint("state NOT IN ('designated', 'under_order') OR designation_number IS NOT NULL",
                        name="designated_has_number"),
        date_check("articles_on"), date_check("designated_on"), date_check("notice_on"),
        Index("ix_organisation_area", "area"),
        Index("ix_organisation_state_name", "state", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)
    representative_title: Mapped[str] = mapped_column(String(30), default="")
    representative_name: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(60), default="")
    area_detail: Mapped[str] = mapped_column(Text, default="")
    member_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    membership: Mapped[str] = mapped_column(String(12), default="residents")
    contact: Mapped[str] = mapped_column(Text, default="")
    articles_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default="registered")
    designation_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    designated_on: Mapped[date | None] = mapped_column(Date, index=True)
    notice_on: Mapped[date | None] = mapped_column(Date)


class OrgApplication(Base):
    """指定申請: what was applied with (JSON of ApplicationDraft) and how it was decided."""

    __tablename__ = "org_application"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'designated', 'refused', 'withdrawn')", name="status"),
        date_check("applied_on"), date_check("decided_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    applied_on: Mapped[date] = mapped_column(Date)
    content_json: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_json: Mapped[str] = mapped_column(Text, default="{}")


class OrgEvent(Base):
    """One dated step in an organisation's life, with its data as of that step (for as-of views)."""

    __tablename__ = "org_event"
    __table_args__ = (
        UniqueConstraint("org_id", "seq", name="org_seq"),
        CheckConstraint(f"state_after IN {STATES}", name="state_after"),
        date_check("on_date"),
        Index("ix_org_event_on_date", "on_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    on_date: Mapped[date] = mapped_column(Date)
    action: Mapped[str] = mapped_column(String(20))   # register | correct | an Action value
    state_after: Mapped[str] = mapped_column(String(12))
    summary: Mapped[str] = mapped_column(Text, default="")
    snapshot_json: Mapped[str] = mapped_column(Text)  # the OrganisationDraft after this step
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    designation_number: Mapped[str | None] = mapped_column(String(40))
