"""A first sheet too large or too sparse for calamine's one block is read in pieces of whole rows,
to the same table as openpyxl reads, in calamine's time and within the memory cap."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop.importing import xlsx_parts, xlsx_pieces, xlsx_reading
from desktop.importing.tabular import MAX_ROWS, TableReadError
from desktop.importing.templates import ROSTER_COLUMNS, template_xlsx
from desktop.importing.xlsx_reading import _read_with_openpyxl, read_xlsx_file
from tests.importing.test_streaming import (
    PEAK_MB,
    REFUSAL_CPU_SECONDS,
    measure,
    with_shared_strings,
)
from tests.importing.test_xlsx_readers import read_by_both, with_first_sheet


def _book(fill, *, chart_first: bool = False) -> bytes:  # type: ignore[no-untyped-def]
    book = Workbook()
    if chart_first:  # the first *worksheet* is the one read (openpyxl cannot read this back)
        book.create_chartsheet("グラフ", 0)
    fill(book.worksheets[0])
    book.create_sheet("二枚目")["A1"] = "読まない"
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _ledger(sheet) -> None:  # type: ignore[no-untyped-def]
    sheet["B1"], sheet["C1"], sheet["D1"] = "氏名", "金額", "日付"
    for row in range(2, 60):
        if row % 7 == 0:
            continue  # blank rows in the middle keep their numbers
        sheet.cell(row, 2, f"髙﨑 𠮷{row}")
        sheet.cell(row, 3, row * 1000)
        sheet.cell(row, 4, date(2025, 4, 1 + row % 28))
    sheet["F30"] = "備考は長い行だけ"


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of a few cells, and a block too small for the whole sheet: every path is taken."""
    monkeypatch.setattr(xlsx_pieces, "PIECE_CELLS", 7)
    monkeypatch.setattr(xlsx_reading, "_CHUNK", 97)  # many blocks: pieces are cut between them too
    monkeypatch.setattr(xlsx_pieces, "MAX_DENSE_CELLS", 40)
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 40)


def _pieces_read(data: bytes) -> list[list[str]]:
    """Rows through the pieces, checking that they were taken, each as its cells up to the last
    one with a value (a compacted piece's rows come packed)."""
    columns: list[int] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        member = xlsx_parts.first_worksheet(archive)
        assert member is not None
        rows = [row.split("\x1f") if isinstance(row, str) else row
                for row in xlsx_pieces.sheet_rows_in_pieces(archive, member, b"", {member}, columns=columns)]
    if columns:  # columns no cell is in were left out: each cell back in its sheet column
        rows = [_in_sheet_columns(row, columns) for row in rows]
    for row in rows:
        while row and not row[-1]:
            row.pop()
    return rows


def _in_sheet_columns(row: list[str], columns: list[int]) -> list[str]:
    spread = [""] * (columns[len(row) - 1] if row else 0)
    for cell, column in zip(row, columns, strict=False):
        spread[column - 1] = cell
    return spread


def test_pieces_read_what_openpyxl_reads(small_pieces: None) -> None:
    data = _book(_ledger)
    table, slow = read_xlsx_file(io.BytesIO(data)), _read_with_openpyxl(io.BytesIO(data))
    assert table.header == slow.header == ["", "氏名", "金額", "日付"]
    assert list(table.rows) == list(slow.rows)
    assert list(table.rows[0]) == ["", "髙﨑 𠮷2", "2000", "2025-04-03"] and list(table.rows[5]) == []
    assert len(_pieces_read(data)) == 59  # the rows from A1 to the last value, blank ones included
    after_a_chart = _book(_ledger, chart_first=True)
    assert list(read_xlsx_file(io.BytesIO(after_a_chart)).rows) == list(table.rows)


