"""Export of one fiscal year, then verify: the real file, its members, its schema, its encryption."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from pypdf import PdfReader

from desktop.exchange.crypto import MAGIC
from desktop.exchange.format import ExchangeError
from desktop.exchange.verify import verify_bytes, verify_path
from tests.exchange.conftest import TOWNS, export, make_office, read_zip, run_cli

SCHEMA = json.loads(files("desktop.exchange").joinpath("schema/data-v1.schema.json").read_text(encoding="utf-8"))


def test_export_writes_one_named_file_whose_members_match_the_manifest(tmp_path: Path) -> None:
    outcome = export(make_office(tmp_path), tmp_path / "usb")
    assert outcome.path.name == "R07_990001_デモ町_連携.zip"
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == ["R07_990001_デモ町_連携.zip"]
    members = read_zip(outcome.path.read_bytes())
    assert list(members) == ["manifest.json", "data.json", "data.schema.json", "people.csv", "summary.xlsx", "F4.pdf"]
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "renkei-desk-exchange" and manifest["format_version"] == 1
    assert (manifest["town_code"], manifest["town_name"], manifest["fiscal_year"]) == ("990001", "デモ町", 2025)
    assert len(manifest["audit_head"]) == 64 and manifest["app_version"] and manifest["created_at"]
    assert {m["name"]: m["size"] for m in manifest["members"]} == {
        name: len(content) for name, content in members.items() if name != "manifest.json"}
    assert outcome.verified.town_name == "デモ町" and outcome.verified.claim_yen > 0


def test_data_holds_what_the_prefecture_needs_and_nothing_private(tmp_path: Path) -> None:
    outcome = export(make_office(tmp_path), tmp_path / "usb")
    members = read_zip(outcome.path.read_bytes())
    data = json.loads(members["data.json"])
    names = {s["name"] for s in data["staff"]}
    assert {"髙﨑 美咲", "渡邊 健一", "鈴木 一郎"} <= names           # as typed, 髙 and 﨑 kept
    assert data["claim"]["total_yen"] == data["totals"]["claim_yen"] > 0
    assert data["totals"]["contribution_yen"] == sum(c["contribution_yen"] for c in data["contributions"])
    assert data["agreements"][0]["number"] == "A県デモ町第1号"
    designated = {o["designation_number"]: o for o in data["organisations"]}
    assert set(designated) == {"デモ町指定第1号", "デモ町指定第2号"}   # not 申請中, 不指定 or 解散
    assert designated["デモ町指定第1号"] == {
        "designation_number": "デモ町指定第1号", "name": "東小学校区まちづくり協議会", "kind": "地域運営組織",
        "area": "東小学校区", "member_count": 14, "membership": "区域の住民を主たる構成員とする団体", "state": "指定"}
    assert "髙﨑 𠮷男" not in members["data.json"].decode("utf-8")   # no representative's name
    for private in ("たかさき", "わたなべ", "reading", "address"):     # no readings, addresses, contacts
        assert all(private not in content.decode("utf-8", "ignore") for name, content in members.items()
                   if name.endswith((".json", ".csv")) and name != "data.schema.json")
    people = list(csv.reader(io.StringIO(members["people.csv"].decode("utf-8-sig"))))
    assert people[0][2] == "氏名" and "髙﨑 美咲" in {row[2] for row in people[1:]}
    assert members["people.csv"].startswith(b"\xef\xbb\xbf")
    book = openpyxl.load_workbook(io.BytesIO(members["summary.xlsx"]))
    assert book.sheetnames == ["概要", "算定", "職員・負担金"]
    assert book["概要"]["B2"].value == "990001"
    assert "特別交付税" in PdfReader(io.BytesIO(members["F4.pdf"])).pages[0].extract_text()


@pytest.mark.parametrize(("code", "name"), TOWNS)
def test_the_published_schema_accepts_real_exports(tmp_path: Path, code: str, name: str) -> None:
    office = make_office(tmp_path, code, name)
    for year in (2024, 2025):
        data = json.loads(read_zip(export(office, tmp_path / "usb", year).path.read_bytes())["data.json"])
        jsonschema.validate(data, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "totals": {**data["totals"], "claim_yen": -1}}, SCHEMA)


def test_schema_travels_in_the_file_and_is_package_data(tmp_path: Path) -> None:
    members = read_zip(export(make_office(tmp_path), tmp_path / "usb").path.read_bytes())
    assert json.loads(members["data.schema.json"]) == SCHEMA


def test_encrypted_export_round_trip_and_wrong_passphrase(tmp_path: Path) -> None:
    outcome = export(make_office(tmp_path), tmp_path / "usb", passphrase="春の小川 2025")
    raw = outcome.path.read_bytes()
    assert outcome.path.name == "R07_990001_デモ町_連携.zip.enc"
    assert raw.startswith(MAGIC)
    header = json.loads(raw[len(MAGIC):raw.index(b"\n", len(MAGIC))])
    assert header["kdf"] == "scrypt" and header["cipher"] == "AES-256-GCM" and header["n"] >= 2**14
    assert "春の小川".encode() not in raw and b"B\xe7\x94\xba" not in raw    # neither passphrase nor data in clear
    assert verify_bytes(raw, "春の小川 2025").town_code == "990001"
    with pytest.raises(ExchangeError, match="パスフレーズが違います"):
        verify_bytes(raw, "春の小川 2024")
    with pytest.raises(ExchangeError, match="パスフレーズを指定"):
        verify_bytes(raw, None)
    tampered = bytearray(raw)
    tampered[raw.index(b'"n":') + 4] ^= 0x01           # a changed parameter in the header is caught too
    with pytest.raises(ExchangeError):
        verify_bytes(bytes(tampered), "春の小川 2025")


@pytest.mark.slow
def test_cli_export_and_verify(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse\n", encoding="utf-8")
    result = run_cli("export", "--db", str(office), "--fiscal-year", "令和7年度", "--out", str(tmp_path),
                     "--passphrase-file", str(passphrase))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "R07_990001_デモ町_連携.zip.enc"
    assert str(written) in result.stdout and "検証しました" in result.stdout
    ok = run_cli("verify", str(written), "--passphrase-file", str(passphrase))
    assert ok.returncode == 0 and "完全です" in ok.stdout and "デモ町" in ok.stdout
    passphrase.write_text("wrong horse\n", encoding="utf-8")
    wrong = run_cli("verify", str(written), "--passphrase-file", str(passphrase))
    assert wrong.returncode == 1 and "パスフレーズが違います" in wrong.stderr and "Traceback" not in wrong.stderr
    bad_year = run_cli("export", "--db", str(office), "--fiscal-year", "来年", "--out", str(tmp_path))
    assert bad_year.returncode == 1 and "年度" in bad_year.stderr


def test_export_is_audited_and_later_files_vouch_for_earlier_heads(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    first = export(office, tmp_path / "a").verified
    second = export(office, tmp_path / "b").verified
    # The first export's own entry, and its line in the carry-out register (持出記録).
    assert second.audit_entries == first.audit_entries + 2
    assert [(p.entries, p.hash) for p in second.earlier_heads] == [(first.audit_entries, first.audit_head)]
    assert verify_path(tmp_path / "b" / "R07_990001_デモ町_連携.zip").audit_head == second.audit_head


def test_spreadsheet_cells_never_run_as_formulas() -> None:
    from desktop.exchange.people_csv import HEADINGS, people_csv
    from desktop.exports.exchange_xlsx import add_table

    evil = ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]
    row: list[str | int] = ["A県デモ町第1号", *evil[:3], "", "", "2025-04-01", "2026-03-31", -5]
    text = people_csv([row], "utf-8-sig").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1+1" in text and "'-2" in text and text.rstrip().endswith("-5")
    book = openpyxl.Workbook()
    add_table(book.active, HEADINGS, [[*evil, 1000]])
    cells = [c.value for c in book.active[2]]
    assert all(str(v).startswith("'") for v in cells[:6]) and cells[6] == 1000
