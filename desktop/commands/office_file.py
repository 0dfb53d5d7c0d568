"""`demo` and `check`: creating a demo office and checking an office file without changing it."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.store import audit, backup, migrate
from desktop.store.db import APPLICATION_ID, open_office
from desktop.store.demo import build_demo_office


def run_demo(db: Path) -> int:
    if db.exists() and db.stat().st_size > 0:
        print(_("事務ファイル「{path}」は既にあります。デモは空のファイルにだけ作成します。").format(path=db), file=sys.stderr)
        return 1
    with open_office(db) as office, office.transaction() as session:
        build_demo_office(session)
    print(_("デモ事務所を作成しました: {path}").format(path=db))
    return 0


def run_check(db: Path) -> int:
    """Read-only: quick_check, schema version, backups, audit chain. Exit 1 on any problem."""
    if not db.exists():
        print(_("事務ファイル「{path}」が見つかりません").format(path=db), file=sys.stderr)
        return 1
    ok = True
    result = backup.quick_check(db)
    print(_("整合性検査 (quick_check): {result}").format(result=result))
    if result != "ok":
        good = backup.last_good_backup(db)
        print(_("最後の正常なバックアップ: {backup}").format(backup=good or _("なし")))
        return 1
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        except sqlite3.DatabaseError:
            revision = None
    if app_id != APPLICATION_ID:
        print(_("連携デスクの事務ファイルではありません"), file=sys.stderr)
        return 1
    known = revision in migrate.known_revisions()
    print(_("スキーマの版: {number}（リビジョン {revision}、この版の最新 {head}）").format(
        number=user_version, revision=revision, head=migrate.head_revision()))
    if not known:
        print(_("このファイルは新しい版の連携デスクで保存されています"), file=sys.stderr)
        ok = False
    engine = create_engine(f"sqlite:///file:{db}?mode=ro&uri=true")
    try:
        with Session(engine) as session:
            chain = audit.verify_chain(session)
    finally:
        engine.dispose()
    if chain.ok:
        print(_("監査ログ: {count}件、改ざんなし").format(count=chain.entries))
    else:
        print(_("監査ログ: 第{id}件目以降が改ざんされています").format(id=chain.first_broken_id), file=sys.stderr)
        ok = False
    if chain.ok:
        from desktop.commands.history_check import report_history

        ok = report_history(db) and ok
    backups = backup.list_backups(db)
    print(_("バックアップ: {count}件").format(count=len(backups)))
    for info in backups[:10]:
        print(f"  {info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason:<18} {info.size:>12,}  {info.path}")
    return 0 if ok else 1
