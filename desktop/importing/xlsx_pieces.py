"""A first sheet too large or too sparse for calamine's one block, read in pieces of whole rows.

python-calamine holds a sheet as one block of rows × columns from its first to its last cell
with a value. A sheet of many columns, or with one stray value far to the right, would need
hundreds of megabytes. Such a sheet (its cells all say where they are: the scan has checked) is
cut here into pieces of whole rows, each a small workbook of its own that calamine reads in turn;
a piece whose block would still be too large loses the cells past the last column an import
reads, then is halved. Memory stays that of one piece, and the reading stays calamine's speed.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from desktop.i18n import _
from desktop.importing.tabular import MAX_COLUMNS, TableReadError
from desktop.importing.xlsx_reading import (
    MAX_DENSE_CELLS,
    _beyond,
    _blocks,
    _calamine_rows,
    _cell_patterns,
    _column_letters,
    _column_number,
    _up_to,
)

# Cells per piece: a few hundredths of a second of calamine's time and about 12 MB of its memory.
PIECE_CELLS = 150_000
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_EMPTY_SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(archive.read(name))  # small parts: the scan has counted their elements
    except KeyError:
        return None


def _targets(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, member name) of a part, its targets resolved as calamine does."""
    folder, name = posixpath.split(part)
    root = _part(archive, posixpath.join(folder, "_rels", name + ".rels"))
    found: dict[str, tuple[str, str]] = {}
    for relationship in [] if root is None else root.iter(_RELATIONSHIPS):
        target = relationship.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[relationship.get("Id", "")] = (relationship.get("Type", ""), member)
    return found


def first_worksheet(archive: zipfile.ZipFile) -> str | None:
    """The member of the workbook's first worksheet (not a chart sheet), the one calamine reads."""
    workbook = next((member for kind, member in _targets(archive, "").values() if kind.endswith("/officeDocument")),
                    "xl/workbook.xml")
    root = _part(archive, workbook)
    if root is None:
        return None
    targets = _targets(archive, workbook)
    for sheet in root.iter():
        if sheet.tag.rsplit("}", 1)[-1] == "sheet":
            kind, member = targets.get(sheet.get(_SHEET_ID, ""), ("", ""))
            if kind.endswith("/worksheet"):
                return member
    return None


def _span(piece: bytes, prefix: bytes) -> int:
    """Rows × columns of calamine's block for this piece, from every cell's place."""
    _foreign, place, _row, _column = _cell_patterns(prefix)
    places = place.findall(piece)
    if not places:
        return 0
    rows = [int(number) for _letters, number in places]
    columns = [_column_number(letters) for letters in {letters for letters, _number in places}]
    return (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)


def _quick_span(piece: bytes, prefix: bytes) -> int | None:
    """The span from the piece's first and last cells, when no cell lies outside them (rows come in
    order, and a row seldom reaches further right than the last one); None when one does."""
    _foreign, place, _row, _column = _cell_patterns(prefix)
    first = place.search(piece)
    last = place.match(piece, piece.rfind(b"<" + prefix + b'c r="'))
    if first is None or last is None:
        return 0 if first is None else None
    low, high, width = int(first.group(2)), int(last.group(2)), _column_number(last.group(1))
    if _beyond(prefix, high, width, first_row=low).search(piece):
        return None
    return (high - low + 1) * width


def _without_far_columns(piece: bytes, prefix: bytes) -> bytes:
    """The piece without the cells past column MAX_COLUMNS + 1: no import reads them (one more
    than the widest import is kept, so that too many columns are still seen)."""
    tag = b"<" + re.escape(prefix) + b"c"
    near = _up_to(_column_letters(MAX_COLUMNS + 1), "A", "A", "Z").encode()
    far = re.compile(tag + rb' r="(?!' + near + rb'[0-9])[A-Z]{1,3}[0-9]{1,7}"(?:[^>]*/>|[^>]*>.*?</'
                     + re.escape(prefix) + rb"c>)", re.DOTALL)
    return far.sub(b"", piece)


