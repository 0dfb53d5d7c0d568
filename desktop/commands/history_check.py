"""The part of `check` that trusts nothing in the office file alone: its audit chain against
its backups, and its rows against the audit trail's after-images."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from desktop.domain.access import Principal, Role
from desktop.i18n import _
from desktop.store.acting import info_for
from desktop.store.history import compare_with_backups, missing_guards
from desktop.store.read_only import connect_read_only
from desktop.store.replay import replay


def report_history(db: Path) -> bool:
    """Prints what was found; False when history was cut or rewritten or rows were touched."""
    ok = True
    guards = missing_guards(db)
    if guards:
        ok = False
        print(_("監査ログを追記のみに保つ仕組み（{names}）が外されています").format(names="、".join(guards)),
              file=sys.stderr)
    findings = compare_with_backups(db)
    if findings:
        ok = False
        for finding in findings[:10]:
            print(finding.message(), file=sys.stderr)
    else:
        print(_("監査記録とバックアップ: 一致"))
    engine = create_engine("sqlite://", creator=lambda: connect_read_only(db), poolclass=StaticPool)
    try:
        # `check` reads the rows to compare, and prints only entities and numbers: it reads as
        # a check of its own, whether or not sign-in is on (it writes nothing, not even a sign-in).
        with Session(engine, info=info_for(Principal(_("検査"), Role.VIEWER))) as session:
            rows = replay(session)
    finally:
        engine.dispose()
    if rows:
        ok = False
        for row in rows[:50]:
            print(row.message(), file=sys.stderr)
        if len(rows) > 50:
            print(_("ほか {count}件").format(count=len(rows) - 50), file=sys.stderr)
    else:
        print(_("記録と監査記録の照合: 一致"))
    return ok
