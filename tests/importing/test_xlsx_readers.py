"""The fast reader (python-calamine) and the fallback (openpyxl, row by row) read an xlsx file
to the same table; which one reads a file depends on the scan's bound on calamine's memory."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.importing import xlsx_reading
from desktop.importing.xlsx_reading import _read_with_openpyxl, _scan_members, read_xlsx_file


def _workbook(path: Path, fill) -> bytes:  # type: ignore[no-untyped-def]
    book = Workbook()
    fill(book.active)
    book.create_sheet("二枚目")["A1"] = "読まない"
    book.save(path)
    return path.read_bytes()


def _offset_sheet(sheet) -> None:  # type: ignore[no-untyped-def]
    """Data from column C, a blank row in the middle, numbers, dates and 𠮷/髙﨑 as typed."""
    sheet["C1"], sheet["D1"], sheet["E1"] = "氏名", "金額", "日付"
    sheet["C2"], sheet["D2"], sheet["E2"] = "髙﨑 𠮷太郎", 1234567, date(2025, 4, 1)
    sheet["C4"], sheet["D4"], sheet["E4"] = "佐藤", 12.5, datetime(2025, 4, 1, 10, 30)
    sheet["F5"] = True


def _is_dense(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _scan_members(archive, archive.infolist())


def test_both_readers_make_the_same_table(tmp_path: Path) -> None:
    data = _workbook(tmp_path / "a.xlsx", _offset_sheet)
    assert _is_dense(data)
    fast, slow = read_xlsx_file(io.BytesIO(data)), _read_with_openpyxl(io.BytesIO(data))
    assert fast.header == slow.header
    assert list(fast.rows) == list(slow.rows)
    assert list(fast.rows[0])[2:5] == ["髙﨑 𠮷太郎", "1234567", "2025-04-01"]
    assert list(fast.rows[2])[2:5] == ["佐藤", "12.5", "2025-04-01 10:30:00"] and list(fast.rows[1]) == []


def test_a_sheet_too_large_for_one_block_is_read_row_by_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _workbook(tmp_path / "b.xlsx", _offset_sheet)
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 5 * 6 - 1)  # the sheet spans 5 rows x 6 columns
    assert not _is_dense(data)
    table = read_xlsx_file(io.BytesIO(data))
    assert table.header[2:5] == ["氏名", "金額", "日付"] and list(table.rows[0])[2] == "髙﨑 𠮷太郎"


def test_a_cell_far_away_sends_the_file_to_the_row_by_row_reader(tmp_path: Path) -> None:
    def far(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet["A1"], sheet["B1"] = "氏名", "金額"
        sheet["CV60000"] = "x"  # 60,000 rows x 100 columns as one block: 6,000,000 cells

    assert not _is_dense(_workbook(tmp_path / "c.xlsx", far))
