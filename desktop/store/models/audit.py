"""監査ログ: append-only, each entry chained to the previous by SHA-256."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    # The screen's filters (revision 0007 adds the last three and the trigram index audit_search).
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"), Index("ix_audit_entry_os_user", "os_user"),
                      Index("ix_audit_entry_action", "action"), Index("ix_audit_entry_at", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601, UTC, microseconds
    os_user: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="")
    before_json: Mapped[str] = mapped_column(Text, default="null")
    after_json: Mapped[str] = mapped_column(Text, default="null")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
