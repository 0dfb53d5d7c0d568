"""The fast reader (python-calamine) and the fallback (openpyxl, row by row) read an xlsx file
to the same table; which one reads a file depends on the scan's bound on calamine's memory."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop.importing import xlsx_reading
from desktop.importing.tabular import MAX_COLUMNS, Table, TableReadError
from desktop.importing.xlsx_reading import (
    _in_one_block,
    _read_with_openpyxl,
    _scan_members,
    read_xlsx_file,
)


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


def read_by_both(data: bytes) -> tuple[object, object]:
    """The rows the reader in use gives, and those openpyxl gives (the header first, without the
    columns no cell is in: a sheet read in pieces may leave them out), or each one's refusal."""
    outcomes: list[object] = []
    for read in (read_xlsx_file, _read_with_openpyxl):
        try:
            outcomes.append(used_columns_only(read(io.BytesIO(data))))
        except TableReadError as error:
            outcomes.append(str(error))
    return outcomes[0], outcomes[1]


def used_columns_only(table: Table) -> list[list[str]]:
    """The header and the rows, each without the columns no cell of the table is in."""
    rows = [list(table.header), *map(list, table.rows)]
    used = sorted({index for row in rows for index, cell in enumerate(row) if cell})
    kept = [[row[index] if index < len(row) else "" for index in used] for row in rows]
    for row in kept:
        while row and not row[-1]:
            row.pop()
    return kept


def _is_dense(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return all(map(_in_one_block, _scan_members(archive, archive.infolist()).values()))


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


_CELLS = st.one_of(
    st.tuples(st.integers(1, 200), st.integers(1, 3_000)).map(
        lambda place: f'<c r="{xlsx_reading._column_letters(place[0])}{place[1]}"><v>1</v></c>'),
    st.sampled_from(['<c><v>1</v></c>', '<c s="1" r="A1"/>', '<c r="a7"/>', '<y:c r="B2"/>', '<c r="A01"/>',
                     '<col min="1"/>', '<cols/>']))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELLS, max_size=6), min_size=1, max_size=12), st.integers(1, 5))
def test_the_scan_bounds_every_cell_however_the_blocks_fall(rows: list[list[str]], cut_every: int) -> None:
    """The bound is searched for, not read cell by cell: it must still be the farthest place of
    any cell, and a cell without a place (or behind another prefix) must still be seen, in any
    order and wherever the 1 MB blocks end."""
    tags = [f'<row r="{number}">' + "".join(cells) + "</row>" for number, cells in enumerate(rows, start=1)]
    body = '<worksheet xmlns:y="urn:y"><sheetData>' + "".join(tags) + "</sheetData></worksheet>"
    pieces = body.encode().split(b"<")
    blocks = [b"<".join(pieces[i:i + cut_every]) for i in range(0, len(pieces), cut_every)]
    blocks = [blocks[0]] + [b"<" + block for block in blocks[1:]]  # each block starts at a tag
    scan = xlsx_reading._Scan()
    for block in blocks:
        scan.feed(block)
    cells = re.findall(r'<(?:y:)?c(?=[\s/>])[^>]*>', body)
    places = [re.match(r'<c r="([A-Z]{1,3})([0-9]{1,7})"', cell) for cell in cells]
    if any(place is None for place in places):
        assert not scan.placed
        return
    if not scan.placed:  # allowed only for a place written with a leading zero (read the slow way)
        assert any(place.group(2).startswith("0") for place in places if place)
        return
    assert scan.last_row == max((int(p.group(2)) for p in places if p), default=0)
    assert scan.last_column == max((xlsx_reading._column_number(p.group(1).encode()) for p in places if p), default=0)
    # Each block's bounds, which the pieces of a large sheet trust instead of searching again:
    # while the blocks come in order, every cell lies at or below the farthest row before its
    # block, and within the farthest row and column up to it; out of order is always seen.
    top, out_of_order = 1, False
    assert [length for length, _row, _column in scan.blocks] == [len(block) for block in blocks]
    for block, (_length, last_row, last_column) in zip(blocks, scan.blocks, strict=True):
        for letters, number in re.findall(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"', block):
            assert int(number) <= last_row and xlsx_reading._column_number(letters) <= last_column
            out_of_order = out_of_order or int(number) < top
        top = max(top, last_row)
    assert scan.ordered == (not out_of_order)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**7), st.integers(0, 10**6), st.integers(0, 2 * 10**7))
def test_the_rows_pattern_holds_exactly_the_numbers_between(low: int, extent: int, number: int) -> None:
    pattern = re.compile(xlsx_reading._between(low, low + extent))
    for candidate in (number, low - 1, low, low + extent, low + extent + 1):
        assert bool(pattern.fullmatch(str(candidate))) == (low <= candidate <= low + extent)
    assert not pattern.fullmatch("0" + str(low))  # never a leading zero: such a place is read the slow way


