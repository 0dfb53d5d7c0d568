"""The "large office" of QUALITY.md, generated fast with plain inserts (not through services):
30 fiscal years, 2,000 staff, 100,000 money rows, 2,000 organisations, 200 agreements,
and an audit trail of `audit_rows` chained entries."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from desktop.store import audit
from desktop.store.db import open_office
from desktop.store.demo import build_demo_office
from desktop.store.models import (
    Agreement,
    AgreementField,
    AgreementVersion,
    Assignment,
    AuditEntry,
    MoneyRow,
    Organisation,
    OrgEvent,
    Post,
    SendingBody,
    StaffMember,
)

FIRST_YEAR = 1996
YEARS = 30
STAFF = 2_000
MONEY_ROWS = 100_000
AGREEMENTS = 200
ORGANISATIONS = 2_000
ORG_STATES = ("registered", "applied", "designated", "refused", "designated", "dissolved")
POSTS_PER_AGREEMENT = 10
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
SURNAMES = ["髙﨑", "𠮷田", "佐藤", "鈴木", "渡邊", "山本", "中村", "小林", "加藤", "齋藤"]


def build_large_office(path: Path, *, audit_rows: int = 1_000_000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with open_office(path) as office:
        with office.transaction() as session:
            build_demo_office(session)
        with office.transaction() as session:
            session.execute(insert(SendingBody), [{"id": 100 + i, "name": f"県{i}"} for i in range(10)])
            session.execute(insert(Agreement), [{
                "id": 100 + a, "number": f"大規模第{a}号", "sending_body_id": 100 + a % 10, "title": "協約",
                "concluded_on": date(FIRST_YEAR, 3, 1), "abolition_note": "", "dispute_note": "",
                "policy_affairs": "", "problem": "", "expertise": "", "staff_count": 10, "assigned_affairs": "",
                "dispatch_start": date(FIRST_YEAR, 4, 1), "dispatch_end": date(FIRST_YEAR + YEARS, 3, 31),
                "recruitment_cost_bearer": "", "personnel_cost_bearer": "", "contribution_note": "",
            } for a in range(AGREEMENTS)])
            session.execute(insert(AgreementVersion), [{
                "agreement_id": 100 + a, "seq": 0, "kind": "original", "effective_on": date(FIRST_YEAR, 3, 1),
                "summary": "", "terms_json": "{}"} for a in range(AGREEMENTS)])
            session.execute(insert(AgreementField), [{"agreement_id": 100 + a, "field_id": 1} for a in range(AGREEMENTS)])
            posts = [{"id": 1000 + p, "agreement_id": 100 + p // POSTS_PER_AGREEMENT, "department": f"課{p}",
                      "job": "保健師", "note": ""} for p in range(AGREEMENTS * POSTS_PER_AGREEMENT)]
            session.execute(insert(Post), posts)
            staff = [{"id": 10_000 + s, "name": f"{rng.choice(SURNAMES)} {s}",
                      "reading": "".join(rng.choice(KANA) for _ in range(6)), "note": ""} for s in range(STAFF)]
            session.execute(insert(StaffMember), staff)
            assignments = []
            for s in range(STAFF):
                start_year = FIRST_YEAR + rng.randrange(YEARS - 2)
                assignments.append({
                    "staff_id": 10_000 + s, "post_id": 1000 + rng.randrange(len(posts)), "field_id": 1,
                    "employment_type": "fixed_term", "dispatch_form": rng.choice(["act_252_17", "other"]),
                    "hired_for_support": False, "start_on": date(start_year, 4, 1),
                    "end_on": date(start_year + 2, 3, 31), "note": ""})
            session.execute(insert(Assignment), assignments)
            money = []
            for _ in range(MONEY_ROWS):
                a = rng.choice(assignments)
                year = a["start_on"].year + rng.randrange(2)
                kind = rng.choice(["invoice", "payment", "payment", "budget", "refund"])
                day = date(year, 4, 1) + timedelta(days=rng.randrange(360))
                money.append({"kind": kind, "fiscal_year": year, "post_id": a["post_id"], "staff_id": a["staff_id"],
                              "on_date": day, "amount_yen": rng.randrange(1, 2_000_000), "number": "",
                              "due_on": day + timedelta(days=20) if kind == "invoice" else None, "note": ""})
            session.execute(insert(MoneyRow), money)
            _add_organisations(session, rng)
        _fill_audit(office, audit_rows)
        with office.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute(text("ANALYZE"))
    return path


def _snapshot(org: dict) -> str:  # type: ignore[type-arg]
    return json.dumps({k: org[k] for k in ("name", "kind", "representative_title", "representative_name", "address",
                                           "area", "area_detail", "member_count", "membership", "contact", "note")}
                      | {"articles_on": org["articles_on"].isoformat()}, ensure_ascii=False)


def _add_organisations(session, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """2,000 organisations in every state, each with its registration event."""
    orgs, events = [], []
    for o in range(ORGANISATIONS):
        state = rng.choice(ORG_STATES)
        designated = state in ("designated", "dissolved")
        org = {"id": 10_000 + o, "name": f"{rng.choice(SURNAMES)}第{o}町内会", "kind": rng.choice(["regional", "federation", "other"]),
               "representative_title": "会長", "representative_name": f"{rng.choice(SURNAMES)} {o}",
               "address": f"デモ町大字{o}番地", "area": f"第{o % 40}小学校区", "area_detail": "", "member_count": rng.randrange(5, 500),
               "membership": "residents", "contact": "", "articles_on": date(2010, 4, 1), "note": "", "state": state,
               "designation_number": f"大規模指定第{o}号" if designated else None,
               "designated_on": date(2025, 8, 1) if designated else None, "notice_on": None}
        orgs.append(org)
        events.append({"org_id": org["id"], "seq": 1, "on_date": date(2025, 6, 1), "action": "register",
                       "state_after": state, "summary": "", "snapshot_json": _snapshot(org), "detail_json": "{}",
                       "designation_number": org["designation_number"]})
    session.execute(insert(Organisation), orgs)
    session.execute(insert(OrgEvent), events)


def _fill_audit(office, count: int) -> None:  # type: ignore[no-untyped-def]
    with office.transaction() as session:
        prev = audit.last_hash(session)
        batch = []
        for number in range(count):
            at = f"2020-01-01T00:00:{number % 60:02d}.{number % 1_000_000:06d}+00:00"
            after = f'{{"n":{number}}}'
            digest = audit.entry_hash(prev, at, "bench", "money_row", str(number), "create", "", "null", after)
            batch.append({"at": at, "os_user": "bench", "entity": "money_row", "entity_id": str(number),
                          "action": "create", "summary": "", "before_json": "null", "after_json": after,
                          "prev_hash": prev, "hash": digest})
            prev = digest
            if len(batch) == 50_000:
                session.execute(insert(AuditEntry), batch)
                batch = []
        if batch:
            session.execute(insert(AuditEntry), batch)
