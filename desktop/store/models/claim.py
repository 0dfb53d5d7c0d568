"""措置率・上限等 (the measure's parameters per fiscal year) and the town's claim per fiscal year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.models.base import Base, FiscalYearType, date_check, yen_check


class MeasureParameterRow(Base):
    """One row applies from `from_year` until the next row's year."""

    __tablename__ = "measure_parameters"
    __table_args__ = (yen_check("recruitment_cap_yen"), yen_check("personnel_cap_yen"))

    id: Mapped[int] = mapped_column(primary_key=True)
    from_year: Mapped[FiscalYear] = mapped_column(FiscalYearType, unique=True)
    ratio: Mapped[str] = mapped_column(String(20))                 # exact: '1/2'
    recruitment_cap_yen: Mapped[int] = mapped_column(Integer)
    personnel_cap_yen: Mapped[int] = mapped_column(Integer)
    excluded_categories: Mapped[str] = mapped_column(Text)         # comma-separated TownCategory values
    separate_fields: Mapped[str] = mapped_column(Text)             # ・-separated field names
    first_year_only: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(Text)


class Claim(Base):
    """算定資料 for one fiscal year; a submitted claim keeps a frozen snapshot of its lines."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'submitted', 'decided')", name="status"),
        yen_check("claimed_yen"), yen_check("decided_yen"),
        date_check("submitted_on"), date_check("decided_on"),
        CheckConstraint("status = 'draft' OR (submitted_on IS NOT NULL AND snapshot_json IS NOT NULL)",
                        name="submitted_has_snapshot"),
        CheckConstraint("status != 'decided' OR (decided_on IS NOT NULL AND decided_yen IS NOT NULL)",
                        name="decided_has_amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[FiscalYear] = mapped_column(FiscalYearType, unique=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    submitted_on: Mapped[date | None] = mapped_column(Date)
    claimed_yen: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_yen: Mapped[int | None] = mapped_column(Integer)
    snapshot_json: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
