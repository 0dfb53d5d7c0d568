"""The CLI speaks Japanese throughout, argparse's own words included; `import --help` lists columns."""

from __future__ import annotations

import re
import subprocess
import sys

from desktop.importing.templates import ORGANISATION_COLUMNS, PAYMENT_COLUMNS, ROSTER_COLUMNS


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          timeout=120, check=False)


def test_help_has_no_english_words_of_argparse() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("使い方: renkei-desk")
    assert "オプション:" in result.stdout and "引数:" in result.stdout
    assert "このヘルプを表示して終了する" in result.stdout
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in result.stdout


def test_import_help_lists_the_columns_of_each_kind() -> None:
    text = run_cli("import", "--help").stdout
    for kind, columns in (("roster", ROSTER_COLUMNS), ("payments", PAYMENT_COLUMNS),
                          ("organisations", ORGANISATION_COLUMNS)):
        line = next(line for line in text.splitlines() if line.strip().startswith(f"{kind}:"))
        assert [re.sub("^＊", "", c) for c in line.split(":", 1)[1].strip().split("、")] == list(columns)
    assert "＊金額" in text and "、摘要" in text


def test_argparse_errors_are_japanese_and_english_with_lang_en() -> None:
    result = run_cli("import", "nonsense", "x.csv")
    assert result.returncode != 0
    assert "エラー" in result.stderr and "は選べません" in result.stderr and "Traceback" not in result.stderr
    english = run_cli("--lang", "en", "import", "nonsense", "x.csv")
    assert "error: argument kind: invalid choice: 'nonsense'" in english.stderr
    assert "usage: renkei-desk import" in english.stderr
