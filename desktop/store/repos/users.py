"""Reading the users for the administrator (CLI `users list`, 設定 → 利用者と権限…)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.access import Role
from desktop.store.access import admin_only
from desktop.store.models.user import User


@dataclass(frozen=True)
class UserRow:
    name: str
    role: Role
    disabled: bool
    locked_until: datetime | None  # aware (UTC); may lie in the past
    failed_attempts: int
    created_at: datetime
    changed_at: datetime

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


@admin_only
def list_users(session: Session) -> list[UserRow]:
    """Every user, by name; never the password hash."""
    return [
        UserRow(u.name, Role(u.role), u.disabled, datetime.fromisoformat(u.locked_until) if u.locked_until else None,
                u.failed_attempts, datetime.fromisoformat(u.created_at), datetime.fromisoformat(u.changed_at))
        for u in session.scalars(select(User).order_by(User.name))
    ]
