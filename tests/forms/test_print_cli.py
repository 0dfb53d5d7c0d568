from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


@pytest.mark.slow
def test_print_f1_and_f2_from_the_command_line(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    f1 = tmp_path / "x.pdf"
    result = run_cli("print", "F1", "--db", str(office), "--id", "A県デモ町第1号", "--out", str(f1))
    assert result.returncode == 0, result.stderr
    assert "第一条" in PdfReader(f1).pages[0].extract_text()
    f2 = tmp_path / "y.pdf"
    result = run_cli("print", "F2", "--db", str(office), "--fiscal-year", "2025", "--doc-no", "45",
                     "--date", "令和7年4月1日", "--out", str(f2))
    assert result.returncode == 0, result.stderr
    text = PdfReader(f2).pages[0].extract_text()
    assert "令和7年度 派遣職員受入名簿" in text and "デモ町総第45号" in text
    missing = run_cli("print", "F1", "--db", str(office), "--id", "第99号", "--out", str(tmp_path / "z.pdf"))
    assert missing.returncode == 1 and "第99号" in missing.stderr
    assert not (tmp_path / "z.pdf").exists()
