"""User action: where this office's backups go and how many are kept (ファイル → バックアップの設定)."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.problems import Problem, ValidationError
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import admin_only, reads_personal_data
from desktop.store.models.town import OfficeSetting
from desktop.store.office_identity import BACKUP_DIR_KEY, KEEP_DAILY_KEY, KEEP_MONTHLY_KEY
from desktop.store.services.change import Change
from desktop.store.setting_rows import write_settings

MAX_KEEP = 1000


@dataclass(frozen=True)
class BackupSettingsDraft:
    folder: str  # "" = the default folder under the data folder
    keep_daily: int
    keep_monthly: int


def folder_problem(folder: str) -> str | None:
    """Why backups cannot be written there, or None. Tries a real write: a read-only share or
    an unplugged drive is found now, not at the next backup."""
    path = Path(folder).expanduser()
    if not path.is_absolute():
        return _("フォルダは絶対パスで指定してください（例: E:\\連携デスク\\バックアップ）")
    probe = path / f".renkei-probe-{uuid.uuid4().hex}"
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"ok")
        with probe.open("rb") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        return _("フォルダ「{folder}」に書き込めません（{error}）").format(folder=path, error=error.strerror or error)
    finally:
        probe.unlink(missing_ok=True)
    return None


def validate_backup_settings(draft: BackupSettingsDraft) -> list[Problem]:
    problems = []
    if draft.folder.strip() and (problem := folder_problem(draft.folder.strip())):
        problems.append(Problem("folder", problem))
    for field, value in (("keep_daily", draft.keep_daily), ("keep_monthly", draft.keep_monthly)):
        if not 1 <= value <= MAX_KEEP:
            problems.append(Problem(field, _("1から{max}までの数を入れてください").format(max=MAX_KEEP)))
    return problems


@reads_personal_data
def get_backup_settings(session: Session) -> BackupSettingsDraft:
    def value(key: str) -> str:
        row = session.get(OfficeSetting, key)
        return row.value if row else ""

    def number(key: str, default: int) -> int:
        text = value(key)
        return int(text) if text.isdigit() and int(text) > 0 else default

    return BackupSettingsDraft(value(BACKUP_DIR_KEY), number(KEEP_DAILY_KEY, 14), number(KEEP_MONTHLY_KEY, 24))


@admin_only
def save_backup_settings(session: Session, *, draft: BackupSettingsDraft) -> Change:
    """Raises ValidationError. Moving the existing backups is the caller's next step
    (backup.move_backups), done after this commits so a failed move loses nothing."""
    problems = validate_backup_settings(draft)
    if problems:
        raise ValidationError(problems)
    before = get_backup_settings(session)
    folder = str(Path(draft.folder.strip()).expanduser()) if draft.folder.strip() else ""
    after = BackupSettingsDraft(folder, draft.keep_daily, draft.keep_monthly)
    write_settings(session, {BACKUP_DIR_KEY: after.folder, KEEP_DAILY_KEY: str(after.keep_daily),
                             KEEP_MONTHLY_KEY: str(after.keep_monthly)})
    if after != before:
        audit.record(session, entity="setting", entity_id="backup", action="update", before=before, after=after,
                     summary=_("バックアップの設定"))
    return Change("setting", "update")
