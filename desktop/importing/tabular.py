"""A CSV or xlsx file as a header and rows of text, whatever encoding the clerk's Excel used."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.i18n import _

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000


class TableReadError(ValueError):
    """The file cannot be read as a table; the message is for the clerk."""


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    encoding: str  # "utf-8", "utf-8-sig", "cp932" or "xlsx"

    def column(self, name: str) -> int | None:
        try:
            return self.header.index(name)
        except ValueError:
            return None


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first, then cp932: a cp932 file almost never decodes as UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError as error:
        raise TableReadError(
            _("ファイルの文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）: {error}").format(error=error)
        ) from None


def _clean_rows(rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    rows = [[cell.strip() for cell in row] for row in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise TableReadError(_("ファイルに行がありません"))
    if len(rows) > MAX_ROWS + 1:
        raise TableReadError(_("行が多すぎます（{limit}行まで）").format(limit=MAX_ROWS))
    header = [h.lstrip("\ufeff") for h in rows[0]]
    return header, rows[1:]


def read_csv_bytes(data: bytes) -> Table:
    text, encoding = decode_csv_bytes(data)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise TableReadError(_("CSVとして読めません: {error}").format(error=error)) from None
    header, body = _clean_rows(rows)
    return Table(header, body, encoding)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx_bytes(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError and its own errors for bad files
        raise TableReadError(_("Excelファイル（xlsx）として読めません: {error}").format(error=error)) from None
    try:
        sheet = workbook.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    header, body = _clean_rows(rows)
    return Table(header, body, "xlsx")


def read_table(path: Path) -> Table:
    """Reads .csv/.txt (UTF-8, UTF-8 with BOM, Shift_JIS/cp932) or .xlsx."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise TableReadError(_("ファイルが大きすぎます（20MBまで）"))
        data = path.read_bytes()
    except OSError as error:
        raise TableReadError(_("ファイル「{path}」を読めません: {error}").format(path=path, error=error)) from None
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:2] == b"PK":
        return read_xlsx_bytes(data)
    return read_csv_bytes(data)
