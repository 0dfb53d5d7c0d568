"""Writing office settings: each a key/value row of `office_setting`, made when first set."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.store.models.town import OfficeSetting


def write_settings(session: Session, values: dict[str, str]) -> None:
    """Sets each key's row in the caller's transaction (the caller audits the change)."""
    for key, value in values.items():
        row = session.get(OfficeSetting, key) or OfficeSetting(key=key)
        row.value = value
        session.add(row)
    session.flush()
