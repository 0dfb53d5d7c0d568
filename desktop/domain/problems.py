"""A validation finding tied to the field it concerns, so a screen can show it next to the widget."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.i18n import _


class Severity(Enum):
    ERROR = "error"
    # A warning blocks a save until the user confirms it (e.g. a field the agreement does not name).
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ValidationError(Exception):
    """Raised by a service when its input breaks a rule; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([Problem(field, message)])


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


class ConfirmationNeededError(Exception):
    """Raised when only warnings stand in the way; the user may confirm and save again."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


def raise_for(problems: list[Problem], *, confirmed: bool = False) -> None:
    """Errors always stop a save; warnings stop it until the user has confirmed them."""
    errors = errors_only(problems)
    if errors:
        raise ValidationError(errors)
    if problems and not confirmed:
        raise ConfirmationNeededError(problems)


@dataclass(frozen=True)
class RowProblem:
    """A problem in one row of an imported file: spreadsheet row number (header = 1) and column."""

    row: int
    column: str
    message: str
    severity: Severity = Severity.ERROR

    def describe(self) -> str:
        if self.column:
            return _("{row}行目 {column}: {message}").format(row=self.row, column=self.column, message=self.message)
        return _("{row}行目: {message}").format(row=self.row, message=self.message)


class ImportRefusedError(Exception):
    """Nothing was written because at least one row is bad; every bad row is listed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__("\n".join(p.describe() for p in problems))
        self.problems = problems


def merge_problems(typed: list[Problem], rules: list[Problem]) -> list[Problem]:
    """Every problem of a form at once: what could not be read (a date, an amount) and then the
    rules' problems for the other fields (a field that could not be read says so only once)."""
    unreadable = {problem.field for problem in typed}
    return [*typed, *(problem for problem in rules if problem.field not in unreadable)]
