"""The prefecture's side on real files from several towns: sums, duplicates, the audit chain."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from desktop.commands.exchange import aggregate_paths
from desktop.exchange.chain import ChainStatus
from desktop.paths import prefecture_state_path
from desktop.store.audit import GENESIS_HASH, entry_hash
from tests.exchange.conftest import TOWNS, export, make_office, run_cli


def rewrite_history(office: Path, entry_id: int) -> None:
    """What a clerk with a SQLite tool could do: change an old entry and re-chain every hash after
    it, so that the chain alone still verifies."""
    with closing(sqlite3.connect(office)) as db:
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry'").fetchall()
        for name, _sql in triggers:                  # the append-only guard is in the file: a forger drops it
            db.execute(f'DROP TRIGGER "{name}"')
        db.execute("UPDATE audit_entry SET summary = summary || '（改）' WHERE id = ?", (entry_id,))
        prev = GENESIS_HASH
        rows = db.execute("SELECT id, at, os_user, entity, entity_id, action, summary, before_json, after_json "
                          "FROM audit_entry ORDER BY id").fetchall()
        for row in rows:
            new = entry_hash(prev, *row[1:])
            db.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, row[0]))
            prev = new
        for _name, sql in triggers:
            db.execute(sql)
        db.commit()


@pytest.fixture
def offices(tmp_path: Path) -> dict[str, Path]:
    return {code: make_office(tmp_path / "offices", code, name) for code, name in TOWNS}


def test_round_trip_export_verify_aggregate_for_several_towns(tmp_path: Path, offices: dict[str, Path]) -> None:
    files = [export(office, tmp_path / "usb").path for office in offices.values()]
    out = tmp_path / "summary.xlsx"
    result = aggregate_paths(files, out=out)
    assert [f.file.town_name for f in result.files] == ["C村", "D町", "デモ町"]  # by code; the demo's 990001 last
    assert not result.refused and not result.problems
    assert all(f.chain.status is ChainStatus.FIRST for f in result.files)
    claims = [f.file.claim_yen for f in result.files]
    assert len(set(claims)) == 3                                   # different figures per town
    assert result.claim_yen == sum(claims)
    book = openpyxl.load_workbook(out)
    sheet = book["集計"]
    assert [sheet.cell(row=r, column=2).value for r in range(2, 5)] == ["C村", "D町", "デモ町"]  # by code; the demo's 990001 last
    assert sheet.cell(row=5, column=1).value == "合計" and sheet.cell(row=5, column=4).value == sum(claims)
    persons = book["職員別負担金"]
    assert persons.max_row - 1 == sum(len(f.file.persons) for f in result.files)
    assert sum(persons.cell(row=r, column=7).value for r in range(2, persons.max_row + 1)) == result.contribution_yen
    assert prefecture_state_path().exists()


def test_same_town_and_year_twice_keeps_the_newest(tmp_path: Path, offices: dict[str, Path]) -> None:
    older = export(offices["990001"], tmp_path / "first").path
    newer = export(offices["990001"], tmp_path / "second").path
    result = aggregate_paths([newer, older], out=tmp_path / "s.xlsx")
    counted = [f for f in result.files if f.counted]
    assert [f.path for f in counted] == [newer]
    superseded = next(f for f in result.files if not f.counted)
    assert superseded.path == older and superseded.superseded_by == newer
    assert result.claim_yen == counted[0].file.claim_yen


def test_a_new_file_continues_the_chain_received_last_time(tmp_path: Path, offices: dict[str, Path]) -> None:
    first = export(offices["990001"], tmp_path / "a").path
    assert aggregate_paths([first]).files[0].chain.status is ChainStatus.FIRST
    second = export(offices["990001"], tmp_path / "b", 2024).path
    result = aggregate_paths([second])
    assert result.files[0].chain.status is ChainStatus.CONTINUES and not result.problems
    again = aggregate_paths([first, second])
    assert {f.chain.status for f in again.files} == {ChainStatus.SAME}


def test_a_rewritten_history_is_flagged(tmp_path: Path, offices: dict[str, Path]) -> None:
    first = export(offices["990001"], tmp_path / "a").path
    aggregate_paths([first])
    rewrite_history(offices["990001"], 3)
    second = export(offices["990001"], tmp_path / "b").path
    result = aggregate_paths([second], out=tmp_path / "s.xlsx")
    verdict = result.files[0].chain
    assert verdict.status is ChainStatus.REWRITTEN and "書き換えられています" in verdict.detail
    assert result.problems
    state = json.loads(prefecture_state_path().read_text(encoding="utf-8"))
    assert len(state["towns"]["990001"]) == 1                      # the suspicious head is not remembered
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "s.xlsx").read_bytes()))
    assert book["集計"].cell(row=2, column=9).value == "履歴の書換えの疑い"


@pytest.mark.slow
def test_cli_aggregate_json_and_refusals(tmp_path: Path, offices: dict[str, Path]) -> None:
    files = [str(export(office, tmp_path / "usb").path) for office in offices.values()]
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    out = tmp_path / "summary.xlsx"
    result = run_cli("aggregate", *files, "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [t["town_name"] for t in data["towns"]] == ["C村", "D町", "デモ町"]  # by code; the demo's 990001 last
    assert data["totals"]["claim_yen"] == sum(t["claim_yen"] for t in data["towns"])
    assert all(t["chain"] == "first" for t in data["towns"])
    with_broken = run_cli("aggregate", *files, str(broken), "--out", str(out))
    assert with_broken.returncode == 1 and "broken.zip" in with_broken.stderr
    assert "Traceback" not in with_broken.stderr and "前回から継続" not in with_broken.stdout
    assert "受領済みの末尾" in with_broken.stdout
    assert out.exists()


@pytest.mark.slow
def test_demo_for_another_town_from_the_cli(tmp_path: Path) -> None:
    office = tmp_path / "c.renkei"
    made = run_cli("demo", "--db", str(office), "--town-code", "132012", "--town-name", "C村")
    assert made.returncode == 0, made.stderr
    bad = run_cli("demo", "--db", str(tmp_path / "x.renkei"), "--town-code", "132013", "--town-name", "X村")
    assert bad.returncode == 1 and "検査数字" in bad.stderr
    unknown = run_cli("demo", "--db", str(tmp_path / "y.renkei"), "--town-code", "134031", "--town-name", "Y村")
    assert unknown.returncode == 1 and "地方公共団体はありません" in unknown.stderr  # right digit, no such body
    assert not (tmp_path / "y.renkei").exists()
    exported = run_cli("export", "--db", str(office), "--fiscal-year", "2025", "--out", str(tmp_path))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "R07_132012_C村_連携.zip").exists()
