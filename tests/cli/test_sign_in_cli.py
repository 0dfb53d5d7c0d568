"""Sign-in on the command line, in real processes: refused verbs exit 1 with a message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.db import open_office
from desktop.store.demo import build_demo_office
from desktop.store.models.audit import AuditEntry
from tests.store.access_helpers import PASSWORDS, add_users_and_sign_in


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), stdin=subprocess.DEVNULL, timeout=120, check=False)


@pytest.fixture
def signed_office(tmp_path: Path) -> Path:
    path = tmp_path / "office.renkei"
    with open_office(path) as office:
        with office.transaction() as session:
            build_demo_office(session)
        add_users_and_sign_in(office)
    for name, password in PASSWORDS.items():
        (tmp_path / f"{name}.txt").write_text(password + "\n", encoding="utf-8")
    return path


def refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr


def test_verbs_need_a_user_and_a_password_when_sign_in_is_on(signed_office: Path) -> None:
    folder = signed_office.parent
    refused(run_cli("claim", "--db", str(signed_office), "--fiscal-year", "2025"), "--user 利用者名")
    refused(run_cli("claim", "--db", str(signed_office), "--fiscal-year", "2025", "--user", "etsuran"),
            "--password-file")  # no terminal to type on: never a hanging prompt
    refused(run_cli("claim", "--db", str(signed_office), "--fiscal-year", "2025", "--user", "etsuran",
                    "--password-file", str(folder / "tantou.txt")), "利用者名またはパスワードが違います")
    viewer = run_cli("claim", "--db", str(signed_office), "--fiscal-year", "2025", "--user", "etsuran",
                     "--password-file", str(folder / "etsuran.txt"))
    assert viewer.returncode == 0 and "特別交付税算定資料" in viewer.stdout
    refused(run_cli("import", "roster", str(folder / "none.csv"), "--db", str(signed_office), "--user", "etsuran",
                    "--password-file", str(folder / "etsuran.txt")), "担当以上")
    refused(run_cli("restore", str(folder / "none.renkei"), "--db", str(signed_office), "--user", "tantou",
                    "--password-file", str(folder / "tantou.txt")), "管理者以上")
    with open_office(signed_office, take_backup=False) as office, office.reader() as session:
        users = [e.os_user for e in session.query(AuditEntry).filter(AuditEntry.action == "sign_in")]
    assert users == ["etsuran", "etsuran", "tantou"]


def test_every_verb_says_whether_it_needs_a_sign_in() -> None:
    import argparse

    from desktop.cli import build_parser
    from desktop.commands.sign_in import NO_SIGN_IN, VERB_ROLES

    verbs = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(verbs.choices) == set(VERB_ROLES) | NO_SIGN_IN
    assert not set(VERB_ROLES) & NO_SIGN_IN


def test_check_needs_no_sign_in(signed_office: Path) -> None:
    assert run_cli("check", "--db", str(signed_office)).returncode == 0


def test_users_verb_adds_the_first_admin_and_guards_sign_in(tmp_path: Path) -> None:
    path = tmp_path / "office.renkei"
    open_office(path).close()  # a new, empty office
    (tmp_path / "a.txt").write_text("kanri-pass-1\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("etsuran-pass\n", encoding="utf-8")
    db = ("--db", str(path))
    refused(run_cli("users", *db, "sign-in", "on"), "有効な管理者がいない")
    first = run_cli("users", *db, "add", "佐藤", "--role", "viewer", "--new-password-file", str(tmp_path / "a.txt"))
    assert first.returncode == 0 and "佐藤（管理者）" in first.stdout
    refused(run_cli("users", *db, "add", "鈴木", "--new-password-file", str(tmp_path / "b.txt")), "--role")
    assert run_cli("users", *db, "add", "鈴木", "--role", "閲覧", "--new-password-file", str(tmp_path / "b.txt")).returncode == 0
    assert run_cli("users", *db, "sign-in", "on", "--idle-minutes", "3").returncode == 0
    refused(run_cli("users", *db, "list"), "サインインが必要")
    refused(run_cli("users", *db, "--user", "鈴木", "--password-file", str(tmp_path / "b.txt"), "list"), "管理者以上")
    listed = run_cli("users", *db, "--user", "佐藤", "--password-file", str(tmp_path / "a.txt"), "list")
    assert listed.returncode == 0
    assert "有効　画面ロック 3分" in listed.stdout and "鈴木\t閲覧\t有効" in listed.stdout
    assert "kanri-pass-1" not in listed.stdout + listed.stderr
    admin = ("--user", "佐藤", "--password-file", str(tmp_path / "a.txt"))
    refused(run_cli("users", *db, *admin, "disable", "佐藤"), "自分自身")
    assert run_cli("users", *db, *admin, "disable", "鈴木").returncode == 0
    refused(run_cli("claim", *db, "--fiscal-year", "2025", "--user", "鈴木", "--password-file", str(tmp_path / "b.txt")),
            "無効にされています")
    assert run_cli("users", *db, *admin, "sign-in", "off").returncode == 0
    assert run_cli("users", *db, "list").returncode == 0  # sign-in off: the OS user acts


def test_lock_out_on_the_command_line_says_until_when(signed_office: Path) -> None:
    wrong = signed_office.parent / "kanri.txt"
    for _attempt in range(4):
        refused(run_cli("due", "--db", str(signed_office), "--user", "tantou", "--password-file", str(wrong)), "あと")
    refused(run_cli("due", "--db", str(signed_office), "--user", "tantou", "--password-file", str(wrong)),
            "までサインインできません")
    locked = run_cli("due", "--db", str(signed_office), "--user", "tantou", "--password-file",
                     str(signed_office.parent / "tantou.txt"))
    refused(locked, "までサインインできません")
    assert "令和" in locked.stderr


def test_with_sign_in_on_and_no_user_at_all_the_first_admin_can_still_be_added(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    path = tmp_path / "office.renkei"
    open_office(path).close()
    with closing(sqlite3.connect(path)) as conn:  # e.g. users removed with another tool
        conn.execute("INSERT INTO office_setting (key, value) VALUES ('sign_in.enabled', '1')")
        conn.commit()
    (tmp_path / "a.txt").write_text("kanri-pass-1\n", encoding="utf-8")
    refused(run_cli("users", "--db", str(path), "list"), "サインインが必要")
    added = run_cli("users", "--db", str(path), "add", "kanri", "--new-password-file", str(tmp_path / "a.txt"))
    assert added.returncode == 0 and "kanri（管理者）" in added.stdout
