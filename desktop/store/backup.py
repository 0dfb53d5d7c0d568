"""Backups with SQLite's online backup API (never a file copy of a live database), rotation, restore."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.paths import backup_dir_for

SUFFIX = ".renkei-backup"
KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 30
# Backups taken before something irreversible are never rotated away.
KEPT_REASONS = frozenset({"before-migration", "before-restore"})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, target: Path) -> None:
    """Copies through the backup API into a temporary file, fsyncs, then renames into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    temporary.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(temporary)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it to lose on a USB stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with temporary.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    fsync_dir(target.parent)


def backup_office(office_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir_for(office_path) / f"{office_path.stem}-{stamp}-{reason}{SUFFIX}"
    copy_database(office_path, target)
    rotate_backups(office_path)
    return target


_NAME = re.compile(r"^.*-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)$")


def backup_if_stale(office_path: Path, *, max_age: timedelta = timedelta(hours=24),
                    now: datetime | None = None) -> Path | None:
    """The daily backup for an office left open: taken when the newest backup is older than max_age."""
    newest = next(iter(list_backups(office_path)), None)
    if newest is not None and (now or datetime.now()) - newest.taken_at < max_age:
        return None
    return backup_office(office_path, "daily")


def _parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name.removesuffix(SUFFIX))
    if not match:
        return None
    taken = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S-%f")
    return BackupInfo(path, taken, match.group("reason"), path.stat().st_size)


def list_backups(office_path: Path) -> list[BackupInfo]:
    """Newest first."""
    folder = backup_dir_for(office_path)
    if not folder.exists():
        return []
    infos = [info for p in folder.glob(f"*{SUFFIX}") if (info := _parse(p)) is not None]
    return sorted(infos, key=lambda i: i.taken_at, reverse=True)


def rotate_backups(office_path: Path, now: datetime | None = None) -> list[Path]:
    """Keeps the 10 newest, the newest of each day for 30 days, and every pre-migration/restore one."""
    now = now or datetime.now()
    backups = list_backups(office_path)
    keep: set[Path] = {b.path for b in backups[:KEEP_NEWEST]}
    seen_days: set[str] = set()
    for b in backups:
        if b.reason in KEPT_REASONS:
            keep.add(b.path)
        day = b.taken_at.strftime("%Y-%m-%d")
        if (now - b.taken_at).days <= KEEP_DAILY_DAYS and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def quick_check(path: Path) -> str:
    """'ok' or SQLite's first complaint."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return str(row[0]) if row else "no answer"


def last_good_backup(office_path: Path) -> Path | None:
    for info in list_backups(office_path):
        if quick_check(info.path) == "ok":
            return info.path
    return None
