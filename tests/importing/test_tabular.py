from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importing.tabular import (
    ColumnSpreader,
    PackedRows,
    TableReadError,
    build_table,
    read_csv_bytes,
    read_table,
)
from desktop.importing.templates import ROSTER_COLUMNS, ROSTER_EXAMPLE, template_csv, template_xlsx

ROW = "髙橋 一,たかはし はじめ"


@pytest.mark.parametrize(("encoding", "prefix", "expected"), [
    ("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"), ("cp932", b"", "cp932"),
])
def test_encodings_are_detected(encoding: str, prefix: bytes, expected: str) -> None:
    data = prefix + f"氏名,ふりがな\r\n{ROW}\r\n".encode(encoding)
    table = read_csv_bytes(data)
    assert table.encoding == expected
    assert table.header == ["氏名", "ふりがな"]
    assert table.rows == [["髙橋 一", "たかはし はじめ"]]


def test_names_outside_cp932_survive_utf8() -> None:
    table = read_csv_bytes("氏名\n𠮷田 剝\n".encode())
    assert table.rows == [["𠮷田 剝"]]


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(TableReadError, match="文字コード"):
        read_csv_bytes(b"\x81\xff\xfe")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\r\n\r\n")
    with pytest.raises(TableReadError, match="行がありません"):
        read_table(path)


def test_xlsx_template_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_xlsx(ROSTER_COLUMNS, ROSTER_EXAMPLE))
    table = read_table(path)
    assert table.encoding == "xlsx"
    assert tuple(table.header) == ROSTER_COLUMNS
    assert tuple(table.rows[0]) == ROSTER_EXAMPLE


def test_csv_template_has_bom_and_header(tmp_path: Path) -> None:
    data = template_csv(ROSTER_COLUMNS)
    assert data.startswith(b"\xef\xbb\xbf")
    assert tuple(read_csv_bytes(data).header) == ROSTER_COLUMNS


def test_broken_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableReadError, match="xlsx"):
        read_table(path)


cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(str.strip)


@given(st.lists(st.lists(cell_text, min_size=2, max_size=2), min_size=1, max_size=6))
def test_any_utf8_csv_round_trips(rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["a", "b"])
    writer.writerows(rows)
    table = read_csv_bytes(buffer.getvalue().encode("utf-8"))
    # Empty cells at the end of a row are dropped (a missing cell reads as empty), as are
    # blank rows at the end of the file.
    expected = [row[:max([i + 1 for i, cell in enumerate(row) if cell], default=0)] for row in rows]
    while expected and not any(expected[-1]):
        expected.pop()
    assert table.rows == expected


@given(st.lists(st.integers(1, 100), min_size=1, max_size=8, unique=True),
       st.lists(st.sampled_from(["", "a", "髙﨑", "a\x1fb", "x\x00", "𠮷"]), max_size=8))
def test_a_spread_row_makes_the_table_its_cells_make(columns: list[int], cells: list[str]) -> None:
    """A compacted sheet's row put back in its columns, packed, is the row the full list of its
    cells makes: blank and short rows, a cell holding the separator or a control character."""
    columns.sort()
    cells = cells[:len(columns)]
    full = [""] * (columns[-1] + 1)
    for column, cell in zip(columns, cells, strict=False):
        full[column - 1] = cell
    header = ["見出し"]
    spread = ColumnSpreader(columns)
    packed, listed = build_table([header, spread(cells)], "xlsx"), build_table([header, full], "xlsx")
    assert packed == listed
    # Packed whenever it can be: the cells' list is made only for a cell holding the separator.
    assert isinstance(spread(cells), str) == bool(cells and not any("\x1f" in cell for cell in cells))


@given(st.lists(st.lists(st.sampled_from(["", "a", "髙﨑", " "]), max_size=6), max_size=6), st.integers(0, 7))
def test_the_leading_cells_are_the_rows_cut_and_blank_rows_stay_blank(rows: list[list[str]], width: int) -> None:
    """An import that reads only its first columns skips the same rows and reads the same cells."""
    packed = PackedRows()
    for row in rows:
        packed.append(row)
    expected = [row[:max(width, 1)] if any(row) else [] for row in rows]
    assert list(packed.leading(width)) == expected
