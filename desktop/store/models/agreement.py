"""連携協約 and what hangs on it: the sending body, the fields it names, its versions, its posts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.store.models.base import Base, date_check


class SendingBody(Base):
    """派遣元団体 (都道府県等)."""

    __tablename__ = "sending_body"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class Field(Base):
    """分野 (専門性). `separate_measure`: 技術職員・デジタル人材, kept out of this claim."""

    __tablename__ = "field"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    separate_measure: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class AgreementField(Base):
    """The fields an agreement's 第二条 names (its current version)."""

    __tablename__ = "agreement_field"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("field.id"), primary_key=True)


class Agreement(Base):
    """連携協約: identity, procedure dates and the current terms (第一条〜第五条)."""

    __tablename__ = "agreement"
    __table_args__ = (
        date_check("resolution_on"), date_check("concluded_on"), date_check("notice_on"),
        date_check("notified_on"), date_check("abolished_on"), date_check("dispute_requested_on"),
        date_check("dispatch_start"), date_check("dispatch_end"),
        Index("ix_agreement_concluded_on", "concluded_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    sending_body_id: Mapped[int] = mapped_column(ForeignKey("sending_body.id"), index=True)
    title: Mapped[str] = mapped_column(String(120), default="")
    resolution_on: Mapped[date | None] = mapped_column(Date)
    concluded_on: Mapped[date | None] = mapped_column(Date)
    notice_on: Mapped[date | None] = mapped_column(Date)
    notified_on: Mapped[date | None] = mapped_column(Date)
    abolished_on: Mapped[date | None] = mapped_column(Date)
    abolition_note: Mapped[str] = mapped_column(Text, default="")
    dispute_requested_on: Mapped[date | None] = mapped_column(Date)
    dispute_note: Mapped[str] = mapped_column(Text, default="")
    policy_affairs: Mapped[str] = mapped_column(Text, default="")  # one affair per line
    problem: Mapped[str] = mapped_column(Text, default="")
    expertise: Mapped[str] = mapped_column(Text, default="")
    staff_count: Mapped[int] = mapped_column(Integer, default=1)
    assigned_affairs: Mapped[str] = mapped_column(Text, default="")
    dispatch_start: Mapped[date | None] = mapped_column(Date)
    dispatch_end: Mapped[date | None] = mapped_column(Date)
    recruitment_cost_bearer: Mapped[str] = mapped_column(String(60), default="")
    personnel_cost_bearer: Mapped[str] = mapped_column(String(60), default="")
    contribution_note: Mapped[str] = mapped_column(Text, default="")

    sending_body: Mapped[SendingBody] = relationship(lazy="joined")


class AgreementVersion(Base):
    """One state of the terms: the original (seq 0) and each amendment, never overwritten."""

    __tablename__ = "agreement_version"
    __table_args__ = (
        UniqueConstraint("agreement_id", "seq", name="agreement_seq"),
        date_check("effective_on"), date_check("resolution_on"), date_check("concluded_on"),
        date_check("notice_on"), date_check("notified_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # original | amendment
    effective_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    resolution_on: Mapped[date | None] = mapped_column(Date)
    concluded_on: Mapped[date | None] = mapped_column(Date)
    notice_on: Mapped[date | None] = mapped_column(Date)
    notified_on: Mapped[date | None] = mapped_column(Date)
    terms_json: Mapped[str] = mapped_column(Text)


class Post(Base):
    """派遣先ポスト: the town's position (department, job) receiving staff under one agreement."""

    __tablename__ = "post"
    __table_args__ = (UniqueConstraint("agreement_id", "department", "job", name="agreement_department_job"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    department: Mapped[str] = mapped_column(String(60))
    job: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
