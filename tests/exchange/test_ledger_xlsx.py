from __future__ import annotations

import io
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop.domain.contribution import LedgerTotals
from desktop.domain.fiscal_year import FiscalYear
from desktop.exports.cells import safe_text
from desktop.exports.ledger_xlsx import YEN_FORMAT, ledger_workbook


def test_workbook_has_yen_numbers_frozen_header_and_totals() -> None:
    rows = [("A県デモ町第1号", "健康福祉課／保健師", "髙﨑 美咲", "たかさき みさき", LedgerTotals(5_600_000, 5_600_000, 5_000_000, 1), 1, 600_000),
            ("=HYPERLINK(\"x\")", "+cmd", "@SUM(A1)", "-1", LedgerTotals(1, 2, 3, 0), 0, 0)]
    data = ledger_workbook(FiscalYear(2025), "デモ町", rows, created=datetime(2026, 1, 1))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.freeze_panes == "A2"
    assert sheet.title == "令和7年度"
    assert [c.value for c in sheet[1]][:5] == ["協約番号", "派遣先ポスト", "氏名", "ふりがな", "予算額"]
    assert sheet["E2"].value == 5_600_000 and isinstance(sheet["E2"].value, int)
    assert sheet["E2"].number_format == YEN_FORMAT
    assert sheet["J2"].value == 600_000  # 未払残
    assert sheet["A3"].value == "'=HYPERLINK(\"x\")" and sheet["B3"].value == "'+cmd"
    assert sheet["C3"].value == "'@SUM(A1)" and sheet["D3"].value == "'-1"
    assert sheet["A4"].value == "合計" and sheet["E4"].value == 5_600_001 and sheet["M4"].value == 600_000
    assert sheet["A2"].fill.fgColor.rgb.endswith("FDE0E0")


@given(st.text(max_size=20))
def test_safe_text_never_starts_a_formula(text: str) -> None:
    cleaned = safe_text(text)
    assert not cleaned.startswith(("=", "+", "-", "@"))
    assert cleaned.endswith(text)
