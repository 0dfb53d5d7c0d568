"""A CSV or xlsx file as a header and rows of text, read row by row under size and row caps.

The caps apply while reading, never after: a file is refused as soon as it passes one, so a
huge or hostile file costs neither memory nor time (QUALITY.md, "Bad input").
"""

from __future__ import annotations

import itertools
import operator
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, overload

from desktop.domain.problems import RowProblem
from desktop.i18n import _
from desktop.importing.bulk import bulk_work

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
# Blank rows count too (Excel pads a sheet with them), but only this many may pass before
# the file is refused: a file of ten million empty lines is refused in a fraction of a second.
MAX_RECORDS = 2 * MAX_ROWS
MAX_COLUMNS = 100
# Cells with a control character are listed one by one up to this many, then summed up.
MAX_LISTED_CONTROLS = 200
# Rows are kept packed as one string each: cells joined by a character that no accepted cell
# holds (control characters are refused, and replaced by a visible sign for the preview).
_SEPARATOR = "\x1f"
# Every control character (C0, DEL, C1) but tab and the line breaks of a cell on several lines.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_BUT_SEPARATOR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1e\x7f-\x9f]")


class TableReadError(ValueError):
    """The file cannot be read as a table; the message is for the clerk."""


def _unpack(row: str) -> list[str]:
    return row.split(_SEPARATOR) if row else []


class PackedRows(Sequence[list[str]]):
    """The body rows, each stored as one string, unpacked into a list of cells on access.

    One string per row costs about the row's size in the file; a list of small strings would
    cost ten times more, and a file of many short cells would then need gigabytes.
    """

    def __init__(self, packed: list[str] | None = None) -> None:
        self._packed = packed if packed is not None else []

    def append(self, cells: Sequence[str]) -> None:
        self._packed.append(_SEPARATOR.join(cells))

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> list[str]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...
    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [_unpack(row) for row in self._packed[index]]
        return _unpack(self._packed[index])

    def __iter__(self) -> Iterator[list[str]]:
        for row in self._packed:
            yield _unpack(row)

    def leading(self, width: int) -> Iterator[list[str]]:
        """Each row's first `width` cells (at least one), the others never split off: an import
        reads its columns from a sheet of a hundred without making lists of a hundred. A row
        without a value is [], any other row is not, even when its first cells are all empty."""
        width = max(width, 1)
        for row in self._packed:
            if not row.strip(_SEPARATOR):
                yield []
                continue
            cells = row.split(_SEPARATOR, width)
            if len(cells) > width:
                cells.pop()
            yield cells

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedRows):
            return self._packed == other._packed
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Table:
    """The header (row 1) and the body rows; `problems` lists cells refused while reading."""

    header: list[str]
    rows: PackedRows
    encoding: str  # "utf-8", "utf-8-sig", "cp932" or "xlsx"
    problems: list[RowProblem] = field(default_factory=list)

    def column(self, name: str) -> int | None:
        try:
            return self.header.index(name)
        except ValueError:
            return None


def visible_control(char: str) -> str:
    """The sign shown in the preview in place of a refused control character (NUL → ␀)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "␡" if code == 0x7F else "\ufffd"


def _first_control(text: str) -> int:
    found = _CONTROL.search(text)
    return found.start() if found else -1


def control_character_name(char: str) -> str:
    return "NUL" if char == "\0" else f"U+{ord(char):04X}"


class ColumnSpreader:
    """Puts back in their columns the cells of a reader that left out the columns no cell uses
    (xlsx_pieces), as one packed row for build_table: a row with a note in column CV then costs
    its few cells, not a list of a hundred places."""

    def __init__(self, columns: list[int]) -> None:
        """`columns`: each cell's column in the sheet (1 for A), rising."""
        self._columns = columns
        self._gaps = [_SEPARATOR * (column - before) for before, column in itertools.pairwise([1, *columns])]

    def __call__(self, cells: list[str]) -> str | list[str]:
        """The packed row, or the cells in their columns when one holds the separator itself."""
        if not cells:
            return cells
        line = "".join(map(operator.add, self._gaps, cells))
        width = self._columns[len(cells) - 1]  # more cells than columns: an IndexError, never a cell lost
        if line.count(_SEPARATOR) == width - 1:
            return line
        spread = [""] * width
        for column, cell in zip(self._columns, cells, strict=False):
            spread[column - 1] = cell
        return spread


