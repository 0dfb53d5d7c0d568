"""Backups per office (by the UUID in the file), retention, the folder setting, the CLI verbs."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.problems import ValidationError
from desktop.store import backup, migrate
from desktop.store.db import open_office
from desktop.store.office_identity import OFFICE_ID_KEY, read_office_id
from desktop.store.services.backup_settings import (
    BackupSettingsDraft,
    get_backup_settings,
    save_backup_settings,
)
from tests.store.backup_helpers import cli, make_demo, scalar, sql


def test_same_file_name_in_two_folders_keeps_two_sets_of_backups(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a" / "office.renkei", tmp_path / "b" / "office.renkei"
    make_demo(a)
    make_demo(b)
    assert read_office_id(a) and read_office_id(b) and read_office_id(a) != read_office_id(b)
    for _ in range(12):  # a's opens must not rotate b's backups away
        backup.backup_office(a, "open")
    taken_b = backup.backup_office(b, "open")
    assert [i.path for i in backup.list_backups(b)] == [taken_b]
    assert all(i.path.parent.name == read_office_id(a) for i in backup.list_backups(a))
    assert backup.last_good_backup(b) == taken_b
    code, out, _err = cli(capsys, "check", "--db", str(a))
    assert code == 0 and str(taken_b) not in out


def test_an_older_file_gets_its_identity_on_the_first_writable_open(office_path: Path) -> None:
    open_office(office_path).close()
    sql(office_path, f"DELETE FROM office_setting WHERE key = '{OFFICE_ID_KEY}'")
    assert read_office_id(office_path) is None
    with open_office(office_path) as opened:
        assert opened.backup_path is not None
    new_id = read_office_id(office_path)
    assert new_id is not None and opened.backup_path.parent.name == new_id
    # The backup carries the identity too, so restoring it keeps the same office.
    assert scalar(opened.backup_path, f"SELECT value FROM office_setting WHERE key = '{OFFICE_ID_KEY}'") == new_id
    open_office(office_path).close()
    assert read_office_id(office_path) == new_id


def _fake_backups(office_path: Path, days: int, now: datetime) -> list[Path]:
    """One backup a day going back `days` days: copies of one real backup under dated names."""
    real = backup.backup_office(office_path, "open")
    made = []
    for age in range(1, days + 1):
        stamp = (now - timedelta(days=age)).strftime("%Y%m%d-%H%M%S-%f")
        target = real.with_name(f"{office_path.stem}-{stamp}-daily{backup.SUFFIX}")
        shutil.copyfile(real, target)
        made.append(target)
    return made


def test_retention_keeps_14_daily_and_24_monthly_by_default(office_path: Path) -> None:
    open_office(office_path).close()
    now = datetime.now()
    _fake_backups(office_path, 1000, now)
    backup.rotate_backups(office_path)
    kept = backup.list_backups(office_path)
    days = {b.taken_at.date() for b in kept}
    months = {b.taken_at.strftime("%Y-%m") for b in kept}
    newest_days = sorted(days, reverse=True)[:14]
    assert newest_days == [(now - timedelta(days=age)).date() for age in range(0, 14)]
    assert len(months) == 24
    assert len(kept) <= 14 + 24 + backup.KEEP_NEWEST
    oldest_month = min(months)
    assert oldest_month >= (now - timedelta(days=24 * 31)).strftime("%Y-%m")


def test_retention_and_folder_are_office_settings_and_the_folder_moves(office_path: Path, tmp_path: Path) -> None:
    office = open_office(office_path)
    try:
        backup.backup_office(office_path, "manual")
        old_folder = backup.backup_folder(office_path)
        drive = tmp_path / "usb" / "renkei"
        with office.transaction() as session:
            save_backup_settings(session, draft=BackupSettingsDraft(str(drive), 3, 2))
        moved = backup.move_backups(office_path, old_folder)
        with office.reader() as session:
            assert get_backup_settings(session) == BackupSettingsDraft(str(drive), 3, 2)
        assert moved == 1 and not list(old_folder.glob("*" + backup.SUFFIX))
        assert backup.backup_folder(office_path) == drive / read_office_id(office_path)  # type: ignore[operator]
        assert len(backup.list_backups(office_path)) == 1
        taken = backup.backup_office(office_path, "manual")
        assert taken.parent.parent == drive
        now = datetime.now()
        _fake_backups(office_path, 200, now)
        backup.rotate_backups(office_path)
        months = {b.taken_at.strftime("%Y-%m") for b in backup.list_backups(office_path)}
        assert len(months) == 2
        with office.transaction() as session, pytest.raises(ValidationError) as refused:
            save_backup_settings(session, draft=BackupSettingsDraft("relative/folder", 0, 2))
        assert {p.field for p in refused.value.problems} == {"folder", "keep_daily"}
        assert scalar(office_path, "SELECT count(*) FROM audit_entry WHERE entity = 'setting'") == 1
    finally:
        office.close()


def test_backup_is_checked_with_quick_check_and_never_left_half(office_path: Path) -> None:
    open_office(office_path).close()
    taken = backup.backup_office(office_path, "manual")
    assert backup.quick_check(taken) == "ok"
    assert not list(taken.parent.glob("*" + backup.PART))
    damaged = tmp_copy = taken.with_name("x.sqlite")
    data = bytearray(taken.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    tmp_copy.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="バックアップ"):
        backup.copy_database(damaged, taken.with_name("y" + backup.SUFFIX))
    assert not taken.with_name("y" + backup.SUFFIX).exists()
    assert not list(taken.parent.glob("*" + backup.PART))


def test_backup_and_backups_verbs(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    code, out, _err = cli(capsys, "backup", "--db", str(office_path))
    assert code == 0 and "バックアップを作成しました" in out
    code, out, _err = cli(capsys, "backups", "--db", str(office_path))
    assert code == 0
    (line,) = out.splitlines()
    path, taken, size, version, counts, head = line.split("\t")
    assert Path(path).is_file() and Path(path).is_absolute()
    datetime.strptime(taken, "%Y-%m-%d %H:%M:%S")
    assert size == f"{Path(path).stat().st_size:,} B"
    assert version == f"版 {migrate.schema_number(migrate.head_revision())}"
    assert "負担金 32" in counts and "協約 1" in counts
    entries = scalar(office_path, "SELECT max(id) FROM audit_entry")
    head_hash = str(scalar(office_path, "SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1"))
    assert head == f"監査記録 No.{entries} ({head_hash[:8]}…)"


def test_backup_verbs_on_a_missing_file_say_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for verb in ("backup", "backups"):
        code, _out, err = cli(capsys, verb, "--db", str(tmp_path / "typo.renkei"))
        assert code == 1 and "見つかりません" in err
    assert not (tmp_path / "typo.renkei").exists()
