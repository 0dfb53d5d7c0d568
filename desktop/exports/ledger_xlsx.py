"""The 負担金 ledger of a fiscal year as an xlsx workbook: yen number formats, frozen header."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from desktop.domain.contribution import LedgerTotals
from desktop.domain.fiscal_year import FiscalYear
from desktop.exports.cells import safe_text
from desktop.i18n import _

YEN_FORMAT = '#,##0"円"'
OVERDUE_FILL = PatternFill("solid", fgColor="FDE0E0")


def ledger_workbook(fiscal_year: FiscalYear, town: str, rows: Sequence[tuple[str, str, str, str, LedgerTotals, int, int]],
                    created: datetime | None = None, audit_head: tuple[int, str] | None = None) -> bytes:
    """rows: (協約番号, 派遣先ポスト, 氏名, ふりがな, totals, overdue count, overdue yen).

    audit_head (sequence, hash) is written small under the table, as on F4: whoever holds the
    file can ask the office whether its history still passes through that entry."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = fiscal_year.label()
    headers = [_("協約番号"), _("派遣先ポスト"), _("氏名"), _("ふりがな"), _("予算額"), _("請求額"), _("支払額"),
               _("戻入額"), _("差引支出額"), _("未払残"), _("予算残"), _("延滞件数"), _("延滞額")]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for number, post, name, reading, totals, overdue_count, overdue_yen in rows:
        sheet.append([safe_text(number), safe_text(post), safe_text(name), safe_text(reading), totals.planned,
                      totals.invoiced, totals.paid, totals.refunded, totals.net_paid, totals.unpaid,
                      totals.budget_left, overdue_count, overdue_yen])
        if overdue_count:
            for cell in sheet[sheet.max_row]:
                cell.fill = OVERDUE_FILL
    grand = sum((r[4] for r in rows), LedgerTotals())
    sheet.append([_("合計"), "", "", "", grand.planned, grand.invoiced, grand.paid, grand.refunded, grand.net_paid,
                  grand.unpaid, grand.budget_left, sum(r[5] for r in rows), sum(r[6] for r in rows)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    totals_row = sheet.max_row
    if audit_head is not None:
        sheet.append([])
        sheet.append([_("監査記録 No.{number} ({hash}…)").format(number=audit_head[0], hash=audit_head[1][:8])])
        sheet[sheet.max_row][0].font = Font(size=8, color="666666")
    for row in sheet.iter_rows(min_row=2, max_row=totals_row, min_col=5, max_col=13):
        for cell in row:
            cell.number_format = YEN_FORMAT if cell.column != 12 else "0"
    for column, width in zip("ABCDEFGHIJKLM", (14, 22, 14, 18, 14, 14, 14, 12, 14, 14, 14, 9, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = _("{year} 負担金の状況（{town}）").format(year=fiscal_year.label(), town=town)
    workbook.properties.creator = "Renkei Desk"
    if created is not None:
        workbook.properties.created = created
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
