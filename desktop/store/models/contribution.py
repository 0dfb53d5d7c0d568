"""負担金の記録: one row per budget line, invoice, payment or refund, in whole yen."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.models.base import Base, FiscalYearType, date_check, yen_check


class MoneyRow(Base):
    __tablename__ = "money_row"
    __table_args__ = (
        yen_check("amount_yen"),
        date_check("on_date"), date_check("due_on"),
        CheckConstraint("kind IN ('budget', 'invoice', 'payment', 'refund')", name="kind"),
        CheckConstraint("kind = 'invoice' OR due_on IS NULL", name="due_only_for_invoice"),
        CheckConstraint("kind = 'budget' OR on_date IS NOT NULL", name="dated"),
        CheckConstraint("typeof(fiscal_year) = 'integer'", name="fiscal_year_integer"),
        Index("ix_money_row_group", "fiscal_year", "post_id", "staff_id"),
        Index("ix_money_row_kind_due", "kind", "due_on"),
        Index("ix_money_row_on_date", "on_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    fiscal_year: Mapped[FiscalYear] = mapped_column(FiscalYearType)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id"), index=True)
    on_date: Mapped[date | None] = mapped_column(Date)
    amount_yen: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
