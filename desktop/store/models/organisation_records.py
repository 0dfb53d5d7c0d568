"""What the town does with and for a designated organisation after designation (地方自治法第260条の49
第3項〜第12項): support, coordination, negotiated contracts, leases, report requests, improvement
orders and revocations, one table each, every row belonging to one organisation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.models.base import Base, FiscalYearType, date_check, yen_check


class OrgSupport(Base):
    """支援 (第3項): a grant (amount in whole yen), information provided, or other support."""

    __tablename__ = "org_support"
    __table_args__ = (
        CheckConstraint("kind IN ('grant', 'information', 'other')", name="kind"),
        CheckConstraint("kind != 'grant' OR amount_yen IS NOT NULL", name="grant_has_amount"),
        yen_check("amount_yen"), date_check("decided_on"),
        Index("ix_org_support_org_year", "org_id", "fiscal_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    kind: Mapped[str] = mapped_column(String(12))
    fiscal_year: Mapped[FiscalYear] = mapped_column(FiscalYearType)
    purpose: Mapped[str] = mapped_column(Text)
    amount_yen: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class OrgCoordination(Base):
    """調整の求め (第5項) and the mayor's measures and result."""

    __tablename__ = "org_coordination"
    __table_args__ = (date_check("requested_on"), date_check("decided_on"), date_check("result_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    activity: Mapped[str] = mapped_column(Text)
    other_groups: Mapped[str] = mapped_column(Text)
    request: Mapped[str] = mapped_column(Text, default="")
    measures_needed: Mapped[bool | None] = mapped_column(Boolean)
    decided_on: Mapped[date | None] = mapped_column(Date)
    measures: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    result_on: Mapped[date | None] = mapped_column(Date)


class OrgContract(Base):
    """随意契約による委託 (第6項)."""

    __tablename__ = "org_contract"
    __table_args__ = (
        yen_check("amount_yen"), date_check("start_on"), date_check("end_on"), date_check("concluded_on"),
        CheckConstraint("end_on >= start_on", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    work: Mapped[str] = mapped_column(Text)
    amount_yen: Mapped[int] = mapped_column(Integer)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date, index=True)
    concluded_on: Mapped[date | None] = mapped_column(Date)
    rule_clause: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


class OrgLease(Base):
    """行政財産の貸付け (第7項〜第9項). The area is kept as text with two decimals (m²)."""

    __tablename__ = "org_lease"
    __table_args__ = (
        yen_check("rent_yen"), date_check("start_on"), date_check("end_on"), date_check("concluded_on"),
        date_check("terminated_on"), CheckConstraint("end_on >= start_on", name="period"),
        Index("ix_org_lease_room", "property_name", "room"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    property_name: Mapped[str] = mapped_column(String(120))
    room: Mapped[str] = mapped_column(String(120))
    area_m2: Mapped[str] = mapped_column(String(12))
    purpose: Mapped[str] = mapped_column(Text)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date, index=True)
    rent_yen: Mapped[int] = mapped_column(Integer)
    free_ground: Mapped[str] = mapped_column(Text, default="")
    no_hindrance: Mapped[str] = mapped_column(Text)
    concluded_on: Mapped[date | None] = mapped_column(Date)
    terminated_on: Mapped[date | None] = mapped_column(Date)
    termination_reason: Mapped[str] = mapped_column(Text, default="")


class OrgReportRequest(Base):
    """報告徴収 (第10項)."""

    __tablename__ = "org_report_request"
    __table_args__ = (date_check("requested_on"), date_check("due_on"), date_check("received_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    items: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    received_on: Mapped[date | None] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, default="")


class OrgOrder(Base):
    """改善命令 (第11項) with its deadline and outcome; written by the 改善命令中 transitions."""

    __tablename__ = "org_order"
    __table_args__ = (
        CheckConstraint("outcome IS NULL OR outcome IN ('improved', 'revoked')", name="outcome"),
        date_check("ordered_on"), date_check("deadline"), date_check("outcome_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    ordered_on: Mapped[date] = mapped_column(Date)
    failings: Mapped[str] = mapped_column(Text)
    measures: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date] = mapped_column(Date, index=True)
    outcome: Mapped[str | None] = mapped_column(String(12))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str] = mapped_column(Text, default="")


class OrgRevocation(Base):
    """指定の取消し (第12項) with its ground; `order_id` is the order it followed, if any."""

    __tablename__ = "org_revocation"
    __table_args__ = (
        CheckConstraint("ground IN ('lost_requirements', 'order_violated', 'fraud', 'ordinance')", name="ground"),
        date_check("revoked_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    revoked_on: Mapped[date] = mapped_column(Date)
    ground: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("org_order.id"))
