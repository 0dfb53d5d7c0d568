from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from desktop.domain.claim import ClaimStatus, ExclusionReason
from desktop.domain.contribution import MoneyKind, MoneyRowDraft
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import DEFAULT_PARAMETERS
from desktop.domain.problems import ValidationError
from desktop.domain.town import TownCategory
from desktop.store.db import Office
from desktop.store.demo import DEMO_TOWN, build_demo_office
from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.claims import compute_claim_for, get_claim
from desktop.store.repos.ledger import list_ledger
from desktop.store.repos.measure import list_measure_parameters, measure_parameters_for
from desktop.store.services.claims import (
    record_decision,
    reopen_claim,
    save_measure_parameters,
    submit_claim,
)
from desktop.store.services.contributions import record_money_row
from desktop.store.services.town import update_town_profile

FY = FiscalYear(2025)


@pytest.fixture
def demo(office: Office) -> Office:
    with office.transaction() as session:
        build_demo_office(session)
    return office


def test_demo_claim(demo: Office) -> None:
    with demo.reader() as session:
        result = compute_claim_for(session, FY)
    lines = {line.persons: line for line in result.lines}
    assert lines[("髙﨑 美咲",)].amount_yen == 2_800_000
    assert lines[("鈴木 一郎",)].amount_yen == 1_450_315
    reasons = {e.persons: e.reason for e in result.exclusions}
    assert reasons == {("渡邊 健一",): ExclusionReason.NOT_FIRST_YEAR, ("佐藤 剛",): ExclusionReason.NOT_ACT_DISPATCH}
    assert result.total_yen == 4_250_315
    assert result.parameters.source.startswith("総務省")


def test_april_payment_booked_to_the_previous_year_counts_there(demo: Office) -> None:
    with demo.reader() as session:
        fy2024 = compute_claim_for(session, FiscalYear(2024))
    (line,) = fy2024.lines
    # four quarters of 1,300,000 (the last paid on 2025-04-25 for FY2024) minus a 35,000 refund
    assert line.paid_yen == 5_200_000 and line.refunded_yen == 35_000 and line.amount_yen == 2_582_500


def test_submitted_claim_is_frozen_until_reopened(demo: Office) -> None:
    with demo.transaction() as session:
        submit_claim(session, fiscal_year=FY, submitted_on=date(2026, 6, 1))
    with demo.reader() as session:
        line = next(r for r in list_ledger(session, fiscal_year=FY) if r.name == "髙﨑 美咲")
    with demo.transaction() as session:
        record_money_row(session, draft=MoneyRowDraft(MoneyKind.PAYMENT, line.post_id, line.staff_id, FY,
                                                      date(2026, 5, 20), 100_001))
    with demo.reader() as session:
        record = get_claim(session, FY)
        live = compute_claim_for(session, FY)
    assert record.status is ClaimStatus.SUBMITTED and record.claimed_yen == 4_250_315
    assert record.result.total_yen == 4_250_315
    assert live.total_yen == 4_250_315 + 50_000
    with pytest.raises(ValidationError, match="既に提出済"), demo.transaction() as session:
        submit_claim(session, fiscal_year=FY, submitted_on=date(2026, 6, 2))
    with demo.transaction() as session:
        record_decision(session, fiscal_year=FY, decided_yen=4_200_000, decided_on=date(2026, 12, 10))
    with demo.reader() as session:
        decided = get_claim(session, FY)
    assert decided.status is ClaimStatus.DECIDED and decided.difference_yen == -50_315
    with pytest.raises(ValidationError, match="理由"), demo.transaction() as session:
        reopen_claim(session, fiscal_year=FY, reason=" ")
    with demo.transaction() as session:
        reopen_claim(session, fiscal_year=FY, reason="5月の支払を追加するため")
    with demo.reader() as session:
        reopened = get_claim(session, FY)
        entry = list_audit_entries(session)[0]
    assert reopened.status is ClaimStatus.DRAFT and reopened.result.total_yen == 4_300_315
    assert entry.action == "reopen" and "5月の支払を追加するため" in entry.after_json
    assert json.loads(entry.before_json)["claim"]["total_yen"] == 4_250_315


def test_decision_needs_a_submitted_claim(demo: Office) -> None:
    with pytest.raises(ValidationError, match="提出前"), demo.transaction() as session:
        record_decision(session, fiscal_year=FY, decided_yen=1, decided_on=date(2026, 12, 1))


def test_ineligible_town_sees_why_and_claims_nothing(demo: Office) -> None:
    with demo.transaction() as session:
        update_town_profile(session, profile=DEMO_TOWN.__class__(**{**DEMO_TOWN.__dict__,
                                                                    "category": TownCategory.CORE_CITY}))
    with demo.reader() as session:
        result = compute_claim_for(session, FY)
    assert not result.eligible and result.total_yen == 0 and result.lines == ()
    assert {e.reason for e in result.exclusions} == {ExclusionReason.INELIGIBLE_TOWN}
    with pytest.raises(ValidationError, match="対象外団体"), demo.transaction() as session:
        submit_claim(session, fiscal_year=FY, submitted_on=date(2026, 6, 1))


def test_parameters_are_data_keyed_by_year(demo: Office) -> None:
    with demo.reader() as session:
        (row,) = list_measure_parameters(session)
    assert row.from_year == FiscalYear(2024) and row.ratio == Fraction(1, 2) and row.first_year_only
    changed = DEFAULT_PARAMETERS.__class__(**{**DEFAULT_PARAMETERS.__dict__, "from_year": FY,
                                              "ratio": Fraction(2, 5), "source": "令和7年度の通知（仮）"})
    with demo.transaction() as session:
        save_measure_parameters(session, parameters=changed)
    with demo.reader() as session:
        assert measure_parameters_for(session, FiscalYear(2024)).ratio == Fraction(1, 2)
        assert measure_parameters_for(session, FY).ratio == Fraction(2, 5)
        result = compute_claim_for(session, FY)
        assert list_audit_entries(session)[0].entity == "measure"
    assert result.parameters.source == "令和7年度の通知（仮）"
    assert {line.amount_yen for line in result.lines} == {2_240_000, 1_160_252}
    with pytest.raises(ValidationError), demo.transaction() as session:
        save_measure_parameters(session, parameters=DEFAULT_PARAMETERS.__class__(
            **{**changed.__dict__, "ratio": Fraction(3, 2)}))


@pytest.mark.slow
def test_claim_cli_table_and_json(tmp_path: Path) -> None:
    office = tmp_path / "o.renkei"
    env = os.environ.copy()
    subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(office)], check=True, env=env,
                   capture_output=True)
    table = subprocess.run([sys.executable, "-m", "desktop", "claim", "--db", str(office), "--fiscal-year", "令和7年度"],
                           capture_output=True, text=True, env=env, check=True)
    assert "合計 4,250,315円" in table.stdout and "二年目以降" in table.stdout
    raw = subprocess.run([sys.executable, "-m", "desktop", "claim", "--db", str(office), "--fiscal-year", "2025", "--json"],
                         capture_output=True, text=True, env=env, check=True)
    data = json.loads(raw.stdout)
    assert data["total_yen"] == 4_250_315 and data["status"] == "draft"
    assert {e["reason"] for e in data["exclusions"]} == {"not_first_year", "not_act_dispatch"}
    assert all(set(line) >= {"post", "persons", "first_fiscal_year", "contribution_yen", "amount_yen"}
               for line in data["lines"])
    assert data["parameters"]["ratio"] == "1/2"
