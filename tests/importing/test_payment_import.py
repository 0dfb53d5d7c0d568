from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.contribution import MoneyKind
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import ImportRefusedError, Severity
from desktop.importing.tabular import Table, build_table, read_table
from desktop.importing.templates import PAYMENT_COLUMNS
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from desktop.store.repos.ledger import list_ledger, list_money_rows
from desktop.store.services.payment_import import import_payments, preview_payments

HEADER = ",".join(PAYMENT_COLUMNS)


@pytest.fixture
def demo(office: Office) -> Office:
    with office.transaction() as session:
        build_demo_office(session)
    return office


def write(path: Path, rows: list[str], encoding: str = "utf-8", header: str = HEADER) -> Path:
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    return path


def line_for(office: Office, name: str, year: int):  # type: ignore[no-untyped-def]
    with office.reader() as session:
        return next(r for r in list_ledger(session, fiscal_year=FiscalYear(year)) if r.name == name)


def test_amount_spellings_and_shift_jis(demo: Office, tmp_path: Path) -> None:
    rows = [
        'A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,戻入,R8.3.10,,"12,345円",,,旅費精算',
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,請求,2026/6/10,令和8年度,１，５００，０００,A県人第9号,R8.6.30,",
        "A県デモ町第1号,健康福祉課／保健師,,予算,,令和8年度,￥3000000,,,ポスト全体の予算",
    ]
    table = read_table(write(tmp_path / "p.csv", rows, "cp932"))
    with demo.reader() as session:
        preview = preview_payments(session, table=table)
    assert preview.problems == []
    assert preview.total_yen == 12_345 + 1_500_000 + 3_000_000
    with demo.transaction() as session:
        assert import_payments(session, table=table).count == 3
    assert line_for(demo, "髙﨑 美咲", 2025).totals.refunded == 12_345
    with demo.reader() as session:
        post_line = next(r for r in list_ledger(session, fiscal_year=FiscalYear(2026)) if r.staff_id is None)
    assert post_line.totals.planned == 3_000_000


def test_payment_in_closing_period_without_year_is_a_warning(demo: Office, tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "w.csv", ["A県デモ町第1号,子育て支援課／保育士,渡邊 健一,支払,R8.5.8,,600000,支出第9号,,"]))
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_payments(session, table=table)
    (problem,) = caught.value.problems
    assert problem.severity is Severity.WARNING and problem.column == "会計年度" and "令和7年度" in problem.message
    explicit = read_table(write(tmp_path / "e.csv", ["A県デモ町第1号,子育て支援課／保育士,渡邊 健一,支払,R8.5.8,令和7年度,600000,支出第9号,,"]))
    with demo.transaction() as session:
        import_payments(session, table=explicit)
    watanabe = line_for(demo, "渡邊 健一", 2025)
    assert watanabe.totals.paid == 2_400_000 and watanabe.overdue_count == 0


def test_every_bad_row_listed_nothing_written(demo: Office, tmp_path: Path) -> None:
    rows = [
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.7.1,,100,,,",
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.7.1,,-100,,,",
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.7.1,,100.5,,,",
        "A県デモ町第1号,健康福祉課／保健師,山田 太郎,支払,R7.7.1,,100,,,",
        "A県デモ町第1号,健康福祉課／栄養士,,支払,R7.7.1,,100,,,",
        "A県デモ町第1号,健康福祉課／保健師,,振込,R7.2.30,,100,,,",
        "A県デモ町第1号,健康福祉課／保健師,,支払,R7.7.1,令和5年度,100,,R7.7.31,",
    ]
    table = read_table(write(tmp_path / "bad.csv", rows))
    before = line_for(demo, "髙﨑 美咲", 2025).totals
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_payments(session, table=table)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert {(3, "金額"), (4, "金額"), (5, "氏名"), (6, "派遣先ポスト"), (7, "区分"), (7, "日付"),
            (8, "会計年度"), (8, "期日")} <= found
    assert all(p.row != 2 for p in caught.value.problems)
    messages = {p.describe() for p in caught.value.problems}
    assert "3行目 金額: 金額に負の数は入力できません" in messages
    assert "4行目 金額: 円未満の端数は入力できません" in messages
    assert line_for(demo, "髙﨑 美咲", 2025).totals == before


