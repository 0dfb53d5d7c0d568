"""Before any cp932 output every character it cannot hold is listed with record and field;
nothing becomes '?' silently; a confirmed replacement is the documented one and is recorded."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.exchange.cp932 import GETA, CsvRecord, cannot_encode, cp932_problems, replace_for_cp932
from desktop.exchange.export import Cp932Error
from desktop.exchange.people_csv import people_csv
from desktop.store.db import open_office
from desktop.store.repos.staffing import get_assignment
from desktop.store.services.staffing import save_assignment
from tests.exchange.conftest import export, make_office, read_zip, run_cli


def test_the_list_names_member_record_field_and_character() -> None:
    records = [CsvRecord("2行目（𠮷田 花子）", [("氏名", "𠮷田 花子"), ("分野", "保育士")]),
               CsvRecord("3行目（剝山 健一）", [("氏名", "剝山 健一"), ("派遣先ポスト", "𣘺梁課 技師")]),
               CsvRecord("4行目（髙﨑 美咲）", [("氏名", "髙﨑 美咲")])]          # 髙 and 﨑 are in cp932
    problems = cp932_problems("people.csv", records)
    assert [(p.record, p.field, p.character, p.code_point) for p in problems] == [
        ("2行目（𠮷田 花子）", "氏名", "𠮷", "U+20BB7"),
        ("3行目（剝山 健一）", "氏名", "剝", "U+525D"),
        ("3行目（剝山 健一）", "派遣先ポスト", "𣘺", "U+2363A"),
    ]
    assert "people.csv 2行目（𠮷田 花子） の「氏名」: 「𠮷」（U+20BB7）" in problems[0].describe()


def test_replacement_is_the_documented_one() -> None:
    assert replace_for_cp932("𠮷田 剝山 髙﨑 \U0002000B") == f"吉田 剥山 髙﨑 {GETA}"


@given(st.text(max_size=40))
def test_replaced_text_always_encodes_and_keeps_what_cp932_holds(text: str) -> None:
    replaced = replace_for_cp932(text)
    replaced.encode("cp932")
    if not cannot_encode(text):
        assert replaced == text


def test_cp932_csv_without_confirmation_never_writes_question_marks() -> None:
    with pytest.raises(Exception, match="𠮷"):
        people_csv([["A県デモ町第1号", "課 係", "𠮷田 花子", "保育士", "", "", "", "", 0]], "cp932")


def _rename_watanabe(office_path: Path) -> None:
    with open_office(office_path, create=False, take_backup=False) as office, office.transaction() as session:
        detail = get_assignment(session, 4)
        assert detail is not None and detail.draft.name == "渡邊 健一"
        save_assignment(session, assignment_id=4, draft=dataclasses.replace(detail.draft, name="剝山 健一"),
                        confirmed=True)


def test_export_stops_with_the_whole_list_and_writes_nothing(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    _rename_watanabe(office)
    with pytest.raises(Cp932Error) as caught:
        export(office, tmp_path / "usb", 2025, csv_encoding="cp932")
    assert {(p.character, p.field) for p in caught.value.problems} == {("剝", "氏名")}
    assert list((tmp_path / "usb").iterdir()) == []
    with pytest.raises(Cp932Error) as caught:
        export(office, tmp_path / "usb", 2024, csv_encoding="cp932")
    assert {p.character for p in caught.value.problems} == {"𠮷"}


def test_confirmed_replacement_is_recorded_in_the_manifest(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    _rename_watanabe(office)
    outcome = export(office, tmp_path / "usb", 2025, csv_encoding="cp932", cp932_replace=True)
    members = read_zip(outcome.path.read_bytes())
    manifest = json.loads(members["manifest.json"])
    assert manifest["csv_encoding"] == "cp932"
    assert manifest["cp932_replacements"] == [{
        "member": "people.csv", "record": "4行目（剝山 健一）", "field": "氏名", "character": "剝",
        "code_point": "U+525D", "replacement": "剥"}]
    rows = list(csv.reader(io.StringIO(members["people.csv"].decode("cp932"))))
    assert "剥山 健一" in {r[2] for r in rows} and "髙﨑 美咲" in {r[2] for r in rows}
    assert "剝山 健一" in {s["name"] for s in json.loads(members["data.json"])["staff"]}   # data keeps it as typed
    assert outcome.verified.replacements == 1


@pytest.mark.slow
def test_cli_exits_1_with_the_list(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    result = run_cli("export", "--db", str(office), "--fiscal-year", "2024", "--out", str(tmp_path),
                     "--csv-encoding", "cp932")
    assert result.returncode == 1
    assert "2行目（𠮷田 花子） の「氏名」: 「𠮷」（U+20BB7）" in result.stderr and "--cp932-replace" in result.stderr
    assert not list(tmp_path.glob("*.zip"))
    confirmed = run_cli("export", "--db", str(office), "--fiscal-year", "2024", "--out", str(tmp_path),
                        "--csv-encoding", "cp932", "--cp932-replace")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "置換" in confirmed.stdout and "𠮷" in confirmed.stdout
