from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.forms.agreement_f1 import render_f1
from desktop.forms.kit.fonts import MissingGlyphError
from desktop.forms.kit.sheet import FormOverflowError, Sheet
from desktop.forms.roster_f2 import render_f2
from tests.forms.conftest import agreement_data, roster_data, strip_dates


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_f1_text_matches_the_agreement() -> None:
    (page,) = text_of(render_f1(agreement_data()))
    for expected in ("専門人材の確保及び派遣に関する連携協約", "A県及びデモ町は、地方自治法", "第252条の2第1項",
                     "第一条", "第五条", "派遣期間は令和6年4月から令和9年3月までとする。", "令和6年3月25日",
                     "A県知事", "デモ町長", "髙﨑", "1/1"):
        assert expected in page.replace("\n", ""), expected


def test_names_outside_jis_print_as_typed() -> None:
    (page,) = text_of(render_f1(agreement_data()))
    assert "髙﨑 𠮷太郎" in page
    pages = text_of(render_f2(roster_data(3, name="𠮷田 﨑")))
    assert "𠮷田 﨑1" in pages[0] and "𠮷田 﨑3" in pages[0]


def test_fonts_are_embedded_and_no_viewer_font_is_relied_on() -> None:
    for pdf in (render_f1(agreement_data()), render_f2(roster_data(40))):
        reader = PdfReader(io.BytesIO(pdf))
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
                assert "+" in font["/BaseFont"]  # a subset
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_same_data_gives_same_bytes_apart_from_dates() -> None:
    first, second = render_f2(roster_data(5)), render_f2(roster_data(5))
    assert strip_dates(first) == strip_dates(second)
    assert strip_dates(render_f1(agreement_data())) == strip_dates(render_f1(agreement_data()))
    assert strip_dates(render_f2(roster_data(6))) != strip_dates(first)


def test_long_roster_repeats_the_header_and_numbers_pages() -> None:
    pages = text_of(render_f2(roster_data(60)))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "氏名／ふりがな" in page and "派遣期間" in page, f"header on page {number}"
        assert f"{number}/{len(pages)}" in page
    assert "デモ町総第123号" in pages[0] and "デモ町総第123号" not in pages[1]
    everything = "".join(pages)
    assert all(f"髙﨑 美咲{i}" in everything for i in range(1, 61))
    assert "計 60名" in pages[-1]


def test_missing_character_stops_the_form() -> None:
    with pytest.raises(MissingGlyphError) as caught:
        render_f2(roster_data(2, name="\U00030000田 花子", mayor="山田 太郎"))
    assert caught.value.record == "派遣職員 \U00030000田 花子1"
    assert caught.value.field == "氏名／ふりがな"


def test_text_too_long_for_its_box_is_refused_not_cut() -> None:
    sheet = Sheet(title="t")
    sheet.box_text(sheet.left, sheet.y, 100, 30, "髙﨑" * 10, size=10)  # shrinks/wraps and fits
    with pytest.raises(FormOverflowError, match="枠に収まりません"):
        sheet.box_text(sheet.left, sheet.y, 40, 10, "連携協約" * 40, size=10, min_size=6)


def test_f3_lists_sums_and_marks_overdue(office) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop.domain.fiscal_year import FiscalYear
    from desktop.forms.contributions_f3 import render_f3
    from desktop.printing.builders.letters import contribution_form_data
    from desktop.store.demo import build_demo_office

    with office.transaction() as session:
        build_demo_office(session)
    with office.reader() as session:
        data = contribution_form_data(session, fiscal_year=FiscalYear(2025), document_number="7",
                                      issued_on=date(2026, 6, 1), today=date(2026, 11, 24))
    (page,) = text_of(render_f3(data))
    assert "令和7年度 負担金支払状況一覧" in page and "デモ町総第7号" in page
    assert "渡邊 健一" in page and "※延滞 1件 600,000円" in page
    assert "10,900,630" in page and "10,300,630" in page


def test_f4_lists_lines_total_and_exclusions(office) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop.domain.fiscal_year import FiscalYear
    from desktop.forms.claim_f4 import render_f4
    from desktop.printing.builders.letters import claim_form_data
    from desktop.store.demo import build_demo_office
    from desktop.store.services.claims import submit_claim

    with office.transaction() as session:
        build_demo_office(session)
        submit_claim(session, fiscal_year=FiscalYear(2025), submitted_on=date(2026, 6, 1))
    with office.reader() as session:
        data = claim_form_data(session, fiscal_year=FiscalYear(2025), document_number="125")
    (page,) = text_of(render_f4(data))
    flat = page.replace("\n", "")
    for expected in ("令和7年度 特別交付税算定資料", "990001", "町村", "令和6年8月23日", "× 0.5",
                     "2,800,000", "1,450,315", "4,250,315", "二年目以降", "自治法派遣以外",
                     "このポストの派遣初年度は令和6年度です", "デモ町総第125号", "令和8年6月1日", "デモ町長"):
        assert expected in flat, expected
    assert "作成中の資料" not in flat


def test_f4_footer_names_the_newest_audit_entry(office) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.forms.claim_f4 import render_f4
    from desktop.printing.builders.letters import claim_form_data
    from desktop.store.demo import build_demo_office

    with office.transaction() as session:
        build_demo_office(session)
    with office.reader() as session:
        data = claim_form_data(session, fiscal_year=FiscalYear(2025))
        number, digest = session.connection().exec_driver_sql(
            "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").one()
    (page,) = text_of(render_f4(data))
    assert f"監査記録 No.{number} ({digest[:8]}…)" in page