def test_the_pieces_are_sheets_of_one_workbook_whose_shared_strings_are_parsed_once(small_pieces: None) -> None:
    """Every piece is a sheet of one temporary workbook: calamine parses the shared strings once
    (600,000 took 0.11 s a piece), and the pieces come in order, to the table openpyxl reads."""
    from python_calamine import CalamineWorkbook

    opened: list[str] = []
    real = CalamineWorkbook.from_path

    def from_path(path: str) -> object:
        opened.append(path)
        return real(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CalamineWorkbook, "from_path", from_path)
        rows = _pieces_read(_book(_ledger))
    assert len(opened) == 1 and len(rows) == 59
    with zipfile.ZipFile(io.BytesIO(_book(_ledger))) as archive:
        scan = xlsx_reading._scan_members(archive, archive.infolist())["xl/worksheets/sheet1.xml"]
        assert len(list(xlsx_pieces._pieces(archive, "xl/worksheets/sheet1.xml", b"", scan.blocks))) > 10


def test_a_sheet_of_many_cells_naming_shared_strings_is_read_in_pieces_though_one_block_would_hold_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each cell of calamine's block holds a copy of the shared string it names: past
    MAX_CELLS_AT_ONCE such a sheet is read a piece at a time, to the same table; a sheet of inline
    texts (bounded by its XML) is still read at once."""
    monkeypatch.setattr(xlsx_pieces, "PIECE_CELLS", 7)
    monkeypatch.setattr(xlsx_reading, "MAX_CELLS_AT_ONCE", 20)
    calls: list[int] = []
    real = xlsx_pieces.sheet_rows_in_pieces

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsx_pieces, "sheet_rows_in_pieces", counted)
    def sheet(text: Callable[[int], str]) -> str:
        return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(
            f'<row r="{n}">{text(n)}<c r="B{n}"><v>{n}</v></c><c r="D{n}" t="s"><v>{n % 3}</v></c></row>'
            for n in range(1, 30)) + "</sheetData></worksheet>")

    path = tmp_path / "shared.xlsx"
    with_shared_strings(path, 0, texts=[f"髙﨑 𠮷{n}" for n in range(30)],
                         sheet=sheet(lambda n: f'<c r="A{n}" t="s"><v>{n}</v></c>'))
    fast, slow = read_by_both(path.read_bytes())
    assert fast == slow and len(calls) == 1
    assert list(read_xlsx_file(io.BytesIO(path.read_bytes())).rows[0]) == ["髙﨑 𠮷2", "2", "", "髙﨑 𠮷2"] and len(calls) == 2
    inline = with_first_sheet(sheet(lambda n: f'<c r="A{n}" t="inlineStr"><is><t>名{n}</t></is></c>').replace(' t="s"', ""))
    assert len(read_xlsx_file(io.BytesIO(inline)).rows) == 28 and len(calls) == 2  # no shared strings: at once


def test_dates_counted_from_1904_stay_the_same_dates_in_pieces(small_pieces: None) -> None:
    """The pieces' workbook is written anew: it keeps the workbook's date system."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active["A1"], book.active["B1"] = "番号", "日付"
    for row in range(2, 40):
        book.active.cell(row, 1, row)
        book.active.cell(row, 2, date(2025, 4, 1 + row % 28))
    data = io.BytesIO()
    book.save(data)
    fast, slow = read_by_both(data.getvalue())
    assert fast == slow
    assert list(read_xlsx_file(io.BytesIO(data.getvalue())).rows[0]) == ["2", "2025-04-03"]


def test_a_workbook_in_a_folder_of_its_own_name_reads_in_pieces_as_at_once(small_pieces: None) -> None:
    """calamine takes the shared strings, the styles and workbook.xml from the folder of the
    package's workbook part, whatever its name and case: the pieces' workbook is put there."""
    base = zipfile.ZipFile(io.BytesIO(_book(_ledger)))
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            content = base.read(info).replace(b"/xl/", b"/Book/").replace(b'"xl/workbook.xml"', b'"/Book/workbook.xml"')
            name = info.filename.replace("xl/", "Book/")
            out.writestr(name.upper() if name == "_rels/.rels" else name, content)
    with zipfile.ZipFile(data) as archive:
        assert xlsx_parts.workbook_folder(archive) == "Book/"
    pieces = list(read_xlsx_file(io.BytesIO(data.getvalue())).rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 1_250_000)
        assert list(read_xlsx_file(io.BytesIO(data.getvalue())).rows) == pieces
    assert list(pieces[0]) == ["", "髙﨑 𠮷2", "2000", "2025-04-03"]


