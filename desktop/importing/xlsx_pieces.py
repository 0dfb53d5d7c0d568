"""A first sheet too large, too sparse or too full of shared texts for calamine's one block, read
in pieces of whole rows.

python-calamine holds a sheet as one block of rows × columns from its first to its last cell
with a value, each cell with its own copy of its text. A sheet of many columns, or with one stray
value far to the right, would need hundreds of megabytes, and so would a million cells naming
shared strings. Such a sheet (its cells all say where they are: the scan has checked) is cut
here into pieces of whole rows, each a sheet of one workbook in a temporary file that calamine
reads a sheet at a time, parsing the shared strings once; a piece whose block would still be too
large loses the cells past the last column an import reads, then is halved. A piece most of whose
columns are empty is read without them, its cells moved left and put back in their columns
afterwards, and a sheet whose pieces would still span too many places is refused. Memory stays
that of one piece, and the reading stays calamine's speed.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator

from desktop.i18n import _
from desktop.importing.tabular import MAX_COLUMNS, ColumnSpreader, TableReadError
from desktop.importing.xlsx_copies import SheetCopies, open_member
from desktop.importing.xlsx_parts import calamine_key, dates_from_1904, workbook_folder
from desktop.importing.xlsx_reading import (
    MAX_DENSE_CELLS,
    MAX_SHEET_CELLS,
    MAX_SHEET_PLACES,
    _beyond,
    _blocks,
    _calamine_rows,
    _cell_patterns,
    _column_letters,
    _column_number,
    _up_to,
)

# Cells per piece, at most: calamine holds a piece's block whole, each cell with its own copy of
# its text (400,000 cells of sixteen-character texts: about 30 MB), and reads the pieces as sheets
# of one workbook, parsing the shared strings once. Each later piece costs an empty row for each
# row above it (iter_rows), so pieces are not smaller.
PIECE_CELLS = 400_000
# A piece of at most this many cells (12 MB once read, and 8 bytes for each empty place of its
# block) is read at once: calamine gives a later piece row by row only after an empty row for each
# row above it, which costs seconds when a sparse sheet makes many pieces.
PIECE_CELLS_AT_ONCE = 150_000
# Each empty place of a piece costs calamine and Python about a tenth of a microsecond (100,000
# rows with a note in column CV beside ten columns took 2.5 s), and each cell moved left over
# empty columns about four times that when it takes a call of Python (_compact, past a few
# columns): a piece is compacted when it leaves out at least this many empty columns for each
# column it moves, and a sheet moves at most MAX_MOVED_CELLS by calls, counting those moved
# before (a column and 22 far ones, 54,000 rows: 1,200,000 cells moved in 0.56 s, the read past
# 2 s; left as it is, its places are refused at once).
EMPTY_COLUMNS_PER_MOVE = 3
MAX_MOVED_CELLS = 300_000
# Up to this many columns are moved a pass over the piece each (a pass over 44 MB: 0.025 s), with
# no call of Python per cell: a note on each of 100,000 rows moved in 0.05 s instead of 0.13 s.
FEW_MOVED_COLUMNS = 3
# A sheet of at most a quarter as many cells as places is cut into pieces by its cells, not its
# places: its pieces are compacted, and each costs a parse of the shared strings.
SPARSE = 4
_PIECES = "renkei-pieces/"  # the pieces' parts, in the workbook's folder
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


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


def _used_columns(blocks: list[bytes], prefix: bytes) -> list[int]:
    """The columns the piece's cells are in (every cell says where it is: the scan has checked)."""
    tag = re.escape(b"<" + prefix + b'c r="')
    letters: set[bytes] = set()
    for block in blocks:
        # Only the cells of columns not seen yet are taken out: a few, not a million. Past a few
        # dozen columns the search for them would cost more than taking every cell (cells in
        # thousands of columns made it 5 s).
        seen = b"(?!(?:" + b"|".join(sorted(letters)) + b")[0-9])" if 0 < len(letters) <= 32 else b""
        letters.update(re.findall(tag + seen + b"([A-Z]{1,3})", block))
    return sorted(map(_column_number, letters))


