"""`check` replays every audited entity: for each, one row changed and another deleted with the
sqlite3 module (outside the app) are both named, and nothing else is."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.carry_out import CarryOut, Medium, OutputKind
from desktop.domain.designation import (
    ImprovementConfirmed,
    ImprovementOrder,
    Revocation,
    RevocationGround,
)
from desktop.domain.expertise import FieldDraft
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import DEFAULT_PARAMETERS
from desktop.domain.ordinance import ItemKind, OrdinanceItemDraft
from desktop.domain.org_lease import PropertyLeaseDraft
from desktop.domain.org_support import CoordinationRequestDraft, NegotiatedContractDraft
from desktop.paths import HOME_ENV
from desktop.store.db import open_office
from desktop.store.office_identity import KEEP_DAILY_KEY
from desktop.store.repos.agreements import get_agreement
from desktop.store.repos.grant_calendar import setting_key
from desktop.store.repos.import_limits import AMOUNT_LIMIT_KEY
from desktop.store.services.agreements import create_agreement, save_field
from desktop.store.services.backup_settings import BackupSettingsDraft, save_backup_settings
from desktop.store.services.carry_out import record_carry_out
from desktop.store.services.claims import record_decision, save_measure_parameters, submit_claim
from desktop.store.services.import_limits import set_import_amount_limit
from desktop.store.services.ordinance import save_ordinance_item
from desktop.store.services.organisation_records import save_contract, save_coordination, save_lease
from desktop.store.services.organisations import confirm_improvement, order_improvement, revoke
from tests.store.backup_helpers import cli, make_demo, sql

EAST, CENTRE = 1, 2  # the demo's designated organisation and the one under an improvement order


def _audit_every_entity(path: Path) -> None:
    """The demo office, and through the services at least two audited rows of every entity."""
    make_demo(path)
    with open_office(path) as office, office.transaction() as session:
        agreement = get_agreement(session, 1)
        assert agreement is not None
        create_agreement(session, draft=replace(agreement.draft, number="A県デモ町第2号"))
        for name in ("テスト分野A", "テスト分野B"):
            save_field(session, field_id=None, draft=FieldDraft(name))
        for label in ("テスト活動A", "テスト活動B"):
            save_ordinance_item(session, item_id=None, draft=OrdinanceItemDraft(ItemKind.ACTIVITY, label))
        for year in (2030, 2031):
            save_measure_parameters(session, parameters=replace(DEFAULT_PARAMETERS, from_year=FiscalYear(year),
                                                                source="テスト"))
        submit_claim(session, fiscal_year=FiscalYear(2025), submitted_on=date(2026, 6, 1))
        record_decision(session, fiscal_year=FiscalYear(2025), decided_yen=1_000, decided_on=date(2026, 12, 8))
        submit_claim(session, fiscal_year=FiscalYear(2026), submitted_on=date(2027, 6, 1))
        save_coordination(session, org_id=EAST, record_id=None, draft=CoordinationRequestDraft(
            date(2026, 8, 1), "環境美化", "東地区老人クラブ"))
        save_contract(session, org_id=EAST, record_id=None, draft=NegotiatedContractDraft(
            "公園の清掃", 120_000, date(2026, 4, 1), date(2027, 3, 31), date(2026, 3, 25), "契約規則第20条"))
        save_lease(session, org_id=EAST, record_id=None, draft=PropertyLeaseDraft(
            "東地区公民館", "1階 倉庫", Decimal("12.5"), "備品の保管", date(2026, 4, 1), date(2027, 3, 31), 12_000,
            no_hindrance="倉庫は使われていないため"))
        confirm_improvement(session, org_id=CENTRE, confirmed=ImprovementConfirmed(date(2027, 1, 10), "総会を開催"))
        order_improvement(session, org_id=CENTRE, order=ImprovementOrder(
            date(2027, 2, 1), "決算未承認", "決算を承認すること", date(2027, 3, 31)))
        revoke(session, org_id=CENTRE, revocation=Revocation(date(2027, 4, 5), RevocationGround.ORDER_VIOLATED,
                                                             "期限までに決算を承認しなかった"))
        save_backup_settings(session, draft=BackupSettingsDraft("", 10, 12))
        set_import_amount_limit(session, limit_yen=5_000_000_000)
        for name in ("a.pdf", "b.pdf"):
            record_carry_out(session, carry_out=CarryOut(OutputKind.FORM, "F2", "派遣職員受入名簿", Medium.USB, 3,
                                                         name, "0" * 64))


@pytest.fixture(scope="module")
def audited_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("replay")
    with pytest.MonkeyPatch.context() as patch:  # its backups stay in its own folder
        patch.setenv(HOME_ENV, str(folder / "home"))
        _audit_every_entity(folder / "office.renkei")
    return folder / "office.renkei"


@dataclass(frozen=True)
class Case:
    label: str  # what `check` calls the rows
    table: str
    change: str  # the SET clause
    where: str = ""  # which rows are candidates (the first is changed, the second deleted)


CASES = (
    Case("負担金", "money_row", "amount_yen = amount_yen + 1"),
    Case("派遣", "assignment", "end_on = '2030-03-31'"),
    Case("連携協約", "agreement", "title = title || '（改）'"),
    Case("派遣先ポスト", "post", "job = '税務'"),
    Case("分野", "field", "separate_measure = 1", "name LIKE 'テスト分野%'"),
    Case("地域団体", "organisation", "member_count = 99"),
    Case("条例の項目", "ordinance_item", "label = label || '（改）'", "label LIKE 'テスト活動%'"),
    Case("措置率・上限等", "measure_parameters", "personnel_cap_yen = personnel_cap_yen + 1", "from_year >= 2030"),
    Case("算定資料", "claim", "claimed_yen = claimed_yen + 1", "status != 'draft'"),
    Case("団体への支援", "org_support", "purpose = purpose || '（改）'"),
    Case("調整の求め", "org_coordination", "activity = '別の活動'"),
    Case("随意契約による委託", "org_contract", "amount_yen = amount_yen + 1"),
    Case("行政財産の貸付け", "org_lease", "rent_yen = rent_yen + 1"),
    Case("報告徴収", "org_report_request", "items = items || '（改）'"),
    Case("改善命令", "org_order", "deadline = '2030-01-01'"),
    Case("指定の取消し", "org_revocation", "reason = reason || '（改）'"),
    Case("指定申請", "org_application", "status = 'withdrawn'"),
)


def _findings(err: str) -> list[str]:
    return [line for line in err.splitlines() if "アプリの外で" in line]


def _ids(path: Path, case: Case) -> list[int]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        where = f" WHERE {case.where}" if case.where else ""
        return [row[0] for row in conn.execute(f"SELECT id FROM {case.table}{where} ORDER BY id")]


@pytest.fixture
def office_copy(audited_office: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.renkei"
    shutil.copyfile(audited_office, copy)
    return copy


def test_the_office_with_every_entity_audited_passes(office_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(capsys, "check", "--db", str(office_copy))
    assert _findings(err) == [] and "記録と監査記録の照合: 一致" in out
    assert code == 0, err


def _changed_and_deleted(label: str, changed: int, deleted: int) -> list[str]:
    return sorted([f"{label} No.{changed} はアプリの外で変更されています（最後の監査記録と異なります）",
                   f"{label} No.{deleted} はアプリの外で削除されています（監査記録には残っています）"])


@pytest.mark.parametrize("case", CASES, ids=[c.table for c in CASES])
def test_a_row_changed_and_another_deleted_outside_the_app_are_both_named(
        case: Case, office_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    changed, deleted = _ids(office_copy, case)[:2]
    sql(office_copy, f"UPDATE {case.table} SET {case.change} WHERE id = {changed}",
        f"DELETE FROM {case.table} WHERE id = {deleted}")
    code, _out, err = cli(capsys, "check", "--db", str(office_copy))
    assert code == 1
    assert sorted(_findings(err)) == _changed_and_deleted(case.label, changed, deleted)


def test_a_carry_out_removed_past_its_triggers_is_named(office_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The register refuses changes by its triggers; one who drops them is still caught."""
    changed, deleted = _ids(office_copy, Case("持出記録", "carry_out_record", ""))[:2]
    sql(office_copy, "DROP TRIGGER carry_out_record_no_update", "DROP TRIGGER carry_out_record_no_delete",
        f"UPDATE carry_out_record SET medium = 'paper' WHERE id = {changed}",
        f"DELETE FROM carry_out_record WHERE id = {deleted}")
    code, _out, err = cli(capsys, "check", "--db", str(office_copy))
    assert code == 1
    assert sorted(_findings(err)) == _changed_and_deleted("持出記録", changed, deleted)


