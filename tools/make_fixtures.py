"""Developer tool: one office file per schema revision, for the upgrade test.

    python tools/make_fixtures.py [REVISION…]   # writes tests/store/fixtures/office-<revision>.renkei

Run it once when a revision is released; the files are then kept as they are, so the test
upgrades what real towns have on disk.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.store import migrate
from desktop.store.audit import GENESIS_HASH, entry_hash
from desktop.store.db import APPLICATION_ID

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "store" / "fixtures"

_ENTRY = ("2026-11-01T00:00:00.000000+00:00", "clerk", "staff_member", "1", "update", "髙﨑 美咲", "null", "{}")
_entry_digest = entry_hash(GENESIS_HASH, *_ENTRY)

DATA = {
    "0001": [
        "UPDATE town SET name='髙﨑町', prefecture='A県', local_gov_code='131016', mayor_name='𠮷田 一郎'",
    ],
    "0002": [
        "INSERT INTO sending_body (id, name) VALUES (1, 'A県')",
        "INSERT INTO agreement (id, number, sending_body_id, title, concluded_on, abolition_note, dispute_note,"
        " policy_affairs, problem, expertise, staff_count, assigned_affairs, dispatch_start, dispatch_end,"
        " recruitment_cost_bearer, personnel_cost_bearer, contribution_note) VALUES (1, '第1号', 1, '協約',"
        " '2024-03-25', '', '', '', '', '', 1, '', '2024-04-01', '2027-03-31', 'A県', 'A県', '')",
        "INSERT INTO agreement_version (agreement_id, seq, kind, effective_on, summary, terms_json)"
        " VALUES (1, 0, 'original', '2024-03-25', '', '{}')",
        "INSERT INTO agreement_field (agreement_id, field_id) VALUES (1, 1)",
        "INSERT INTO post (id, agreement_id, department, job, note) VALUES (1, 1, '健康福祉課', '保健師', '')",
        "INSERT INTO staff_member (id, name, reading, note) VALUES (1, '髙﨑 美咲', 'たかさき みさき', '')",
        "INSERT INTO assignment (staff_id, post_id, field_id, employment_type, dispatch_form, hired_for_support,"
        " start_on, end_on, note) VALUES (1, 1, 1, 'fixed_term', 'act_252_17', 0, '2025-04-01', '2026-03-31', '')",
    ],
    "0003": [
        "INSERT INTO money_row (kind, fiscal_year, post_id, staff_id, on_date, amount_yen, number, note)"
        " VALUES ('payment', 2025, 1, 1, '2025-07-25', 1400000, '支出第1号', '')",
    ],
    "0004": [
        "INSERT INTO claim (fiscal_year, status, note) VALUES (2025, 'draft', '')",
    ],
    # An organisation designated, then ordered to improve: 0006 copies the order out of its history.
    "0005": [
        "INSERT INTO organisation (id, name, kind, representative_title, representative_name, address, area,"
        " area_detail, member_count, membership, contact, note, state, designation_number, designated_on)"
        " VALUES (1, '中央地区自治会連合会', 'federation', '会長', '佐々木 和夫', 'B町本町', '中央地区', '', 9,"
        " 'groups', '', '', 'under_order', 'B町指定第2号', '2025-08-01')",
        "INSERT INTO org_event (org_id, seq, on_date, action, state_after, summary, snapshot_json, detail_json,"
        " designation_number) VALUES (1, 1, '2025-08-01', 'designate', 'designated', '指定', '{}', '{}',"
        " 'B町指定第2号')",
        "INSERT INTO org_event (org_id, seq, on_date, action, state_after, summary, snapshot_json, detail_json,"
        " designation_number) VALUES (1, 2, '2026-10-01', 'order_improvement', 'under_order', '改善命令', '{}',"
        " '{\"deadline\":\"2026-12-25\",\"failings\":\"総会未開催\",\"measures\":\"総会を開催すること\","
        "\"ordered_on\":\"2026-10-01\"}', 'B町指定第2号')",
    ],
    # One audit entry, chained from the start: 0007 indexes the entries already on file.
    "0006": [
        "INSERT INTO audit_entry (at, os_user, entity, entity_id, action, summary, before_json, after_json,"
        " prev_hash, hash) VALUES (" + ", ".join(f"'{v}'" for v in (*_ENTRY, GENESIS_HASH, _entry_digest)) + ")",
    ],
}


def make(revision: str) -> Path:
    target = OUT / f"office-{revision}.renkei"
    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), revision)
    engine.dispose()
    with sqlite3.connect(target) as conn:
        for step in migrate.known_revisions()[: migrate.known_revisions().index(revision) + 1]:
            for statement in DATA.get(step, []):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={migrate.schema_number(revision)}")
    conn.close()
    return target


def main(revisions: list[str]) -> None:
    """Writes the files for the given revisions (all released ones when none is given)."""
    OUT.mkdir(parents=True, exist_ok=True)
    for revision in revisions or migrate.known_revisions()[:-1]:
        print(make(revision))


if __name__ == "__main__":
    main(sys.argv[1:])
