"""A validation finding tied to the field it concerns, so a screen can show it next to the widget."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