@pytest.mark.parametrize(("targets", "folder"), [
    (["xl/workbook.xml"], "xl/"),
    (["/xl/workbook.xml"], "xl/"),
    (["workbook.xml"], ""),
    (["a/workbook.xml", "b/c/workbook.xml"], "b/c/"),  # the last one, as calamine takes it
    ([], "xl/"),
])
def test_the_workbook_folder_is_the_one_calamine_takes(targets: list[str], folder: str) -> None:
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    relationships = "".join(f'<Relationship Id="r{n}" Type="{kind}" Target="{target}"/>' for n, target in enumerate(targets))
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as out:
        out.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f"{relationships}</Relationships>")
    with zipfile.ZipFile(data) as archive:
        assert xlsx_parts.workbook_folder(archive) == folder


def test_a_value_far_to_the_right_is_dropped_not_held(small_pieces: None) -> None:
    """A stray value at column XFD would make calamine's block 16,384 columns wide: the cells past
    the widest import are dropped before calamine sees them (one column more is kept, so that too
    many columns are still refused)."""
    def stray(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet["A1"], sheet["B1"] = "氏名", "金額"
        sheet["A2"], sheet["B2"] = "佐藤", 1
        sheet["XFD3"] = "遠い"
        sheet["CW4"] = "101列目"

    data = _book(stray)
    with pytest.raises(TableReadError, match="列が多すぎます"):  # the 101st column is still seen
        read_xlsx_file(io.BytesIO(data))
    rows = _pieces_read(data)
    assert [row for row in rows if any(row)] == [["氏名", "金額"], ["佐藤", "1"], [""] * 100 + ["101列目"]]
    kept = b"".join(part for part, _span in xlsx_pieces._fitting(
        b'<row r="3"><c r="XFD3"><v>1</v></c></row><row r="4"><c r="CW4"><v>1</v></c></row>', b""))
    assert b"XFD3" not in kept and b"CW4" in kept


def test_rows_out_of_order_are_refused_not_misnumbered(small_pieces: None) -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>1</v></c></row>' for n in (1, 40, 41, 2, 3))
    data = with_first_sheet(f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f'<sheetData>{rows}</sheetData></worksheet>')
    with pytest.raises(TableReadError, match="行の順"):
        read_xlsx_file(io.BytesIO(data))


def _large_sheet(path: Path, columns: list[int], far: int = 0, far_row: int = 0) -> Path:
    """100,000 rows (and the header) with a value in each of `columns`, and one in column `far` on
    row `far_row`, written as openpyxl writes text (inline strings: the largest XML)."""
    def cells(row: int) -> str:
        wanted = columns + ([far] if row == far_row else [])
        return "".join(f'<c r="{xlsx_reading._column_letters(c)}{row}" t="inlineStr"><is><t>値{row}-{c}</t></is></c>'
                       for c in wanted)

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        base = zipfile.ZipFile(io.BytesIO(template_xlsx(ROSTER_COLUMNS)))
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, base.read(info))
        with out.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for start in range(1, MAX_ROWS + 2, 5_000):
                sheet.write("".join(f'<row r="{n}">{cells(n)}</row>'
                                    for n in range(start, min(start + 5_000, MAX_ROWS + 2))).encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


@pytest.mark.slow
def test_a_sheet_of_more_cells_than_the_cap_is_refused_during_the_scan(tmp_path: Path) -> None:
    """100,000 rows of 14 columns (1,400,000 cells): refused before any reader parses it, with the
    ways out, in a fraction of the 2 s and of the memory cap."""
    outcome = measure(_large_sheet(tmp_path / "wide.xlsx", list(range(1, 15))))
    assert "セルが多すぎます（1,250,000個まで）" in str(outcome.get("refused")), outcome
    assert float(outcome["peak_mb"]) < PEAK_MB / 2  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS / 2  # type: ignore[arg-type]


@pytest.mark.slow
def test_a_full_sheet_with_values_far_to_the_right_is_read_in_pieces_in_time_and_memory(tmp_path: Path) -> None:
    """100,000 rows of ten columns and a note in column CV half-way down: 10,000,000 places from A1
    to the last cell, so calamine reads it in pieces, within the time and memory caps."""
    outcome = measure(_large_sheet(tmp_path / "far.xlsx", list(range(1, 11)), far=100, far_row=50_000))
    assert outcome.get("rows") == MAX_ROWS, outcome
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.tuples(st.integers(2, 60), st.one_of(st.integers(1, 9), st.sampled_from([27, 40, 100]))),
                       st.one_of(st.text(alphabet="髙﨑𠮷ab ", min_size=1, max_size=4), st.integers(0, 10**6)),
                       max_size=40))
