"""Building one fiscal year's exchange file in memory: data, CSV, workbook, F4, manifest, zip."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files

from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.exchange.content import build_data
from desktop.exchange.cp932 import Cp932Problem, cp932_problems
from desktop.exchange.f4_member import render_f4_member
from desktop.exchange.format import (
    DATA,
    F4_PDF,
    PEOPLE_CSV,
    SCHEMA,
    WORKBOOK,
    ExchangeError,
    file_name,
)
from desktop.exchange.pack import pack
from desktop.exchange.people_csv import ENCODINGS, HEADINGS, people_csv, people_records, people_rows
from desktop.exports.exchange_xlsx import exchange_workbook
from desktop.i18n import _

ProgressCallback = Callable[[int, int, str], None]


def schema_text() -> bytes:
    """The published JSON Schema of data.json (package data), as it travels in every file."""
    return files("desktop.exchange").joinpath("schema/data-v1.schema.json").read_bytes()


@dataclass(frozen=True)
class ExportOptions:
    csv_encoding: str = "utf-8-sig"
    cp932_replace: bool = False     # the clerk confirmed the documented replacement
    passphrase: str | None = None   # held in memory only


class Cp932Error(ExchangeError):
    """Characters cp932 cannot hold; nothing was written. `problems` lists each with record and field."""

    def __init__(self, problems: list[Cp932Problem]) -> None:
        super().__init__(_("Shift_JIS（cp932）で表せない文字が {count} 件あります。UTF-8 を選ぶか、置き換えを確認してください").format(
            count=len(problems)))
        self.problems = problems


@dataclass(frozen=True)
class BuiltFile:
    name: str
    content: bytes
    fiscal_year: FiscalYear
    audit_entries: int
    audit_head: str
    replacements: list[Cp932Problem] = field(default_factory=list)


def _no_progress(_done: int, _total: int, _text: str) -> None:
    return None


def build_exchange_file(session: Session, fiscal_year: FiscalYear, options: ExportOptions,
                        created: datetime | None = None, progress: ProgressCallback = _no_progress) -> BuiltFile:
    """Raises Cp932Error before anything is built when cp932 output would lose a character and the
    replacement was not confirmed; ExchangeError for a bad option."""
    if options.csv_encoding not in ENCODINGS:
        raise ExchangeError(_("CSVの文字コード「{encoding}」は使えません（{known}）").format(
            encoding=options.csv_encoding, known="、".join(ENCODINGS)))
    created = (created or datetime.now(UTC)).replace(microsecond=0)
    progress(0, 5, _("データを読んでいます…"))
    data = build_data(session, fiscal_year, created)
    rows = people_rows(data)
    replacements: list[Cp932Problem] = []
    if options.csv_encoding == "cp932":
        replacements = cp932_problems(PEOPLE_CSV, people_records(rows))
        if replacements and not options.cp932_replace:
            raise Cp932Error(replacements)
    progress(1, 5, _("特別交付税算定資料（F4）を作成しています…"))
    pdf = render_f4_member(session, fiscal_year)
    progress(2, 5, _("表を作成しています…"))
    members = {
        DATA: json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"),
        SCHEMA: schema_text(),
        PEOPLE_CSV: people_csv(rows, options.csv_encoding, replace=options.cp932_replace),
        WORKBOOK: exchange_workbook(data, rows, HEADINGS, created),
        F4_PDF: pdf,
    }
    progress(3, 5, _("まとめています…"))
    content = pack(data, members, created, csv_encoding=options.csv_encoding, replacements=replacements,
                   passphrase=options.passphrase)
    town = data["town"]
    return BuiltFile(file_name(fiscal_year, town["code"], town["name"], encrypted=bool(options.passphrase)),
                     content, fiscal_year, data["audit"]["entries"], data["audit"]["head"], replacements)