@pytest.mark.parametrize("limit", [1, 25, 26, 27, 52, 53, 101, 701, 702, 703, 1_000, 16_384])
def test_the_columns_pattern_holds_exactly_the_columns_up_to_its_limit(limit: int) -> None:
    pattern = re.compile(xlsx_reading._up_to(xlsx_reading._column_letters(limit), "A", "A", "Z"))
    for column in range(1, 2_001):
        assert bool(pattern.fullmatch(xlsx_reading._column_letters(column))) == (column <= limit)


@pytest.mark.parametrize("cell", ['<c><v>1</v></c>', '<c s="1" r="A1"/>', '<c r="a7"/>', '<y:c r="B2"/>'])
@pytest.mark.parametrize("where", ["first", "after a far cell", "last"])
def test_a_cell_without_a_place_is_always_seen(cell: str, where: str) -> None:
    far = '<c r="ZZ900"><v>1</v></c>'
    near = '<c r="A1"><v>1</v></c><c r="B1"><v>1</v></c>'
    cells = {"first": cell + near + far, "after a far cell": near + far + cell, "last": far + near + cell}[where]
    scan = xlsx_reading._Scan()
    scan.feed(f'<worksheet xmlns:y="urn:y"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'.encode())
    assert not scan.placed


def _unplaced_book(rows: list[tuple[int | None, list[str]]]) -> bytes:
    """The roster template with a first sheet whose cells never say where they are; a row may
    say its number (r="7") or not."""

    def cell(value: str) -> str:
        if value.startswith("<"):
            return value  # a cell written out whole
        if not value:
            return "<c/>"
        if value.isdigit():
            return f"<c><v>{value}</v></c>"
        return f'<c t="inlineStr"><is><t>{value}</t></is></c>'

    body = "".join((f'<row r="{number}">' if number else "<row>") + "".join(map(cell, cells)) + "</row>"
                   for number, cells in rows)
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             f'<row r="1"><c t="inlineStr"><is><t>氏名</t></is></c></row>{body}</sheetData></worksheet>')
    return with_first_sheet(sheet)


def with_first_sheet(sheet: str) -> bytes:
    """The roster template's workbook with `sheet` as its first worksheet's XML."""
    from desktop.importing.templates import ROSTER_COLUMNS, template_xlsx

    base = zipfile.ZipFile(io.BytesIO(template_xlsx(ROSTER_COLUMNS)))
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            out.writestr(info.filename, sheet if info.filename == "xl/worksheets/sheet1.xml" else base.read(info))
    return data.getvalue()


def _unplaced_scan(data: bytes) -> xlsx_reading._Scan:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _scan_members(archive, archive.infolist(), per_row=True)["xl/worksheets/sheet1.xml"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 4)),
                          st.lists(st.sampled_from(["", "髙﨑", "𠮷", "12", "a b"]), max_size=6)),
                min_size=1, max_size=15))
def test_cells_without_places_are_read_by_calamine_where_openpyxl_puts_them(
        steps: list[tuple[int | None, list[str]]]) -> None:
    """A sheet whose cells do not say where they are (rows numbered or not, numbers with gaps):
    calamine reads it when its block stays bounded, to the very table openpyxl makes of it."""
    rows, number = [], 1
    for gap, cells in steps:
        number += 1 + (gap or 0)
        rows.append((number if gap is not None else None, cells))
    data = _unplaced_book(rows)
    assert _unplaced_scan(data).fits_one_block_unplaced()
    fast, slow = read_by_both(data)
    assert fast == slow


def test_unplaced_cells_far_down_or_mixed_with_placed_ones_stay_with_openpyxl() -> None:
    far = _unplaced_scan(_unplaced_book([(1_000_000, ["x"] * 5)]))
    assert not far.fits_one_block_unplaced()  # 1,000,000 rows × 5 columns: more than one block
    assert far.last_row == 1_000_000 and far.widest == 5
    mixed = _unplaced_scan(_unplaced_book([(2, ["x", '<c r="XFD2"><v>1</v></c>'])]))
    assert mixed.some_placed and not mixed.fits_one_block_unplaced()


