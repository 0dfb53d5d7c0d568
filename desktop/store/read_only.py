"""Reading an office file without writing anything beside it (for `check` and the checks of opening).

A WAL database opened with mode=ro still creates its -wal and -shm files next to the file,
which a read-only folder or a full disk refuses (and `check` must not change anything).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

# SQLite's own words for a file that is damaged or is no database: damage, not a fault of the disk.
DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _uri(path: Path, *options: str) -> str:
    # as_uri() percent-encodes '?' and '#' in folder names, which a bare "file:{path}" would not.
    return path.resolve().as_uri() + "?" + "&".join(("mode=ro", *options))


def primary_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that writes no file; raises sqlite3.Error as SQLite reports it.

    Without a -wal file no connection has the file open (SQLite keeps the -wal while one
    does), so it is read as immutable: mode=ro alone would create -wal and -shm beside it.
    With a -wal, mode=ro must create the -shm; in a folder nobody can write, nobody can
    write the file either, so it is then read as immutable too.
    """
    if not wal_path(path).exists():
        return _connect(path, "immutable=1")
    try:
        return _connect(path)
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK):
            raise
    return _connect(path, "immutable=1")


def _connect(path: Path, *options: str) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, *options), uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def quick_check(path: Path) -> str:
    """'ok', or SQLite's first complaint when the file is damaged; other errors are raised."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        if primary_code(error) in DAMAGE_CODES:
            return str(error)
        raise
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as error:
        if primary_code(error) in DAMAGE_CODES:
            return str(error)
        raise
    finally:
        conn.close()
    return str(row[0]) if row else "no answer"
