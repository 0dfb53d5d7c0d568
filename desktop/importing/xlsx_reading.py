"""xlsx files: the zip is measured before anything parses it, then the first sheet is read.

openpyxl parses the styles, workbook and relationship parts whole, the shared strings into one
list, and each worksheet row by row but each row whole. So before it opens the file every
member is checked: its declared size and compression ratio (Python's zipfile never inflates a
member past its declared size, so the declared size is a true bound), then a streaming scan
counts elements, shared strings, rows and cells per row. A zip bomb or a row of millions of
cells is refused in well under a second, and what openpyxl then parses is small.
"""

from __future__ import annotations

import functools
import itertools
import re
import struct
import warnings
import zipfile
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, BinaryIO

from desktop.i18n import _
from desktop.importing.tabular import (
    MAX_COLUMNS,
    MAX_RECORDS,
    MAX_ROWS,
    Table,
    TableReadError,
    build_table,
)
from desktop.importing.xlsx_copies import SheetCopies, open_member
from desktop.importing.xlsx_parts import first_worksheet

MAX_MEMBERS = 1_000
MAX_MEMBER_BYTES = 128 * 1024 * 1024
# A worksheet's XML: its inline texts are held by calamine and again by the packed rows (120 MB
# of text in a 16 MB file peaked at 272 MB). 1,250,000 cells as openpyxl writes them take about
# 70 MB; 78 MB hold more text than a CSV of 20 MB, and peak at 197 MB.
MAX_SHEET_XML_BYTES = 75 * 1024 * 1024
MAX_TOTAL_BYTES = 160 * 1024 * 1024
# A shared strings part, markup included: calamine holds every one before the first row, beside the
# table the cells naming them make (a 4 MB file of 128 MB of strings took 205 MB; 650,000 distinct
# texts of twenty characters, 42 MB, named by 1,200,000 cells, 206 MB). Excel keeps only the
# strings some cell names, so more than this is more text than the 20 MB of a CSV can hold.
MAX_SHARED_STRING_BYTES = 24 * 1024 * 1024
# A real sheet compresses about 5-20 times (100,000 identical rows: 19 times); zip bombs 1,000
# times and more. Small members are exempt: a few kilobytes of XML may well compress 100 times.
MAX_RATIO = 100
_RATIO_FLOOR = 1024 * 1024
# Parts openpyxl builds a whole tree of, then objects from (styles, workbook, relationships,
# theme): about 1 KB and 13 µs each (240,000 styles took 240 MB and 3 s). A real styles part
# has hundreds to a few thousand elements.
MAX_ELEMENTS = 60_000
# openpyxl holds every shared string in a list before the first row: a million cost 180 MB
# and 5 s. python-calamine holds them more compactly (700,000 in about 60 MB) and is the reader
# of every sheet whose cells say where they are: 100,000 rows may hold six distinct texts each
# (a name, an address, a number...).
MAX_SHARED_STRINGS = 700_000
MAX_SHARED_STRINGS_ROW_BY_ROW = 250_000
# A shared string is stored once and named by any number of cells, and the readers hold a copy
# for each cell (calamine before the first row is read): one string of 30,000 characters named by
# 20,000 cells, a file of 115 KB, took 1 GB. The cells naming a string longer than this are
# counted, and the copies they make may hold at most MAX_LONG_COPIES bytes (a note of 100 bytes on
# each of 100,000 rows makes 10 MB). Shorter strings make at most 80 MB of copies in 1,250,000 cells.
LONG_SHARED_STRING = 64
MAX_LONG_COPIES = 32 * 1024 * 1024
MAX_CELLS_PER_ROW = 1_000
_CHUNK = 1 << 20
_ROOT = re.compile(rb"<(?![?!/])([\w.-]+:)?([\w.-]+)")
_ROW = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_SHARED = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_PLACED_CELL = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*?\br\s*=")
_ROW_NUMBER = re.compile(rb'<(?:[\w.-]+:)?row\s[^>]*?\br\s*=\s*["\']([0-9]{1,9})')
# The same, for a block whose every tag starting like a row or a cell is one, with a space after
# its name (_plain_rows, _plain_cells): a literal start lets the search skip from one to the next.
_PLAIN_PLACED_CELL = re.compile(rb"<c [^>]*?\br\s*=")
_PLAIN_ROW_NUMBER = re.compile(rb'<row [^>]*?\br\s*=\s*["\']([0-9]{1,9})')
# python-calamine holds the first sheet as one dense block (rows × columns from its first to its
# last cell with a value) before the first row is read: 1,000,000 cells took about 80 MB. A sheet
# whose cells could span more is read in pieces of whole rows (xlsx_pieces); one whose cells do
# not all say where they are, in a layout too wide for one block, by openpyxl, row by row.
MAX_DENSE_CELLS = 1_250_000
# Each cell of calamine's block holds its own copy of its text, a shared string's too (1,200,000
# cells naming 380,000 distinct texts of twenty characters: the reading took 223 MB): a sheet of
# more cells than this that names shared strings is read in pieces (xlsx_pieces), whatever its
# block, one piece's block at a time (138 MB).
MAX_CELLS_AT_ONCE = 600_000
# The cells an xlsx's first sheet may hold: reading 100,000 rows of twelve (calamine, then a cell
# at a time in Python) and checking them leaves the refusal within the 2 s of issue 10; more is
# refused during the scan, with the ways out (fewer columns, CSV, two files).
MAX_SHEET_CELLS = 1_250_000
# The places from A1 to each row's last column that a sheet read in pieces (xlsx_pieces) holds,
# once columns no cell of a piece is in are left out: each costs time even when empty (10,000,000
# places of 1,100,000 values, no column left out, took 4 s), and more are refused.
MAX_SHEET_PLACES = 1_500_000
# openpyxl, which reads what calamine cannot bound (cells that do not say where they are, in a
# layout too wide for one block), takes about ten times calamine's time a cell, and parses every
# sheet once more when it opens the workbook: past this many cells the file is refused, and
# Excel, which writes every cell's place, makes it readable.
MAX_CELLS_ROW_BY_ROW = 100_000
# Excel writes a character XML cannot hold (a control character) as _xHHHH_; openpyxl leaves
# that as it is, so the control character would pass unseen. (openpyxl already turns Excel's
# _x005F_ into "_" in shared strings, so text typed literally as _x0007_ is read as the
# escape too: refused, never wrongly stored.)
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _too_big() -> TableReadError:
    return TableReadError(_("Excelファイルの中身が大きすぎるか、圧縮率が異常です（圧縮爆弾の疑い）。"
                            "CSVで保存し直すか、行を分けてください"))


