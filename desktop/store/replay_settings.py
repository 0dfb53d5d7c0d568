"""Replaying the audited settings (kept as key/value rows) against what the app reads today.

A setting is audited as one image of all its values (the backup folder and how many backups
are kept, the grant calendar, the largest amount an import accepts). The newest image must be
what the app reads now; a value changed with another tool, or a settings row deleted (the app
then falls back to its default), shows up here. Only the keys the image holds are compared, so
an entry written before a setting gained a value raises no false alarm.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_
from desktop.store.access import get_sign_in_settings
from desktop.store.audit import canonical_json
from desktop.store.models.audit import AuditEntry
from desktop.store.repos.grant_calendar import get_grant_calendar
from desktop.store.repos.import_limits import AMOUNT_LIMIT_KEY, get_import_amount_limit
from desktop.store.services.backup_settings import get_backup_settings


@dataclass(frozen=True)
class ReplayedSetting:
    entity: str
    entity_id: str
    label: str  # msgid
    current: Callable[[Session], Any]  # what the app reads now, shaped as the service audits it


SETTINGS = (
    ReplayedSetting("setting", "backup", N_("バックアップの設定"), get_backup_settings),
    ReplayedSetting("setting", "calendar", N_("特別交付税等の日程"), get_grant_calendar),
    ReplayedSetting("office_setting", AMOUNT_LIMIT_KEY, N_("取込の金額上限"),
                    lambda session: {"limit_yen": get_import_amount_limit(session)}),
    ReplayedSetting("setting", "sign_in", N_("サインインの設定"), get_sign_in_settings),
)


def changed_settings(session: Session) -> list[ReplayedSetting]:
    """The settings whose newest audited image differs from what the app reads now."""
    found = []
    for setting in SETTINGS:
        last = session.scalar(select(AuditEntry.after_json)
                              .where(AuditEntry.entity == setting.entity, AuditEntry.entity_id == setting.entity_id)
                              .order_by(AuditEntry.id.desc()).limit(1))
        if last is None:
            continue
        expected = json.loads(last)
        now = json.loads(canonical_json(setting.current(session)))
        if not isinstance(expected, dict) or not isinstance(now, dict):
            continue
        if any(now.get(key) != value for key, value in expected.items()):
            found.append(setting)
    return found
