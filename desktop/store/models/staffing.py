"""派遣職員 and 派遣 (assignment: person + post + period)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, date_check


class StaffMember(Base):
    """派遣職員. The name is stored exactly as typed (髙﨑, 𠮷 …); the reading is kana."""

    __tablename__ = "staff_member"
    __table_args__ = (Index("ix_staff_member_name_reading", "name", "reading"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    reading: Mapped[str] = mapped_column(String(120), index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Assignment(Base):
    """派遣: one staff member on one post for start_on..end_on (both included)."""

    __tablename__ = "assignment"
    __table_args__ = (
        CheckConstraint("end_on >= start_on", name="end_after_start"),
        date_check("start_on"), date_check("end_on"),
        CheckConstraint("employment_type IN ('permanent', 'fixed_term', 'part_time')", name="employment_type"),
        CheckConstraint("dispatch_form IN ('act_252_17', 'other')", name="dispatch_form"),
        Index("ix_assignment_period", "start_on", "end_on"),
        Index("ix_assignment_end_on", "end_on"),  # the deadline list's ends still to come (revision 0007)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("field.id"), index=True)
    employment_type: Mapped[str] = mapped_column(String(20))
    dispatch_form: Mapped[str] = mapped_column(String(20))
    hired_for_support: Mapped[bool] = mapped_column(Boolean, default=False)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
