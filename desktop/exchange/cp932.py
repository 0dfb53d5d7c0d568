"""The cp932 check: every character Shift_JIS (cp932) cannot hold, with its record and field,
before any cp932 output; and the one documented replacement a clerk may confirm instead."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.i18n import _

# The documented replacement (docs/exchange-format.md): a character cp932 lacks becomes its
# common form where one is well known, otherwise the geta mark 〓, the sign Japanese offices
# have long used for "a character that could not be printed". The JSON member always keeps
# the names exactly as typed; only the CSV member changes, and the manifest lists each change.
COMMON_FORMS = {"𠮷": "吉", "剝": "剥", "𡈽": "土", "𣘺": "橋", "頰": "頬", "塡": "填"}
GETA = "〓"


@dataclass(frozen=True)
class CsvRecord:
    """One CSV row as the check sees it: a label the clerk recognises, and its text fields."""

    label: str
    fields: Sequence[tuple[str, str]]   # (column heading, value)


@dataclass(frozen=True)
class Cp932Problem:
    member: str
    record: str
    field: str
    character: str
    value: str

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.character):04X}"

    def describe(self) -> str:
        return _("{member} {record} の「{field}」: 「{char}」（{code}）は Shift_JIS（cp932）で表せません — {value}").format(
            member=self.member, record=self.record, field=self.field, char=self.character,
            code=self.code_point, value=self.value)


def cannot_encode(text: str) -> list[str]:
    """The characters of text that cp932 cannot hold, each once, in order of appearance."""
    found: list[str] = []
    for char in text:
        if char not in found:
            try:
                char.encode("cp932")
            except UnicodeEncodeError:
                found.append(char)
    return found


def cp932_problems(member: str, records: Iterable[CsvRecord]) -> list[Cp932Problem]:
    return [Cp932Problem(member, record.label, heading, char, value)
            for record in records for heading, value in record.fields for char in cannot_encode(value)]


def replacement_for(char: str) -> str:
    return COMMON_FORMS.get(char, GETA)


def replace_for_cp932(text: str) -> str:
    missing = set(cannot_encode(text))
    return "".join(replacement_for(c) if c in missing else c for c in text)
