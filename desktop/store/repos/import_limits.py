"""Reading the import limits kept in the office file (office_setting)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.amount_limit import DEFAULT_IMPORT_AMOUNT_LIMIT_YEN
from desktop.store.models.town import OfficeSetting

AMOUNT_LIMIT_KEY = "import.max_amount_yen"


def get_import_amount_limit(session: Session) -> int:
    """The largest amount (yen) one imported row may hold; the default when never set."""
    setting = session.get(OfficeSetting, AMOUNT_LIMIT_KEY)
    if setting is None or not setting.value.isdigit():
        return DEFAULT_IMPORT_AMOUNT_LIMIT_YEN
    return int(setting.value)