def _fitting(piece: bytes, prefix: bytes) -> Iterator[bytes]:
    """The piece, or its halves (cut between rows), each within calamine's block."""
    span = _quick_span(piece, prefix)
    if span is None or span > MAX_DENSE_CELLS:
        piece = _without_far_columns(piece, prefix)
        span = _span(piece, prefix)
    if span <= MAX_DENSE_CELLS:
        yield piece
        return
    rows = [found.start() for found in re.finditer(b"<" + re.escape(prefix) + rb"row[\s/>]", piece)]
    if len(rows) < 2:
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(
            error=_("セルの位置が行の順に並んでいません")))  # one row element whose cells lie rows apart: no spreadsheet writes that
    middle = rows[len(rows) // 2]
    yield from _fitting(piece[:middle], prefix)
    yield from _fitting(piece[middle:], prefix)


def _pieces(archive: zipfile.ZipFile, member: str, prefix: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(the root element's start tag, the rows of one piece), in order."""
    tag = re.escape(prefix)
    start_of_rows = re.compile(b"<" + tag + rb"sheetData\s*(/?)>")
    end_of_rows = re.compile(b"</" + tag + rb"sheetData\s*>")
    row = b"<" + prefix + b"row"
    root_tag = b""
    head = b""
    pending: list[bytes] = []
    cells = 0
    with archive.open(member) as stream:
        blocks = _blocks(stream)  # type: ignore[arg-type]
        for block in blocks:
            if not root_tag:
                head += block
                opened = start_of_rows.search(head)
                if opened is None:
                    continue
                root = re.search(b"<" + tag + rb"worksheet[^>]*>", head)
                if root is None or opened.group(1):
                    return  # no rows
                root_tag, block = root.group(), head[opened.end():]
            closed = end_of_rows.search(block)
            if closed is not None:
                block = block[:closed.start()]
            cells += block.count(b"<" + prefix + b"c ")
            cut = block.rfind(row) if cells >= PIECE_CELLS else -1
            if cut > 0:
                pending.append(block[:cut])
                yield root_tag, b"".join(pending)
                pending, cells = [block[cut:]], 0
            else:
                pending.append(block)
            if closed is not None:
                break
    if pending:
        yield root_tag, b"".join(pending)


def _workbook(parts: dict[str, bytes], member: str, sheet: tuple[bytes, ...]) -> io.BytesIO:
    """A workbook of the parts with `sheet` (written piece by piece: never joined) as `member`."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_STORED) as out:
        for name, content in parts.items():
            if name != member:
                out.writestr(name, content)
                continue
            with out.open(name, "w") as entry:
                for text in sheet:
                    entry.write(text)
    data.seek(0)
    return data


def sheet_rows_in_pieces(archive: zipfile.ZipFile, member: str, prefix: bytes,
                         worksheets: set[str]) -> Iterator[list[str]]:
    """The first worksheet's rows from A1, as _sheet_rows gives them, read a piece at a time."""
    from python_calamine import CalamineWorkbook

    # Every other worksheet is left empty: whichever sheet calamine took, its block stays small.
    parts = {info.filename: _EMPTY_SHEET if info.filename in worksheets else archive.read(info)
             for info in archive.infolist() if not info.is_dir() and info.filename != member}
    parts[member] = b""
    next_row = 0
    for root_tag, rows in _pieces(archive, member, prefix):
        for piece in _fitting(rows, prefix):
            sheet = (root_tag, b"<" + prefix + b"sheetData>", piece, b"</" + prefix + b"sheetData></" + prefix + b"worksheet>")
            workbook = CalamineWorkbook.from_filelike(_workbook(parts, member, sheet))
            del sheet
            try:
                for cells in _calamine_rows(workbook, skip=next_row):
                    next_row += 1
                    yield cells
            finally:
                workbook.close()