def _compact(blocks: list[bytes], prefix: bytes, room: int = MAX_MOVED_CELLS) -> tuple[int, list[int] | None, int]:
    """The piece's width as calamine will read it (its last column, past MAX_COLUMNS + 1 dropped),
    and its cells moved left over the columns none of them is in, block by block in place, when
    that is worth it (EMPTY_COLUMNS_PER_MOVE): then the width is the columns kept, and the column
    each now stands for is given too (else None), with the number of cells moved. A few columns
    are moved a pass over the piece each; more, one call of Python per cell, and then only when
    that moves at most `room` cells."""
    columns = _used_columns(blocks, prefix)
    if columns and columns[-1] > MAX_COLUMNS + 1:
        blocks[:] = [_without_far_columns(b"".join(blocks), prefix)]
        columns = [column for column in columns if column <= MAX_COLUMNS + 1]
    if not columns:
        return 0, None, 0
    kept = next((index for index, column in enumerate(columns) if column != index + 1), len(columns))  # A.. in place
    moves = len(columns) - kept
    if not moves or columns[-1] - len(columns) < EMPTY_COLUMNS_PER_MOVE * moves:
        return columns[-1], None, 0
    tag = b"<" + prefix + b'c r="'
    moved = {_column_letters(column).encode(): _column_letters(index).encode()
             for index, column in enumerate(columns, start=1) if index > kept}
    if moves <= FEW_MOVED_COLUMNS:
        # A note far right: one pass in C over the piece for each column, in rising order, so that
        # no cell moves twice (a column moves only to one left of it, which no cell is in by then).
        count = 0
        for letters, new in moved.items():
            column = re.compile(re.escape(tag + letters) + b"(?=[0-9])")
            for index, block in enumerate(blocks):
                blocks[index], found = column.subn(tag + new, block)
                count += found
        return len(columns), columns, count
    near = b"(?!" + _up_to(_column_letters(kept), "A", "A", "Z").encode() + b"[0-9])" if kept else b""
    cell = re.compile(re.escape(tag) + near + rb"([A-Z]{1,3})(?=[0-9])")
    count = 0
    for block in blocks:  # counted first, without a call of Python per cell
        count += len(cell.findall(block))
        if count > room:
            return columns[-1], None, 0

    def move(found: re.Match[bytes]) -> bytes:
        return tag + moved[found.group(1)]

    for index, block in enumerate(blocks):
        blocks[index] = cell.sub(move, block)
    return len(columns), columns, count


