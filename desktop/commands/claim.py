"""`claim --fiscal-year Y [--json]`: the first-year claim's lines, exclusions and total."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import ratio_text
from desktop.domain.yen import format_amount
from desktop.i18n import _
from desktop.store.db import open_office
from desktop.store.repos.claim_snapshot import result_to_dict
from desktop.store.repos.claims import get_claim


def run_claim(db: Path, fiscal_year: FiscalYear, *, as_json: bool) -> int:
    with open_office(db, create=False, take_backup=False) as office, office.reader() as session:
        record = get_claim(session, fiscal_year)
    result = record.result
    if as_json:
        data = result_to_dict(result)
        data["status"] = record.status.value
        data["submitted_on"] = record.submitted_on.isoformat() if record.submitted_on else None
        data["decided_yen"] = record.decided_yen
        data["decided_on"] = record.decided_on.isoformat() if record.decided_on else None
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
        print()
        return 0
    print(_("{year} 特別交付税算定資料（受入市町村の負担金）— {status}").format(
        year=fiscal_year.label(), status=record.status.label))
    print(result.parameters.describe())
    if not result.eligible:
        print(_("対象外団体です（{category}）。申請できる額はありません。").format(category=result.town_category.label))
    print()
    print(_("【対象】"))
    for line in result.lines:
        print(f"  {line.agreement_number}  {line.post_label}  {'・'.join(line.persons)}  "
              + _("初年度 {first}  負担金 {net}円 × {ratio} = {amount}円").format(
                  first=line.first_year.label(), net=format_amount(line.net_yen),
                  ratio=ratio_text(result.parameters.ratio), amount=format_amount(line.amount_yen)))
    if not result.lines:
        print("  " + _("なし"))
    print(_("【対象外】"))
    for exclusion in result.exclusions:
        print(f"  {exclusion.agreement_number}  {exclusion.post_label}  {'・'.join(exclusion.persons)}  "
              f"{exclusion.reason.label}: {exclusion.detail}")
    if not result.exclusions:
        print("  " + _("なし"))
    print()
    print(_("合計 {amount}円").format(amount=format_amount(result.total_yen)))
    if record.decided_yen is not None and record.difference_yen is not None:
        print(_("決定額 {decided}円（差 {difference}円）").format(
            decided=format_amount(record.decided_yen), difference=f"{record.difference_yen:+,}"))
    return 0
