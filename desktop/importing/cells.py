"""Parsing one cell of an imported row, collecting a RowProblem instead of raising."""

from __future__ import annotations

from datetime import date

from desktop.domain.problems import RowProblem
from desktop.domain.wareki import DateParseError, parse_date
from desktop.domain.yen import YenParseError, parse_yen
from desktop.i18n import _


class RowReader:
    """Reads the cells of one row by column name; problems pile up in `problems`."""

    def __init__(self, header: list[str], cells: list[str], row_number: int) -> None:
        self.header = header
        self.cells = cells
        self.row = row_number
        self.problems: list[RowProblem] = []

    def text(self, column: str, *, required: bool = False) -> str:
        index = self.header.index(column) if column in self.header else None
        value = self.cells[index].strip() if index is not None and index < len(self.cells) else ""
        if required and not value:
            self.problems.append(RowProblem(self.row, column, _("入力されていません")))
        return value

    def date(self, column: str, *, required: bool = False) -> date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return parse_date(value)
        except DateParseError as error:
            self.problems.append(RowProblem(self.row, column, str(error)))
            return None

    def yen(self, column: str, *, required: bool = False) -> int | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return parse_yen(value)
        except YenParseError as error:
            self.problems.append(RowProblem(self.row, column, str(error)))
            return None

    def fail(self, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.row, column, message))


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
