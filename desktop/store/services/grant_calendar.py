"""Setting the grant calendar (DOMAIN.md §4: the dates come from the prefecture and the ministry each
year, so the town keeps them as settings and the deadline panel shows them)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from desktop.domain.due import GrantCalendar
from desktop.domain.problems import Problem, ValidationError
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import admin_only
from desktop.store.models.town import OfficeSetting
from desktop.store.repos.grant_calendar import get_grant_calendar, setting_key
from desktop.store.services.change import Change


def validate_calendar(calendar: GrantCalendar) -> list[Problem]:
    december, march = calendar.december_decision, calendar.march_decision
    if december is not None and december.month != 12:
        return [Problem("december_decision", _("12月の交付決定日は12月の日付で入力してください"))]
    if march is not None and march.month != 3:
        return [Problem("march_decision", _("3月の交付決定日は3月の日付で入力してください"))]
    return []


@admin_only
def update_grant_calendar(session: Session, *, calendar: GrantCalendar) -> Change:
    """Stores every date of the calendar (an empty one removes the setting), audited."""
    problems = validate_calendar(calendar)
    if problems:
        raise ValidationError(problems)
    before = get_grant_calendar(session)
    if before == calendar:
        return Change("setting", "update", (), 0)
    for field in dataclasses.fields(GrantCalendar):
        value = getattr(calendar, field.name)
        row = session.get(OfficeSetting, setting_key(field.name))
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(OfficeSetting(key=setting_key(field.name), value=value.isoformat()))
        else:
            row.value = value.isoformat()
    session.flush()
    audit.record(session, entity="setting", entity_id="calendar", action="update", before=before, after=calendar,
                 summary=_("特別交付税等の日程"))
    return Change("setting", "update", ())