def test_any_layout_reads_in_pieces_as_openpyxl_reads_it(small_pieces: None, cells: dict[tuple[int, int], object]) -> None:
    """Rows far apart, short and long rows, values in any column (far ones too, so that pieces
    are read without their empty columns): every piece boundary and every gap between pieces
    keeps the rows and columns where openpyxl puts them."""
    def fill(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet["A1"] = "見出し"
        for (row, column), value in cells.items():
            sheet.cell(row, column, value)

    data = _book(fill)
    fast, slow = read_by_both(data)
    assert fast == slow
    # The scan's bounds, trusted instead of searching each piece again, hold every piece's block.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        member = xlsx_parts.first_worksheet(archive)
        assert member is not None
        scan = xlsx_reading._scan_members(archive, archive.infolist())[member]
        assert scan.ordered  # openpyxl writes rows in order
        for _root, blocks, bounded in xlsx_pieces._pieces(archive, member, b"", scan.blocks):
            assert bounded is not None and bounded[0] * bounded[1] >= xlsx_pieces._span(b"".join(blocks), b"")


def test_the_bounds_hold_every_piece_when_rows_go_back_within_a_block(small_pieces: None) -> None:
    """Rows a little out of order (row 5 before row 4, as a hand-made file may have them): the
    scan calls blocks in order only while no cell goes back past an earlier block, and each
    piece's bound must then still hold its rows, wherever blocks end and pieces begin."""
    numbers = [n for start in range(2, 42, 5) for n in (start, start + 1, start + 3, start + 2, start + 4)]
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in numbers)
    data = with_first_sheet('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                            f'<row r="1"><c r="A1" t="inlineStr"><is><t>番号</t></is></c></row>{rows}</sheetData></worksheet>')
    member, in_order = "xl/worksheets/sheet1.xml", 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for chunk, piece_cells in itertools.product(range(60, 400, 7), range(1, 12)):
            xlsx_reading._CHUNK, xlsx_pieces.PIECE_CELLS = chunk, piece_cells  # put back by the fixture's monkeypatch
            scan = xlsx_reading._scan_members(archive, archive.infolist())[member]
            if scan.ordered:
                in_order += 1
                for _root, blocks, bounded in xlsx_pieces._pieces(archive, member, b"", scan.blocks):
                    assert bounded is not None, (chunk, piece_cells)
                    assert bounded[0] * bounded[1] >= xlsx_pieces._span(b"".join(blocks), b""), (chunk, piece_cells)
    assert in_order > 50  # blocks that hold a row going back, and still come in order


@pytest.mark.parametrize(("places", "span"), [
    (["A50", "B50", "A60", "B60"], 11 * 2),  # in order: from the first and last cells alone
    (["A50", "A2", "B60"], None),  # a cell above the first one
    (["A50", "A70", "B60"], None),  # a cell below the last one
    (["A50", "D55", "B60"], None),  # a row longer than the last one
])
def test_the_quick_span_trusts_the_first_and_last_cells_only_when_no_cell_lies_outside(
        places: list[str], span: int | None) -> None:
    piece = "".join(f'<row r="{place[1:]}"><c r="{place}"><v>1</v></c></row>' for place in places).encode()
    assert xlsx_pieces._quick_span(piece, b"") == span
    exact = xlsx_pieces._span(piece, b"")
    assert span is None or span == exact


def test_an_entity_bomb_in_the_workbook_part_is_refused_with_words(small_pieces: None) -> None:
    """The pieces find the first sheet in workbook.xml themselves (expat refuses entity
    amplification): a clear refusal, no traceback and no memory spent."""
    laughs = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "ha"}">' for n in range(9))
    base = zipfile.ZipFile(io.BytesIO(_book(_ledger)))
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            content = base.read(info)
            if info.filename == "xl/workbook.xml":
                content = content.replace(b"<workbook", f"<!DOCTYPE workbook [{laughs}]><workbook".encode(), 1)
                content = content.replace(b"</workbook>", b"<x>&e8;</x></workbook>")
            out.writestr(info.filename, content)
    with pytest.raises(TableReadError, match=r"Excelファイル.*amplification"):
        read_xlsx_file(io.BytesIO(data.getvalue()))


