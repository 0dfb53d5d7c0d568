"""The carry-out register from the command line, by subprocess on a real office: `print` and
`export` record what they wrote (SHA-256 of the file on disk, medium, OS user), `carry-outs`
lists it, `print F14 --from --to` prints it, and `check` still passes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.store.audit import os_user


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False, timeout=300)


def register(office: Path) -> list[tuple[str, str, str, str | None, int, str]]:
    with closing(sqlite3.connect(f"file:{office}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT document, medium, file_name, sha256, encrypted, user FROM carry_out_record"
                            " ORDER BY id").fetchall()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_print_export_list_and_f14_from_the_command_line(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    f2 = tmp_path / "f2.pdf"
    result = run_cli("print", "F2", "--db", str(office), "--fiscal-year", "2025", "--out", str(f2), "--medium", "usb")
    assert result.returncode == 0, result.stderr
    assert "持出記録に記録しました（媒体: USBメモリ）" in result.stdout
    f3 = tmp_path / "f3.pdf"
    assert run_cli("print", "F3", "--db", str(office), "--fiscal-year", "2025", "--out", str(f3)).returncode == 0
    # No personal data: F1 (the heads' names in their office) is not a carry-out.
    f1 = tmp_path / "f1.pdf"
    assert run_cli("print", "F1", "--db", str(office), "--id", "A県デモ町第1号", "--out", str(f1)).returncode == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("髙﨑の合言葉\n", encoding="utf-8")
    result = run_cli("export", "--db", str(office), "--fiscal-year", "2025", "--out", str(usb), "--medium", "email",
                     "--passphrase-file", str(passphrase))
    assert result.returncode == 0, result.stderr
    (exchange,) = usb.iterdir()
    assert register(office) == [("F2", "usb", "f2.pdf", sha256(f2), 0, os_user()),
                                ("F3", "other", "f3.pdf", sha256(f3), 0, os_user()),
                                ("exchange", "email", exchange.name, sha256(exchange), 1, os_user())]

    listing = run_cli("carry-outs", "--db", str(office), "--from", "2020-01-01", "--to", "令和50年1月1日")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert len(lines) == 4 and lines[-1] == "持出記録 3件"
    assert sha256(f2) in lines[0] and "USBメモリ" in lines[0] and "令和" in lines[0]
    assert "暗号化あり" in lines[2] and exchange.name in lines[2]
    empty = run_cli("carry-outs", "--db", str(office), "--to", "2020-01-01")
    assert empty.stdout.strip() == "持出記録 0件"

    f14 = tmp_path / "f14.pdf"
    result = run_cli("print", "F14", "--db", str(office), "--from", "R2.1.1", "--to", "令和50年1月1日", "--out", str(f14))
    assert result.returncode == 0, result.stderr
    text = PdfReader(f14).pages[0].extract_text()
    assert "持出記録簿" in text and "令和2年1月1日〜令和50年1月1日" in text and sha256(f2)[:32] in text
    assert len(register(office)) == 3  # the register's own print is not a carry-out of personal data

    check = run_cli("check", "--db", str(office))
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.slow
def test_bad_periods_and_media_are_refused_with_a_message(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    out = tmp_path / "x.pdf"
    for args, message in ((("print", "F14", "--from", "R8.4.1"), "期間（開始日と終了日）を指定してください"),
                          (("print", "F14", "--from", "R8.4.2", "--to", "R8.4.1"), "終了日が開始日より前"),
                          (("print", "F14", "--from", "R8.13.1", "--to", "R8.4.1"), "13"),
                          (("carry-outs", "--from", "あした"), "あした"),
                          (("carry-outs", "--from", "R8.4.2", "--to", "R8.4.1"), "終了日が開始日より前")):
        extra = ("--out", str(out)) if args[0] == "print" else ()
        result = run_cli(*args, "--db", str(office), *extra)
        assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr, result
    assert not out.exists()
    bad = run_cli("print", "F2", "--db", str(office), "--fiscal-year", "2025", "--out", str(out), "--medium", "fax")
    assert bad.returncode == 2 and "fax" in bad.stderr
    assert register(office) == []


@pytest.mark.slow
def test_a_pdf_the_register_refuses_is_not_left_behind(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    with closing(sqlite3.connect(office)) as conn:  # the register cannot take a line (a real refusal by SQLite)
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON carry_out_record BEGIN SELECT RAISE(ABORT, '満杯'); END")
        conn.commit()
    out = tmp_path / "f2.pdf"
    result = run_cli("print", "F2", "--db", str(office), "--fiscal-year", "2025", "--out", str(out))
    assert result.returncode == 1 and "満杯" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    f1 = tmp_path / "f1.pdf"  # no personal data: nothing to record, printed as before
    assert run_cli("print", "F1", "--db", str(office), "--id", "A県デモ町第1号", "--out", str(f1)).returncode == 0
    assert f1.exists()