def test_the_unplaced_bound_counts_rows_without_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten rows without a number after row 1: calamine puts them at rows 2..11, five cells wide."""
    scan = _unplaced_scan(_unplaced_book([(None, ["x"] * 5)] * 10))
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 11 * 5)
    assert scan.fits_one_block_unplaced()
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 11 * 5 - 1)
    assert not scan.fits_one_block_unplaced()


_FRAGMENTS = st.sampled_from([
    '<row r="7">', "<row>", '<row spans="1:3">', "<row/>", "</row>", '<c r="B7">', '<c t="s">', "<c>", "<c/>",
    '<c\tr="A1"/>', '<c s="1"/>', "</c>", "<v>1</v>", '<col min="1"/>', "<cols>", '<color rgb="1"/>', "<cfRule/>",
    "<rowBreaks/>", '<y:c r="A1"/>', "<y:row>", "10:30", " r=1", "<is><t>a r=b</t></is>", '<row\nr="9">'])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=60), st.integers(1, 6), st.integers(1, 4))
def test_plain_byte_counts_give_what_the_patterns_give(fragments: list[str], cut_every: int, limit: int) -> None:
    """The row-by-row pass counts rows and cells with plain byte searches when a block allows it:
    the rows, the widest row, the numbered rows and whether some cell says where it is must be
    those the patterns give, and so must a refusal of a row of too many cells and its row number."""
    body = ('<worksheet xmlns:y="urn:y"><sheetData>' + "".join(fragments) + "</sheetData></worksheet>").encode()
    pieces = body.split(b"<")
    blocks = [b"<".join(pieces[i:i + cut_every]) for i in range(0, len(pieces), cut_every)]
    blocks = [blocks[0]] + [b"<" + block for block in blocks[1:]]

    def scanned(plain: bool) -> tuple[object, ...]:
        scan = xlsx_reading._Scan(per_row=True)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(xlsx_reading, "MAX_CELLS_PER_ROW", limit)
            if not plain:
                patch.setattr(xlsx_reading, "_plain_rows", lambda block: False)
            try:
                for block in blocks:
                    scan.feed(block)
            except TableReadError as refusal:
                return (str(refusal),)
        return scan.rows, scan.widest, scan.some_placed, scan.numbered_rows, scan.last_row, scan.cells_in_row

    assert scanned(plain=True) == scanned(plain=False)


def test_a_first_sheet_of_more_cells_than_the_cap_is_refused_and_other_sheets_do_not_count(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The cap bounds the time of reading the first sheet (the one read): 12 cells pass a cap of
    12, 13 do not, and a larger second sheet, never read, refuses nothing."""
    def book(first: int, second: int) -> bytes:
        workbook = Workbook()
        for column in range(1, first + 1):
            workbook.active.cell(1, column, f"列{column}")
        other = workbook.create_sheet("二枚目")
        for column in range(1, second + 1):
            other.cell(1, column, column)
        data = io.BytesIO()
        workbook.save(data)
        return data.getvalue()

    monkeypatch.setattr(xlsx_reading, "MAX_SHEET_CELLS", 12)
    assert len(read_xlsx_file(io.BytesIO(book(12, 50))).header) == 12
    with pytest.raises(TableReadError, match=r"最初のシートのセルが多すぎます（12個まで）。使わない列を消すか、CSVで"):
        read_xlsx_file(io.BytesIO(book(13, 0)))


def test_a_layout_only_openpyxl_can_read_is_read_while_small_and_refused_past_its_cap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells that do not say where they are, in a layout calamine cannot bound (here a placed
    cell far to the right among them): openpyxl reads it, ten times slower a cell, so only a
    small sheet; a larger one is refused with the way out (Excel writes every cell's place)."""
    data = _unplaced_book([(2, ["佐藤", '<c r="CV2"><v>1</v></c>'])] + [(None, ["x"] * 3)] * 20)
    assert read_xlsx_file(io.BytesIO(data)).rows[0][:2] == ["佐藤", ""]
    monkeypatch.setattr(xlsx_reading, "MAX_CELLS_ROW_BY_ROW", 40)
    with pytest.raises(TableReadError, match=r"セル40個、行×列1,250,000マスまでしか読めません。Excelで開いて保存し直して"):
        read_xlsx_file(io.BytesIO(data))


def test_openpyxl_fills_no_more_places_than_the_widest_row_and_is_refused_past_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl gives every row as wide as asked: 100,000 rows of one cell, asked for the 101
    columns an import may read, took 2.5 s. Without placed cells a row is as wide as its cells;
    with one, rows × 101 places are the bound."""
    data = _unplaced_book([(None, ["x"] + [""] * 149), *[(None, ["y"])] * 20])
    scan = _unplaced_scan(data)
    assert (scan.height(), scan.width(), scan.widest) == (22, MAX_COLUMNS + 1, 150)
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 22 * 101)  # too few for calamine's 150 columns
    assert not scan.fits_one_block_unplaced()
    table = read_xlsx_file(io.BytesIO(data))
    assert (table.header, len(table.rows), table.rows[0], table.rows[1]) == (["氏名"], 21, ["x"], ["y"])
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 22 * 101 - 1)
    with pytest.raises(TableReadError, match=r"行×列2,221マスまでしか読めません"):
        read_xlsx_file(io.BytesIO(data))
    assert _unplaced_scan(_unplaced_book([(None, ["x"] * 3)] * 5)).width() == 3
    mixed = _unplaced_scan(_unplaced_book([(2, ["x", '<c r="C2"><v>1</v></c>'])]))
    assert mixed.width() == MAX_COLUMNS + 1


@given(st.lists(st.sampled_from(["<si>", "</si>", "<si/>", '<si\n>', "<t>a</t>", "<x:si>", "</x:si>", "<y:si/>",
                                 "<sst>", "<r><t>b</t></r>", "10:si", "<rPh/>", "<phoneticPr/>"]), max_size=40),
       st.sampled_from([b"", b"x:"]))
def test_shared_strings_are_counted_as_the_pattern_counts_them(fragments: list[str], prefix: bytes) -> None:
    block = "".join(fragments).encode()
    assert len(xlsx_reading._split_shared(block, prefix)) - 1 == len(xlsx_reading._SHARED.findall(block))
