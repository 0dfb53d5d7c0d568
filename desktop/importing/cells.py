"""Parsing one cell of an imported row, collecting a RowProblem instead of raising."""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import RowProblem
from desktop.domain.wareki import DateParseError, parse_date
from desktop.domain.yen import YenParseError, parse_yen
from desktop.i18n import _

T = TypeVar("T")
MAX_MEMO = 20_000


def first_positions(header: list[str]) -> dict[str, int]:
    """Each column name's position; a name written twice is its first column."""
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        positions.setdefault(name, index)
    return positions


def reach(header: list[str], names: tuple[str, ...]) -> int:
    """How many leading columns hold every one of `names` the header has (PackedRows.leading)."""
    positions = first_positions(header)
    return max((positions[name] for name in names if name in positions), default=0) + 1


class ParseMemo:
    """One import's column positions and every cell text already parsed, with its value or its
    refusal: a file of 100,000 rows repeats the same few dates, years and amounts, and each is
    parsed once (the whole file is checked in about a second, QUALITY.md "Bad input")."""

    def __init__(self, header: list[str]) -> None:
        self.positions = first_positions(header)
        self._parsed: dict[tuple[str, str], object] = {}

    def parse(self, kind: str, text: str, parser: Callable[[str], T]) -> T | str:
        """The value, or the refusal's message (a str) when the text cannot be read."""
        key = (kind, text)
        found = self._parsed.get(key)
        if found is None:
            try:
                found = parser(text)
            except (DateParseError, YenParseError) as error:
                found = _Refusal(str(error))
            if len(self._parsed) < MAX_MEMO:  # amounts are mostly all different: keep memory bounded
                self._parsed[key] = found
        return found.message if isinstance(found, _Refusal) else found  # type: ignore[return-value]


class _Refusal:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class RowReader:
    """Reads the cells of one row by column name; problems pile up in `problems`."""

    def __init__(self, header: list[str], cells: list[str], row_number: int, memo: ParseMemo | None = None) -> None:
        self.header = header
        self.cells = cells
        self.row = row_number
        self.problems: list[RowProblem] = []
        self.memo = memo if memo is not None else ParseMemo(header)
        self._positions = self.memo.positions

    def text(self, column: str, *, required: bool = False) -> str:
        """The cell's text (build_table has stripped every cell already)."""
        index = self._positions.get(column)
        cells = self.cells
        value = cells[index] if index is not None and index < len(cells) else ""
        if required and not value:
            self.problems.append(RowProblem(self.row, column, _("入力されていません")))
        return value

    def _parsed(self, column: str, required: bool, kind: str, parser: Callable[[str], T]) -> T | None:
        value = self.text(column, required=required)
        if not value:
            return None
        found = self.memo.parse(kind, value, parser)
        if isinstance(found, str):
            self.problems.append(RowProblem(self.row, column, found))
            return None
        return found

    def date(self, column: str, *, required: bool = False) -> date | None:
        return self._parsed(column, required, "date", parse_date)

    def yen(self, column: str, *, required: bool = False) -> int | None:
        return self._parsed(column, required, "yen", parse_yen)

    def fiscal_year(self, column: str, *, required: bool = False) -> FiscalYear | None:
        return self._parsed(column, required, "fiscal_year", FiscalYear.parse)

    def fail(self, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.row, column, message))


class ColumnPicker:
    """The texts of a row's named columns, taken in one call instead of one lookup each (a
    column missing from the header, or a row shorter than it, gives "")."""

    def __init__(self, header: list[str], names: tuple[str, ...]) -> None:
        positions = first_positions(header)
        self._width = len(header)
        indices = [positions.get(name, self._width) for name in names]
        self._get = operator.itemgetter(*indices)
        self._blank = [""] * (self._width + 1)  # index width: where a missing column points
        # A row that reaches every named column (none missing) is read as it is, without copies.
        self._reach = max(indices) + 1 if self._width not in indices else None

    def texts(self, cells: list[str]) -> tuple[str, ...]:
        if self._reach is not None and len(cells) >= self._reach:
            return self._get(cells)  # type: ignore[no-any-return]
        if len(cells) > self._width:
            cells = cells[:self._width]
        return self._get(cells + self._blank[len(cells):])  # type: ignore[no-any-return]


def missing_columns(header: list[str], required: tuple[str, ...]) -> list[RowProblem]:
    return [RowProblem(1, name, _("見出し行に「{column}」の列がありません").format(column=name))
            for name in required if name not in header]


# Past this many problems the clerk has seen enough to fix the file; listing every problem of
# 100,000 bad rows would only cost memory.
MAX_LISTED_PROBLEMS = 1_000


def enough_problems(problems: list[RowProblem], row: int) -> bool:
    """True, with a closing note added, once MAX_LISTED_PROBLEMS problems are listed."""
    if len(problems) < MAX_LISTED_PROBLEMS:
        return False
    problems.append(RowProblem(row, "", _("誤りが多いため、{row}行目で確認をやめました").format(row=row)))
    return True


# A town's roster or agreements never come near this; checking 100,000 of them (the file cap,
# meant for money rows) would hold a few hundred megabytes of drafts before writing.
MAX_RECORD_ROWS = 10_000


def too_many_rows(rows: int, limit: int = MAX_RECORD_ROWS) -> list[RowProblem]:
    if rows <= limit:
        return []
    return [RowProblem(limit + 2, "", _("行が多すぎます（この取込は{limit}行まで）").format(limit=limit))]
