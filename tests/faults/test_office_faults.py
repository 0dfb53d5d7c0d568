"""Every fault of the office file gives one clear message and exit status 1, never a traceback:
on the CLI, and in the window started offscreen (where no dialog can be seen, the message goes
to stderr). The file itself is never changed by a refused open."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from tests.faults.disk import file_size_limit, fill, read_only, read_only_mount, run_cli, small_disk

HOLDER = Path(__file__).parent.parent / "store" / "holder.py"
Setup = Callable[[Path], Iterator[tuple[Path, int | None]]]


def damage_first_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:3 * 4096] = b"\x07" * (3 * 4096 - 100)
    path.write_bytes(bytes(data))


def damage_late_page(path: Path) -> None:
    """Damage only quick_check finds: the window opens, then says so and exits 1."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE filler (x)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 300,)] * 3000)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    offset = (len(data) // 4096 * 2 // 3) * 4096
    data[offset:offset + 4096] = b"\x07" * 4096
    path.write_bytes(bytes(data))


@contextmanager
def damaged(office: Path) -> Iterator[tuple[Path, int | None]]:
    damage_first_pages(office)
    yield office, None


@contextmanager
def damaged_late(office: Path) -> Iterator[tuple[Path, int | None]]:
    damage_late_page(office)
    yield office, None


@contextmanager
def text_file(office: Path) -> Iterator[tuple[Path, int | None]]:
    office.write_text("議事録\nこれは事務ファイルではありません\n", encoding="utf-8")
    yield office, None


@contextmanager
def other_app(office: Path) -> Iterator[tuple[Path, int | None]]:
    office.unlink()
    with closing(sqlite3.connect(office)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.commit()
    yield office, None


@contextmanager
def newer(office: Path) -> Iterator[tuple[Path, int | None]]:
    with closing(sqlite3.connect(office)) as conn:
        conn.execute("PRAGMA user_version=99")
    yield office, None


@contextmanager
def read_only_file(office: Path) -> Iterator[tuple[Path, int | None]]:
    with read_only(office):
        yield office, None


@contextmanager
def read_only_folder(office: Path) -> Iterator[tuple[Path, int | None]]:
    with read_only(office.parent):
        yield office, None


@contextmanager
def read_only_drive(office: Path) -> Iterator[tuple[Path, int | None]]:
    with small_disk(office.parent.parent / "stick", 2048) as stick:
        target = stick / office.name
        target.write_bytes(office.read_bytes())
        with read_only_mount(stick):
            yield target, None


@contextmanager
def in_use(office: Path) -> Iterator[tuple[Path, int | None]]:
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(office)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield office, None
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)


@contextmanager
def full_disk(office: Path) -> Iterator[tuple[Path, int | None]]:
    yield office, 1000  # not even the -shm index fits


@contextmanager
def missing_folder(office: Path) -> Iterator[tuple[Path, int | None]]:
    yield office.parent / "typo" / office.name, None


@contextmanager
def missing_file(office: Path) -> Iterator[tuple[Path, int | None]]:
    yield office.with_name("offce.renkei"), None


@contextmanager
def empty_file(office: Path) -> Iterator[tuple[Path, int | None]]:
    office.write_bytes(b"")
    yield office, None


@contextmanager
def a_folder(office: Path) -> Iterator[tuple[Path, int | None]]:
    yield office.parent, None


FAULTS: dict[str, tuple[Setup, str]] = {
    "damaged": (damaged, "壊れています"),
    "text file": (text_file, "事務ファイルではありません（SQLiteのファイルではありません）"),
    "another app's file": (other_app, "別のアプリのデータベースです"),
    "newer version": (newer, "新しい版の連携デスクで保存されています"),
    "read-only file": (read_only_file, "読み取り専用のため書き込めません"),
    "read-only folder": (read_only_folder, "に書き込めません（読み取り専用）"),
    "read-only drive": (read_only_drive, "に書き込めません（読み取り専用）"),
    "full disk": (full_disk, "書き込めませんでした"),
    "open in another window": (in_use, "別の連携デスクで開かれています"),
    "missing folder": (missing_folder, "がありません"),
    "missing file": (missing_file, "が見つかりません"),
    "0-byte file": (empty_file, "は空です（0バイト）"),
    "a folder": (a_folder, "はフォルダです"),
}


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def assert_one_clear_message(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fault", list(FAULTS))
def test_cli_gives_one_message(fault: str, demo_copy: Path) -> None:
    setup, expected = FAULTS[fault]
    with setup(demo_copy) as (path, limit):
        before = digest(path)
        result = run_cli("claim", "--fiscal-year", "2025", "--db", path, size_limit=limit)
        assert_one_clear_message(result, expected)
        assert digest(path) == before
        assert not (path.exists() and path.is_file() and before is None), "a missing file was created"


def run_window(path: Path, limit: int | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(path)], capture_output=True, text=True,
                          env=env, check=False, timeout=60,
                          preexec_fn=file_size_limit(limit) if limit is not None else None)


@pytest.mark.slow
@pytest.mark.parametrize("fault", [*FAULTS, "damaged (found after opening)"])
def test_window_offscreen_says_why_and_exits_1(fault: str, demo_copy: Path) -> None:
    setup, expected = FAULTS.get(fault, (damaged_late, "壊れています"))
    with setup(demo_copy) as (path, limit):
        before = digest(path)
        result = run_window(path, limit)  # a hidden modal would hang here until the timeout
        assert_one_clear_message(result, expected)
        if before is not None and fault != "damaged (found after opening)":
            assert digest(path) == before
        assert path.is_file() == (before is not None), "a missing office file was created"


@pytest.mark.slow
def test_check_tells_damage_from_a_folder_it_cannot_write(demo_copy: Path) -> None:
    folder_listing = sorted(p.name for p in demo_copy.parent.iterdir())
    with read_only(demo_copy.parent):
        healthy = run_cli("check", "--db", demo_copy)
    assert healthy.returncode == 0, healthy.stderr
    assert "quick_check): ok" in healthy.stdout and "書き込めない場所にあります" in healthy.stdout
    full = run_cli("check", "--db", demo_copy, size_limit=0)  # a full disk: nothing may be written anywhere
    assert full.returncode == 0, full.stderr
    assert sorted(p.name for p in demo_copy.parent.iterdir()) == folder_listing, "check wrote beside the file"
    damage_late_page(demo_copy)
    broken = run_cli("check", "--db", demo_copy)
    assert broken.returncode == 1 and "壊れています" in broken.stderr
    assert "Traceback" not in broken.stderr


@pytest.mark.slow
def test_check_on_a_really_full_disk_says_healthy_with_a_note(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 2048) as stick:
        on_stick = stick / "office.renkei"
        on_stick.write_bytes(demo_template.read_bytes())
        fill(stick)
        really_full = run_cli("check", "--db", on_stick)
        assert really_full.returncode == 0, really_full.stderr
        assert "ディスクの空きがほとんどありません" in really_full.stdout