def _member_count(handle: BinaryIO) -> int:
    """Entries named in the end-of-central-directory record, read before zipfile lists them."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(max(0, size - 65_557))
    tail = handle.read()
    handle.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(error=_("zipの終端がありません")))
    (entries,) = struct.unpack("<H", tail[at + 10:at + 12])
    return int(entries)


def _check_declared(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _too_big()
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise _too_big()
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _too_big()
    return members


@functools.lru_cache(maxsize=4)
def _cell_patterns(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes], re.Pattern[bytes], re.Pattern[bytes]]:
    """For a worksheet whose root has `prefix` (b"" or b"x:"): a cell tag with another prefix than
    the root's; a placed cell's column letters and row number (r="B7" first, as Excel,
    LibreOffice and openpyxl write it); and the same, one number each."""
    tag = b"<" + re.escape(prefix) + b"c"
    return (re.compile(b"<(?!" + re.escape(prefix) + rb"c[\s/>])(?:[\w.-]+:)?c[\s/>]"),
            re.compile(tag + rb' r="([A-Z]{1,3})([0-9]{1,7})"'),
            re.compile(tag + rb' r="[A-Z]{1,3}([0-9]{1,7})"'),
            re.compile(tag + rb' r="([A-Z]{1,3})[0-9]{1,7}"'))


def _up_to(limit: str, first: str, low: str, high: str) -> str:
    """A pattern for every value up to `limit`, written in the digits low..high (shorter values
    start at `first`: no leading zero): "CW" with A..Z, or "100001" with 0..9."""
    options = [f"[{first}-{high}][{low}-{high}]{{0,{len(limit) - 2}}}"] if len(limit) > 1 else []
    for index, digit in enumerate(limit):
        lowest = first if index == 0 else low
        if digit > lowest:
            options.append(limit[:index] + f"[{lowest}-{chr(ord(digit) - 1)}]" + f"[{low}-{high}]" * (len(limit) - index - 1))
    options.append(limit)
    return "(?:" + "|".join(options) + ")"


def _between(low: int, high: int) -> str:
    """A pattern for every number from `low` to `high` (both at least 1), written without leading
    zeros: a few alternatives when the two are near, as a block's rows are."""
    options = []
    for digits in range(len(str(low)), len(str(high)) + 1):
        options += _same_length(str(max(low, 10 ** (digits - 1))), str(min(high, 10 ** digits - 1)))
    return "(?:" + "|".join(options) + ")" if options else "(?!)"


