"""The scan's copies of large worksheets: read in place of the member, to the same table, and
never a reason for a reading to fail."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest

from desktop.importing import xlsx_copies, xlsx_pieces, xlsx_reading
from desktop.importing.tabular import TableReadError
from desktop.importing.xlsx_copies import SheetCopies
from desktop.importing.xlsx_reading import read_xlsx_file
from tests.importing.test_xlsx_readers import with_first_sheet

_SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>髙﨑{n}</t></is></c><c r="B{n}"><v>{n}</v></c>'
                    f'<c r="CV{n}" t="inlineStr"><is><t>𠮷</t></is></c></row>' for n in range(1, 60))
          + "</sheetData></worksheet>")


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every worksheet copied, read in small blocks and pieces, temporary files in `tmp_path`."""
    monkeypatch.setattr(xlsx_copies, "COPY_FROM_BYTES", 1)
    monkeypatch.setattr(xlsx_reading, "_CHUNK", 97)
    monkeypatch.setattr(xlsx_pieces, "PIECE_CELLS", 7)
    monkeypatch.setattr(xlsx_pieces, "MAX_DENSE_CELLS", 40)
    monkeypatch.setattr(xlsx_reading, "MAX_DENSE_CELLS", 40)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_the_pieces_are_cut_from_the_copy_to_the_same_table(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = with_first_sheet(_SHEET)
    opened: list[str] = []
    real = SheetCopies.open

    def opening(self: SheetCopies, archive: zipfile.ZipFile, member: str) -> object:
        handle = real(self, archive, member)
        opened.append(type(handle).__name__)
        return handle

    monkeypatch.setattr(SheetCopies, "open", opening)
    table = read_xlsx_file(io.BytesIO(data))
    assert opened == ["BufferedReader"]  # the copy, not the zip's member
    monkeypatch.setattr(xlsx_copies, "COPY_FROM_BYTES", 1 << 40)
    assert list(read_xlsx_file(io.BytesIO(data)).rows) == list(table.rows)
    assert table.header == ["髙﨑1", "1", "𠮷"] and len(table.rows) == 58  # columns C to CU hold no cell
    assert list(small.iterdir()) == []  # the copies and the pieces' workbook are gone


def test_a_copy_is_whole_or_dropped(small: Path) -> None:
    """A copy holds every byte of the member, however it was cut into blocks; a scan that stops
    (a refusal) leaves no copy; parts that are not worksheets are not copied."""
    data = with_first_sheet(_SHEET)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, SheetCopies() as copies:
        xlsx_reading._scan_members(archive, archive.infolist(), copies=copies)
        for info in archive.infolist():
            with copies.open(archive, info.filename) as copy:
                assert copy.read() == archive.read(info)
        copied = sorted(path.name for folder in small.iterdir() for path in folder.iterdir())
        worksheets = [info for info in archive.infolist() if b"<worksheet" in archive.read(info)[:200]]
        assert len(copied) == len(worksheets) == 1
    assert list(small.iterdir()) == []
    bomb = with_first_sheet(_SHEET.replace("<sheetData>", "<sheetData>" + '<row r="200000"><c r="A200000"><v>1</v></c></row>'))
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive, SheetCopies() as copies:
        with pytest.raises(TableReadError):
            xlsx_reading._scan_members(archive, archive.infolist(), copies=copies)
        assert [path for folder in small.iterdir() for path in folder.iterdir()] == []


def test_no_room_for_copies_reads_the_members_again(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy that cannot be made is no refusal: the sheet is inflated again."""
    not_a_folder = small / "file"
    not_a_folder.write_text("")
    data = with_first_sheet(_SHEET)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, SheetCopies() as copies:
        monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
        xlsx_reading._scan_members(archive, archive.infolist(), copies=copies)
        with copies.open(archive, "xl/worksheets/sheet1.xml") as member:
            assert isinstance(member, zipfile.ZipExtFile)
    monkeypatch.setattr(tempfile, "tempdir", str(small))
    assert len(read_xlsx_file(io.BytesIO(data)).rows) == 58
