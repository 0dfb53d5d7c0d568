"""Backups with SQLite's online backup API (never a file copy of a live database), per office.

Each office's backups sit in a folder named by the UUID stored in the office file
(store/office_identity.py), under the default backup folder or the folder set for that
office. A small pointer file per office path, kept in the default folder, still finds the
backups when the office file itself can no longer be read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.i18n import _
from desktop.paths import backup_root
from desktop.store.office_identity import (
    DEFAULT_KEEP_DAILY,
    DEFAULT_KEEP_MONTHLY,
    BackupSettings,
    read_settings,
)
from desktop.store.read_only import connect_read_only

SUFFIX = ".renkei-backup"
PART = ".part"
# The newest few are always kept, so a backup taken before an import an hour ago survives
# the on-open backup taken after it on the same day.
KEEP_NEWEST = 5
# Backups taken before something irreversible are never rotated away.
KEPT_REASONS = frozenset({"before-migration", "before-restore"})


class BackupError(Exception):
    """A backup could not be written; the message is for the clerk. Nothing half-written is left."""


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


def quick_check(path: Path) -> str:
    """'ok' or SQLite's first complaint."""
    try:
        with contextlib.closing(connect_read_only(path)) as conn:
            row = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return str(row[0]) if row else "no answer"


def copy_database(source: Path, target: Path) -> None:
    """Copies through the backup API into a temporary file, checks it with quick_check, fsyncs,
    then renames it into place: the target is either absent or whole, never half-written."""
    temporary = target.with_name(target.name + PART)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it to lose on a USB stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        result = quick_check(temporary)
        if result != "ok":
            raise BackupError(_("バックアップ「{path}」の検査で異常が見つかりました（{detail}）").format(
                path=target, detail=result))
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as error:
        discard(temporary)
        raise BackupError(_("バックアップ「{path}」を書き込めませんでした（{error}）。空き容量と書き込み権限を確認してください。"
                            "元のファイルはそのままです。").format(path=target, error=os_reason(error))) from None
    except BaseException:
        discard(temporary)
        raise


def os_reason(error: BaseException) -> str:
    text = str(error)
    if isinstance(error, OSError) and error.strerror:
        text = error.strerror
    return text


