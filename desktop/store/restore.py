"""Restoring an office file from a backup: shown first, then done atomically and audited.

The backup is copied with SQLite's backup API into a staging file beside the office,
checked, given an audit entry that says what was restored over what, fsynced, and renamed
over the office file in one step: a crash at any moment leaves either the old office or
the restored one, never half of either. The current file is backed up first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from desktop.domain.access import Role
from desktop.i18n import _
from desktop.store import audit, backup, migrate
from desktop.store.access import require_for_file
from desktop.store.acting import session_info
from desktop.store.backup_contents import FileContents, describe
from desktop.store.db import APPLICATION_ID, OfficeError, acquire_lock

STAGING = ".restoring"


class RestoreError(OfficeError):
    """The backup cannot be restored; the message is for the clerk and nothing was changed."""


class OtherOfficeError(RestoreError):
    """The backup belongs to another office (another UUID): restoring it needs an explicit yes."""


@dataclass(frozen=True)
class RestorePlan:
    backup: FileContents
    backup_taken_at: datetime
    current: FileContents | None  # None: there is no office file yet
    same_office: bool
    problems: tuple[str, ...]  # why it cannot be restored at all; empty when it can


@dataclass(frozen=True)
class RestoreResult:
    office_path: Path
    restored_from: Path
    before_restore_backup: Path | None
    audit_sequence: int


def taken_at(path: Path) -> datetime:
    info = backup.parse_backup_name(path)
    if info is not None:
        return info.taken_at
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return datetime.min


def _problems(contents: FileContents, office_path: Path) -> list[str]:
    if contents.path.resolve() == office_path.resolve():
        return [_("復元元と復元先が同じファイルです")]
    if not contents.path.is_file():
        return [_("バックアップ「{path}」が見つかりません").format(path=contents.path)]
    if not contents.readable:
        return [_("バックアップ「{path}」は壊れているか読めません（{detail}）").format(
            path=contents.path, detail=contents.integrity)]
    if contents.application_id != APPLICATION_ID:
        return [_("「{path}」は連携デスクのバックアップではありません").format(path=contents.path)]
    if contents.schema_version > len(migrate.known_revisions()):
        return [_("バックアップ「{path}」は新しい版の連携デスクで作られています。連携デスクを更新してから復元してください").format(
            path=contents.path)]
    return []


def plan_restore(*, office_path: Path, backup_path: Path) -> RestorePlan:
    """What the backup holds against the current file; reads both, changes nothing."""
    office_path, backup_path = Path(office_path), Path(backup_path)
    contents = describe(backup_path)
    exists = office_path.exists() and office_path.stat().st_size > 0
    current = describe(office_path) if exists else None
    office_id = backup.office_backup_settings(office_path).office_id if current is not None else None
    if office_id is None:
        same = True  # no file, or one whose identity cannot be read: nothing says it is another office
    elif contents.office_id is None:
        # A backup taken before offices had an identity: trusted only in this office's own folder.
        same = backup_path.resolve().parent == backup.backup_folder(office_path).resolve()
    else:
        same = contents.office_id == office_id
    problems = _problems(contents, office_path)
    if not office_path.parent.is_dir():  # a mistyped --db: no office is ever made in a new folder
        problems.insert(0, _("フォルダ「{folder}」がありません").format(folder=office_path.parent))
    return RestorePlan(contents, taken_at(backup_path), current, same, tuple(problems))


def newest_good_backup(office_path: Path) -> backup.BackupInfo | None:
    """The newest backup of this same office that passes quick_check and can be restored:
    what the window offers when the office fails its open-time check."""
    office_path = Path(office_path)
    office_id = backup.office_backup_settings(office_path).office_id
    for info in backup.list_backups(office_path):
        contents = describe(info.path)
        if _problems(contents, office_path):
            continue
        if office_id is None or contents.office_id in (None, office_id):
            return info
    return None


def restore_backup(*, office_path: Path, backup_path: Path, allow_other_office: bool = False) -> RestoreResult:
    """Replaces the office file with the backup. The office must not be open (the window
    closes it first); raises RestoreError, OtherOfficeError or OfficeInUseError, changing nothing.
    With sign-in on, only a 管理者 (store/acting.py: acting_as) may restore (AccessDeniedError)."""
    office_path, backup_path = Path(office_path).expanduser().resolve(), Path(backup_path).expanduser().resolve()
    require_for_file(office_path, Role.ADMIN)
    plan = plan_restore(office_path=office_path, backup_path=backup_path)
    if plan.problems:
        raise RestoreError(plan.problems[0])
    if not plan.same_office and not allow_other_office:
        raise OtherOfficeError(_("バックアップ「{path}」は別の事務所のものです（この事務ファイルのバックアップではありません）。"
                                 "復元するには別の事務所のバックアップであることを確認してください").format(path=backup_path))
    try:
        lock = acquire_lock(office_path)
    except OSError as error:  # the lock file cannot be made: a read-only folder, a missing drive
        raise RestoreError(_("「{folder}」に書き込めないため復元できません（{error}）。事務ファイルは元のままです").format(
            folder=office_path.parent, error=backup.os_reason(error))) from None
    try:
        return _restore_locked(office_path, backup_path, plan)
    finally:
        lock.release()


def _restore_locked(office_path: Path, backup_path: Path, plan: RestorePlan) -> RestoreResult:
    staged = office_path.with_name(office_path.name + STAGING)
    backup.discard(staged)  # left by a restore killed earlier: we hold the lock, it is no one's now
    before_path = _back_up_current(office_path, plan) if plan.current is not None else None
    try:
        backup.copy_database(backup_path, staged)  # staged is whole or absent, checked
        sequence = _audit_restore(staged, backup_path, plan, before_path)
        with staged.open("rb+") as handle:
            os.fsync(handle.fileno())
        _settle_journal(office_path, readable=plan.current is None or plan.current.readable)
        os.replace(staged, office_path)
        backup.fsync_dir(office_path.parent)
    except (OSError, backup.BackupError) as error:
        backup.discard(staged)
        detail = str(error) if isinstance(error, backup.BackupError) else backup.os_reason(error)
        raise RestoreError(_("復元できませんでした（{detail}）。事務ファイルは元のままです").format(detail=detail)) from None
    return RestoreResult(office_path, backup_path, before_path, sequence)


def _back_up_current(office_path: Path, plan: RestorePlan) -> Path:
    """A good current file is backed up through SQLite; a damaged one is kept byte for byte
    (it is not live: we hold its lock) so nothing is thrown away."""
    assert plan.current is not None
    try:
        if plan.current.readable:
            return backup.backup_office(office_path, "before-restore")
        folder = backup.backup_folder(office_path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{office_path.stem}-{stamp}-damaged{backup.SUFFIX}"
        temporary = target.with_name(target.name + backup.PART)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(office_path, temporary)
        os.replace(temporary, target)
        return target
    except (OSError, backup.BackupError) as error:
        detail = str(error) if isinstance(error, backup.BackupError) else backup.os_reason(error)
        raise RestoreError(_("復元の前に現在の事務ファイルをバックアップできませんでした（{detail}）。"
                             "何も変更していません").format(detail=detail)) from None


def _audit_restore(staged: Path, backup_path: Path, plan: RestorePlan, before_path: Path | None) -> int:
    current = plan.current
    engine = create_engine(f"sqlite:///{staged}")
    try:
        with Session(engine, info=session_info()) as session, session.begin():
            entry = audit.record(
                session, entity="office", entity_id=plan.backup.office_id or "", action="restore",
                before={"office_id": current.office_id if current else None,
                        "audit_head": _head(current), "backup_of_this_file": str(before_path or "")},
                after={"backup": str(backup_path), "taken_at": plan.backup_taken_at.isoformat(timespec="seconds"),
                       "office_id": plan.backup.office_id, "audit_head": _head(plan.backup)},
                summary=_("バックアップから復元 {name}").format(name=backup_path.name))
            sequence = entry.id
    finally:
        engine.dispose()
    return sequence


def _head(contents: FileContents | None) -> dict[str, object] | None:
    head = contents.audit_head if contents else None
    return {"sequence": head.sequence, "hash": head.hash} if head else None


def _settle_journal(office_path: Path, *, readable: bool) -> None:
    """A -wal left beside the old file would be replayed into the restored one: fold it into
    the old file first (a damaged file was already kept byte for byte, so its -wal may go)."""
    if office_path.exists():
        try:
            with contextlib.closing(sqlite3.connect(office_path, isolation_level=None)) as conn:
                conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        except sqlite3.Error as error:
            if readable:
                raise OSError(str(error)) from None
    for suffix in ("-wal", "-shm"):
        Path(str(office_path) + suffix).unlink(missing_ok=True)
