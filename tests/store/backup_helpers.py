"""Shared by the backup, restore and history tests: real demo offices and raw SQLite edits."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.cli import main
from desktop.store.db import open_office
from desktop.store.demo import build_demo_office


def make_demo(path: Path) -> Path:
    with open_office(path) as office, office.transaction() as session:
        build_demo_office(session)
    return path


def sql(path: Path, *statements: str) -> None:
    """What someone with the sqlite3 command line could do behind the app's back."""
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def scalar(path: Path, statement: str) -> object:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(statement).fetchone()[0]


def cli(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


UNGUARD = ("DROP TRIGGER audit_entry_no_update", "DROP TRIGGER audit_entry_no_delete")
