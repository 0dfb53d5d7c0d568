"""The carry-out register (持出記録) and the access entries (閲覧・印刷・書出し) in the audit trail:
one row and one audit entry per carry-out in one transaction, append-only, and the chain, the
replay and `check` unharmed by entries that record access rather than change."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.carry_out import CarryOut, Medium, OutputKind
from desktop.domain.fiscal_year import FiscalYear
from desktop.printing.carry_out import file_sha256, record_form_output
from desktop.printing.catalog import FormRequest
from desktop.store import audit
from desktop.store.db import open_office
from desktop.store.models.audit import AuditEntry
from desktop.store.replay import replay
from desktop.store.repos.carry_out import count_carry_outs, list_carry_outs
from desktop.store.repos.organisations import list_organisations
from desktop.store.repos.staffing import list_assignments
from desktop.store.services.access_log import record_view
from desktop.store.services.carry_out import record_carry_out
from tests.store.backup_helpers import cli, make_demo

SHA = "0123456789abcdef" * 4


def _carry_out(**changes: object) -> CarryOut:
    fields: dict[str, object] = {"output_kind": OutputKind.FORM, "document": "F2",
                                 "description": "F2 派遣職員受入名簿（令和7年度）", "medium": Medium.USB, "persons": 3,
                                 "file_name": "髙﨑.pdf", "sha256": SHA, "fiscal_year": 2025}
    fields.update(changes)
    return CarryOut(**fields)  # type: ignore[arg-type]


def test_a_carry_out_is_one_row_and_one_audit_entry_by_whom_acted(office_path: Path) -> None:
    make_demo(office_path)
    with open_office(office_path) as office:
        with office.reader() as session:
            entries_before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        with office.transaction() as session:
            session.info[audit.ACTING_USER_KEY] = "𠮷田"  # the signed-in user, when sign-in is on
            change = record_carry_out(session, carry_out=_carry_out())
        with office.reader() as session:
            (row,) = list_carry_outs(session)
            new = session.scalars(select(AuditEntry).where(AuditEntry.id > entries_before)).all()
    assert (row.user, row.medium, row.sha256, row.persons, row.file_name) == ("𠮷田", "usb", SHA, 3, "髙﨑.pdf")
    assert [(e.entity, e.entity_id, e.action, e.os_user) for e in new] == [
        ("carry_out_record", str(row.id), "export", "𠮷田")]
    assert json.loads(new[0].after_json)["sha256"] == SHA and change.ids == (row.id,)


def test_paper_is_audited_as_a_print_and_has_no_digest(office_path: Path) -> None:
    make_demo(office_path)
    with open_office(office_path) as office:
        with office.transaction() as session:
            record_carry_out(session, carry_out=_carry_out(medium=Medium.PAPER, sha256=None, file_name=""))
        with office.reader() as session:
            (row,) = list_carry_outs(session)
            last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert row.sha256 is None and row.user == audit.os_user()
    assert (last.action, last.summary) == ("print", "F2 派遣職員受入名簿（令和7年度）")


def test_the_register_is_append_only_and_checked(office_path: Path) -> None:
    make_demo(office_path)
    with open_office(office_path) as office, office.transaction() as session:
        record_carry_out(session, carry_out=_carry_out())
    with closing(sqlite3.connect(office_path)) as conn:
        for statement in ("UPDATE carry_out_record SET medium = 'paper'", "DELETE FROM carry_out_record"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(statement)
        insert = ("INSERT INTO carry_out_record (at, user, output_kind, document, description, medium, sha256,"
                  " persons, encrypted, file_name, note) VALUES ('x', 'u', 'form', 'F2', 'd', ?, ?, ?, 0, '', '')")
        for medium, sha256, persons in (("floppy", None, 1), ("usb", None, -1), ("usb", "abc", 1)):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
                conn.execute(insert, (medium, sha256, persons))
        assert conn.execute("SELECT count(*) FROM carry_out_record").fetchone()[0] == 1


def test_the_period_filter_takes_local_calendar_days(office_path: Path) -> None:
    make_demo(office_path)
    with open_office(office_path) as office:
        with office.transaction() as session:
            record_carry_out(session, carry_out=_carry_out())
        today = date.today()
        with office.reader() as session:
            assert count_carry_outs(session, start=today, end=today) == 1
            assert count_carry_outs(session, start=today + timedelta(days=1)) == 0
            assert count_carry_outs(session, end=today - timedelta(days=1)) == 0
            assert count_carry_outs(session, text="髙﨑") == 1 and count_carry_outs(session, text="%") == 0


def test_a_saved_form_is_recorded_with_the_digest_of_the_file_and_its_people(office_path: Path,
                                                                           tmp_path: Path) -> None:
    make_demo(office_path)
    written = tmp_path / "f2.pdf"
    written.write_bytes(b"%PDF-1.4 not really, but a file")
    with open_office(office_path) as office:
        with office.transaction() as session:
            record_form_output(session, request=FormRequest("F2", fiscal_year=FiscalYear(2025)), medium=Medium.EMAIL,
                               path=written)
            # Without personal data (F1: the heads' names in office; F5 blank): nothing is recorded.
            assert record_form_output(session, request=FormRequest("F1", agreement_number="A県デモ町第1号"),
                                      medium=Medium.USB, path=written).count == 0
            assert record_form_output(session, request=FormRequest("F5"), medium=Medium.PAPER).count == 0
        with office.reader() as session:
            (row,) = list_carry_outs(session)
            staff = {r.name for r in list_assignments(session, fiscal_year=FiscalYear(2025), limit=1000)}
    assert (row.document, row.medium, row.sha256, row.fiscal_year) == ("F2", "email", file_sha256(written), 2025)
    assert row.persons == len(staff) > 0


def test_views_and_carry_outs_leave_the_chain_the_replay_and_check_clean(office_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_demo(office_path)
    with open_office(office_path) as office:
        with office.reader() as session:
            org = list_organisations(session, limit=1)[0]
            assignment = list_assignments(session, limit=1)[0]
        with office.transaction() as session:
            # A view's image holds a name only; were the replay to read it as the row's image, the
            # assignment would be "changed outside the app".
            record_view(session, entity="organisation", entity_id=org.id, name="髙﨑 𠮷男")
            record_view(session, entity="staff_member", entity_id=assignment.staff_id, name=assignment.name)
            record_view(session, entity="assignment", entity_id=assignment.id, name=assignment.name)
            record_carry_out(session, carry_out=_carry_out())
            record_carry_out(session, carry_out=_carry_out(medium=Medium.PAPER, sha256=None))
        with office.reader() as session:
            assert audit.verify_chain(session).ok
            assert replay(session) == []
            views = session.scalars(select(AuditEntry).where(AuditEntry.action == "view")).all()
    assert [json.loads(v.after_json) for v in views] == [{"name": "髙﨑 𠮷男"}, {"name": assignment.name},
                                                         {"name": assignment.name}]
    code, out, err = cli(capsys, "check", "--db", str(office_path))
    assert code == 0, out + err
    assert "改ざんなし" in out and "一致" in out
