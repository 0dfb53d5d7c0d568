"""The prefecture's summary workbook: one line per town file, 負担金 per person, refused files."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from desktop.exchange.aggregate import Aggregation
from desktop.exports.exchange_xlsx import YEN_FORMAT, add_table, save_workbook
from desktop.i18n import official

FLAG_FILL = PatternFill("solid", fgColor="FDE0E0")
SUPERSEDED_FILL = PatternFill("solid", fgColor="EEEEEE")


def summary_workbook(result: Aggregation, created: datetime | None = None) -> bytes:
    workbook = Workbook()
    towns = workbook.active
    towns.title = official("集計")
    rows = [(f.file.town_code, f.file.town_name, f.file.fiscal_year_label, f.file.claim_yen, f.file.contribution_yen,
             f.file.posts, f.file.staff, official("集計") if f.counted else official("重複（新しい方を集計）"),
             f.chain.status.label, f.chain.detail, f.file.created_at, f.path.name) for f in result.files]
    add_table(towns, (official("団体コード"), official("団体名"), official("年度"), official("算定額（円）"),
                      official("負担金（円）"), official("ポスト数"), official("派遣職員数"), official("扱い"),
                      official("監査ログ"), official("監査ログの詳細"), official("作成日時"), official("ファイル")),
              rows, yen_columns=(3, 4), widths=(10, 14, 12, 16, 16, 9, 10, 20, 16, 40, 22, 34))
    for row_index, f in enumerate(result.files, start=2):
        fill = FLAG_FILL if not f.chain.status.ok else SUPERSEDED_FILL if not f.counted else None
        if fill is not None:
            for cell in towns[row_index]:
                cell.fill = fill
    towns.append([official("合計"), "", "", result.claim_yen, result.contribution_yen,
                  sum(f.file.posts for f in result.counted), sum(f.file.staff for f in result.counted)])
    for cell in towns[towns.max_row]:
        cell.font = Font(bold=True)
    for column in (4, 5):
        towns.cell(row=towns.max_row, column=column).number_format = YEN_FORMAT
    persons = workbook.create_sheet(official("職員別負担金"))
    add_table(persons, (official("団体コード"), official("団体名"), official("年度"), official("氏名"),
                        official("派遣先ポスト"), official("分野"), official("負担金（円）")),
              [(f.file.town_code, f.file.town_name, f.file.fiscal_year_label, p.name, p.post, p.field,
                p.contribution_yen) for f in result.counted for p in f.file.persons],
              yen_columns=(6,), widths=(10, 14, 12, 16, 24, 10, 16))
    refused = workbook.create_sheet(official("受け付けなかったファイル"))
    add_table(refused, (official("ファイル"), official("理由")),
              [(str(r.path), r.message) for r in result.refused], widths=(50, 90))
    return save_workbook(workbook, official("連携交換ファイル集計"), created)
