"""The audit trail's text search (revision 0007): the trigram index, its one- and two-character path,
and the count cap; every answer is compared with Python's substring test over the same entries."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.store import audit
from desktop.store.db import Office, open_office
from desktop.store.repos import audit_search
from desktop.store.repos.audit import AuditFilter, count_audit_entries, list_audit_entries

SUMMARIES = ["髙﨑 美咲を登録", "𠮷田 一郎を修正", "佐藤", "Tanaka Ichiro", "協約第1号", "髙", "a\"b", "100%"]


def fill(office: Office, summaries: list[str]) -> None:
    with office.transaction() as session:
        for number, summary in enumerate(summaries):
            audit.record(session, entity="staff_member", entity_id=str(number), action="update",
                         summary=summary, before=None, after={"n": number})


def substring_ids(office: Office, typed: str) -> list[int]:
    """The entries whose searched columns contain `typed` (ASCII case folded), newest first."""
    with office.reader() as session:
        rows = list_audit_entries(session, limit=1000)
    return [r.id for r in rows
            if any(typed.lower() in v.lower() for v in (r.entity, r.summary, r.os_user, r.action, r.after_json))]


@pytest.mark.parametrize("typed", ["髙﨑", "髙", "𠮷田", "𠮷", "佐藤", "藤", "tanaka", "TA", "t", "協約第1号",
                                   "約第", "美咲を登", "a\"b", "\"", "%", "100%", "いない", "無", "staff", "upd"])
def test_search_finds_every_entry_containing_the_text(office: Office, typed: str) -> None:
    fill(office, SUMMARIES)
    expected = substring_ids(office, typed)
    with office.reader() as session:
        found = [row.id for row in list_audit_entries(session, text=typed)]
        assert found == expected
        assert count_audit_entries(session, text=typed) == len(expected)


def test_a_two_character_name_is_found_through_the_index(office: Office) -> None:
    fill(office, SUMMARIES)
    with office.reader() as session:
        assert audit_search.short_terms(session, "髙﨑") == ["髙﨑 "]
        assert audit_search.hit_rows(session, "髙﨑") is not None
        (row,) = list_audit_entries(session, text="髙﨑")
    assert row.summary == "髙﨑 美咲を登録"


def test_search_and_filters_combine(office: Office) -> None:
    fill(office, SUMMARIES)
    with office.transaction() as session:
        audit.record(session, entity="town", entity_id="1", action="create", summary="髙﨑町", before=None,
                     after={})
    with office.reader() as session:
        assert [r.summary for r in list_audit_entries(session, text="髙﨑")] == ["髙﨑町", "髙﨑 美咲を登録"]
        only_town = AuditFilter(entity="town")
        assert [r.summary for r in list_audit_entries(session, text="髙﨑", where=only_town)] == ["髙﨑町"]
        assert count_audit_entries(session, text="髙﨑", where=AuditFilter(action="update")) == 1


def test_a_common_single_character_falls_back_to_reading_the_trail(office: Office,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fill(office, SUMMARIES)
    monkeypatch.setattr(audit_search, "MAX_SHORT_TERMS", 1)
    monkeypatch.setattr(audit_search, "_short_cache", {})
    with office.reader() as session:
        assert audit_search.short_terms(session, "a") is None
        assert [r.id for r in list_audit_entries(session, text="a")] == substring_ids(office, "a")


def test_a_search_counts_up_to_the_cap(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(office, [f"髙﨑 {n}" for n in range(12)])
    monkeypatch.setattr("desktop.store.repos.audit.SEARCH_COUNT_CAP", 5)
    with office.reader() as session:
        assert count_audit_entries(session, text="髙﨑") == 6
        assert count_audit_entries(session) == 12
        assert len(list_audit_entries(session, text="髙﨑", limit=200)) == 12


def test_the_index_rows_leave_the_chain_intact(office: Office) -> None:
    fill(office, SUMMARIES)
    with office.reader() as session:
        assert audit.verify_chain(session).ok


def test_entries_of_an_older_file_are_indexed_by_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "office.renkei"
    shutil.copy(Path(__file__).parent / "fixtures" / "office-0006.renkei", path)
    with open_office(path) as office, office.reader() as session:
        assert [r.summary for r in list_audit_entries(session, text="髙﨑")] == ["髙﨑 美咲"]
        assert [r.summary for r in list_audit_entries(session, text="美咲")] == ["髙﨑 美咲"]
        assert audit.verify_chain(session).ok


def test_audit_rows_stay_append_only_with_the_index(office: Office, tmp_path: Path) -> None:
    fill(office, SUMMARIES)
    path = office.path
    office.close()
    with closing(sqlite3.connect(path)) as db, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_entry SET summary = 'x' WHERE id = 1")