def _same_length(low: str, high: str) -> list[str]:
    """Patterns for the numbers from `low` to `high`, written with as many digits as they have."""
    if low > high:
        return []
    if low == high:
        return [low]
    common = 0
    while low[common] == high[common]:
        common += 1
    prefix, low, high = low[:common], low[common:], high[common:]
    rest = len(low) - 1
    if low[1:] == "0" * rest and high[1:] == "9" * rest:
        return [prefix + f"[{low[0]}-{high[0]}]" + "[0-9]" * rest]
    options = [prefix + low[0] + option for option in _same_length(low[1:], "9" * rest)]
    if int(high[0]) - int(low[0]) > 1:
        options.append(prefix + f"[{int(low[0]) + 1}-{int(high[0]) - 1}]" + "[0-9]" * rest)
    options += [prefix + high[0] + option for option in _same_length("0" * rest, high[1:])]
    return options


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.lru_cache(maxsize=8)
def _beyond(prefix: bytes, last_row: int, last_column: int, first_row: int = 1) -> re.Pattern[bytes]:
    """A cell tag that does not place itself within rows first_row..last_row and columns
    1..last_column: unplaced, or placed past the bounds. One search with a literal start checks a
    whole block (a million cells in well under a tenth of a second) instead of reading every
    cell's place."""
    if not last_row or not last_column:
        return re.compile(b"<" + re.escape(prefix) + rb"c(?![\w.:-])")
    within = _up_to(_column_letters(last_column), "A", "A", "Z") + _between(first_row, last_row)
    return re.compile(b"<" + re.escape(prefix) + rb'c(?![\w.:-]| r="' + within.encode() + b'")')


@functools.lru_cache(maxsize=4)
def _valued_past_the_cap(prefix: bytes) -> re.Pattern[bytes]:
    """A cell placed below row MAX_ROWS + 1 that holds a value (<v> or inline text), as calamine
    counts cells: one with only a style, or a formula without a result, holds none."""
    tag = b"<" + re.escape(prefix)
    within = _up_to(str(MAX_ROWS + 1), "1", "0", "9").encode()
    return re.compile(tag + rb'c r="[A-Z]{1,3}(?!' + within + rb'")[0-9]{1,7}"(?:[^>]*[^/])?>(?:(?!' + tag
                      + rb"/c>).)*?" + tag + rb"(?:v|is)>", re.DOTALL)


