"""The grant calendar kept as office settings (算定資料の提出期限, 12月・3月の交付決定, 公表予定日)."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.due import GrantCalendar
from desktop.store.models.town import OfficeSetting

PREFIX = "calendar."


def setting_key(field: str) -> str:
    return PREFIX + field


def get_grant_calendar(session: Session) -> GrantCalendar:
    rows = {r.key: r.value for r in session.scalars(select(OfficeSetting).where(OfficeSetting.key.like(PREFIX + "%")))}
    values = {}
    for field in dataclasses.fields(GrantCalendar):
        text = rows.get(setting_key(field.name), "")
        values[field.name] = date.fromisoformat(text) if text else None
    return GrantCalendar(**values)
