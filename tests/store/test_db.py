from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.problems import ValidationError
from desktop.domain.town import TownProfile
from desktop.store import backup, migrate
from desktop.store.db import (
    APPLICATION_ID,
    NewerOfficeFileError,
    NotAnOfficeFileError,
    Office,
    OfficeDamagedError,
    OfficeInUseError,
    open_office,
    schema_status,
)
from desktop.store.repos.town import get_town_profile
from desktop.store.services.town import update_town_profile

GOOD = TownProfile(name="髙﨑町", prefecture="A県", local_gov_code="990001", mayor_name="𠮷田 太郎")


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def test_new_office_file_is_marked_and_migrated(office: Office, office_path: Path) -> None:
    assert office.created
    revision, version = schema_status(office)
    assert revision == migrate.head_revision()
    assert version == len(migrate.known_revisions())
    with closing(raw(office_path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    with office.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL


def test_profile_round_trip_keeps_names_as_typed(office: Office) -> None:
    with office.transaction() as session:
        update_town_profile(session, profile=GOOD)
    with office.reader() as session:
        assert get_town_profile(session) == GOOD


def test_invalid_profile_writes_nothing(office: Office) -> None:
    with pytest.raises(ValidationError) as caught, office.transaction() as session:
        update_town_profile(session, profile=TownProfile(name="デモ町", prefecture="A県",
                                                         local_gov_code="131017", mayor_name="x"))
    assert [p.field for p in caught.value.problems] == ["local_gov_code"]
    with office.reader() as session:
        assert get_town_profile(session).name == ""


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.renkei"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(NotAnOfficeFileError, match="事務ファイルではありません"):
        open_office(path)
    assert path.read_text(encoding="utf-8") == "hello"


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(raw(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    with pytest.raises(NotAnOfficeFileError, match="別のアプリ"):
        open_office(path)


def test_newer_file_is_refused_not_downgraded(office_path: Path) -> None:
    open_office(office_path).close()
    with closing(raw(office_path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    with pytest.raises(NewerOfficeFileError, match="新しい版"):
        open_office(office_path)
    with closing(raw(office_path)) as conn:
        conn.execute(f"PRAGMA user_version={len(migrate.known_revisions()) + 1}")
    with pytest.raises(NewerOfficeFileError):
        open_office(office_path)


def test_open_takes_a_backup_with_the_backup_api(office_path: Path) -> None:
    with open_office(office_path) as first, first.transaction() as session:
        update_town_profile(session, profile=GOOD)
    second = open_office(office_path)
    second.close()
    assert second.backup_path is not None and second.backup_path.exists()
    assert backup.quick_check(second.backup_path) == "ok"
    with closing(raw(second.backup_path)) as conn:
        assert conn.execute("SELECT name FROM town").fetchone()[0] == "髙﨑町"
    assert [b.path for b in backup.list_backups(office_path)] == [second.backup_path]


def test_damaged_file_names_the_last_good_backup(office_path: Path) -> None:
    open_office(office_path).close()
    open_office(office_path).close()  # leaves one good backup
    good = backup.list_backups(office_path)[0].path
    data = bytearray(office_path.read_bytes())
    # Overwrite the second page (the first table's b-tree) with garbage.
    data[4096:8192] = b"\xff" * 4096
    office_path.write_bytes(bytes(data))
    Path(str(office_path) + "-wal").unlink(missing_ok=True)
    with pytest.raises(OfficeDamagedError) as caught:
        open_office(office_path)
    assert caught.value.last_good_backup == good
    assert str(good) in str(caught.value)


def test_second_open_in_same_process_is_refused(office: Office, office_path: Path) -> None:
    with pytest.raises(OfficeInUseError, match="別の連携デスクで開かれています"):
        open_office(office_path)


def test_rotation_keeps_recent_and_premigration(office_path: Path) -> None:
    open_office(office_path).close()
    for _ in range(14):
        backup.backup_office(office_path, "open")
    backup.backup_office(office_path, "before-migration")
    reasons = [b.reason for b in backup.list_backups(office_path)]
    assert "before-migration" in reasons
    assert len(reasons) <= backup.KEEP_NEWEST + 1


def test_daily_backup_only_when_the_newest_is_old(office_path: Path) -> None:
    from datetime import datetime, timedelta

    open_office(office_path).close()
    assert backup.backup_if_stale(office_path) is not None  # no backup yet
    assert backup.backup_if_stale(office_path) is None
    later = datetime.now() + timedelta(hours=25)
    assert backup.backup_if_stale(office_path, now=later) is not None


def test_an_office_opened_on_one_thread_is_closed_on_another(office_path: Path) -> None:
    """The window opens the office on a worker thread and closes it on the GUI thread: the lock
    must go with the close, or the next open (a restore, the next start) is refused."""
    opened: list[Office] = []
    worker = threading.Thread(target=lambda: opened.append(open_office(office_path)))
    worker.start()
    worker.join()
    opened[0].close()
    with open_office(office_path) as again:
        assert again.path == office_path.resolve()
