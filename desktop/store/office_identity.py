"""The office's identity (a UUID stored in the file) and its backup settings.

Backups are kept per office, not per file name: two files both called office.renkei in
different folders are different offices. The UUID lives in `office_setting` (present since
revision 0001), so no migration is needed; an older file gets one on its first writable open.
Everything here uses plain sqlite3 so it works before the schema is migrated and on a file
that SQLAlchemy is not (yet) attached to.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

OFFICE_ID_KEY = "office_id"
# The backup settings live in the office file, not in the per-user window settings: the
# backups belong to the office (they are keyed by its UUID), the CLI verbs (`backup`,
# `backups`, `check`, `restore`) must find the same folder as the window without Qt, and
# whoever opens the office next — another clerk's login on the same PC — keeps backing up
# to the same drive.
BACKUP_DIR_KEY = "backup_dir"
KEEP_DAILY_KEY = "backup_keep_daily"
KEEP_MONTHLY_KEY = "backup_keep_monthly"
DEFAULT_KEEP_DAILY = 14
DEFAULT_KEEP_MONTHLY = 24
BACKUP_KEYS = (OFFICE_ID_KEY, BACKUP_DIR_KEY, KEEP_DAILY_KEY, KEEP_MONTHLY_KEY)


@dataclass(frozen=True)
class BackupSettings:
    office_id: str | None
    folder: Path | None  # None: the default folder under the data folder
    keep_daily: int = DEFAULT_KEEP_DAILY
    keep_monthly: int = DEFAULT_KEEP_MONTHLY


def _positive(raw: str | None, default: int) -> int:
    try:
        value = int(raw or "")
    except ValueError:
        return default
    return value if value > 0 else default


def read_settings(path: Path) -> BackupSettings | None:
    """The file's identity and backup settings; None when the file cannot be read (missing,
    damaged, not SQLite, no settings table)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        from desktop.store.read_only import connect_read_only

        with closing(connect_read_only(path)) as conn:
            marks = ",".join("?" * len(BACKUP_KEYS))
            rows = dict(conn.execute(f"SELECT key, value FROM office_setting WHERE key IN ({marks})",
                                     BACKUP_KEYS).fetchall())
    except sqlite3.Error:
        return None
    folder = rows.get(BACKUP_DIR_KEY) or None
    return BackupSettings(rows.get(OFFICE_ID_KEY) or None, Path(folder) if folder else None,
                          _positive(rows.get(KEEP_DAILY_KEY), DEFAULT_KEEP_DAILY),
                          _positive(rows.get(KEEP_MONTHLY_KEY), DEFAULT_KEEP_MONTHLY))


def read_office_id(path: Path) -> str | None:
    settings = read_settings(path)
    return settings.office_id if settings else None


def ensure_office_id(path: Path) -> str | None:
    """Gives the file its UUID if it has none; returns the UUID, or None when the file cannot
    be read or written (damaged, read-only, not migrated yet) — the caller's own checks
    report those, so nothing is raised here."""
    if not path.exists():  # sqlite3.connect would create it
        return None
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute("PRAGMA busy_timeout=5000")
            found = conn.execute("SELECT value FROM office_setting WHERE key = ?", (OFFICE_ID_KEY,)).fetchone()
            if found and found[0]:
                return str(found[0])
            new_id = str(uuid.uuid4())
            conn.execute("INSERT OR REPLACE INTO office_setting (key, value) VALUES (?, ?)", (OFFICE_ID_KEY, new_id))
            return new_id
    except sqlite3.Error:
        return None
