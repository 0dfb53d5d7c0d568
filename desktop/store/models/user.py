"""利用者: who may sign in, with which role; only an argon2 hash of the password is kept."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class User(Base):
    """One user of the office file (サインイン). Times are ISO 8601 in UTC."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('viewer', 'editor', 'admin')", name="role"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[str] = mapped_column(String(32))
    changed_at: Mapped[str] = mapped_column(String(32))
