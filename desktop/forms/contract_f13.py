"""F13 随意契約理由書: why work is commissioned to a designated organisation without competition
(地方自治法第260条の49第6項 and the town's contract rule): the work, amount, period and basis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from desktop.domain.documents import date_line
from desktop.domain.org_support import NegotiatedContractDraft
from desktop.domain.organisation import OrganisationDraft
from desktop.domain.town import TownProfile
from desktop.domain.yen import format_amount
from desktop.forms.kit.blocks import sender_block
from desktop.forms.kit.fonts import Source
from desktop.forms.kit.sheet import Sheet, TableColumn
from desktop.forms.org_letter import wareki
from desktop.i18n import official


@dataclass(frozen=True)
class ContractFormData:
    town: TownProfile
    org: OrganisationDraft
    designation_number: str
    activities: tuple[str, ...]
    contract: NegotiatedContractDraft
    written_on: date | None


def default_reason(data: ContractFormData) -> str:
    return official(
        "当該業務は、指定地域共同活動団体である{org}が行う特定地域共同活動（{activities}）に関連する業務であり、"
        "区域の実情に通じた同団体に委託することにより、効率的かつ効果的な実施が見込まれるため。").format(
        org=data.org.name, activities="、".join(data.activities) or official("条例で定める活動"))


def render_f13(data: ContractFormData) -> bytes:
    contract, org = data.contract, data.org
    title = official("随意契約理由書")
    sheet = Sheet(title=title, author=data.town.name, subject=org.name)
    sheet.text_at(sheet.right, sheet.y - 10.5, date_line(data.written_on), 10.5, align="right")
    sheet.y -= 10.5 * 2.4
    sheet.heading(title, 16, space_after=4 * mm)
    sheet.paragraph(official("次の業務について、下記の理由により随意契約を締結する。"), size=10.5, first_indent=10.5,
                    space_after=3 * mm)
    rows = [
        [official("業務の名称"), contract.work],
        [official("契約の相手方"), f"{org.name}（{official('指定番号')} {data.designation_number}）\n"
                                 f"{org.address}\n{org.representative_title}\u3000{org.representative_name}"],
        [official("契約金額"), official("{amount}円").format(amount=format_amount(contract.amount_yen or 0))],
        [official("契約期間"), official("{start}から{end}まで").format(start=wareki(contract.start_on),
                                                                  end=wareki(contract.end_on))],
        [official("契約予定日"), wareki(contract.concluded_on)],
        [official("根拠法令等"), official("地方自治法第260条の49第6項、地方自治法施行令第167条の2第1項及び{clause}").format(
            clause=contract.rule_clause)],
        [official("随意契約とする理由"), contract.reason or default_reason(data)],
    ]
    sheet.table([TableColumn(official("項目"), 24), TableColumn(official("内容"), 76)], rows, size=10, header_size=9,
                min_row_height=9 * mm, sources=[Source(org.name)] * len(rows))
    sheet.spacer(8 * mm)
    sender_block(sheet, data.town.mayor_title, data.town.mayor_name, size=10.5)
    return sheet.render()
