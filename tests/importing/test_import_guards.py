"""Control characters, absurd amounts and unknown names: each refused with its row and column."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.amount_limit import DEFAULT_IMPORT_AMOUNT_LIMIT_YEN
from desktop.domain.problems import ImportRefusedError, Severity, ValidationError
from desktop.importing.tabular import read_table
from desktop.importing.templates import AGREEMENT_COLUMNS, PAYMENT_COLUMNS, ROSTER_COLUMNS
from desktop.store.db import Office, open_office
from desktop.store.demo import build_demo_office
from desktop.store.repos.agreements import list_posts
from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.import_limits import get_import_amount_limit
from desktop.store.repos.staffing import count_assignments
from desktop.store.services.agreement_import import preview_agreements
from desktop.store.services.import_limits import set_import_amount_limit
from desktop.store.services.payment_import import import_payments, preview_payments
from desktop.store.services.roster_import import import_roster, preview_roster

PAYMENT = "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.7.1,,{amount},,,"
ROSTER = "A県デモ町第1号,髙橋 一,たかはし はじめ,保健師,任期付職員,自治法派遣,{post},R8.4.1,R9.3.31"


@pytest.fixture
def demo(office: Office) -> Office:
    with office.transaction() as session:
        build_demo_office(session)
    return office


def write(path: Path, columns: tuple[str, ...], rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join([",".join(columns), *rows]) + "\r\n").encode(encoding))
    return path


def test_nul_and_other_control_characters_are_refused_with_row_and_column(demo: Office, tmp_path: Path) -> None:
    rows = [ROSTER.format(post="健康福祉課／保健師").replace("髙橋 一", "髙橋\x00一"),
            ROSTER.format(post="健康福祉課／保健師\x1b").replace("髙橋 一", "山本 花"),
            '"A県デモ町第1号","新人\t一","しんじん\r\nはじめ",保健師,任期付職員,自治法派遣,健康福祉課／保健師,R8.4.1,R9.3.31']
    table = read_table(write(tmp_path / "c.csv", ROSTER_COLUMNS, rows, "cp932"))
    assert [p.describe() for p in table.problems] == [
        "2行目 氏名: 制御文字（NUL）が含まれています（3文字目）。タブと改行のほかの制御文字は取り込めません",
        "3行目 派遣先ポスト: 制御文字（U+001B）が含まれています（10文字目）。タブと改行のほかの制御文字は取り込めません",
    ]
    assert table.rows[0][1] == "髙橋␀一"  # shown visibly in the preview, never stored
    with demo.reader() as session:
        before = count_assignments(session)
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_roster(session, table=table, create_posts=True)
    assert {(p.row, p.column) for p in caught.value.problems} >= {(2, "氏名"), (3, "派遣先ポスト")}
    assert all(p.row != 4 for p in caught.value.problems)  # tab and line break are allowed
    with demo.reader() as session:
        assert count_assignments(session) == before


@pytest.mark.parametrize(("amount", "message"), [
    ("99999999999999999999999", "2行目 金額: 金額「99999999999999999999999」は大きすぎます"),
    ("9000000000000", "2行目 金額: 金額9,000,000,000,000円は大きすぎます（1行10,000,000,000円まで。設定で変えられます）"),
    ("999,999,999,999円", "2行目 金額: 金額999,999,999,999円は大きすぎます（1行10,000,000,000円まで。設定で変えられます）"),
])
def test_absurd_amounts_are_refused_with_the_row(demo: Office, tmp_path: Path, amount: str, message: str) -> None:
    table = read_table(write(tmp_path / "p.csv", PAYMENT_COLUMNS, [PAYMENT.format(amount=f'"{amount}"')]))
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_payments(session, table=table)
    assert [p.describe() for p in caught.value.problems] == [message]


def test_the_amount_limit_is_an_audited_office_setting(demo: Office, tmp_path: Path) -> None:
    at_limit = read_table(write(tmp_path / "ok.csv", PAYMENT_COLUMNS, [PAYMENT.format(amount="10000000000")]))
    with demo.reader() as session:
        assert get_import_amount_limit(session) == DEFAULT_IMPORT_AMOUNT_LIMIT_YEN == 10_000_000_000
        assert preview_payments(session, table=at_limit).problems == []
    with demo.transaction() as session:
        set_import_amount_limit(session, limit_yen=5_000_000)
    with demo.reader() as session:
        assert get_import_amount_limit(session) == 5_000_000
        problems = preview_payments(session, table=at_limit).problems
        assert [p.column for p in problems] == ["金額"] and "5,000,000円まで" in problems[0].message
        entry = list_audit_entries(session)[0]
        assert entry.entity == "office_setting" and entry.action == "update"
    for wrong in (0, 10**15):
        with pytest.raises(ValidationError), demo.transaction() as session:
            set_import_amount_limit(session, limit_yen=wrong)


def test_a_post_differing_only_in_spacing_is_never_created(demo: Office, tmp_path: Path) -> None:
    # The separator may be half-width and spaced: still the same post, found as it is.
    for post in ("健康福祉課/保健師", "健康福祉課 ／ 保健師"):
        table = read_table(write(tmp_path / "ok.csv", ROSTER_COLUMNS, [ROSTER.format(post=post)]))
        with demo.reader() as session:
            assert preview_roster(session, table=table).problems == [], post
    for post in ("健康福祉課 保健師", "健康福祉課\u3000保健師", "健康福祉課・保健師", "健康福祉課保健師"):
        table = read_table(write(tmp_path / "t.csv", ROSTER_COLUMNS, [ROSTER.format(post=post)]))
        with demo.reader() as session:
            preview = preview_roster(session, table=table, create_posts=True)
        (problem,) = preview.errors
        assert problem.column == "派遣先ポスト"
        assert "既にある「健康福祉課／保健師」と空白・全角半角・区切りだけが違います" in problem.message, post
        assert preview.new_posts == [] and preview.lines == []


def test_an_unknown_post_lists_near_matches_and_is_created_only_when_asked(demo: Office, tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "n.csv", ROSTER_COLUMNS, [ROSTER.format(post="健康福祉課／保険師")]))
    with demo.reader() as session:
        posts_before = len(list_posts(session))
        preview = preview_roster(session, table=table)
    (problem,) = preview.errors
    assert problem.describe() == (
        "2行目 派遣先ポスト: 派遣先ポスト「健康福祉課／保険師」は協約A県デモ町第1号にありません（近いもの: 「健康福祉課／保健師」）。"
        "新しいポストなら、取込画面で作成を確認するか、--create-posts を付けて取り込んでください")
    with pytest.raises(ImportRefusedError), demo.transaction() as session:
        import_roster(session, table=table)
    with demo.reader() as session:
        assert len(list_posts(session)) == posts_before
    with demo.transaction() as session:
        import_roster(session, table=table, create_posts=True)
    with demo.reader() as session:
        assert len(list_posts(session)) == posts_before + 1
        assert json.loads(list_audit_entries(session)[0].after_json)["new_posts"] == ["A県デモ町第1号 健康福祉課／保険師"]


def test_unknown_agreement_post_person_and_field_name_near_matches(demo: Office, tmp_path: Path) -> None:
    rows = ["A県デモ町第１号,健康福祉課／保健師,,支払,R7.7.1,,100,,,",
            "A県デモ町第1号,健康福祉課\u3000保健師,,支払,R7.7.1,,100,,,",
            "A県デモ町第1号,総務課／事務,,支払,R7.7.1,,100,,,",
            "A県デモ町第1号,健康福祉課／保健師,髙崎 美咲,支払,R7.7.1,,100,,,"]
    table = read_table(write(tmp_path / "p.csv", PAYMENT_COLUMNS, rows))
    with demo.reader() as session:
        messages = [p.describe() for p in preview_payments(session, table=table).problems]
        agreements = preview_agreements(session, table=read_table(write(
            tmp_path / "a.csv", AGREEMENT_COLUMNS, ["第10号,C県,,R6.4.1,R9.3.31,保健士"])))
    assert messages[0] == "2行目 協約番号: 協約番号「A県デモ町第１号」の協約が登録されていません（近いもの: 「A県デモ町第1号」）"
    assert messages[1].startswith("3行目 派遣先ポスト:") and "既にある「健康福祉課／保健師」" in messages[1]
    assert messages[2] == "4行目 派遣先ポスト: 派遣先ポスト「総務課／事務」は協約A県デモ町第1号にありません"
    assert messages[3] == "5行目 氏名: 髙崎 美咲さんは「健康福祉課／保健師」に派遣された記録がありません（近いもの: 「髙﨑 美咲」）"
    assert [p.describe() for p in agreements.problems] == ["2行目 分野: 分野「保健士」は分野マスタにありません（近いもの: 「保育士」、「保健師」）"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


@pytest.mark.slow
def test_cli_refuses_an_absurd_amount_without_a_traceback(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    path = write(tmp_path / "p.csv", PAYMENT_COLUMNS, [PAYMENT.format(amount="99999999999999999999999")], "cp932")
    result = run_cli("import", "payments", str(path), "--db", str(office))
    assert result.returncode == 1
    assert "2行目 金額: 金額「99999999999999999999999」は大きすぎます" in result.stderr
    assert "Traceback" not in result.stderr
    with open_office(office) as opened, opened.reader() as session:
        assert get_import_amount_limit(session) == DEFAULT_IMPORT_AMOUNT_LIMIT_YEN


def test_a_new_person_resembling_one_on_file_needs_confirmation(demo: Office, tmp_path: Path) -> None:
    row = ROSTER.format(post="健康福祉課／保健師").replace("髙橋 一,たかはし はじめ", "髙崎 美咲,たかさき みさき")
    table = read_table(write(tmp_path / "s.csv", ROSTER_COLUMNS, [row]))
    with pytest.raises(ImportRefusedError) as caught, demo.transaction() as session:
        import_roster(session, table=table)
    (problem,) = caught.value.problems
    assert problem.severity is Severity.WARNING and problem.column == "氏名"
    assert "既にいる髙﨑 美咲（たかさき みさき）と似ています" in problem.message
    with demo.transaction() as session:
        assert import_roster(session, table=table, confirmed=True).count == 1


def _xlsx_with_strings(path: Path, *texts: str) -> Path:
    """A roster template whose name column holds `texts` as Excel writes them (shared strings)."""
    import io
    import zipfile

    from desktop.importing.templates import template_xlsx

    base = zipfile.ZipFile(io.BytesIO(template_xlsx(("氏名",))))
    cells = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>{n - 2}</v></c></row>' for n in range(2, 2 + len(texts)))
    items = "".join(f"<si><t>{t}</t></si>" for t in texts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            data = base.read(info).decode()
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace("</sheetData>", cells + "</sheetData>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://'
                                    'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                    "</Relationships>")
            out.writestr(info.filename, data)
        out.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     f"{items}</sst>")
    return path


def test_control_characters_excel_escapes_are_refused_too(tmp_path: Path) -> None:
    table = read_table(_xlsx_with_strings(tmp_path / "e.xlsx", "髙橋_x0000_一", "_x0007_", "_xD800_ 𠮷"))
    assert [p.describe() for p in table.problems] == [
        "2行目 氏名: 制御文字（NUL）が含まれています（3文字目）。タブと改行のほかの制御文字は取り込めません",
        "3行目 氏名: 制御文字（U+0007）が含まれています（1文字目）。タブと改行のほかの制御文字は取り込めません"]
    assert table.rows == [["髙橋␀一"], ["␇"], ["_xD800_ 𠮷"]]  # no lone surrogate is made


def test_roster_and_agreements_stop_at_ten_thousand_rows(demo: Office, tmp_path: Path) -> None:
    roster = read_table(write(tmp_path / "r.csv", ROSTER_COLUMNS, [ROSTER.format(post="健康福祉課／保健師")] * 10_001))
    agreements = read_table(write(tmp_path / "a.csv", AGREEMENT_COLUMNS, ["第10号,C県,,R6.4.1,R9.3.31,保健師"] * 10_001))
    with demo.reader() as session:
        assert [p.describe() for p in preview_roster(session, table=roster).problems] == [
            "10002行目: 行が多すぎます（この取込は10000行まで）"]
        assert [p.describe() for p in preview_agreements(session, table=agreements).problems] == [
            "10002行目: 行が多すぎます（この取込は10000行まで）"]