def discard(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


# -- where an office's backups are

def _pointer_path(office_path: Path) -> Path:
    key = hashlib.sha256(str(office_path.resolve()).encode("utf-8")).hexdigest()[:16]
    return backup_root() / "offices" / f"{key}.json"


def _read_pointer(office_path: Path) -> BackupSettings | None:
    try:
        data = json.loads(_pointer_path(office_path).read_text(encoding="utf-8"))
        folder = data.get("backup_dir")
        return BackupSettings(str(data["office_id"]), Path(folder) if folder else None,
                              int(data.get("keep_daily", DEFAULT_KEEP_DAILY)),
                              int(data.get("keep_monthly", DEFAULT_KEEP_MONTHLY)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_pointer(office_path: Path, settings: BackupSettings) -> None:
    """Best effort: the pointer only helps when the office file itself is unreadable."""
    pointer = _pointer_path(office_path)
    data = {"office_path": str(office_path.resolve()), "office_id": settings.office_id,
            "backup_dir": str(settings.folder) if settings.folder else None,
            "keep_daily": settings.keep_daily, "keep_monthly": settings.keep_monthly}
    temporary = pointer.with_name(pointer.name + PART)
    try:
        pointer.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, pointer)
    except OSError:
        discard(temporary)


def office_backup_settings(office_path: Path) -> BackupSettings:
    """The office's identity and backup settings, from the file or else from its pointer."""
    found = read_settings(office_path)
    if found is not None and found.office_id:
        return found
    return _read_pointer(office_path) or BackupSettings(None, None)


def backup_folder(office_path: Path, settings: BackupSettings | None = None) -> Path:
    settings = settings or office_backup_settings(office_path)
    root = settings.folder or backup_root()
    if settings.office_id:
        return root / settings.office_id
    # A file that cannot carry a UUID (read-only, never opened for writing): keyed by its full path.
    digest = hashlib.sha256(str(office_path.resolve()).encode("utf-8")).hexdigest()[:12]
    return root / f"unidentified-{office_path.stem}-{digest}"


# -- taking, listing, rotating

STALE_PART = timedelta(minutes=10)


def _drop_stale_parts(folder: Path) -> None:
    """A backup killed mid-copy leaves its .part behind; one old enough is no one's work in progress."""
    cutoff = (datetime.now() - STALE_PART).timestamp()
    with contextlib.suppress(OSError):
        for part in folder.glob(f"*{SUFFIX}{PART}"):
            with contextlib.suppress(OSError):
                if part.stat().st_mtime < cutoff:
                    part.unlink()


def backup_office(office_path: Path, reason: str) -> Path:
    settings = office_backup_settings(office_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = backup_folder(office_path, settings)
    _drop_stale_parts(folder)
    target = folder / f"{office_path.stem}-{stamp}-{reason}{SUFFIX}"
    copy_database(office_path, target)
    if settings.office_id:
        _write_pointer(office_path, settings)
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


def parse_backup_name(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name.removesuffix(SUFFIX))
    if not match or not path.name.endswith(SUFFIX):
        return None
    try:
        taken = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S-%f")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, taken, match.group("reason"), size)


def list_backups(office_path: Path) -> list[BackupInfo]:
    """This office's backups, newest first."""
    folder = backup_folder(office_path)
    try:
        candidates = list(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return []
    infos = [info for p in candidates if (info := parse_backup_name(p)) is not None]
    return sorted(infos, key=lambda i: i.taken_at, reverse=True)


def rotate_backups(office_path: Path) -> list[Path]:
    """Keeps the newest of each of the last N days and of each of the last M months that have
    a backup (the office's settings, 14 and 24 by default), the few newest, and every one taken
    before a migration or a restore."""
    settings = office_backup_settings(office_path)
    backups = list_backups(office_path)
    keep: set[Path] = {b.path for b in backups[:KEEP_NEWEST]}
    keep.update(b.path for b in backups if b.reason in KEPT_REASONS)
    for key_format, limit in (("%Y-%m-%d", settings.keep_daily), ("%Y-%m", settings.keep_monthly)):
        seen: list[str] = []
        for b in backups:  # newest first, so the first of each day/month is its newest
            key = b.taken_at.strftime(key_format)
            if key not in seen and len(seen) < limit:
                seen.append(key)
                keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink(missing_ok=True)
                removed.append(b.path)
    return removed


def last_good_backup(office_path: Path) -> Path | None:
    for info in list_backups(office_path):
        if quick_check(info.path) == "ok":
            return info.path
    return None


def move_backups(office_path: Path, old_folder: Path) -> int:
    """After the backup folder setting changed: copies each backup from old_folder into the
    office's folder now (whole, then renamed), and removes the old copy only once the new one
    is in place. Backups are closed self-contained files, so a byte copy is safe here."""
    import shutil

    settings = office_backup_settings(office_path)
    new_folder = backup_folder(office_path, settings)
    if not old_folder.exists() or old_folder.resolve() == new_folder.resolve():
        return 0
    moved = 0
    try:
        new_folder.mkdir(parents=True, exist_ok=True)
        for source in sorted(old_folder.glob(f"*{SUFFIX}")):
            target = new_folder / source.name
            temporary = target.with_name(target.name + PART)
            try:
                shutil.copyfile(source, temporary)
                with temporary.open("rb+") as handle:
                    os.fsync(handle.fileno())
                os.replace(temporary, target)
            finally:
                discard(temporary)
            fsync_dir(new_folder)
            source.unlink()
            moved += 1
    except OSError as error:
        raise BackupError(_("バックアップを「{folder}」へ移せませんでした（{error}）。移せなかった分は元のフォルダに残っています").format(
            folder=new_folder, error=os_reason(error))) from None
    _write_pointer(office_path, settings)
    return moved