def build_table(records: Iterable[list[str] | str], encoding: str, *, stripped: bool = False,
                columns: Sequence[int] = ()) -> Table:
    """Gathers rows one at a time, refusing the file as soon as a cap is passed.

    Trailing blank rows are dropped; blank rows in the middle are kept (they keep the row
    numbers the clerk sees in Excel) but skipped by the imports. `stripped`: the reader has
    already stripped every cell, in a list of its own that may be changed. A record may also be
    a packed row (ColumnSpreader): stripped, and no cell holds the separator. `columns`: when the
    reader left out the sheet's columns no cell is in, the sheet's column of each cell of a row
    (read once the first record is), so that widths and messages are the sheet's.
    """
    header: list[str] | None = None
    rows = PackedRows()
    packed = rows._packed
    problems: list[RowProblem] = []
    blanks = 0
    for number, raw in enumerate(records, start=1):
        if number > MAX_RECORDS:
            raise TableReadError(_("行が多すぎます（{limit}行まで）").format(limit=MAX_ROWS))
        cells: list[str] | None
        if isinstance(raw, str):
            cells, line = None, raw.rstrip(_SEPARATOR)
            width = line.count(_SEPARATOR) + 1 if line else 0
        else:
            cells = raw if stripped else [cell.strip() for cell in raw]
            while cells and not cells[-1]:
                cells.pop()
            width, line = len(cells), _SEPARATOR.join(cells)
        if not width:
            blanks += 1
            continue
        if width > MAX_COLUMNS or (columns and columns[width - 1] > MAX_COLUMNS):
            raise TableReadError(_("{row}行目の列が多すぎます（{limit}列まで）").format(row=number, limit=MAX_COLUMNS))
        if header is None:
            if blanks:  # the header is the first non-blank row; row numbers stay those of the file
                raise TableReadError(_("1行目に見出し（列名）を書いてください"))
            header = [cell.lstrip("\ufeff") for cell in (line.split(_SEPARATOR) if cells is None else cells)]
            _check_controls(header, number, header, problems, columns)
            continue
        if len(packed) + blanks >= MAX_ROWS:
            raise TableReadError(_("行が多すぎます（{limit}行まで）").format(limit=MAX_ROWS))
        if blanks:
            packed.extend([""] * blanks)
            blanks = 0
        # One search of the packed row, the common case: no control character, and no cell holding
        # the separator itself (then the separators are exactly those put between the cells).
        if _CONTROL_BUT_SEPARATOR.search(line) is None and (cells is None or line.count(_SEPARATOR) == width - 1):
            packed.append(line)
        else:
            rows.append(_check_controls(line.split(_SEPARATOR) if cells is None else cells, number, header, problems,
                                        columns))
    if header is None:
        raise TableReadError(_("ファイルに行がありません"))
    return Table(header, rows, encoding, problems)


def _check_controls(cells: list[str], number: int, header: list[str], problems: list[RowProblem],
                    columns: Sequence[int] = ()) -> list[str]:
    """Lists each cell holding a control character, and shows that character visibly."""
    if _CONTROL.search("\t".join(cells)) is None:  # one search per row: the common case
        return cells
    checked = cells
    for index, cell in enumerate(cells):
        position = _first_control(cell)
        if position < 0:
            continue
        column = header[index] if index < len(header) else _("{number}列目").format(
            number=columns[index] if columns else index + 1)
        if len(problems) < MAX_LISTED_CONTROLS:
            problems.append(RowProblem(number, column, _(
                "制御文字（{char}）が含まれています（{position}文字目）。タブと改行のほかの制御文字は取り込めません"
            ).format(char=control_character_name(cell[position]), position=position + 1)))
        elif len(problems) == MAX_LISTED_CONTROLS:
            problems.append(RowProblem(number, column, _(
                "ほかにも制御文字を含むセルがあります（最初の{limit}件だけを示しました）").format(limit=MAX_LISTED_CONTROLS)))
        if checked is cells:
            checked = list(cells)
        checked[index] = _CONTROL.sub(lambda found: visible_control(found.group()), cell)
    return checked


def read_csv_bytes(data: bytes) -> Table:
    import io

    from desktop.importing.csv_reading import read_csv_stream

    return read_csv_stream(io.BytesIO(data))


@bulk_work
def read_table(path: Path) -> Table:
    """Reads .csv/.txt (UTF-8, UTF-8 with BOM, Shift_JIS/cp932) or .xlsx, refusing it early.

    Raises TableReadError with a message for the clerk, never anything else for a bad file.
    """
    from desktop.importing.csv_reading import read_csv_stream
    from desktop.importing.xlsx_reading import read_xlsx_file

    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a device or pipe has no size to cap: /dev/zero never ends
            raise TableReadError(_("「{path}」は普通のファイルではありません").format(path=path))
        if status.st_size > MAX_IMPORT_BYTES:
            raise TableReadError(_("ファイルが大きすぎます（20MBまで）"))
        handle: BinaryIO = path.open("rb")
    except OSError as error:
        raise TableReadError(_("ファイル「{path}」を読めません: {error}").format(path=path, error=error)) from None
    with handle:
        try:
            magic = handle.read(4)
            handle.seek(0)
            if path.suffix.lower() in (".xlsx", ".xlsm") or magic.startswith(b"PK"):
                return read_xlsx_file(handle)
            return read_csv_stream(handle)
        except OSError as error:
            raise TableReadError(_("ファイル「{path}」を読めません: {error}").format(path=path, error=error)) from None
