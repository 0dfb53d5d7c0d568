"""The exchange file's workbook for reading (summary.xlsx): overview, claim, staff and 負担金."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exports.cells import safe_text
from desktop.i18n import official

YEN_FORMAT = '#,##0"円"'


def add_table(sheet: Worksheet, headings: Sequence[str], rows: Sequence[Sequence[Any]],
              yen_columns: Sequence[int] = (), widths: Sequence[int] = ()) -> None:
    """A heading row in bold, text made safe, yen columns as numbers with a yen format, frozen header."""
    sheet.append(list(headings))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_text(v) if isinstance(v, str) else v for v in row])
        for column in yen_columns:
            sheet.cell(row=sheet.max_row, column=column + 1).number_format = YEN_FORMAT
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"


def save_workbook(workbook: Workbook, title: str, created: datetime | None) -> bytes:
    workbook.properties.title = title
    workbook.properties.creator = "Renkei Desk"
    if created is not None:
        workbook.properties.created = created.replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def exchange_workbook(data: Mapping[str, Any], people: Sequence[Sequence[Any]], people_headings: Sequence[str],
                      created: datetime | None = None) -> bytes:
    workbook = Workbook()
    overview = workbook.active
    overview.title = official("概要")
    town, totals, claim = data["town"], data["totals"], data["claim"]
    add_table(overview, (official("項目"), official("内容")), [
        (official("団体コード"), town["code"]), (official("団体名"), town["name"]),
        (official("都道府県"), town["prefecture"]), (official("年度"), data["fiscal_year_label"]),
        (official("特別交付税算定額（円）"), totals["claim_yen"]), (official("負担金合計（円）"), totals["contribution_yen"]),
        (official("ポスト数"), totals["posts"]), (official("派遣職員数"), totals["staff"]),
        (official("作成日時"), data["created_at"]), (official("監査ログの末尾"), data["audit"]["head"]),
    ], widths=(24, 70))
    for row in (6, 7):
        overview.cell(row=row, column=2).number_format = YEN_FORMAT
    lines = workbook.create_sheet(official("算定"))
    add_table(lines, (official("協約番号"), official("派遣先ポスト"), official("氏名"), official("初年度"),
                      official("負担金（円）"), official("算定額（円）"), official("対象外の理由")),
              [(ln["agreement_number"], ln["post"], "・".join(ln["persons"]), ln["first_fiscal_year"],
                ln["contribution_yen"], ln["amount_yen"], "") for ln in claim["lines"]]
              + [(e["agreement_number"], e["post"], "・".join(e["persons"]), "", e["contribution_yen"], 0,
                  f"{e['reason_label']}: {e['detail']}") for e in claim["exclusions"]],
              yen_columns=(4, 5), widths=(16, 24, 22, 8, 14, 14, 40))
    staff = workbook.create_sheet(official("職員・負担金"))
    add_table(staff, people_headings, people, yen_columns=(len(people_headings) - 1,),
              widths=(16, 24, 16, 10, 22, 12, 12, 12, 14))
    return save_workbook(workbook, official("{year} 連携交換ファイル（{town}）").format(
        year=data["fiscal_year_label"], town=town["name"]), created)