@pytest.mark.slow
def test_cli_import_payments(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    env = os.environ.copy()
    subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(office)], check=True, env=env,
                   capture_output=True)
    path = write(tmp_path / "p.csv", ["A県デモ町第1号,建設課／用地担当,鈴木 一郎,支払,R8.7.24,,\"1,450,315円\",支出第88号,,"], "cp932")
    result = subprocess.run([sys.executable, "-m", "desktop", "import", "payments", str(path), "--db", str(office)],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "1行を取り込みました" in result.stdout
    from desktop.store.db import open_office

    with open_office(office) as opened, opened.reader() as session:
        line = next(r for r in list_ledger(session, fiscal_year=FiscalYear(2026)) if r.name == "鈴木 一郎")
        entries = list_money_rows(session, fiscal_year=FiscalYear(2026), post_id=line.post_id, staff_id=line.staff_id)
    assert [(e.kind, e.amount_yen, e.number) for e in entries] == [(MoneyKind.PAYMENT, 1_450_315, "支出第88号")]


_VALUES = {
    "協約番号": ["A県デモ町第1号", "A県デモ町第9号", ""],
    "派遣先ポスト": ["健康福祉課／保健師", "子育て支援課／保育士", "健康福祉課 保健師", ""],
    "氏名": ["髙﨑 美咲", "渡邊 健一", "𠮷田", ""],
    "区分": ["支払", "請求", "予算", "戻入", "払い", ""],
    "日付": ["R8.5.8", "令和7年13月40日", "2025-10-01", ""],
    "会計年度": ["令和7年度", "令和8年度", "昭和99年度", ""],
    "金額": ["600000", "1,000円", "-5", "99999999999999999999", "１２０", ""],
    "番号": ["支出第9号", ""],
    "期日": ["R8.6.30", "R8.2.30", ""],
    "摘要": ["負担金", ""],
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries({column: st.sampled_from(values) for column, values in _VALUES.items()}),
                min_size=1, max_size=30))
def test_rows_sharing_a_context_read_as_each_row_alone(demo: Office, rows: list[dict[str, str]]) -> None:
    """Rows that share every column but the amount, number and note are read once: each row must
    still get exactly the problems and the draft it gets when it is the only row of its file."""
    def table_of(chosen: list[dict[str, str]]) -> Table:
        return build_table([list(PAYMENT_COLUMNS)] + [[row[c] for c in PAYMENT_COLUMNS] for row in chosen], "utf-8")

    with demo.reader() as session:
        together = preview_payments(session, table=table_of(rows), keep_drafts=True)
        alone = [preview_payments(session, table=table_of([row]), keep_drafts=True) for row in rows]
        assert preview_payments(session, table=table_of(rows)).drafts == []  # a check alone keeps none
    expected_problems = [replace(problem, row=number) for number, preview in enumerate(alone, start=2)
                         for problem in preview.problems if problem.message != "取り込む行がありません"]
    assert together.problems[:len(expected_problems)] == expected_problems
    expected_drafts = [(number, draft) for number, preview in enumerate(alone, start=2) for _row, draft in preview.drafts]
    assert together.drafts == expected_drafts
    assert (together.count, together.total_yen) == (len(expected_drafts), sum(d.amount_yen for _n, d in expected_drafts))
    for row, preview in zip(rows, alone, strict=True):  # and no problem is lost on the way
        assert _columns_surely_refused(row) <= {problem.column for problem in preview.problems}, row


def _columns_surely_refused(row: dict[str, str]) -> set[str]:
    surely = {"協約番号": {"", "A県デモ町第9号"}, "区分": {"", "払い"}, "日付": {"令和7年13月40日"},
              "金額": {"", "-5", "99999999999999999999"}, "期日": {"R8.2.30"}}
    refused = {column for column, texts in surely.items() if row[column] in texts}
    if row["派遣先ポスト"] == "" or (row["派遣先ポスト"] == "健康福祉課 保健師" and row["協約番号"] == "A県デモ町第1号"):
        refused.add("派遣先ポスト")
    if row["日付"] == "" and row["区分"] in ("支払", "請求", "戻入"):
        refused.add("日付")
    return refused
