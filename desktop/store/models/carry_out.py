"""持出記録: one row per file or printout with personal data that left the office; append-only."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class CarryOutRecord(Base):
    __tablename__ = "carry_out_record"
    __table_args__ = (
        CheckConstraint("medium IN ('usb', 'email', 'paper', 'other')", name="medium"),
        CheckConstraint("output_kind IN ('form', 'exchange', 'xlsx', 'csv')", name="output_kind"),
        CheckConstraint("sha256 IS NULL OR length(sha256) = 64", name="sha256_length"),
        CheckConstraint("typeof(persons) = 'integer' AND persons >= 0", name="persons_count"),
        Index("ix_carry_out_record_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))              # ISO 8601, UTC, microseconds (as the audit trail)
    user: Mapped[str] = mapped_column(String(100))           # audit.acting_user
    output_kind: Mapped[str] = mapped_column(String(10))     # form, exchange, xlsx, csv
    document: Mapped[str] = mapped_column(String(20))        # F2 … F13, exchange, ledger
    fiscal_year: Mapped[int | None] = mapped_column(Integer)  # the year it covers, when it covers one
    description: Mapped[str] = mapped_column(Text)           # e.g. 「F2 派遣職員受入名簿（令和7年度）」
    medium: Mapped[str] = mapped_column(String(10))          # 持出媒体
    encrypted: Mapped[bool] = mapped_column(Boolean)
    file_name: Mapped[str] = mapped_column(Text, default="")  # '' for a printout
    sha256: Mapped[str | None] = mapped_column(String(64))    # of the file as written; NULL for paper
    persons: Mapped[int] = mapped_column(Integer)             # people whose data it holds
    note: Mapped[str] = mapped_column(Text, default="")
