"""Recording that an exchange file left the office, so the next file can vouch for this one's head."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.repos.exchange_data import EXPORT_ENTITY
from desktop.store.services.change import Change


@writes
def record_exchange_export(session: Session, *, file_name: str, fiscal_year: FiscalYear, audit_entries: int,
                           audit_head: str, sha256: str) -> Change:
    """交換ファイルの書出し: audited like any change; the file's head becomes a point later files repeat."""
    entry = audit.record(session, entity=EXPORT_ENTITY, entity_id=fiscal_year.year, action="export",
                         after={"file": file_name, "fiscal_year": fiscal_year.year, "audit_entries": audit_entries,
                                "audit_head": audit_head, "sha256": sha256},
                         summary=file_name)
    return Change(EXPORT_ENTITY, "export", (entry.id,))
