"""Alembic run from code: the revisions this build knows, the file's revision, and upgrading.

Alembic (and the templating it loads) is imported only when a file needs upgrading, so
opening an up-to-date office stays fast; REVISIONS is checked against the scripts by a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Every revision in store/migrations/versions, oldest first; a new revision is added here too.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_revisions() -> tuple[str, ...]:
    """The revisions as Alembic reads them from the scripts, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def known_revisions() -> tuple[str, ...]:
    return REVISIONS


def head_revision() -> str:
    return REVISIONS[-1]


def schema_number(revision: str | None) -> int:
    """1 for the first revision, 2 for the next…; written to PRAGMA user_version."""
    return 0 if revision is None else REVISIONS.index(revision) + 1


def current_revision(connection: Connection) -> str | None:
    try:
        value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:  # no alembic_version table yet: a new, empty file
        return None
    return None if value is None else str(value)


def upgrade_to_head(connection: Connection) -> None:
    """Runs inside the caller's transaction, so a failed step leaves nothing half-applied."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