@pytest.mark.parametrize(("label", "table"), [("自団体設定", "town"), ("条例・規則の題名と番号", "ordinance")])
def test_a_single_row_changed_or_deleted_outside_the_app_is_named(
        label: str, table: str, office_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    column = {"town": "mayor_name", "ordinance": "number"}[table]
    sql(office_copy, f"UPDATE {table} SET {column} = '別'")
    code, _out, err = cli(capsys, "check", "--db", str(office_copy))
    assert code == 1 and _findings(err) == [f"{label} No.1 はアプリの外で変更されています（最後の監査記録と異なります）"]
    sql(office_copy, f"DELETE FROM {table}")
    code, _out, err = cli(capsys, "check", "--db", str(office_copy))
    assert code == 1 and _findings(err) == [f"{label} No.1 はアプリの外で削除されています（監査記録には残っています）"]


@pytest.mark.parametrize(("label", "statement"), [
    ("バックアップの設定", f"UPDATE office_setting SET value = '99' WHERE key = '{KEEP_DAILY_KEY}'"),
    ("バックアップの設定", f"DELETE FROM office_setting WHERE key = '{KEEP_DAILY_KEY}'"),  # back to the default 14
    ("特別交付税等の日程", f"DELETE FROM office_setting WHERE key = '{setting_key('march_decision')}'"),
    ("特別交付税等の日程", f"UPDATE office_setting SET value = '2026-12-09' WHERE key = '{setting_key('december_decision')}'"),
    ("取込の金額上限", f"UPDATE office_setting SET value = '900000000000' WHERE key = '{AMOUNT_LIMIT_KEY}'"),
])
def test_a_setting_changed_or_removed_outside_the_app_is_named(
        label: str, statement: str, office_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sql(office_copy, statement)
    code, _out, err = cli(capsys, "check", "--db", str(office_copy))
    assert code == 1 and _findings(err) == [f"{label}はアプリの外で変更されています（最後の監査記録と異なります）"]
