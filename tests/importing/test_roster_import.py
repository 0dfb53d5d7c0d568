from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.domain.problems import ImportRefusedError, Severity
from desktop.importing.tabular import read_table
from desktop.importing.templates import AGREEMENT_COLUMNS, ROSTER_COLUMNS
from desktop.store.db import Office, open_office
from desktop.store.demo import build_demo_office
from desktop.store.repos.agreements import list_agreements, list_posts
from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.staffing import count_assignments, list_assignments
from desktop.store.services.agreement_import import import_agreements
from desktop.store.services.roster_import import import_roster, preview_roster

HEADER = ",".join(ROSTER_COLUMNS)
GOOD_ROWS = [
    "A県デモ町第1号,髙橋 一,たかはし はじめ,保健師,任期付職員,自治法派遣,健康福祉課／保健師２,R7.4.1,令和8年3月31日",
    "A県デモ町第1号,山本 花,やまもと はな,保育士,非常勤,その他,子育て支援課/保育士,2026/4/1,2027-03-31",
    "A県デモ町第1号,髙橋 一,たかはし はじめ,保健師,任期付職員,自治法派遣,健康福祉課／保健師２,２０２６年４月１日,R9.3.31",
]


@pytest.fixture
def demo(office: Office) -> Office:
    with office.transaction() as session:
        build_demo_office(session)
    return office


def write_csv(path: Path, rows: list[str], encoding: str = "utf-8", header: str = HEADER) -> Path:
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    return path


def test_good_shift_jis_file_is_imported_with_new_posts(demo: Office, tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "r.csv", GOOD_ROWS, "cp932"))
    assert table.encoding == "cp932"
    with demo.reader() as session:
        before = count_assignments(session)
        unconfirmed = preview_roster(session, table=table)
        preview = preview_roster(session, table=table, create_posts=True)
    # Without the clerk's word the unknown post is an error naming the post it resembles.
    assert {(p.row, p.column) for p in unconfirmed.errors} == {(2, "派遣先ポスト"), (4, "派遣先ポスト")}
    assert "近いもの: 「健康福祉課／保健師」" in unconfirmed.errors[0].message
    assert unconfirmed.unknown_posts == ["A県デモ町第1号 健康福祉課／保健師２"]
    assert preview.problems == []
    assert preview.new_posts == ["A県デモ町第1号 健康福祉課／保健師２"]
    assert preview.new_staff == ["髙橋 一", "山本 花"]
    with pytest.raises(ImportRefusedError), demo.transaction() as session:
        import_roster(session, table=table, source="r.csv")
    with demo.transaction() as session:
        change = import_roster(session, table=table, create_posts=True, source="r.csv")
    assert change.count == 3
    with demo.reader() as session:
        assert count_assignments(session) == before + 3
        takahashi = [r for r in list_assignments(session, text="髙橋")]
        assert len({r.staff_id for r in takahashi}) == 1 and len(takahashi) == 2
        assert any(p.label == "健康福祉課／保健師２" for p in list_posts(session))
        assert list_audit_entries(session)[0].action == "import"


def test_every_bad_row_is_listed_and_nothing_written(demo: Office, tmp_path: Path) -> None:
    rows = [
        GOOD_ROWS[0],
        "A県デモ町第9号,x,ｙｙ,保健師,任期付,自治法派遣,a,R7.4.1,R6.4.1",
        "A県デモ町第1号,髙﨑 美咲,たかさき みさき,保健師,任期付職員,自治法派遣,健康福祉課／保健師,2025/10/1,2026-03-31",
        "A県デモ町第1号,鈴木 二郎,すずき じろう,看護師,臨時,県派遣,建設課,令和7年2月30日,",
        "A県デモ町第1号,髙橋 一,たかはし はじめ,保健師,任期付職員,自治法派遣,健康福祉課／保健師,R8.3.1,R8.9.30",
    ]
    table = read_table(write_csv(tmp_path / "bad.csv", rows, "utf-8-sig"))
    with demo.reader() as session:
        before = count_assignments(session)
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_roster(session, table=table, create_posts=True)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert (3, "協約番号") in found and (3, "ふりがな") in found and (3, "派遣終了日") in found
    assert (4, "派遣開始日") in found  # overlaps 髙﨑's existing assignment
    assert {(5, "分野"), (5, "任用形態"), (5, "派遣形態"), (5, "派遣開始日"), (5, "派遣終了日")} <= found
    assert (6, "派遣開始日") in found  # overlaps row 2 of the same file
    assert all(p.row != 2 for p in caught.value.problems)
    messages = "\n".join(p.describe() for p in caught.value.problems)
    assert "3行目 協約番号: 協約番号「A県デモ町第9号」の協約が登録されていません" in messages
    assert "この名簿の2行目" in messages
    with demo.reader() as session:
        assert count_assignments(session) == before


