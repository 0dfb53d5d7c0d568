"""Empty import templates (the header row only) as UTF-8-with-BOM CSV or xlsx, for the clerk to fill."""

from __future__ import annotations

import io

ROSTER_COLUMNS = ("協約番号", "氏名", "ふりがな", "分野", "任用形態", "派遣形態", "派遣先ポスト", "派遣開始日", "派遣終了日")
AGREEMENT_COLUMNS = ("協約番号", "相手方団体", "締結日", "派遣期間開始", "派遣期間終了", "分野")
PAYMENT_COLUMNS = ("協約番号", "派遣先ポスト", "氏名", "区分", "日付", "会計年度", "金額", "番号", "期日", "摘要")
PAYMENT_REQUIRED = ("協約番号", "派遣先ポスト", "区分", "日付", "金額")
PAYMENT_EXAMPLE = ("A県デモ町第1号", "健康福祉課／保健師", "髙﨑 美咲", "支払", "令和7年5月20日", "令和6年度",
                   "1,234,000円", "支出第1234号", "", "4月分給与負担金")
ROSTER_EXAMPLE = ("A県デモ町第1号", "髙﨑 美咲", "たかさき みさき", "保健師", "任期付職員", "自治法派遣",
                  "健康福祉課／保健師", "令和7年4月1日", "令和8年3月31日")
AGREEMENT_EXAMPLE = ("A県デモ町第1号", "A県", "令和6年3月25日", "令和6年4月1日", "令和9年3月31日", "保健師・保育士")


def template_csv(columns: tuple[str, ...]) -> bytes:
    # Excel on Windows opens UTF-8 CSV correctly only with the BOM.
    return ("\ufeff" + ",".join(columns) + "\r\n").encode("utf-8")


def template_xlsx(columns: tuple[str, ...], example: tuple[str, ...] | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    if example:
        sheet.append(list(example))
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, len(name) * 2.4)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
ORGANISATION_COLUMNS = ("団体名", "種別", "代表者の職名", "代表者氏名", "主たる事務所の所在地", "活動区域", "区域の大字・町丁",
                        "構成員数", "構成員の区分", "連絡先", "規約の制定日", "備考")
ORGANISATION_REQUIRED = ("団体名", "代表者氏名", "主たる事務所の所在地", "活動区域")
ORGANISATION_EXAMPLE = ("東町内会", "その他", "会長", "髙﨑 𠮷男", "デモ町大字東1234番地", "東小学校区", "大字東、東一丁目",
                        "120", "区域の住民", "0120-000-111", "平成31年4月20日", "")