@dataclass
class _Scan:
    """Counts in one XML member, gathered a chunk at a time."""

    root: bytes | None = None
    prefix: bytes = b""  # the root element's namespace prefix, with its colon
    size: int = 0  # bytes fed
    binary: bool = False
    seen: int = 0  # bytes fed before the root element was found
    elements: int = 0
    shared: int = 0
    rows: int = 0
    cells_in_row: int = 0
    # False once a cell does not say where it is (or hides behind another prefix): calamine's
    # block can then not be bounded from the places.
    placed: bool = True
    last_row: int = 0
    last_column: int = 0
    cells: int = 0  # cell tags (and the few other tags whose names start with c: <col>, <cfRule>)
    widest: int = 0  # the row-by-row pass: the most cells in one row
    some_placed: bool = False  # the row-by-row pass: a cell says where it is
    numbered_rows: int = 0  # the row-by-row pass: rows that say their number (r="7")
    # Cells per row are counted only for openpyxl, which reads each row whole; calamine's
    # block is bounded as a whole (MAX_DENSE_CELLS), which the first, faster pass measures.
    per_row: bool = False
    # While every block's cells lie at or below the farthest row of the blocks before it: the
    # pieces of a large sheet (xlsx_pieces) are then bounded from `blocks` alone, not searched again.
    ordered: bool = True
    # For each block fed: its length, and the farthest row and column of any cell up to its end.
    blocks: list[tuple[int, int, int]] = field(default_factory=list)
    # A shared strings part: each string's length in bytes, its markup included.
    lengths: array[int] = field(default_factory=lambda: array("I"))

    def feed(self, block: bytes) -> None:
        self.size += len(block)
        if self.binary:
            return
        if self.root is None:
            self._start(block)
            if self.binary:
                return
        if self.root == b"worksheet":
            self._rows(block)
            self.blocks.append((len(block), self.last_row, self.last_column))
            return
        if self.root is None:
            self.blocks.append((len(block), 0, 0))  # a long prologue: its blocks are counted all the same
        self.elements += block.count(b"<") - block.count(b"</")
        if self.root == b"sst":
            parts = _split_shared(block, self.prefix)
            if self.lengths:
                self.lengths[-1] += len(parts[0])  # the string the block before ended in goes on
            self.lengths.extend(map(len, parts[1:]))
            self.shared += len(parts) - 1
            if self.shared > (MAX_SHARED_STRINGS_ROW_BY_ROW if self.per_row else MAX_SHARED_STRINGS):
                raise _too_big()
        elif self.elements > MAX_ELEMENTS:
            raise _too_big()

    def _start(self, block: bytes) -> None:
        head = block[:4]
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<", b"\x00\x00")):
            # UTF-16/32 XML would hide its tags from this byte scan; Excel never writes it.
            raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(
                error=_("Excelが使わない文字コードの部分があります")))
        self.seen += len(block)
        text = block.removeprefix(b"\xef\xbb\xbf").lstrip()
        if self.seen == len(block) and text and not text.startswith(b"<"):
            self.binary = True  # an image or other non-XML part: openpyxl never parses it as XML
            return
        found = _ROOT.search(block)  # the root may come in a later block, after a long prologue
        if found:
            self.prefix, self.root = found.group(1) or b"", found.group(2)

    def _rows(self, block: bytes) -> None:
        if not self.per_row:
            # Rows are not counted here: calamine's block ends at the last cell with a value, and
            # values past the row cap are refused below; rows of styles only cost nothing.
            self.cells += block.count(b"<" + self.prefix + b"c")
            if self.placed:
                self._places(block)
                self._refuse_values_past_the_cap(block)
            return
        plain = not self.prefix and _plain_rows(block)
        if plain:  # byte counts, several times faster than the patterns
            parts = block.split(b"<row")
            counts = list(map(bytes.count, parts, itertools.repeat(b"<c ")))
            plain = _plain_cells(block, sum(counts))
        if not plain:
            parts = _ROW.split(block)
            counts = [len(_CELL.findall(part)) for part in parts]
        self.rows += len(parts) - 1
        self._refuse_rows()
        self.cells += sum(counts)
        counts[0] += self.cells_in_row  # the row the block before ended in goes on
        widest = max(counts)
        if widest > MAX_CELLS_PER_ROW:
            raise TableReadError(_("{row}番目の行のセルが多すぎます（{limit}個まで）").format(
                row=self.rows - len(parts) + 1 + counts.index(widest), limit=MAX_CELLS_PER_ROW))
        self.widest = max(self.widest, widest)
        self.cells_in_row = counts[-1]
        # Where calamine puts cells that do not say where they are: each after the one before,
        # each row after the one before or where its own r says.
        if not self.some_placed and not (plain and block.count(b"r=") == block.count(b"<row r=")):  # else no cell's r=
            self.some_placed = (_PLAIN_PLACED_CELL if plain else _PLACED_CELL).search(block) is not None
        numbers = (_PLAIN_ROW_NUMBER if plain else _ROW_NUMBER).findall(block)
        if numbers:
            self.last_row = max(self.last_row, *map(int, numbers))
            self.numbered_rows += len(numbers)

    def height(self) -> int:
        """The row-by-row pass: the rows a reader makes of this sheet, at most."""
        # a row without a number is one past the row before it, so past the highest number by at most one each
        return self.last_row + self.rows - self.numbered_rows

    def width(self) -> int:
        """The row-by-row pass: the columns a reader makes of a row, at most (the widest row's cells
        when none says where it is, else as many as an import reads)."""
        return MAX_COLUMNS + 1 if self.some_placed else min(max(self.widest, 1), MAX_COLUMNS + 1)

    def fits_one_block_unplaced(self) -> bool:
        """No cell says where it is, and the rows times the widest row fit calamine's block."""
        return not self.some_placed and self.height() * max(self.widest, 1) <= MAX_DENSE_CELLS

    def _places(self, block: bytes) -> None:
        foreign, place, row, column = _cell_patterns(self.prefix)
        # A colon is rare in a sheet without prefixes (a time, a link): only then is the slower
        # search for a prefixed cell needed.
        if (self.prefix or b":" in block) and foreign.search(block):
            self.placed = False
            return
        # Rows come in order: the block's last cell is almost always its farthest, and its first
        # cell no higher than the farthest row before it.
        before = self.last_row
        last = place.match(block, max(0, block.rfind(b"<" + self.prefix + b'c r="')))
        if last:
            self.last_row = max(self.last_row, int(last.group(2)))
            self.last_column = max(self.last_column, _column_number(last.group(1)))
        lowest = max(before, 1) if self.ordered else 1
        found = _beyond(self.prefix, self.last_row, self.last_column, first_row=lowest).search(block)
        if found is None:
            return
        if not place.match(block, found.start()):
            self.placed = False
            return
        # A cell past the bounds (a longer row, or cells out of order): every place is read.
        rows = list(map(int, row.findall(block)))
        self.ordered = self.ordered and min(rows) >= lowest
        self.last_row = max(self.last_row, *rows)
        self.last_column = max(self.last_column, *map(_column_number, set(column.findall(block))))
        if _beyond(self.prefix, self.last_row, self.last_column).search(block, found.start()):
            self.placed = False  # an unplaced cell after the far one

    def _refuse_values_past_the_cap(self, block: bytes) -> None:
        """A value below row MAX_ROWS + 1 (the header and MAX_ROWS rows) refuses the file at once,
        as build_table would after reading every row before it. Cells that only carry a style
        (Excel writes them for a formatted range) hold no value and do not count."""
        if self.last_row > MAX_ROWS + 1 and _valued_past_the_cap(self.prefix).search(block):
            raise TableReadError(_("行が多すぎます（{limit}行まで）").format(limit=MAX_ROWS))

    def _refuse_rows(self) -> None:
        if self.rows > MAX_RECORDS:
            raise TableReadError(_("行が多すぎます（{limit}行まで）").format(limit=MAX_RECORDS // 2))


def _split_shared(block: bytes, prefix: bytes) -> list[bytes]:
    """A block of a shared strings part cut at each <si>: what comes before the first, then each
    string. No other tag of that part starts with "si": a plain cut, unless a prefix (the root's
    or another) needs the pattern."""
    if not prefix and b":si" not in block:
        return block.split(b"<si")
    return _SHARED.split(block)


def _refuse_copies_of_long_strings(archive: zipfile.ZipFile, member: str, cells: int, scans: list[_Scan],
                                   copies: SheetCopies | None = None) -> None:
    """Refuses a sheet whose cells name long shared strings so often that the readers' copies of
    them would pass MAX_LONG_COPIES (see LONG_SHARED_STRING). Every <v> number is counted as a
    shared string's, whatever its cell: a number that happens to name a long string only makes
    the count larger. Files without long strings cost nothing here."""
    lengths = max((scan.lengths for scan in scans), key=len, default=array("I"))
    longest = max(lengths, default=0)  # one pass in C: most files stop here, before any dict is made
    if longest <= LONG_SHARED_STRING or cells * longest <= MAX_LONG_COPIES:  # not even every cell naming it
        return
    long = {b"%d" % index: length for index, length in enumerate(lengths) if length > LONG_SHARED_STRING}
    # a search of these numbers alone when they are few, else of every value
    number = b"(" + b"|".join(long) + b")<" if len(long) <= 100 else rb"([0-9]{1,7})<"
    plain, prefixed = re.compile(rb"<v>0*" + number), re.compile(rb"<(?:[\w.-]+:)?v>0*" + number)
    copied = 0
    with open_member(archive, member, copies) as stream:
        for block in _blocks(stream):  # type: ignore[arg-type]
            found = (prefixed if b":v>" in block else plain).findall(block)
            copied += sum(map(long.get, found, itertools.repeat(0)))
            if copied > MAX_LONG_COPIES:
                raise TableReadError(_("Excelファイルの最初のシートの文字が多すぎます（長い文字列を、同じものも数えて"
                                       "{limit}MBまで）。ファイルを分けてください").format(limit=MAX_LONG_COPIES // 1_000_000))


def _plain_rows(block: bytes) -> bool:
    """Whether every tag in the block that starts like a row is one (not <rowBreaks>), with a
    space, > or / after its name, and no row or cell tag has a namespace prefix."""
    if b":" in block and (b":c" in block or b":row" in block):
        return False
    rows = block.count(b"<row")
    return rows == block.count(b"<row ") or rows == block.count(b"<row ") + block.count(b"<row>") + block.count(b"<row/")


def _plain_cells(block: bytes, spaced: int) -> bool:
    """Whether every tag in the block that starts like a cell is one with a space after its name
    (`spaced` of them), bar <col>, <cols> and <color>, which are never cells (<c>, <cfRule>...
    are not plain)."""
    cells = block.count(b"<c")
    return cells == spaced or cells == spaced + block.count(b"<col")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    """The member's bytes cut just before a '<', so that no tag is split between two blocks."""
    carry = b""
    while chunk := stream.read(_CHUNK):
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            # No tag starts later in this block; a tag name needs only its first bytes.
            yield data
            carry = b""
            continue
        yield data[:cut]
        carry = data[cut:cut + 64] if b">" not in data[cut:] else data[cut:]
    if carry:
        yield carry


def _scan_members(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], *, per_row: bool = False,
                  shared: list[_Scan] | None = None, copies: SheetCopies | None = None) -> dict[str, _Scan]:
    """Refuses what no reader should parse; gives the scan of every worksheet, by member name,
    and puts those of shared strings parts in `shared`. Large worksheets are copied into `copies`
    as they are inflated."""
    # Every member, whatever its name: openpyxl finds its parts through the content types,
    # so a hostile file may give an XML part any name.
    worksheets = {}
    for info in members:
        if info.is_dir():
            continue
        scan = _Scan(per_row=per_row)
        with archive.open(info) as stream:
            copying = None if copies is None else copies.copying(info, stream)
            whole = False
            try:
                for block in _blocks(stream if copying is None else copying):  # type: ignore[arg-type]
                    scan.feed(block)
                    if copying is not None:
                        copying.keep(scan.root == b"worksheet")  # once decided, no longer asked
                whole = True
            finally:
                if copying is not None:
                    copying.close(whole=whole)
        if scan.root == b"worksheet":
            worksheets[info.filename] = scan
        elif scan.root == b"sst" and shared is not None:
            shared.append(scan)
    return worksheets


def _in_one_block(scan: _Scan) -> bool:
    """Whether calamine may read this worksheet as one block (see MAX_DENSE_CELLS)."""
    return scan.placed and scan.last_row * scan.last_column <= MAX_DENSE_CELLS


def _unescape(found: re.Match[str]) -> str:
    code = int(found.group(1), 16)
    return found.group() if 0xD800 <= code <= 0xDFFF else chr(code)  # never a lone surrogate


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return _ESCAPED.sub(_unescape, value)
    return str(value)


def _sheet_rows(handle: BinaryIO) -> Iterator[list[str] | str]:
    """The first worksheet's rows from A1, as python-calamine reads them (about 20 times faster
    than openpyxl: 100,000 rows of ten cells in 0.6 s instead of 12 s, so a bad last row or a
    file over the row cap is refused within the 2 s of QUALITY.md)."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(handle)
    try:
        yield from _calamine_rows(workbook)
    finally:
        workbook.close()


def _calamine_rows(workbook: Any, skip: int = 0, few: bool = False,
                   spread: Callable[[list[str]], str | list[str]] | None = None,
                   sheet: str | None = None) -> Iterator[list[str] | str]:
    """The rows of an open workbook's first worksheet (or of the worksheet named `sheet`) from row
    `skip` + 1 on. Calamine starts a row at the first used column; the columns before it are put
    back, so column letters and row numbers are the ones the clerk sees in Excel. A value above
    row `skip` + 1 refuses the file (the pieces of one sheet, xlsx_pieces, must come in order).
    `few`: the sheet has few cells, and its rows are taken at once. `spread`: puts the cells of a
    piece whose unused columns were left out in their places (tabular.ColumnSpreader)."""
    from python_calamine import SheetTypeEnum

    if sheet is None:
        sheets = [meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
        if not sheets:
            return
        sheet = sheets[0]
    worksheet = workbook.get_sheet_by_name(sheet)
    start = worksheet.start
    if start is None:  # an empty sheet
        return
    if start[0] < skip:
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(
            error=_("セルの位置が行の順に並んでいません")))
    before = [""] * start[1]
    if skip and few:
        # A later piece of few cells: its rows from its first value on, at once, instead of
        # iter_rows' empty rows from row 1 down to it; the blank rows between are put back here.
        rows: Any = itertools.chain(itertools.repeat([], start[0] - skip), worksheet.to_python(skip_empty_area=True))
    else:
        # Row by row: a large piece's rows at once would cost ten times its cells' memory.
        rows = itertools.islice(worksheet.iter_rows(), skip, None)
    for row in rows:
        if before and row:
            row = before + row
        # Calamine's text comes decoded (Excel's _xHHHH_ escapes too: a control character
        # comes as itself and is refused by build_table), so only its spaces are taken off.
        if len(row) > MAX_COLUMNS + 1:
            row = row[:MAX_COLUMNS + 1]
        # Numbers come as floats: turned into text here, without a call each (1,200,000 of them
        # took 0.58 s through _cell_text, 0.46 s so), as _cell_text turns them.
        cells = [v.strip() if v.__class__ is str else (str(int(v)) if v.is_integer() else repr(v))
                 if v.__class__ is float else _cell_text(v) for v in row]
        yield cells if spread is None else spread(cells)


def read_xlsx_file(handle: BinaryIO) -> Table:
    """Checks the zip, then reads the first worksheet."""
    try:
        if _member_count(handle) > MAX_MEMBERS:
            raise _too_big()
        with zipfile.ZipFile(handle) as archive, SheetCopies() as copies:
            members = _check_declared(archive)
            shared: list[_Scan] = []
            worksheets = _scan_members(archive, members, shared=shared, copies=copies)
            first = first_worksheet(archive)
            scan = worksheets.get(first or "")
            if scan is not None and scan.cells > MAX_SHEET_CELLS:
                raise TableReadError(_("Excelファイルの最初のシートのセルが多すぎます（{limit}個まで）。"
                                       "使わない列を消すか、CSVで保存し直すか、ファイルを分けてください").format(
                                           limit=f"{MAX_SHEET_CELLS:,}"))
            if any(sst.size > MAX_SHARED_STRING_BYTES for sst in shared):
                raise TableReadError(_("Excelファイルの文字列の表（共有文字列）が大きすぎます（展開して{limit}MBまで）。"
                                       "CSVで保存し直すか、ファイルを分けてください").format(
                                           limit=MAX_SHARED_STRING_BYTES // 1_000_000))
            if first is not None and archive.getinfo(first).file_size > MAX_SHEET_XML_BYTES:
                raise TableReadError(_("Excelファイルの最初のシートの中身が大きすぎます（展開して{limit}MBまで）。"
                                       "使わない列を消すか、ファイルを分けてください").format(
                                           limit=MAX_SHEET_XML_BYTES // 1_000_000))
            # The sheet the readers take, or, not knowing it, every one.
            for name, sheet in ([(first, scan)] if first is not None and scan is not None else worksheets.items()):
                _refuse_copies_of_long_strings(archive, name, sheet.cells, shared, copies)
            # (inline text is bounded by the sheet's XML; shared strings, by nothing the scan saw)
            many = scan is not None and scan.placed and scan.cells > MAX_CELLS_AT_ONCE and any(sst.shared for sst in shared)
            if many or not all(map(_in_one_block, worksheets.values())):
                if first is not None and scan is not None and scan.placed:
                    from desktop.importing.xlsx_pieces import sheet_rows_in_pieces

                    columns: list[int] = []
                    rows = sheet_rows_in_pieces(archive, first, scan.prefix, set(worksheets),
                                                scan.blocks if scan.ordered else None, scan.cells, copies, columns)
                    return build_table(rows, "xlsx", stripped=True, columns=columns)
                # Cells that do not say where they are: a stricter scan, row by row; then calamine
                # if its block is still bounded, else openpyxl, which reads row by row.
                worksheets = _scan_members(archive, members, per_row=True)
                handle.seek(0)
                if not all(scan.fits_one_block_unplaced() for scan in worksheets.values()):
                    # openpyxl gives each row as wide as asked: the places it fills are bounded too
                    width = max(scan.width() for scan in worksheets.values())
                    if (sum(scan.cells for scan in worksheets.values()) > MAX_CELLS_ROW_BY_ROW
                            or max(scan.height() for scan in worksheets.values()) * width > MAX_DENSE_CELLS):
                        raise TableReadError(_("セルの位置が書かれていないExcelファイルは、セル{limit}個、行×列{places}マスまでしか"
                                               "読めません。Excelで開いて保存し直してから取り込んでください").format(
                                                   limit=f"{MAX_CELLS_ROW_BY_ROW:,}", places=f"{MAX_DENSE_CELLS:,}"))
                    return _read_with_openpyxl(handle, width)
        handle.seek(0)
        return build_table(_sheet_rows(handle), "xlsx", stripped=True)
    except TableReadError:
        raise
    except Exception as error:  # zipfile, zlib, XML and calamine's own errors for a bad file
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(error=error)) from None
    except BaseException as error:
        # A panic inside calamine (Rust) reaches Python as pyo3's PanicException, a BaseException:
        # still a file that cannot be read, not a reason to stop. Interrupts stay interrupts.
        if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(error=error)) from None


def _read_with_openpyxl(handle: BinaryIO, width: int = MAX_COLUMNS + 1) -> Table:
    """The first sheet row by row, in openpyxl's read-only mode, each row `width` cells at most
    (errors: the caller's)."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
        workbook = load_workbook(handle, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a wrong <dimension> must neither cut rows nor pad them
        rows = sheet.iter_rows(values_only=True, max_col=width)
        return build_table(([_cell_text(v) for v in row] for row in rows), "xlsx")
    finally:
        workbook.close()
