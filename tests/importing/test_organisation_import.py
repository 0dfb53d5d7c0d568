"""団体の取込: good rows in CSV (UTF-8, Shift_JIS) and xlsx; one bad row and nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.organisation import Membership, OrganisationKind, OrgState
from desktop.domain.problems import ImportRefusedError
from desktop.importing.tabular import read_table
from desktop.importing.templates import ORGANISATION_COLUMNS
from desktop.store.db import Office
from desktop.store.repos.organisations import count_organisations, list_organisations
from desktop.store.services.organisation_import import import_organisations, preview_organisations

HEADER = ",".join(ORGANISATION_COLUMNS)
GOOD = [
    "東町内会,その他,会長,髙﨑 𠮷男,デモ町大字東1234番地,東小学校区,大字東,１２０人,区域の住民,0120-000-111,平成31年4月20日,",
    "中央地区自治会連合会,自治会連合会,会長,佐藤 一,デモ町本町2-3-5,中央地区,本町一丁目〜三丁目,9,団体,,R2.4.1,備考あり",
]


def write_csv(path: Path, rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode(encoding))
    return path


def test_good_rows_are_registered_as_typed(office: Office, tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "o.csv", GOOD))
    with office.transaction() as session:
        change = import_organisations(session, table=table, registered_on=date(2026, 4, 1))
    assert change.count == 2
    with office.reader() as session:
        rows = {r.name: r for r in list_organisations(session)}
    east = rows["東町内会"]
    assert east.representative == "髙﨑 𠮷男" and east.member_count == 120 and east.state is OrgState.REGISTERED
    assert east.kind is OrganisationKind.OTHER and east.membership is Membership.RESIDENTS
    centre = rows["中央地区自治会連合会"]
    assert centre.kind is OrganisationKind.FEDERATION and centre.membership is Membership.GROUPS


def test_shift_jis_is_read(office: Office, tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "o.csv", [GOOD[1]], "cp932"))
    assert table.encoding == "cp932"
    with office.reader() as session:
        assert preview_organisations(session, table=table).problems == []


def test_one_bad_row_and_nothing_is_written(office: Office, tmp_path: Path) -> None:
    bad = [
        GOOD[0],
        "西町内会,町内会,会長,,デモ町西1,西小学校区,,多数,区域の住民,,令和2年13月1日,",
        "東町内会,その他,会長,山田 太郎,デモ町東2,東小学校区,,10,,,,",
    ]
    table = read_table(write_csv(tmp_path / "o.csv", bad))
    with pytest.raises(ImportRefusedError) as refused, office.transaction() as session:
        import_organisations(session, table=table, registered_on=date(2026, 4, 1))
    found = {(p.row, p.column) for p in refused.value.problems}
    assert {(3, "種別"), (3, "代表者氏名"), (3, "構成員数"), (3, "規約の制定日"), (4, "団体名")} <= found
    assert "2行目と重複" in " ".join(p.describe() for p in refused.value.problems)
    with office.reader() as session:
        assert count_organisations(session) == 0
        assert preview_organisations(session, table=table).drafts == []  # a check alone keeps none


def test_a_control_character_refuses_the_file_naming_row_and_column(office: Office, tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "o.csv", [GOOD[0], "北\x00町内会,その他,会長,山田 花子,デモ町北1,北部地区,,10,,,,"]))
    with pytest.raises(ImportRefusedError) as refused, office.transaction() as session:
        import_organisations(session, table=table, registered_on=date(2026, 4, 1))
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "団体名")]
    assert "NUL" in refused.value.problems[0].describe()
    with office.reader() as session:
        assert count_organisations(session) == 0


def test_an_already_registered_name_and_a_missing_column_are_refused(office: Office, tmp_path: Path) -> None:
    with office.transaction() as session:
        import_organisations(session, table=read_table(write_csv(tmp_path / "a.csv", [GOOD[0]])),
                             registered_on=date(2026, 4, 1))
    with office.reader() as session:
        again = preview_organisations(session, table=read_table(write_csv(tmp_path / "b.csv", [GOOD[0]])))
        assert [p.describe() for p in again.problems] == ["2行目 団体名: 団体「東町内会」は既に登録されています"]
        (tmp_path / "c.csv").write_text("団体名,代表者氏名\n東,山田\n", encoding="utf-8")
        missing = preview_organisations(session, table=read_table(tmp_path / "c.csv"))
        assert {p.column for p in missing.problems} == {"主たる事務所の所在地", "活動区域"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


@pytest.mark.slow
def test_cli_template_then_import(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    template = tmp_path / "t.xlsx"
    result = run_cli("import", "organisations", str(template), "--template")
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(template).active
    assert [c.value for c in sheet[1]] == list(ORGANISATION_COLUMNS)
    assert sheet.cell(2, 4).value == "髙﨑 𠮷男"
    sheet.cell(2, 1).value = "𠮷野町内会"
    sheet.parent.save(template)
    imported = run_cli("import", "organisations", str(template), "--db", str(office))
    assert imported.returncode == 0, imported.stderr
    listed = run_cli("orgs", "--db", str(office), "--state", "未申請")
    assert listed.returncode == 0 and "𠮷野町内会" in listed.stdout and "1団体" in listed.stdout
    refused = run_cli("import", "organisations", str(template), "--db", str(office))
    assert refused.returncode == 1 and "既に登録されています" in refused.stderr


def test_an_imported_row_has_exactly_a_drafts_fields() -> None:
    """The check reads rows as tuples and makes drafts of them only to write: a field added to
    OrganisationDraft must be read from the file too."""
    from dataclasses import fields

    from desktop.domain.organisation import OrganisationDraft
    from desktop.store.services.organisation_import import _Row

    assert _Row._fields == tuple(field.name for field in fields(OrganisationDraft))