def _fitting(piece: bytes, prefix: bytes) -> Iterator[tuple[bytes, int]]:
    """The piece, or its halves (cut between rows), each within calamine's block, with its span."""
    span = _quick_span(piece, prefix)
    if span is None or span > MAX_DENSE_CELLS:
        piece = _without_far_columns(piece, prefix)
        span = _span(piece, prefix)
    if span <= MAX_DENSE_CELLS:
        yield piece, span
        return
    rows = [found.start() for found in re.finditer(b"<" + re.escape(prefix) + rb"row[\s/>]", piece)]
    if len(rows) < 2:
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(
            error=_("セルの位置が行の順に並んでいません")))  # one row element whose cells lie rows apart: no spreadsheet writes that
    middle = rows[len(rows) // 2]
    yield from _fitting(piece[:middle], prefix)
    yield from _fitting(piece[middle:], prefix)


def _pieces(archive: zipfile.ZipFile, member: str, prefix: bytes, bounds: list[tuple[int, int, int]] | None,
            size: int | None = None, copies: SheetCopies | None = None) -> Iterator[tuple[bytes, list[bytes], tuple[int, int] | None]]:
    """(the root element's start tag, the rows of one piece as the blocks they came in, its
    block's rows and columns when the scan bounds them), in order. `bounds`: the scan's blocks
    (_Scan.blocks) when they came in order; the pieces are then cut at even rows, as many as
    `size` (the sheet's places, unless said) fills PIECE_CELLS at a time, else by their cells."""
    tag = re.escape(prefix)
    start_of_rows = re.compile(b"<" + tag + rb"sheetData\s*(/?)>")
    end_of_rows = re.compile(b"</" + tag + rb"sheetData\s*>")
    end_tag = b"</" + prefix + b"sheetData"
    row = b"<" + prefix + b"row"
    root_tag = b""
    head = b""
    pending: list[bytes] = []
    cells = 0
    first = 0  # the block the piece begins in
    # Bounded pieces are cut at even rows: 1,400,014 cells in two pieces, not in two and a last
    # row (each piece costs a parse of the shared strings).
    last_row, width = bounds[-1][1:] if bounds else (0, 0)
    count = max(1, -(-(last_row * width if size is None else size) // PIECE_CELLS))
    cuts = 1

    def span(last: int) -> tuple[int, int] | None:
        # The piece's cells lie between the farthest row before its first block and the farthest
        # row up to its last, in no column past the farthest up to its last.
        if bounds is None or last >= len(bounds):
            return None
        top = bounds[first - 1][1] if first else 1
        return bounds[last][1] - max(top, 1) + 1, bounds[last][2]

    with open_member(archive, member, copies) as stream:
        for index, block in enumerate(_blocks(stream)):  # type: ignore[arg-type]
            if bounds is not None and (index >= len(bounds) or bounds[index][0] != len(block)):
                bounds = None  # not the blocks the scan saw: each piece is measured itself
            if not root_tag:
                head += block
                opened = start_of_rows.search(head)
                if opened is None:
                    continue
                root = re.search(b"<" + tag + rb"worksheet[^>]*>", head)
                if root is None or opened.group(1):
                    return  # no rows
                root_tag, block = root.group(), head[opened.end():]
            closed = end_of_rows.search(block) if end_tag in block else None
            if closed is not None:
                block = block[:closed.start()]
            if bounds is None:
                cells += block.count(b"<" + prefix + b"c ")
                full = cells >= PIECE_CELLS
            else:
                full = cuts < count and bounds[index][1] * count >= last_row * cuts
            cut = block.rfind(row) if full else -1
            if cut > 0:
                pending.append(block[:cut])
                done, pending, cells, cuts = pending, [block[cut:]], 0, cuts + 1
                yield root_tag, done, span(index)
                first = index
            else:
                pending.append(block)
            if closed is not None:
                break
    if pending:
        yield root_tag, pending, span(index)


def _copy_other_parts(archive: zipfile.ZipFile, worksheets: set[str], folder: str, out: zipfile.ZipFile) -> None:
    """Copies every part calamine may read but the worksheets (the shared strings, the styles...),
    and but the workbook and its relationships, which _write_pieces writes for the pieces."""
    ours = {calamine_key(folder + "workbook.xml"), calamine_key(folder + "_rels/workbook.xml.rels")}
    for info in archive.infolist():
        key = calamine_key(info.filename)
        if info.is_dir() or info.filename in worksheets or key in ours or key.startswith(calamine_key(folder + _PIECES)):
            continue
        with archive.open(info) as source, out.open(info.filename, "w") as entry:
            shutil.copyfileobj(source, entry, 1 << 20)


def _book(count: int, dates_from_1904: bool) -> tuple[bytes, bytes]:
    """The workbook part of the pieces' workbook, each piece a sheet named by its number, and its
    relationships."""
    sheets = "".join(f'<sheet name="{n}" sheetId="{n}" r:id="piece{n}"/>' for n in range(1, count + 1))
    workbook = (f'<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}">' + ('<workbookPr date1904="1"/>' if dates_from_1904 else "")
                + f"<sheets>{sheets}</sheets></workbook>")
    relationships = f'<Relationships xmlns="{_PACKAGE}">' + "".join(
        f'<Relationship Id="piece{n}" Type="{_OFFICE}/worksheet" Target="{_PIECES}{n}.xml"/>'
        for n in range(1, count + 1)) + "</Relationships>"
    return workbook.encode(), relationships.encode()


def _at_most(blocks: list[bytes], cell: bytes, limit: int) -> bool:
    """Whether the blocks hold at most `limit` cells (counted only as far as needed)."""
    count = 0
    for block in blocks:
        count += block.count(cell)
        if count > limit:
            return False
    return True


def _write_pieces(archive: zipfile.ZipFile, member: str, prefix: bytes, worksheets: set[str],
                  bounds: list[tuple[int, int, int]] | None, cells: int, path: str,
                  copies: SheetCopies | None) -> tuple[list[tuple[bool, ColumnSpreader | None]], list[int]]:
    """Writes the pieces' workbook to `path`: every piece a sheet of its own, so that calamine
    parses the shared strings once. Gives, for each piece, whether it has few cells (read at once)
    and how its cells go to their places in the table when it was compacted; and, when no cell of
    the sheet is in some columns, the sheet's columns the table holds (else []): a note in column
    CV then makes a row of eleven cells, not of a hundred. A sheet whose pieces span too many
    places is refused here, before calamine spends any time on it."""
    folder = workbook_folder(archive)
    pieces: list[tuple[bool, list[int] | None, int]] = []  # few cells, its cells' columns, width
    cell = b"<" + prefix + b"c"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        _copy_other_parts(archive, worksheets, folder, out)
        places = moved = 0
        last_row, last_column = bounds[-1][1:] if bounds else (0, 0)
        sparse = bounds is not None and cells * SPARSE <= last_row * last_column
        # A sheet calamine could hold as one block, cut only for memory: nothing to leave out.
        whole = bounds is not None and last_row * last_column <= MAX_DENSE_CELLS
        for root_tag, rows, bounded in _pieces(archive, member, prefix, bounds, cells if sparse else None, copies):
            if whole and bounded is not None:
                width, columns, count = bounded[1], None, 0
            else:
                width, columns, count = _compact(rows, prefix, MAX_MOVED_CELLS - moved)
            moved += count
            _refuse_past_the_cells(cells + moved)
            if bounded is not None:
                places += bounded[0] * width  # what calamine and Python would spend on it
                _refuse_past_the_places(places)
            if bounded is not None and bounded[0] * width <= MAX_DENSE_CELLS:
                fitted = [rows]  # bounded by the scan: written as the blocks came, never joined
            else:
                fitted = []
                for part, span in _fitting(b"".join(rows), prefix):
                    if bounded is None:
                        places += span
                        _refuse_past_the_places(places)
                    fitted.append([part])
                rows.clear()
            while fitted:
                piece = fitted.pop(0)
                few = bool(pieces) and _at_most(piece, cell, PIECE_CELLS_AT_ONCE)  # the first is read from row 1 anyway
                with out.open(f"{folder}{_PIECES}{len(pieces) + 1}.xml", "w") as entry:
                    for text in [root_tag, b"<" + prefix + b"sheetData>", *piece,
                                 b"</" + prefix + b"sheetData></" + prefix + b"worksheet>"]:
                        entry.write(text)
                piece.clear()  # dropped once on the disk
                pieces.append((few, columns, width))
        workbook, relationships = _book(len(pieces), dates_from_1904(archive, folder))
        out.writestr(folder + "workbook.xml", workbook)
        out.writestr(folder + "_rels/workbook.xml.rels", relationships)
    return _places_in_the_table(pieces)


def _places_in_the_table(pieces: list[tuple[bool, list[int] | None, int]]
                         ) -> tuple[list[tuple[bool, ColumnSpreader | None]], list[int]]:
    """Each piece's spreader, and the sheet's columns the table holds when it leaves out those no
    cell is in (a piece read as it is, not compacted, keeps every column up to its width)."""
    used = sorted(set().union(*(columns or range(1, width + 1) for _few, columns, width in pieces)))
    if used == list(range(1, len(used) + 1)):
        return [(few, None if columns is None else ColumnSpreader(columns)) for few, columns, _width in pieces], []
    place = {column: index for index, column in enumerate(used, start=1)}
    spread = []
    for few, columns, _width in pieces:
        places = None if columns is None else [place[column] for column in columns]
        spread.append((few, None if places is None or places == list(range(1, len(places) + 1)) else ColumnSpreader(places)))
    return spread, used


def sheet_rows_in_pieces(archive: zipfile.ZipFile, member: str, prefix: bytes, worksheets: set[str],
                         bounds: list[tuple[int, int, int]] | None = None, cells: int = 0,
                         copies: SheetCopies | None = None, columns: list[int] | None = None) -> Iterator[list[str] | str]:
    """The first worksheet's rows from A1, as _sheet_rows gives them, read a piece at a time.
    `bounds`: the scan's blocks of this sheet, when they came in order (_Scan.ordered); `cells`:
    the cells the scan counted; `copies`: the scan's copy of the sheet, read instead of the member
    when there is one. A piece most of whose columns are empty is read without them (_compact),
    and its rows come packed (tabular.ColumnSpreader). When no cell of the sheet is in some
    columns, the rows leave them out too, and `columns` is filled, before the first row, with the
    sheet's column of each cell of a row (build_table's `columns`).

    The pieces are the sheets of a workbook in a temporary file, which calamine reads from the
    disk: given the bytes instead, it would hold a copy of them, and of the shared strings, on top
    of ours."""
    from python_calamine import CalamineWorkbook

    try:
        # A file a virus scanner still holds on Windows must not turn a reading into an error.
        folder = tempfile.TemporaryDirectory(prefix="renkei-import-", ignore_cleanup_errors=True)
    except OSError as error:
        raise _no_room(error) from None
    with folder:
        path = os.path.join(folder.name, "pieces.xlsx")
        try:
            pieces, kept = _write_pieces(archive, member, prefix, worksheets, bounds, cells, path, copies)
        except OSError as error:
            raise _no_room(error) from None
        if columns is not None:
            columns[:] = kept
        workbook = CalamineWorkbook.from_path(path)
        try:
            next_row = 0
            for name, (few, spread) in enumerate(pieces, start=1):
                for row in _calamine_rows(workbook, skip=next_row, few=few, spread=spread, sheet=str(name)):
                    next_row += 1
                    yield row
        finally:
            workbook.close()


def _refuse_past_the_cells(cells: int) -> None:
    """Refuses a sheet whose cells, those moved left counted twice, pass MAX_SHEET_CELLS: a row
    with a cell far from the others costs about twice its cells (put back in its columns, a
    longer row to check and split), and 100,000 rows of eleven columns and a note far right took
    2.1 s."""
    if cells > MAX_SHEET_CELLS:
        raise TableReadError(_("Excelファイルの最初のシートのセルが多すぎます（離れた列にあるセルは2個に数えて{limit}個まで）。"
                               "間の使わない列を消すか、ファイルを分けてください").format(limit=f"{MAX_SHEET_CELLS:,}"))


def _refuse_past_the_places(places: int) -> None:
    """Refuses the sheet once its pieces span more than MAX_SHEET_PLACES, before calamine spends
    the time on them."""
    if places > MAX_SHEET_PLACES:
        raise TableReadError(_("Excelファイルの最初のシートの使われている範囲が広すぎます（行×列で{limit}マスまで）。"
                               "使わない列を消すか、CSVで保存し直すか、ファイルを分けてください").format(
                                   limit=f"{MAX_SHEET_PLACES:,}"))


def _no_room(error: OSError) -> TableReadError:
    return TableReadError(_("大きなExcelファイルを読むための一時ファイルを書けません（{error}）。"
                            "ディスクの空きを確かめてください").format(error=error.strerror or error))
