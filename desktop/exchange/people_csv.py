"""The people member (people.csv): one row per person and post, for the prefecture's spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from desktop.exchange.content import DISPATCH_FORMS, EMPLOYMENT_TYPES
from desktop.exchange.cp932 import CsvRecord, replace_for_cp932
from desktop.exchange.format import ExchangeError
from desktop.exports.cells import safe_text
from desktop.i18n import _, official

HEADINGS = (official("協約番号"), official("派遣先ポスト"), official("氏名"), official("分野"),
            official("任用形態"), official("派遣形態"), official("派遣開始日"), official("派遣終了日"),
            official("負担金（円）"))
# Columns holding free text, the ones the cp932 check looks at (codes and dates are ASCII).
TEXT_COLUMNS = (0, 1, 2, 3)
ENCODINGS = ("utf-8-sig", "cp932")


def people_rows(data: Mapping[str, Any]) -> list[list[str | int]]:
    numbers = {p["post_id"]: p["agreement_number"] for p in data["posts"]}
    return [[numbers.get(s["post_id"], ""), s["post"], s["name"], s["field"],
             EMPLOYMENT_TYPES.get(s["employment_type"], s["employment_type"]),
             DISPATCH_FORMS.get(s["dispatch_form"], s["dispatch_form"]), s["start_on"], s["end_on"],
             s["contribution_yen"]] for s in data["staff"]]


def people_records(rows: list[list[str | int]]) -> list[CsvRecord]:
    """Rows as the cp932 check names them: line number (the heading is line 1) and the person."""
    return [CsvRecord(_("{line}行目（{name}）").format(line=index, name=row[2]),
                      [(HEADINGS[c], str(row[c])) for c in TEXT_COLUMNS])
            for index, row in enumerate(rows, start=2)]


def people_csv(rows: list[list[str | int]], encoding: str, *, replace: bool = False) -> bytes:
    """The CSV bytes. With cp932 the caller has checked first; `replace` applies the documented
    replacement, otherwise a character cp932 lacks is an error, never a silent '?'."""
    if encoding not in ENCODINGS:
        raise ExchangeError(_("CSVの文字コード「{encoding}」は使えません（{known}）").format(
            encoding=encoding, known="、".join(ENCODINGS)))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in rows:
        cells = [safe_text(v) if isinstance(v, str) else v for v in row]
        if encoding == "cp932" and replace:
            cells = [replace_for_cp932(v) if isinstance(v, str) else v for v in cells]
        writer.writerow(cells)
    try:
        return buffer.getvalue().encode(encoding, errors="strict")
    except UnicodeEncodeError as error:
        raise ExchangeError(_("「{char}」は Shift_JIS（cp932）で表せません").format(
            char=error.object[error.start:error.end])) from None
