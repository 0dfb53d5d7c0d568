"""What an office file or a backup holds, read without changing it: identity, schema, record
counts, the newest audit entry. Shown side by side before a restore and by `backups`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from desktop.i18n import N_
from desktop.store.read_only import connect_read_only

# (table, label): the records a clerk recognises, in the order they are shown.
COUNTED_TABLES: tuple[tuple[str, str], ...] = (
    ("agreement", N_("協約")),
    ("post", N_("派遣先ポスト")),
    ("staff_member", N_("職員")),
    ("assignment", N_("派遣")),
    ("money_row", N_("負担金")),
    ("claim", N_("算定資料")),
    ("audit_entry", N_("監査記録")),
)


@dataclass(frozen=True)
class AuditHead:
    sequence: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:8]


@dataclass(frozen=True)
class FileContents:
    path: Path
    size: int
    integrity: str  # 'ok' or SQLite's first complaint
    office_id: str | None = None
    application_id: int = 0
    schema_version: int = 0
    revision: str | None = None
    counts: tuple[tuple[str, int], ...] = ()
    audit_head: AuditHead | None = None

    @property
    def readable(self) -> bool:
        return self.integrity == "ok"

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)


def _scalar(conn: sqlite3.Connection, sql: str) -> object:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def read_audit_head(conn: sqlite3.Connection) -> AuditHead | None:
    try:
        row = conn.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    return AuditHead(int(row[0]), str(row[1])) if row else None


def describe(path: Path) -> FileContents:
    """Never raises for a bad file: `integrity` says what is wrong with it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return FileContents(path, 0, str(error))
    try:
        with closing(connect_read_only(path)) as conn:
            integrity = str(_scalar(conn, "PRAGMA quick_check") or "no answer")
            if integrity != "ok":
                return FileContents(path, size, integrity)
            office_id = _scalar(conn, "SELECT value FROM office_setting WHERE key = 'office_id'")
            counts = []
            for table, _label in COUNTED_TABLES:
                value = _scalar(conn, f"SELECT count(*) FROM {table}")  # fixed table names
                if value is not None:
                    counts.append((table, int(str(value))))
            return FileContents(
                path, size, integrity, str(office_id) if office_id else None,
                int(str(_scalar(conn, "PRAGMA application_id") or 0)),
                int(str(_scalar(conn, "PRAGMA user_version") or 0)),
                str(rev) if (rev := _scalar(conn, "SELECT version_num FROM alembic_version")) else None,
                tuple(counts), read_audit_head(conn))
    except sqlite3.DatabaseError as error:
        return FileContents(path, size, str(error))
