"""`check` catches history cut or rewritten (against the backups) and rows touched outside the app."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.domain.agreement import AmendmentDraft
from desktop.domain.contribution import MoneyKind, MoneyRowDraft
from desktop.domain.fiscal_year import FiscalYear
from desktop.store import audit, backup
from desktop.store.db import open_office
from desktop.store.repos.agreements import get_agreement
from desktop.store.repos.organisations import get_organisation
from desktop.store.repos.town import get_town_profile
from desktop.store.restore import restore_backup
from desktop.store.services.agreements import abolish_agreement, amend_agreement, update_post
from desktop.store.services.contributions import (
    delete_money_row,
    record_money_row,
    update_money_row,
)
from desktop.store.services.organisations import notify_change
from desktop.store.services.town import update_town_profile
from tests.store.backup_helpers import UNGUARD, cli, make_demo, scalar, sql


def test_a_healthy_office_with_backups_passes(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    backup.backup_office(office_path, "manual")
    with open_office(office_path) as office, office.transaction() as session:
        post_id = int(session.connection().exec_driver_sql("SELECT min(id) FROM post").scalar_one())
        # Typed with spaces, as clerks do: the service stores it stripped, audits it as typed.
        draft = MoneyRowDraft(MoneyKind.PAYMENT, post_id, None, FiscalYear(2025), date(2025, 6, 2), 1000, " 12 ")
        row_id = record_money_row(session, draft=draft).ids[0]
        update_money_row(session, row_id=row_id, draft=replace(draft, amount_yen=2000, note=" 訂正 "))
        delete_money_row(session, row_id=1)
    code, out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 0, err
    assert "監査記録とバックアップ: 一致" in out and "記録と監査記録の照合: 一致" in out


def test_deleting_the_newest_audit_entries_is_named(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    backup.backup_office(office_path, "manual")
    newest = int(str(scalar(office_path, "SELECT max(id) FROM audit_entry")))
    sql(office_path, *UNGUARD, "DELETE FROM audit_entry WHERE id > 40")
    code, out, err = cli(capsys, "check", "--db", str(office_path))
    assert newest > 40
    assert code == 1
    assert "監査ログ: 40件、改ざんなし" in out  # the chain alone cannot tell...
    assert "監査記録 No.41 以降が失われています" in err  # ...the backup can
    assert "追記のみに保つ仕組み" in err


def test_guards_put_back_after_the_cut_still_leave_the_cut_visible(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    backup.backup_office(office_path, "manual")
    guard = ("CREATE TRIGGER {name} BEFORE {what} ON audit_entry "
             "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END")
    sql(office_path, *UNGUARD, "DELETE FROM audit_entry WHERE id > 30",
        guard.format(name="audit_entry_no_update", what="UPDATE"),
        guard.format(name="audit_entry_no_delete", what="DELETE"))
    code, _out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 1 and "追記のみ" not in err and "監査記録 No.31 以降が失われています" in err


def test_an_edit_with_every_hash_recomputed_is_named(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    backup.backup_office(office_path, "manual")
    sql(office_path, *UNGUARD, "UPDATE audit_entry SET summary = summary || '（改）' WHERE id = 20")
    _rehash(office_path)
    code, out, err = cli(capsys, "check", "--db", str(office_path))
    assert "改ざんなし" in out  # a consistent forgery: the chain verifies
    assert code == 1 and "監査記録 No.20 以降がバックアップ" in err and "書き換えられています" in err


def test_a_money_row_deleted_or_changed_with_the_sqlite_shell_is_named(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    sql(office_path, "DELETE FROM money_row WHERE id = 5", "UPDATE money_row SET amount_yen = amount_yen + 1 WHERE id = 7",
        "UPDATE assignment SET end_on = '2030-03-31' WHERE id = 2")
    code, _out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 1
    assert "負担金 No.5 はアプリの外で削除されています" in err
    assert "負担金 No.7 はアプリの外で変更されています" in err
    assert "派遣 No.2 はアプリの外で変更されています" in err
    assert "No.6" not in err


def test_a_row_added_outside_the_app_is_named(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    sql(office_path, "INSERT INTO money_row (kind, fiscal_year, post_id, amount_yen, number, note) "
                     "SELECT kind, fiscal_year, post_id, 999, '', '' FROM money_row WHERE id = 1")
    code, _out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 1 and "負担金 No.33 はアプリの外で追加されています" in err


def test_a_restore_is_not_taken_for_tampering(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    older = backup.backup_office(office_path, "manual")
    with open_office(office_path) as office, office.transaction() as session:
        delete_money_row(session, row_id=3)
    backup.backup_office(office_path, "manual")  # a backup of the history the restore replaces
    restore_backup(office_path=office_path, backup_path=older)
    backup.backup_office(office_path, "manual")
    code, out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 0, err
    assert "監査記録とバックアップ: 一致" in out


def _rehash(path: Path) -> None:
    """What a careful forger does after editing an entry: recompute every hash after it."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        prev = audit.GENESIS_HASH
        rows = conn.execute("SELECT id, at, os_user, entity, entity_id, action, summary, before_json, after_json "
                            "FROM audit_entry ORDER BY id").fetchall()
        for row in rows:
            new = audit.entry_hash(prev, *row[1:])
            conn.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, row[0]))
            prev = new
        conn.commit()


def test_posts_organisations_and_the_town_changed_outside_the_app_are_named(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    with open_office(office_path) as office, office.transaction() as session:
        # Changes made in the app are audited: they are not reported.
        update_post(session, post_id=1, department="健康福祉課", job="保健師（母子）")
        detail = get_organisation(session, 1)
        assert detail is not None
        notify_change(session, org_id=1, draft=replace(detail.draft, member_count=detail.draft.member_count + 1),
                      effective_on=date(2026, 5, 1), summary="会員の増加")
        update_town_profile(session, profile=replace(get_town_profile(session), mayor_name="髙﨑 𠮷次郎"))
        agreement = get_agreement(session, 1)
        assert agreement is not None
        amend_agreement(session, agreement_id=1, terms=replace(agreement.draft.terms, staff_count=3),
                        amendment=AmendmentDraft(effective_on=date(2026, 4, 1), summary="派遣人数の変更"))
        abolish_agreement(session, agreement_id=1, abolished_on=date(2027, 3, 31), note="期間満了")
    code, out, _err = cli(capsys, "check", "--db", str(office_path))
    assert code == 0 and "記録と監査記録の照合: 一致" in out
    sql(office_path, "UPDATE post SET job = '税務' WHERE id = 1", "UPDATE organisation SET member_count = 99 WHERE id = 1",
        "UPDATE town SET mayor_name = '別人'", "PRAGMA foreign_keys = OFF", "DELETE FROM post WHERE id = 2",
        "UPDATE agreement SET dispatch_end = '2035-03-31' WHERE id = 1")
    code, _out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 1
    assert "派遣先ポスト No.1 はアプリの外で変更されています" in err
    assert "派遣先ポスト No.2 はアプリの外で削除されています" in err
    assert "地域団体 No.1 はアプリの外で変更されています" in err
    assert "自団体設定 No.1 はアプリの外で変更されています" in err
    assert "連携協約 No.1 はアプリの外で変更されています" in err
