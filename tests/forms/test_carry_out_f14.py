"""F14 持出記録簿 rendered from a real office and parsed back: period and dates in 和暦, the
office, the full SHA-256, names as typed, page numbers on every page."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from desktop.domain.carry_out import CarryOut, Medium, OutputKind
from desktop.domain.problems import ValidationError
from desktop.domain.town import TownProfile
from desktop.forms.carry_out_f14 import CarryOutFormData, CarryOutFormLine, render_f14
from desktop.printing.catalog import FormRequest
from desktop.printing.render import render_request
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from desktop.store.services.carry_out import record_carry_out

SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_f14_prints_the_period_from_the_office(office: Office) -> None:
    with office.transaction() as session:
        build_demo_office(session)
        session.info["renkei_acting_user"] = "髙﨑 𠮷子"
        record_carry_out(session, carry_out=CarryOut(OutputKind.EXCHANGE, "exchange", "交換ファイル（令和7年度）",
                                                     Medium.USB, 4, file_name="R07_990001_デモ町_連携.zip",
                                                     sha256=SHA, encrypted=True, fiscal_year=2025))
        record_carry_out(session, carry_out=CarryOut(OutputKind.FORM, "F2", "F2 派遣職員受入名簿（令和7年度）",
                                                     Medium.PAPER, 3))
    today = date.today()
    with office.reader() as session:
        pdf = render_request(session, FormRequest("F14", period_start=date(today.year, 1, 1), period_end=today))
        earlier = render_request(session, FormRequest("F14", period_start=date(2020, 4, 1),
                                                      period_end=date(2020, 4, 30)))
    (text,) = _text(pdf)
    assert "持出記録簿" in text and "デモ町" in text and "令和" in text
    assert "髙﨑 𠮷子" in text            # as typed, 𠮷 copied back out of the PDF
    assert SHA[:32] in text and SHA[32:] in text  # the whole digest, in two lines
    assert "USBメモリ" in text and "紙" in text and "有" in text and "1/1" in text
    assert "計 2件" in text
    assert "この期間に個人情報の持出しの記録はありません" in _text(earlier)[0]


def test_f14_needs_a_whole_period() -> None:
    with pytest.raises(ValidationError, match="期間"):
        render_request(None, FormRequest("F14", period_start=date(2026, 4, 1)))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="終了日が開始日より前"):
        render_request(None, FormRequest("F14", period_start=date(2026, 4, 2),  # type: ignore[arg-type]
                                         period_end=date(2026, 4, 1)))


def test_the_widest_date_and_digest_stay_on_their_lines() -> None:
    widest = "d" * 32 + "0" * 32
    line = CarryOutFormLine(datetime(2028, 12, 31, 23, 59, 59), "髙﨑", "F2", "", "USBメモリ", False, 1, widest)
    (text,) = _text(render_f14(CarryOutFormData(TownProfile(name="x"), date(2028, 1, 1), date(2028, 12, 31),
                                                date(2029, 1, 1), (line,))))
    assert "令和10年12月31日\n23:59:59" in text and widest[:32] in text and widest[32:] in text
    assert "USBメモリ" in text


def test_a_long_register_continues_with_the_header_and_page_numbers() -> None:
    lines = tuple(CarryOutFormLine(datetime(2026, 5, 1 + i % 28, 9, 30), "髙﨑", f"F2 派遣職員受入名簿 {i}",
                                   f"file{i}.pdf", "USBメモリ", False, 2, SHA) for i in range(80))
    pdf = render_f14(CarryOutFormData(TownProfile(name="𠮷野町"), date(2026, 4, 1), date(2027, 3, 31),
                                      date(2027, 4, 1), lines))
    pages = _text(pdf)
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert f"{number}/{len(pages)}" in text and "SHA-256" in text and "帳票・ファイル" in text
    assert "令和8年4月1日〜令和9年3月31日" in pages[0] and "𠮷野町" in pages[0]
    assert all(f"F2 派遣職員受入名簿 {i}" in "".join(pages) for i in range(80))
