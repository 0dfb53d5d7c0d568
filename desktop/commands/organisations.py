"""`orgs [--state S] [--as-of DATE] [--json]`: the organisations with their state and designation number."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.organisation import OrgState
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store.db import open_office
from desktop.store.repos.organisations import (
    count_organisations,
    list_organisations,
    registry_as_of,
)


def parse_state(text: str) -> OrgState | None:
    """'designated', '指定' or the English label; None when nothing matches."""
    for state in OrgState:
        if text in (state.value, state.official_label, state.label):
            return state
    return None


def _rows(db: Path, state: OrgState | None, as_of: date | None) -> list[dict[str, Any]]:
    with open_office(db, create=False, take_backup=False) as office, office.reader() as session:
        if as_of is not None:
            return [{"id": r.id, "name": r.draft.name, "kind": r.draft.kind.value, "area": r.draft.area,
                     "representative": r.draft.representative_name, "member_count": r.draft.member_count,
                     "state": r.state.value, "designation_number": r.designation_number or None,
                     "designated_on": None}
                    for r in registry_as_of(session, day=as_of) if state is None or r.state is state]
        total = count_organisations(session, state=state.value if state else None)
        return [{"id": r.id, "name": r.name, "kind": r.kind.value, "area": r.area, "representative": r.representative,
                 "member_count": r.member_count, "state": r.state.value,
                 "designation_number": r.designation_number or None,
                 "designated_on": r.designated_on.isoformat() if r.designated_on else None}
                for r in list_organisations(session, state=state.value if state else None, limit=max(total, 1))]


def run_orgs(db: Path, *, state_text: str | None, as_of: date | None, as_json: bool) -> int:
    state = parse_state(state_text) if state_text else None
    if state_text and state is None:
        known = "、".join(f"{s.value}（{s.label}）" for s in OrgState)
        print(_("状態「{state}」はありません（{known}）").format(state=state_text, known=known), file=sys.stderr)
        return 1
    rows = _rows(db, state, as_of)
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
        print()
        return 0
    if as_of is not None:
        print(_("{date}時点の団体").format(date=format_wareki(as_of)))
    for row in rows:
        label = OrgState(row["state"]).label
        number = row["designation_number"] or "-"
        print(f"{row['id']:>4}  {label}\t{number}\t{row['name']}\t{row['area']}")
    print(_("{count}団体").format(count=len(rows)))
    return 0
