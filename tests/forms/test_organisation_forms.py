"""F5, F6 and F7 from a real demo office, read back with pypdf; the CLI's orgs and print verbs."""

from __future__ import annotations

import io
import json
import os
import re
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
from desktop.printing.catalog import FORMS, FormRequest
from desktop.printing.render import render_request, resolve
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from tests.forms.conftest import strip_dates

EAST, CENTRE, WEST, NORTH, SOUTH = 1, 2, 3, 4, 5


@pytest.fixture
def session(office: Office) -> Iterator[Session]:
    with office.transaction() as writer:
        build_demo_office(writer)
    with office.reader() as reader:
        yield reader


def text(pdf: bytes) -> str:
    """The PDF's text without line breaks and spaces, since cells wrap where the width says."""
    return squeeze("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def squeeze(value: str) -> str:
    return "".join(value.split())


def test_every_registry_entry_resolves() -> None:
    for spec in FORMS.values():
        assert callable(resolve(spec.builder)) and callable(resolve(spec.renderer)), spec.form_id


def test_f5_prefilled_for_the_counter(session: Session) -> None:
    printed = text(render_request(session, FormRequest("F5", org_id=WEST)))
    for expected in ("指定地域共同活動団体指定申請書", "西学区自治会連合会", "渡邉 美智子", "デモ町長", "令和8年10月20日",
                     "地方自治法第260条の49第2項", "デモ町指定地域共同活動団体の指定等に関する条例（令和7年デモ町条例第11号）",
                     "■交流促進", "□生活支援", "主たる事務所の所在地第3条", "解散第10条", "□誓約書", "■定款・規約"):
        assert squeeze(expected) in printed, expected


def test_f5_blank_leaves_everything_to_fill_in(session: Session) -> None:
    printed = text(render_request(session, FormRequest("F5")))
    assert "指定地域共同活動団体指定申請書" in printed and "令和年月日" in printed
    # The only ■ are in the instructions "(該当するものに■)"; every box is empty.
    assert re.findall("■(?!）)", printed) == [] and "□生活支援" in printed and "西学区" not in printed


def test_f6_designation_prints_number_dates_activities_and_names_outside_jis(session: Session) -> None:
    pdf = render_request(session, FormRequest("F6", org_id=EAST, document_number="45"))
    printed = text(pdf)
    for expected in ("指定地域共同活動団体指定通知書", "デモ町総第45号", "東小学校区まちづくり協議会 会長 髙﨑 𠮷男 様",
                     "デモ町指定第1号", "令和7年8月1日", "令和7年8月5日", "生活支援、交流促進、防災・防犯、子ども・子育て支援",
                     "毎年度、活動状況を報告すること。", "デモ町長 髙﨑 𠮷太郎", "令和7年7月1日付けで申請"):
        assert squeeze(expected) in printed, expected
    assert "（教示）" in printed  # conditions were attached
    assert strip_dates(pdf) == strip_dates(render_request(session, FormRequest("F6", org_id=EAST, document_number="45")))


def test_f6_refusal_prints_the_reasons_and_the_appeal_notice(session: Session) -> None:
    printed = text(render_request(session, FormRequest("F6", org_id=NORTH)))
    for expected in ("指定地域共同活動団体不指定通知書", "指定しないこととした", "規約に構成員の資格の定めがなく",
                     "（教示）", "3か月以内に、デモ町長に対して審査請求", "6か月以内に、デモ町を被告として"):
        assert squeeze(expected) in printed, expected
    assert "指定番号" not in printed


def test_f6_needs_a_decision(session: Session) -> None:
    with pytest.raises(ValidationError, match="決定がありません（現在: 申請中）"):
        render_request(session, FormRequest("F6", org_id=WEST))
    with pytest.raises(ValidationError, match="団体を指定してください"):
        render_request(session, FormRequest("F6"))


def test_f7_lists_the_organisations_designated_in_the_year(session: Session) -> None:
    printed = text(render_request(session, FormRequest("F7", fiscal_year=FiscalYear(2025),
                                                       issued_on=date(2026, 6, 1))))
    assert squeeze("令和7年度 指定地域共同活動団体の活動及び支援の状況") in printed and "第260条の49第4項" in printed
    for expected in ("デモ町指定第1号", "東小学校区まちづくり協議会", "デモ町指定第2号", "デモ町指定第3号", "令和8年3月31日 解散",
                     "活動資金の助成（円）", "行政財産の貸付け", "随意契約による委託"):
        assert squeeze(expected) in printed, expected
    assert "北部地区" not in printed and "西学区" not in printed
    later = text(render_request(session, FormRequest("F7", fiscal_year=FiscalYear(2026))))
    assert "南山間地域振興会" not in later and "改善命令" in later
    empty = text(render_request(session, FormRequest("F7", fiscal_year=FiscalYear(2024))))
    assert "指定されていた指定地域共同活動団体はありません" in empty


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


@pytest.mark.slow
def test_orgs_and_print_from_the_command_line(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    assert run_cli("demo", "--db", str(office)).returncode == 0
    listed = run_cli("orgs", "--db", str(office), "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {r["name"]: r for r in json.loads(listed.stdout)}
    assert {r["state"] for r in rows.values()} == {"designated", "under_order", "applied", "refused", "dissolved",
                                                  "revoked"}
    assert rows["東小学校区まちづくり協議会"]["designation_number"] == "デモ町指定第1号"
    designated = run_cli("orgs", "--db", str(office), "--state", "指定")
    assert "デモ町指定第1号" in designated.stdout and "1団体" in designated.stdout
    out = tmp_path / "f6.pdf"
    printed = run_cli("print", "F6", "--org", str(rows["北部地区地域福祉推進会"]["id"]), "--db", str(office),
                      "--out", str(out))
    assert printed.returncode == 0, printed.stderr
    assert "不指定通知書" in PdfReader(out).pages[0].extract_text()
    f7 = run_cli("print", "F7", "--fiscal-year", "令和7年度", "--db", str(office), "--out", str(tmp_path / "f7.pdf"))
    assert f7.returncode == 0, f7.stderr
    bad = run_cli("print", "F6", "--org", "99", "--db", str(office), "--out", str(tmp_path / "x.pdf"))
    assert bad.returncode == 1 and "99" in bad.stderr and not (tmp_path / "x.pdf").exists()
    not_a_number = run_cli("print", "F6", "--org", "東", "--db", str(office), "--out", str(tmp_path / "x.pdf"))
    assert not_a_number.returncode == 1 and "数字で指定" in not_a_number.stderr
    wrong_state = run_cli("orgs", "--db", str(office), "--state", "nonsense")
    assert wrong_state.returncode == 1 and "nonsense" in wrong_state.stderr
