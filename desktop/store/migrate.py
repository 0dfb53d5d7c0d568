"""Alembic run from code: the revisions this build knows, the file's revision, and upgrading."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def known_revisions() -> tuple[str, ...]:
    """Revisions from the first to the head, in order."""
    script = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def head_revision() -> str:
    return known_revisions()[-1]


def schema_number(revision: str | None) -> int:
    """1 for the first revision, 2 for the next…; written to PRAGMA user_version."""
    return 0 if revision is None else known_revisions().index(revision) + 1


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    """Runs inside the caller's transaction, so a failed step leaves nothing half-applied."""
    command.upgrade(alembic_config(connection), "head")