def test_the_temporary_workbook_is_gone_after_the_pieces_even_when_the_reading_stops_early(
        small_pieces: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each piece goes to calamine through a temporary file: it holds the clerk's data, so it is
    removed at the end of the reading, and also when a refusal stops the reading half-way."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    data = _book(_ledger)
    assert len(_pieces_read(data)) == 59
    assert list(tmp_path.iterdir()) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rows = xlsx_pieces.sheet_rows_in_pieces(archive, "xl/worksheets/sheet1.xml", b"", {"xl/worksheets/sheet1.xml"})
        assert next(rows) and next(rows)
        assert [path.name.startswith("renkei-import-") for path in tmp_path.iterdir()] == [True]
        del rows  # what build_table does with the rows when it refuses the file
    assert list(tmp_path.iterdir()) == []


def test_no_room_for_the_temporary_workbook_is_a_clear_refusal(
        small_pieces: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    data = _book(_ledger)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    with pytest.raises(TableReadError, match=r"一時ファイルを書けません.*ディスクの空き"):
        read_xlsx_file(io.BytesIO(data))


def test_a_full_disk_while_the_temporary_workbook_is_written_refuses_and_leaves_nothing(tmp_path: Path) -> None:
    """A real write limit (RLIMIT_FSIZE, in a process of its own): the refusal says why, and the
    temporary folder is gone."""
    book = tmp_path / "ledger.xlsx"
    book.write_bytes(_book(_ledger))
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    script = """
import resource, sys, tempfile
from pathlib import Path
from desktop.importing import xlsx_parts, xlsx_pieces, xlsx_reading
from desktop.importing.tabular import TableReadError
xlsx_pieces.PIECE_CELLS, xlsx_pieces.MAX_DENSE_CELLS, xlsx_reading.MAX_DENSE_CELLS = 7, 40, 40
tempfile.tempdir = sys.argv[2]
data = Path(sys.argv[1]).read_bytes()
resource.setrlimit(resource.RLIMIT_FSIZE, (2_000, 2_000))
try:
    xlsx_reading.read_xlsx_file(__import__("io").BytesIO(data))
except TableReadError as error:
    print(error)
"""
    done = subprocess.run([sys.executable, "-c", script, str(book), str(temporary)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert "一時ファイルを書けません" in done.stdout, done.stdout + done.stderr
    assert list(temporary.iterdir()) == []


def _noted(sheet) -> None:  # type: ignore[no-untyped-def]
    """Ten columns and a note in column CV, as a clerk's ledger with a note column far out."""
    for column in range(1, 11):
        sheet.cell(1, column, f"列{column}")
    sheet["CV1"] = "備考"
    for row in range(2, 40):
        for column in range(1, 11, 3):
            sheet.cell(row, column, f"髙﨑{row}-{column}" if column != 7 else row * 1000)
        if row % 3:
            sheet.cell(row, 100, f" 𠮷{row} ")


def test_a_sparse_sheet_is_read_without_its_empty_columns_to_the_same_table(small_pieces: None) -> None:
    """Most of the columns from A to CV are empty: each piece is read without them (a cell moved
    left, then put back in its column), to the very table openpyxl reads."""
    data = _book(_noted)
    fast, slow = read_by_both(data)
    assert fast == slow
    table = read_xlsx_file(io.BytesIO(data))  # without the columns K to CU, which no cell is in
    assert table.header[10] == "備考" and table.rows[0][10] == "𠮷2" and len(table.rows[1]) == 10
    assert _pieces_read(data)[1][99] == "𠮷2"  # in column CV of the sheet
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    blocks = [sheet[sheet.index(b'<row r="5"'):sheet.index(b'<row r="9"')]]
    kept = list(blocks)
    assert xlsx_pieces._compact(kept, b"", room=4 * 3 + 2) == (100, None, 0) and kept == blocks  # too many to move
    assert xlsx_pieces._compact(blocks, b"", room=4 * 3 + 3) == (5, [1, 4, 7, 10, 100], 4 * 3 + 3)
    assert b'<c r="B5"' in blocks[0] and b'<c r="E5"' in blocks[0] and b'<c r="J5"' not in blocks[0]
    assert blocks[0].count(b'<c r="A') == 4  # column A stays where it is, in rows 5 to 8


def test_a_table_without_the_empty_columns_still_names_the_sheet_columns(small_pieces: None) -> None:
    """Rows that leave out columns no cell is in still say which column of the sheet a control
    character is in, and a cell in column CW is still one column too many."""
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>1</v></c>'
                   f'<c r="CV{n}" t="inlineStr"><is><t>{"_x0007_" if n == 30 else "備考"}</t></is></c></row>'
                   for n in range(2, 40))
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             f'<row r="1"><c r="A1" t="inlineStr"><is><t>番号</t></is></c></row>{rows}</sheetData></worksheet>')
    table = read_xlsx_file(io.BytesIO(with_first_sheet(sheet)))
    assert table.header == ["番号"] and list(table.rows[0]) == ["2", "1", "備考"]
    assert [(problem.row, problem.column) for problem in table.problems] == [(30, "100列目")]
    too_wide = with_first_sheet(sheet.replace('<c r="CV39"', '<c r="CW39"'))
    with pytest.raises(TableReadError, match="39行目の列が多すぎます"):
        read_xlsx_file(io.BytesIO(too_wide))


def test_compacting_keeps_the_columns_before_the_first_gap_and_drops_far_ones() -> None:
    blocks = [b'<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2"><x:v>2</x:v></x:c>'
              b'<x:c r="AB2"><x:v>3</x:v></x:c><x:c r="CV2"><x:v>4</x:v></x:c></x:row>',
              b'<x:row r="3"><x:c r="XFD3"><x:v>5</x:v></x:c><x:c r="CW3"><x:v>6</x:v></x:c></x:row>']
    assert xlsx_pieces._compact(blocks, b"x:") == (5, [1, 2, 28, 100, 101], 3)  # three columns: no call per cell
    assert blocks == [b'<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2"><x:v>2</x:v></x:c>'
                      b'<x:c r="C2"><x:v>3</x:v></x:c><x:c r="D2"><x:v>4</x:v></x:c></x:row>'
                      b'<x:row r="3"><x:c r="E3"><x:v>6</x:v></x:c></x:row>']
    # Two empty columns left out for one moved: not worth it, the piece stays as it is.
    dense = [b'<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>1</v></c></row>']
    assert xlsx_pieces._compact(dense, b"") == (4, None, 0) and b'r="D2"' in dense[0]
    # Three for one: eleven columns and a note four columns on, as a clerk's ledger may have.
    noted = [b'<row r="2">' + b"".join(b'<c r="%s2"><v>1</v></c>' % letter.encode() for letter in "ABCDEFGHIJKP") + b"</row>"]
    assert xlsx_pieces._compact(noted, b"") == (12, [*range(1, 12), 16], 1) and b'r="L2"' in noted[0]
    assert xlsx_pieces._compact([b"<row/>"], b"") == (0, None, 0)


@pytest.mark.slow
def test_a_note_far_to_the_right_on_every_row_is_read_in_time(tmp_path: Path) -> None:
    """100,000 rows of ten columns and a note in column CV on every row: 10,000,000 places, of
    which 1,100,000 hold a value, read without the empty columns within the caps."""
    outcome = measure(_large_sheet(tmp_path / "noted.xlsx", [*range(1, 11), 100]))
    assert outcome.get("rows") == MAX_ROWS, outcome
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


def _diagonal(sheet) -> None:  # type: ignore[no-untyped-def]
    """Every row's cells some columns further right than the row before: no column is empty
    within a piece, so no piece can be compacted."""
    sheet["A1"] = "見出し"
    for row in range(2, 40):
        for column in range(1 + row % 30, 4 + row % 30):
            sheet.cell(row, column, row)


def test_a_sheet_spanning_too_many_places_is_refused_before_calamine_reads_them(
        small_pieces: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Values that wander over many columns fill few of the places their pieces span: each place
    costs time even when empty (10,000,000 took 4 s), so past MAX_SHEET_PLACES the file is
    refused with the ways out, and below it read as openpyxl reads it."""
    data = _book(_diagonal)
    fast, slow = read_by_both(data)
    assert fast == slow
    monkeypatch.setattr(xlsx_pieces, "MAX_SHEET_PLACES", 200)
    with pytest.raises(TableReadError, match=r"使われている範囲が広すぎます（行×列で200マスまで）。使わない列を消すか"):
        read_xlsx_file(io.BytesIO(data))


def test_a_sheet_moves_a_bounded_number_of_cells_then_is_read_as_it_is(
        small_pieces: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each moved cell costs a call of Python: a sheet moves at most MAX_MOVED_CELLS (1,200,000
    took 0.56 s); the pieces after that are read as they are, to the same table."""
    monkeypatch.setattr(xlsx_pieces, "MAX_MOVED_CELLS", 10)
    monkeypatch.setattr(xlsx_pieces, "MAX_DENSE_CELLS", 400)  # a few rows of a hundred columns
    fast, slow = read_by_both(_book(_noted))
    assert fast == slow


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from([1, 2, 3, 4, 5, 26, 27, 28, 52, 53, 78, 99, 100, 101]), max_size=8), max_size=6))
@example([[1, 3], [1, 100], [3, 5]])  # C moves to B, and CV must not become BV
def test_a_few_columns_are_moved_as_a_call_per_cell_moves_them(rows_of_columns: list[list[int]]) -> None:
    """Up to FEW_MOVED_COLUMNS columns move a pass over the piece each, in rising order (C to B,
    then E to C: a cell never moves twice, and AB never passes for A); more, a call per cell:
    both leave the same piece."""
    letters = xlsx_reading._column_letters
    rows = [b"<row r=\"%d\">" % row + b"".join(b'<c r="%s%d"><v>%d</v></c>' % (letters(c).encode(), row, c)
                                           for c in sorted(set(columns))) + b"</row>"
            for row, columns in enumerate(rows_of_columns, start=2)]
    few, many = [b"".join(rows[:2]), *rows[2:]], [b"".join(rows[:2]), *rows[2:]]
    by_passes = xlsx_pieces._compact(few, b"")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx_pieces, "FEW_MOVED_COLUMNS", 0)
        by_calls = xlsx_pieces._compact(many, b"")
    assert by_passes[:2] == by_calls[:2] and few == many
    if by_passes[1] is not None:  # every cell now in the column its value says it came from
        for block in few:
            for place, value in re.findall(rb'<c r="([A-Z]+)[0-9]+"><v>([0-9]+)<', block):
                assert by_passes[1][xlsx_reading._column_number(place) - 1] == int(value)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(1, 16_384), max_size=12), max_size=12))
def test_the_census_of_a_piece_finds_every_column_however_many(blocks_of_columns: list[list[int]]) -> None:
    """The columns of a piece's cells, taken out a few at a time while they are few (cells in
    thousands of columns, all at once, took 5 s), then all at once: every column, never one more."""
    blocks = ["".join(f'<c r="{xlsx_reading._column_letters(c)}7"><v>1</v></c>' for c in columns).encode()
              for columns in blocks_of_columns]
    wanted = sorted({c for columns in blocks_of_columns for c in columns})
    assert xlsx_pieces._used_columns(blocks, b"") == wanted
