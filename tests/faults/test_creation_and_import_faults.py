"""A full disk and a read-only file or folder for `demo` and `import`: one clear message, no
0-byte or half-made file, nothing already saved lost, and the same action succeeds once the
space is freed or the file may be written again."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.faults.disk import fill, listing, read_only, run_cli, small_disk

PAYMENTS = "協約番号,派遣先ポスト,氏名,区分,日付,会計年度,金額,番号,期日,摘要\r\n" + "".join(
    f"A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.6.{day},令和7年度,{day * 1000},支出第{day}号,,ディスク試験\r\n"
    for day in range(1, 21))


def assert_refused(result: object, expected: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)  # type: ignore[attr-defined]
    assert expected in result.stderr, result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]


def money_rows(office: Path) -> int:
    with closing(sqlite3.connect(office)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM money_row").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- demo -------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("limit", [3_000, 60_000, 150_000])
def test_demo_on_a_full_disk_leaves_nothing_and_works_once_freed(limit: int, tmp_path: Path) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    target = folder / "office.renkei"
    assert_refused(run_cli("demo", "--db", target, size_limit=limit), "書き込めませんでした")
    assert listing(folder) == set(), "a half-made office (or its -wal, -shm, lock) was left behind"
    missing = run_cli("check", "--db", target)
    assert missing.returncode == 1 and "見つかりません" in missing.stderr
    made = run_cli("demo", "--db", target)
    assert made.returncode == 0, made.stderr
    assert run_cli("check", "--db", target).returncode == 0


@pytest.mark.slow
def test_demo_on_a_really_full_disk(tmp_path: Path) -> None:
    # Room enough for the demo office (and its WAL while it is built) once the filler goes.
    with small_disk(tmp_path / "disk", 4096) as disk:
        filler = fill(disk, leave_bytes=64 * 1024)
        target = disk / "office.renkei"
        result = run_cli("demo", "--db", target)
        assert_refused(result, "ディスクの空き容量が足りません")
        assert listing(disk) == {"filler.bin"}
        filler.unlink()
        assert run_cli("demo", "--db", target).returncode == 0
        assert run_cli("check", "--db", target).returncode == 0


@pytest.mark.slow
def test_demo_in_a_read_only_folder_or_onto_a_read_only_empty_file(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    target = folder / "office.renkei"
    with read_only(folder):
        assert_refused(run_cli("demo", "--db", target), "に書き込めません（読み取り専用）")
    assert listing(folder) == set()
    target.write_bytes(b"")
    with read_only(target):
        assert_refused(run_cli("demo", "--db", target), "読み取り専用のため書き込めません")
    assert listing(folder) == {"office.renkei"} and target.stat().st_size == 0
    assert run_cli("demo", "--db", target).returncode == 0
    again = run_cli("demo", "--db", target)  # an office that exists is never overwritten
    assert_refused(again, "既にあります")


# -- import -----------------------------------------------------------------------------

@pytest.mark.slow
def test_import_onto_a_full_disk_writes_nothing_and_works_once_freed(demo_template: Path, tmp_path: Path) -> None:
    source = tmp_path / "payments.csv"
    source.write_text(PAYMENTS, encoding="utf-8")
    with small_disk(tmp_path / "disk", 2048) as disk:
        office = disk / "office.renkei"
        shutil.copyfile(demo_template, office)
        before = money_rows(office)
        filler = fill(disk, leave_bytes=40 * 1024)  # room to open, no room for the import's pages
        result = run_cli("import", "payments", source, "--db", office)
        assert_refused(result, "書き込めませんでした")
        assert money_rows(office) == before, "part of a refused import was saved"
        assert not [name for name in listing(disk) if name.endswith((".part", ".tmp", ".creating"))]
        filler.unlink()
        again = run_cli("import", "payments", source, "--db", office)
        assert again.returncode == 0, again.stderr
        assert money_rows(office) == before + 20
        assert run_cli("check", "--db", office).returncode == 0


@pytest.mark.slow
def test_import_with_a_file_size_limit_stops_before_writing(demo_copy: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE below the office's size: the before-import backup cannot be written."""
    source = tmp_path / "payments.csv"
    source.write_text(PAYMENTS, encoding="utf-8")
    before = money_rows(demo_copy)
    result = run_cli("import", "payments", source, "--db", demo_copy, size_limit=demo_copy.stat().st_size // 2)
    assert_refused(result, "バックアップを作成できませんでした")
    assert money_rows(demo_copy) == before
    assert run_cli("import", "payments", source, "--db", demo_copy).returncode == 0
    assert money_rows(demo_copy) == before + 20


@pytest.mark.slow
def test_import_into_a_read_only_file_or_folder(demo_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "payments.csv"
    source.write_text(PAYMENTS, encoding="utf-8")
    before, content = money_rows(demo_copy), digest(demo_copy)
    with read_only(demo_copy):
        assert_refused(run_cli("import", "payments", source, "--db", demo_copy), "読み取り専用のため書き込めません")
    with read_only(demo_copy.parent):
        assert_refused(run_cli("import", "payments", source, "--db", demo_copy), "に書き込めません（読み取り専用）")
    assert digest(demo_copy) == content
    assert run_cli("import", "payments", source, "--db", demo_copy).returncode == 0
    assert money_rows(demo_copy) == before + 20
