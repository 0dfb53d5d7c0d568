"""A bad row at the end of a long file is found and named like one at its start, by every import;
the CLI judges every row, reading only, before it backs up or writes anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.importing.cells import ParseMemo, RowReader
from desktop.importing.tabular import read_table
from desktop.importing.templates import (
    AGREEMENT_COLUMNS,
    ORGANISATION_COLUMNS,
    PAYMENT_COLUMNS,
    ROSTER_COLUMNS,
)
from desktop.store import backup
from desktop.store.db import Office, open_office
from desktop.store.demo import build_demo_office
from desktop.store.services.agreement_import import preview_agreements
from desktop.store.services.organisation_import import preview_organisations
from desktop.store.services.payment_import import preview_payments
from desktop.store.services.roster_import import preview_roster

ROWS = 5_000
BAD = "令和7年13月40日"
PEOPLE = (("健康福祉課／保健師", "髙﨑 美咲"), ("子育て支援課／保育士", "𠮷田 花子"), ("税務課／徴収担当", "佐藤 剛"))


def _payment(i: int) -> str:
    post, name = PEOPLE[i % len(PEOPLE)]
    return f"A県デモ町第1号,{post},{name},支払,R7.{5 + i % 7}.{1 + i % 28},令和7年度,{1000 + i},,,"


FILES = {
    "payments": (PAYMENT_COLUMNS, _payment, "日付", 4, preview_payments),
    "roster": (ROSTER_COLUMNS, lambda i: f"A県デモ町第1号,職員 {i},しょくいん,保健師,任期付職員,自治法派遣,"
                                         "健康福祉課／保健師,R7.4.1,R8.3.31", "派遣開始日", 7, preview_roster),
    "agreements": (AGREEMENT_COLUMNS, lambda i: f"試験第{i}号,A県,R6.3.25,R6.4.1,R9.3.31,保健師", "締結日", 2,
                   preview_agreements),
    "organisations": (ORGANISATION_COLUMNS, lambda i: f"第{i}町内会,その他,会長,代表 {i},大字東{i}番地,東小学校区,,"
                                                      "120,区域の住民,,H31.4.20,", "規約の制定日", 10, preview_organisations),
}


@pytest.fixture
def demo(office: Office) -> Office:
    with office.transaction() as session:
        build_demo_office(session)
    return office


def _file(tmp_path: Path, kind: str, bad_rows: tuple[int, ...]) -> Path:
    """ROWS good rows of `kind`, but for the date column of the given (0-based) rows."""
    columns, row, _column, index, _preview = FILES[kind]
    lines = []
    for i in range(ROWS):
        cells = row(i).split(",")
        if i in bad_rows:
            cells[index] = BAD
        lines.append(",".join(cells))
    path = tmp_path / f"{kind}.csv"
    path.write_text("\n".join([",".join(columns), *lines]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", list(FILES))
def test_a_bad_date_repeated_at_the_start_and_the_end_is_named_both_times(
        kind: str, demo: Office, tmp_path: Path) -> None:
    _columns, _row, column, _index, preview = FILES[kind]
    table = read_table(_file(tmp_path, kind, (0, ROWS - 1)))
    with demo.reader() as session:
        problems = [p.describe() for p in preview(session, table=table).problems]  # type: ignore[operator]
    assert problems == [f"2行目 {column}: 「{BAD}」は存在しない日付です",
                        f"{ROWS + 1}行目 {column}: 「{BAD}」は存在しない日付です"]


def test_the_memo_gives_each_row_its_own_problem_and_the_same_value() -> None:
    memo = ParseMemo(["日付", "日付"])  # a repeated header: the first column is read, as list.index did
    first, second = RowReader(["日付"], ["R7.4.1"], 2, memo), RowReader(["日付"], ["R7.4.1", "x"], 3, memo)
    assert first.date("日付") == second.date("日付") and not first.problems
    bad = [RowReader(["日付"], ["R7.2.30"], row, memo) for row in (4, 5)]
    assert [reader.date("日付") for reader in bad] == [None, None]
    assert [p.describe() for reader in bad for p in reader.problems] == [
        "4行目 日付: 「R7.2.30」は存在しない日付です", "5行目 日付: 「R7.2.30」は存在しない日付です"]


def _backups(office_path: Path) -> list[str]:
    return [info.reason for info in backup.list_backups(office_path)]


def test_the_cli_refuses_before_any_backup_and_backs_up_before_a_good_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office_path = tmp_path / "office.renkei"
    with open_office(office_path, take_backup=False) as office, office.transaction() as session:
        build_demo_office(session)
    before = _backups(office_path)
    bad = _file(tmp_path, "payments", (ROWS - 1,))
    assert main(["import", "payments", str(bad), "--db", str(office_path)]) == 1
    assert f"{ROWS + 1}行目 日付: 「{BAD}」は存在しない日付です" in capsys.readouterr().err
    assert _backups(office_path) == before  # a refused file cost no backup
    good = _file(tmp_path, "payments", ())
    assert main(["import", "payments", str(good), "--db", str(office_path)]) == 0
    assert f"{ROWS}行を取り込みました" in capsys.readouterr().out
    assert "before-import" in _backups(office_path)