def test_missing_columns_are_named(demo: Office, tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "x.csv", ["a,b"], header="氏名,ふりがな"))
    with demo.reader() as session:
        preview = preview_roster(session, table=table)
    assert {p.column for p in preview.problems} == set(ROSTER_COLUMNS) - {"氏名", "ふりがな"}
    assert all(p.row == 1 for p in preview.problems)


def test_field_outside_agreement_needs_confirmation(demo: Office, tmp_path: Path) -> None:
    row = "A県デモ町第1号,山田 太郎,やまだ たろう,技術職員,任期付職員,自治法派遣,建設課／技師,R8.4.1,R9.3.31"
    table = read_table(write_csv(tmp_path / "w.csv", [row]))
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_roster(session, table=table, create_posts=True)
    assert [p.severity for p in caught.value.problems] == [Severity.WARNING]
    with demo.transaction() as session:
        assert import_roster(session, table=table, confirmed=True, create_posts=True).count == 1


def test_xlsx_roster(demo: Office, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(ROSTER_COLUMNS))
    from datetime import datetime

    sheet.append(["A県デモ町第1号", "𠮷村 剝", "よしむら はく", "用地", "任期付職員", "自治法派遣", "建設課／用地担当２",
                  datetime(2026, 4, 1), datetime(2027, 3, 31)])
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    with demo.transaction() as session:
        assert import_roster(session, table=read_table(path), create_posts=True).count == 1
    with demo.reader() as session:
        assert [r.name for r in list_assignments(session, text="𠮷村")] == ["𠮷村 剝"]


def test_agreements_import(office: Office, tmp_path: Path) -> None:
    header = ",".join(AGREEMENT_COLUMNS)
    good = ["第10号,C県,令和6年3月1日,R6.4.1,R9.3.31,保健師・保育士", "第11号,C県,,2025-04-01,2026-03-31,税務"]
    with office.transaction() as session:
        assert import_agreements(session, table=read_table(write_csv(tmp_path / "a.csv", good, header=header))).count == 2
    bad = ["第10号,C県,,R6.4.1,R9.3.31,保健師", "第12号,,,R9.4.1,R6.3.31,看護師", "第12号,D県,,R6.4.1,R7.3.31,用地"]
    with pytest.raises(ImportRefusedError) as caught, office.transaction() as session:
        import_agreements(session, table=read_table(write_csv(tmp_path / "b.csv", bad, header=header)))
    found = {(p.row, p.column) for p in caught.value.problems}
    assert {(2, "協約番号"), (3, "相手方団体"), (3, "分野"), (4, "協約番号")} <= found
    with office.reader() as session:
        assert [a.number for a in list_agreements(session)] == ["第10号", "第11号"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


@pytest.mark.slow
def test_cli_import_roster(tmp_path: Path) -> None:
    office_path = tmp_path / "cli.renkei"
    assert run_cli("demo", "--db", str(office_path)).returncode == 0
    bad = run_cli("import", "roster", str(write_csv(tmp_path / "bad.csv", ["A県デモ町第9号,x,ｘ,,,,,,"], "cp932")),
                  "--db", str(office_path))
    assert bad.returncode == 1
    assert "2行目 協約番号" in bad.stderr and "何も書き込んでいません" in bad.stderr
    good_csv = str(write_csv(tmp_path / "good.csv", GOOD_ROWS[:2], "cp932"))
    unconfirmed = run_cli("import", "roster", good_csv, "--db", str(office_path))
    assert unconfirmed.returncode == 1
    assert "2行目 派遣先ポスト" in unconfirmed.stderr and "近いもの: 「健康福祉課／保健師」" in unconfirmed.stderr
    assert "--create-posts" in unconfirmed.stderr and "Traceback" not in unconfirmed.stderr
    good = run_cli("import", "roster", good_csv, "--db", str(office_path), "--create-posts")
    assert good.returncode == 0, good.stderr
    assert "2行を取り込みました" in good.stdout and "cp932" in good.stdout
    assert "作成した派遣先ポスト（1件）:\n  A県デモ町第1号 健康福祉課／保健師２" in good.stdout
    with open_office(office_path) as office, office.reader() as session:
        assert count_assignments(session, text="山本") == 1
