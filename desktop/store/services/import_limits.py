"""User action: changing the largest amount an import accepts in one row (audited)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.amount_limit import validate_limit
from desktop.domain.problems import ValidationError
from desktop.store import audit
from desktop.store.access import admin_only
from desktop.store.repos.import_limits import AMOUNT_LIMIT_KEY, get_import_amount_limit
from desktop.store.services.change import Change
from desktop.store.setting_rows import write_settings


@admin_only
def set_import_amount_limit(session: Session, *, limit_yen: int) -> Change:
    """Raises ValidationError when the limit is below 1 yen or above the highest allowed."""
    problems = validate_limit(limit_yen)
    if problems:
        raise ValidationError(problems)
    before = get_import_amount_limit(session)
    write_settings(session, {AMOUNT_LIMIT_KEY: str(limit_yen)})
    if before != limit_yen:
        audit.record(session, entity="office_setting", entity_id=AMOUNT_LIMIT_KEY, action="update",
                     before={"limit_yen": before}, after={"limit_yen": limit_yen},
                     summary=AMOUNT_LIMIT_KEY)
    return Change("office_setting", "update", ())
