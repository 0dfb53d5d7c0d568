from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.town import TownProfile
from desktop.store import audit
from desktop.store.db import Office, open_office
from desktop.store.repos.audit import count_audit_entries, list_audit_entries
from desktop.store.services.town import update_town_profile


def save(office: Office, name: str) -> None:
    with office.transaction() as session:
        update_town_profile(session, profile=TownProfile(name=name, prefecture="A県",
                                                         local_gov_code="990001", mayor_name="町長"))


def test_each_change_is_audited_with_before_and_after(office: Office) -> None:
    save(office, "デモ町")
    save(office, "髙﨑町")
    with office.reader() as session:
        rows = list_audit_entries(session)
        assert count_audit_entries(session) == 2
        assert count_audit_entries(session, text="髙﨑") == 1
        assert audit.verify_chain(session).ok
    newest = rows[0]
    assert newest.entity == "town" and newest.action == "update"
    assert json.loads(newest.before_json)["name"] == "デモ町"
    assert json.loads(newest.after_json)["name"] == "髙﨑町"
    assert newest.os_user


def test_saving_the_same_profile_twice_writes_one_entry(office: Office) -> None:
    save(office, "デモ町")
    save(office, "デモ町")
    with office.reader() as session:
        assert count_audit_entries(session) == 1


def test_audit_rows_cannot_be_changed_or_deleted(office: Office, office_path: Path) -> None:
    save(office, "デモ町")
    with closing(sqlite3.connect(office_path)) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit_entry SET summary = 'x'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_entry")


def test_tampering_is_detected(office_path: Path) -> None:
    with open_office(office_path) as office:
        save(office, "デモ町")
        save(office, "C町")
    with closing(sqlite3.connect(office_path)) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute("UPDATE audit_entry SET after_json = replace(after_json, 'デモ町', 'Z町') WHERE id = 1")
        conn.commit()
    with open_office(office_path) as office, office.reader() as session:
        result = audit.verify_chain(session)
    assert not result.ok and result.first_broken_id == 1
