"""自団体 (one row) and the office-wide settings that change results (rounding, deadlines)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class Town(Base):
    """自団体設定: the office's own profile; exactly one row with id 1."""

    __tablename__ = "town"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    prefecture: Mapped[str] = mapped_column(String(20), default="")
    local_gov_code: Mapped[str] = mapped_column(String(6), default="")
    category: Mapped[str] = mapped_column(String(30), default="town_village")
    mayor_title: Mapped[str] = mapped_column(String(20), default="町長")
    mayor_name: Mapped[str] = mapped_column(String(60), default="")
    document_prefix: Mapped[str] = mapped_column(String(30), default="")


class OfficeSetting(Base):
    """A setting that changes results, kept in the office file (not in QSettings)."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
