"""Restore: shown first, the current file backed up first, atomic, audited, same office only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.store import backup
from desktop.store.db import OfficeInUseError, open_office
from desktop.store.office_identity import read_office_id
from desktop.store.restore import (
    OtherOfficeError,
    RestoreError,
    newest_good_backup,
    plan_restore,
    restore_backup,
)
from tests.store.backup_helpers import cli, make_demo, scalar, sql


def test_plan_shows_backup_against_current_then_restore_backs_up_first_and_audits(office_path: Path) -> None:
    make_demo(office_path)
    taken = backup.backup_office(office_path, "manual")
    sql(office_path, "DELETE FROM money_row WHERE id > 30")  # a slip outside the app: two rows gone
    plan = plan_restore(office_path=office_path, backup_path=taken)
    assert plan.same_office and not plan.problems
    assert plan.backup.count("money_row") == 32 and plan.current is not None
    assert plan.current.count("money_row") == 30
    assert plan.backup.audit_head == plan.current.audit_head
    result = restore_backup(office_path=office_path, backup_path=taken)
    assert scalar(office_path, "SELECT count(*) FROM money_row") == 32
    assert result.before_restore_backup is not None
    assert scalar(result.before_restore_backup, "SELECT count(*) FROM money_row") == 30
    entry = scalar(office_path, "SELECT entity || ' ' || action || ' ' || after_json FROM audit_entry "
                                "ORDER BY id DESC LIMIT 1")
    assert str(entry).startswith("office restore ")
    assert json.loads(str(entry).split(" ", 2)[2])["backup"] == str(taken)
    assert result.audit_sequence == scalar(office_path, "SELECT max(id) FROM audit_entry")
    assert not office_path.with_name(office_path.name + ".restoring").exists()
    with open_office(office_path) as reopened, reopened.reader() as session:
        assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


def test_a_stale_wal_beside_the_old_file_is_not_replayed_into_the_restored_one(office_path: Path) -> None:
    make_demo(office_path)
    sql(office_path, "UPDATE town SET name = 'D町'")
    taken = backup.backup_office(office_path, "manual")
    import sqlite3

    # A writer killed with its -wal still beside the file: leave one open connection's WAL behind.
    keeper = sqlite3.connect(office_path)
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("UPDATE town SET name = 'C町'")
    keeper.commit()
    wal = Path(str(office_path) + "-wal")
    left_behind = wal.read_bytes()
    assert left_behind
    keeper.close()  # a clean close folds the WAL in; put it back as a killed process leaves it
    sql(office_path, "UPDATE town SET name = 'デモ町'")
    wal.write_bytes(left_behind)
    restore_backup(office_path=office_path, backup_path=taken)
    assert scalar(office_path, "SELECT name FROM town") == "D町"
    assert backup.quick_check(office_path) == "ok"


def test_a_backup_of_another_office_needs_an_explicit_yes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = make_demo(tmp_path / "a" / "office.renkei"), make_demo(tmp_path / "b" / "office.renkei")
    their_backup = backup.backup_office(theirs, "manual")
    before = mine.read_bytes()
    assert not plan_restore(office_path=mine, backup_path=their_backup).same_office
    with pytest.raises(OtherOfficeError, match="別の事務所"):
        restore_backup(office_path=mine, backup_path=their_backup)
    code, _out, err = cli(capsys, "restore", str(their_backup), "--db", str(mine), "--yes")
    assert code == 1 and "--other-office" in err
    assert mine.read_bytes() == before
    code, out, _err = cli(capsys, "restore", str(their_backup), "--db", str(mine), "--yes", "--other-office")
    assert code == 0 and "復元しました" in out
    assert read_office_id(mine) == read_office_id(theirs)


def test_restore_verb_shows_the_comparison_and_asks(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    taken = backup.backup_office(office_path, "manual")
    sql(office_path, "DELETE FROM money_row WHERE id = 32")
    code, out, err = cli(capsys, "restore", str(taken), "--db", str(office_path))
    assert code == 1 and "--yes" in err  # no terminal to ask on: nothing happens
    assert "負担金" in out and "32" in out and "31" in out and "最新の監査記録" in out
    assert scalar(office_path, "SELECT count(*) FROM money_row") == 31
    code, out, _err = cli(capsys, "restore", str(taken), "--db", str(office_path), "--yes")
    assert code == 0 and scalar(office_path, "SELECT count(*) FROM money_row") == 32


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 100])
def test_restore_refuses_what_is_not_a_good_backup(office_path: Path, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                  content: bytes) -> None:
    make_demo(office_path)
    before = office_path.read_bytes()
    bad = tmp_path / "bad.renkei-backup"
    bad.write_bytes(content)
    code, _out, err = cli(capsys, "restore", str(bad), "--db", str(office_path), "--yes")
    assert code == 1 and "Traceback" not in err and err.strip()
    assert office_path.read_bytes() == before
    code, _out, err = cli(capsys, "restore", str(tmp_path / "missing.renkei-backup"), "--db", str(office_path))
    assert code == 1 and "見つかりません" in err


def test_restore_refuses_an_office_open_elsewhere(office_path: Path) -> None:
    make_demo(office_path)
    taken = backup.backup_office(office_path, "manual")
    with open_office(office_path), pytest.raises(OfficeInUseError):
        restore_backup(office_path=office_path, backup_path=taken)


def test_newest_good_backup_is_of_the_same_office_and_passes_its_check(tmp_path: Path) -> None:
    office_path = make_demo(tmp_path / "a" / "office.renkei")
    good = backup.backup_office(office_path, "open")
    newer = backup.backup_office(office_path, "open")
    data = bytearray(newer.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    newer.write_bytes(bytes(data))
    # The office file itself is damaged now: its backups are still found, through the pointer.
    office_bytes = bytearray(office_path.read_bytes())
    office_bytes[0:4096] = b"\x00" * 4096
    office_path.write_bytes(bytes(office_bytes))
    found = newest_good_backup(office_path)
    assert found is not None and found.path == good
    result = restore_backup(office_path=office_path, backup_path=found.path)
    assert backup.quick_check(office_path) == "ok"
    assert result.before_restore_backup is not None and "damaged" in result.before_restore_backup.name
    assert result.before_restore_backup.read_bytes()[:4096] == b"\x00" * 4096


def test_restoring_onto_itself_or_into_a_missing_folder_is_refused(office_path: Path, tmp_path: Path) -> None:
    make_demo(office_path)
    with pytest.raises(RestoreError, match="同じファイル"):
        restore_backup(office_path=office_path, backup_path=office_path)
    taken = backup.backup_office(office_path, "manual")
    with pytest.raises(RestoreError, match=r"フォルダ.*がありません"):
        restore_backup(office_path=tmp_path / "typo" / "office.renkei", backup_path=taken)
    assert not (tmp_path / "typo").exists()
