"""`due [--on DATE] [--within DAYS] [--json]`: what is due or overdue across the office, soonest first."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from desktop.domain.due import DueItem, describe_days
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store.db import open_office
from desktop.store.repos.due import list_due


def as_json(item: DueItem, on: date) -> dict[str, object]:
    return {"due_on": item.due_on.isoformat(), "days": (item.due_on - on).days, "kind": item.kind.value,
            "kind_label": item.kind.label, "title": item.title, "overdue": item.overdue,
            "screen": item.target.screen, "record_id": item.target.record_id, "tab": item.target.tab or None, "item_id": item.target.item_id}


def run_due(db: Path, *, on: date | None, within: int, json_output: bool) -> int:
    if within < 0:
        print(_("--within は0以上の日数で指定してください: {value}").format(value=within), file=sys.stderr)
        return 1
    day = on or date.today()
    with open_office(db, create=False, take_backup=False) as office, office.reader() as session:
        items = list_due(session, on=day, within=within)
    if json_output:
        json.dump({"on": day.isoformat(), "within": within, "items": [as_json(i, day) for i in items]}, sys.stdout,
                  ensure_ascii=False, indent=2, sort_keys=True)
        print()
        return 0
    print(_("{date}時点（{within}日先まで）").format(date=format_wareki(day), within=within))
    for item in items:
        mark = "!" if item.overdue else " "
        print(f"{mark} {format_wareki(item.due_on)}\t{describe_days(item, day)}\t{item.kind.label}\t{item.title}")
    print(_("{count}件").format(count=len(items)))
    return 0
