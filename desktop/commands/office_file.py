"""`demo` and `check`: creating a demo office and checking an office file without changing it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from desktop.domain.codes import CodeError
from desktop.domain.local_governments import parse_known_local_gov_code
from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import _
from desktop.store import audit, backup, migrate
from desktop.store.db import APPLICATION_ID, OfficeError, classify_fault, inspect_office_file
from desktop.store.read_only import connect_read_only, quick_check

# Below this, the next save (WAL pages, a checkpoint) may not fit: said, but not a failure.
LOW_SPACE_BYTES = 4 * 1024 * 1024


def run_demo(db: Path, *, town_code: str | None = None, town_name: str | None = None) -> int:
    """The demo office in a new file: デモ町, or another town (code and name given) whose figures
    differ, seeded by its code. An existing non-empty file is refused, never overwritten."""
    from desktop.store.creation import create_office_file
    from desktop.store.demo import demo_seed, demo_town

    try:
        code = parse_known_local_gov_code(town_code) if town_code else None
    except CodeError as error:
        print(str(error), file=sys.stderr)
        return 1
    seed = demo_seed(code)
    path = create_office_file(db, demo=True, town=demo_town(code, town_name), seed=seed)
    print(_("デモ事務所を作成しました: {path}").format(path=path))
    return 0


def run_check(db: Path) -> int:
    """Read-only (writes nothing, not even beside the file): quick_check, schema version,
    backups, audit chain. Exit 1 on any problem; a healthy file in a folder that cannot be
    written is healthy, and is said to be so with a note."""
    path = db.expanduser().resolve()
    app_id, user_version, _tables = inspect_office_file(path)
    try:
        result = quick_check(path)
    except sqlite3.Error as error:
        raise classify_fault(error, path) or OfficeError(str(error)) from None
    print(_("整合性検査 (quick_check): {result}").format(result=result))
    if result != "ok":
        print(_("事務ファイルが壊れています。"), file=sys.stderr)
        good = backup.last_good_backup(path)
        print(_("最後の正常なバックアップ: {backup}").format(backup=good or _("なし")))
        return 1
    if app_id != APPLICATION_ID:
        print(_("連携デスクの事務ファイルではありません"), file=sys.stderr)
        return 1
    ok = True
    with closing(connect_read_only(path)) as conn:
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        except sqlite3.DatabaseError:
            revision = None
    known = revision in migrate.known_revisions()
    print(_("スキーマの版: {number}（リビジョン {revision}、この版の最新 {head}）").format(
        number=user_version, revision=revision, head=migrate.head_revision()))
    if not known:
        print(_("このファイルは新しい版の連携デスクで保存されています"), file=sys.stderr)
        ok = False
    engine = create_engine("sqlite://", creator=lambda: connect_read_only(path), poolclass=StaticPool)
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

        ok = report_history(path) and ok
    backups = backup.list_backups(path)
    print(_("バックアップ: {count}件").format(count=len(backups)))
    for info in backups[:10]:
        print(f"  {format_wareki_datetime(info.taken_at)}  {info.reason:<18} {info.size:>12,}  {info.path}")
    if not os.access(path.parent, os.W_OK | os.X_OK) or not os.access(path, os.W_OK):
        print(_("注意: 事務ファイルは正常ですが、書き込めない場所にあります。連携デスクで開くには、"
                "書き込めるフォルダに移すか読み取り専用を解除してください。"))
    elif shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES:
        print(_("注意: 事務ファイルは正常ですが、ディスクの空きがほとんどありません（{free}バイト）。"
                "空きを作らないと保存できないことがあります。").format(free=f"{shutil.disk_usage(path.parent).free:,}"))
    return 0 if ok else 1
