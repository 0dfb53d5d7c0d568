"""Form tests: real PDFs, parsed back with pypdf and rendered with QtPdf."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from desktop.domain.agreement import AgreementTerms
from desktop.domain.documents import LetterHead
from desktop.domain.fiscal_year import FiscalYear
from desktop.forms.agreement_f1 import AgreementFormData
from desktop.forms.kit import fonts
from desktop.forms.roster_f2 import RosterFormData, RosterFormLine
from desktop.store.demo import DEMO_TOWN


@pytest.fixture(autouse=True)
def default_font_search() -> Iterator[None]:
    fonts.set_ipamj_path(None)
    yield
    fonts.set_ipamj_path(None)


def strip_dates(pdf: bytes) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", pdf)


def agreement_data(partner: str = "A県") -> AgreementFormData:
    return AgreementFormData(
        town=DEMO_TOWN, number="A県デモ町第1号", title="専門人材の確保及び派遣に関する連携協約", partner=partner,
        concluded_on=date(2024, 3, 25),
        terms=AgreementTerms(policy_affairs=("デモ町において不足する専門人材の採用に関する事務",
                                             "デモ町において不足する専門人材の派遣に関する事務"),
                             problem="母子保健", expertise="保健師", field_ids=(1,), staff_count=2,
                             assigned_affairs="母子保健", dispatch_start=date(2024, 4, 1),
                             dispatch_end=date(2027, 3, 31), recruitment_cost_bearer=partner,
                             personnel_cost_bearer=partner),
        field_names=("保健師",),
    )


def roster_data(count: int, name: str = "髙﨑 美咲", mayor: str = DEMO_TOWN.mayor_name) -> RosterFormData:
    lines = tuple(
        RosterFormLine(f"{name}{i}", "たかさき みさき", "保健師", "任期付職員", "自治法派遣", "健康福祉課／保健師",
                       "A県デモ町第1号", date(2025, 4, 1), date(2026, 3, 31))
        for i in range(1, count + 1)
    )
    head = LetterHead("デモ町総第123号", date(2025, 4, 1), "A県知事", DEMO_TOWN.mayor_title, mayor)
    return RosterFormData(DEMO_TOWN, FiscalYear(2025), head, lines)
