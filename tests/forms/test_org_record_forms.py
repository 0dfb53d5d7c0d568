"""F8–F13 from a real demo office, read back with pypdf; F7's support columns filled from the
records; `print F8…F13 --org ID [--id RECORD]` and `due` as real subprocesses."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import ValidationError
from desktop.printing.catalog import FormRequest
from desktop.printing.render import render_request
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from desktop.store.repos.organisation_records import REPORT, list_records

EAST, CENTRE, REVOKED = 1, 2, 6


@pytest.fixture
def session(office: Office) -> Iterator[Session]:
    with office.transaction() as writer:
        build_demo_office(writer)
    with office.reader() as reader:
        yield reader


def squeeze(value: str) -> str:
    return "".join(value.split())


def text(pdf: bytes) -> str:
    return squeeze("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def render(session: Session, form_id: str, org_id: int, record_id: int | None = None) -> str:
    return text(render_request(session, FormRequest(form_id, org_id=org_id, record_id=record_id, document_number="45",
                                                    issued_on=date(2026, 11, 25))))


def assert_all(printed: str, *expected: str) -> None:
    for value in expected:
        assert squeeze(value) in printed, value


def test_f8_report_request(session: Session) -> None:
    assert_all(render(session, "F8", CENTRE), "報告徴収書", "デモ町総第45号", "中央地区自治会連合会　会長　佐々木 和夫　様",
               "地方自治法第260条の49第10項", "令和7年度の総会の開催状況", "令和8年9月30日", "デモ町長", "髙﨑 𠮷太郎")
    (report,) = [r for r in list_records(session, REPORT, org_id=EAST)]
    assert_all(render(session, "F8", EAST, report.id), "令和7年度の事業報告書", "令和8年6月30日")


def test_f9_improvement_order_with_deadline_and_appeal_notice(session: Session) -> None:
    assert_all(render(session, "F9", CENTRE), "改善命令書", "地方自治法第260条の49第11項", "総会を開催し",
               "令和8年12月25日", "デモ町指定第2号", "（教示）", "審査請求", "6か月以内")


def test_f10_revocation_with_its_ground_and_appeal_notice(session: Session) -> None:
    assert_all(render(session, "F10", REVOKED), "指定地域共同活動団体指定取消通知書", "旧中川地区振興会", "デモ町指定第4号",
               "令和8年2月27日", "第260条の49第12項", "要件を欠き、改善を期待できないことが明らか", "（教示）")


def test_f11_coordination_result(session: Session) -> None:
    assert_all(render(session, "F11", EAST), "調整結果通知書", "第260条の49第5項", "東地区消防団", "東小学校PTA",
               "必要と認めた（令和8年6月20日）", "合同会議", "役割分担について合意した")


def test_f12_lease_contract_prints_the_para_8_and_9_conditions(session: Session) -> None:
    assert_all(render(session, "F12", EAST), "行政財産貸付契約書", "東地区公民館", "2階会議室1", "45.50",
               "令和7年9月1日から", "無償とする", "第260条の49第7項", "民法（明治29年法律第89号）第604条",
               "借地借家法（平成3年法律第90号）第3条及び第4条の規定は、適用しない", "第260条の49第8項",
               "公用又は公共用に供するため必要を生じたとき", "第260条の49第9項", "甲", "乙")


def test_f13_negotiated_contract_reason(session: Session) -> None:
    assert_all(render(session, "F13", EAST), "随意契約理由書", "東地区集会所の管理業務", "480,000円",
               "令和8年4月1日から令和9年3月31日まで", "地方自治法第260条の49第6項", "デモ町契約規則第20条第1項第3号",
               "特定地域共同活動")


def test_a_missing_or_foreign_record_is_refused_by_name(session: Session) -> None:
    with pytest.raises(ValidationError, match="中央地区自治会連合会」には随意契約の記録がありません"):
        render(session, "F13", CENTRE)
    (report,) = list_records(session, REPORT, org_id=EAST)
    with pytest.raises(ValidationError, match="記録されていません"):
        render(session, "F8", CENTRE, report.id)


def test_f7_support_columns_come_from_the_records(session: Session) -> None:
    printed = text(render_request(session, FormRequest("F7", fiscal_year=FiscalYear(2025))))
    assert_all(printed, "1,200,000", "地域運営活動費補助金（防災・見守り活動）", "東地区公民館2階会議室1",
               "情報の提供:東地区の防災マップ")
    later = text(render_request(session, FormRequest("F7", fiscal_year=FiscalYear(2026))))
    assert_all(later, "1,500,000", "東地区集会所の管理業務（480,000円）", "その他の支援:会計事務の研修")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


@pytest.mark.slow
def test_print_and_due_from_the_command_line(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    out = tmp_path / "f9.pdf"
    printed = run_cli("print", "F9", "--org", str(CENTRE), "--db", str(office), "--out", str(out))
    assert printed.returncode == 0, printed.stderr
    assert "改善命令書" in PdfReader(out).pages[0].extract_text()
    by_id = run_cli("print", "F8", "--org", str(EAST), "--id", "1", "--db", str(office), "--out", str(tmp_path / "f8.pdf"))
    assert by_id.returncode == 0, by_id.stderr
    wrong = run_cli("print", "F8", "--org", str(CENTRE), "--id", "abc", "--db", str(office), "--out", str(tmp_path / "x.pdf"))
    assert wrong.returncode == 1 and "数字で指定" in wrong.stderr and not (tmp_path / "x.pdf").exists()
    due = run_cli("due", "--db", str(office), "--on", "R8.9.1", "--within", "60", "--json")
    assert due.returncode == 0, due.stderr
    listed = json.loads(due.stdout)
    assert listed["on"] == "2026-09-01" and [i["kind"] for i in listed["items"]] == ["invoice", "report"]
    assert listed["items"][0]["overdue"] is True and listed["items"][0]["days"] == -124
    plain = run_cli("due", "--db", str(office), "--on", "2026-12-01")
    assert plain.returncode == 0 and "56日超過" not in plain.stdout and "62日超過" in plain.stdout
    bad = run_cli("due", "--db", str(office), "--on", "令和8年13月1日")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and bad.stderr.strip()
