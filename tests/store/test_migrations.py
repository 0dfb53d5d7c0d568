"""Every released revision's office file upgrades to this build's head, keeping its data."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.store import backup, migrate
from desktop.store.db import open_office, schema_status
from desktop.store.repos.town import get_town_profile

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("office-*.renkei"))


def test_the_revision_list_matches_the_scripts() -> None:
    assert migrate.script_revisions() == migrate.REVISIONS


def test_there_is_a_fixture_for_every_revision_but_the_head() -> None:
    revisions = {p.stem.removeprefix("office-") for p in FIXTURES}
    assert revisions == set(migrate.known_revisions()[:-1])


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_file_is_backed_up_then_upgraded(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "office.renkei"
    shutil.copy(fixture, path)
    with open_office(path) as office:
        assert office.migrated_from == fixture.stem.removeprefix("office-")
        revision, version = schema_status(office)
        assert revision == migrate.head_revision() and version == len(migrate.known_revisions())
        with office.reader() as session:
            assert get_town_profile(session).name == "髙﨑町"
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            assert session.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    (taken,) = [b for b in backup.list_backups(path) if b.reason == "before-migration"]
    with closing(sqlite3.connect(taken.path)) as conn:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert found == fixture.stem.removeprefix("office-")


def test_data_of_older_revisions_survives(tmp_path: Path) -> None:
    path = tmp_path / "office.renkei"
    shutil.copy(next(p for p in FIXTURES if p.stem.endswith("0003")), path)
    with open_office(path) as office, office.reader() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT s.name, m.amount_yen FROM money_row m JOIN staff_member s ON s.id = m.staff_id").fetchall()
    assert rows == [("髙﨑 美咲", 1_400_000)]


def test_a_failed_upgrade_leaves_nothing_half_applied(tmp_path: Path) -> None:
    from desktop.store.db import OfficeError

    path = tmp_path / "office.renkei"
    shutil.copy(next(p for p in FIXTURES if p.stem.endswith("0002")), path)
    with closing(sqlite3.connect(path)) as conn:
        # A table in the way of revision 0004: 0003 runs first, then 0004 fails.
        conn.execute("CREATE TABLE claim (x)")
        conn.commit()
    with pytest.raises(OfficeError, match="ファイルは元のままです"):
        open_office(path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "money_row" not in tables and "measure_parameters" not in tables
