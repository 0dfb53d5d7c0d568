"""`backup`, `backups` and `restore`: the office's backups from the command line."""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from pathlib import Path

from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import _
from desktop.store import backup
from desktop.store.backup_contents import COUNTED_TABLES, FileContents, describe
from desktop.store.db import OfficeInUseError, open_office
from desktop.store.restore import plan_restore, restore_backup


def _missing(db: Path) -> bool:
    if db.is_file() and db.stat().st_size > 0:
        return False
    print(_("事務ファイル「{path}」が見つかりません").format(path=db), file=sys.stderr)
    return True


def counts_text(contents: FileContents) -> str:
    return "・".join(f"{_(label)} {contents.count(table):,}" for table, label in COUNTED_TABLES
                    if table in dict(contents.counts))


def head_text(contents: FileContents) -> str:
    head = contents.audit_head
    return _("監査記録 No.{number} ({hash}…)").format(number=head.sequence, hash=head.short) if head else _("監査記録なし")


def run_backup(db: Path) -> int:
    if _missing(db):
        return 1
    # Opening checks the file and gives an older one its identity; the window may hold it
    # open, and SQLite's backup API reads alongside it, so that case needs no opening.
    with contextlib.suppress(OfficeInUseError):
        open_office(db, create=False, take_backup=False).close()
    try:
        path = backup.backup_office(db.resolve(), "manual")
    except backup.BackupError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(_("バックアップを作成しました: {path}").format(path=path))
    return 0


def run_backups(db: Path) -> int:
    """One line per backup, newest first: path, date, size, schema version, counts, audit head."""
    if _missing(db):
        return 1
    found = backup.list_backups(db.resolve())
    if not found:
        print(_("バックアップはありません（フォルダ: {folder}）").format(folder=backup.backup_folder(db.resolve())),
              file=sys.stderr)
        return 0
    for info in found:
        contents = describe(info.path)
        if not contents.readable:
            details = _("壊れています（{detail}）").format(detail=contents.integrity)
        else:
            details = "\t".join((_("版 {number}").format(number=contents.schema_version), counts_text(contents),
                                 head_text(contents)))
        print("\t".join((str(info.path), f"{info.taken_at:%Y-%m-%d %H:%M:%S}", f"{info.size:,} B", details)))
    return 0


def _comparison(backup_contents: FileContents, current: FileContents | None, taken: str) -> list[str]:
    rows = [(_("日時"), taken, _("（現在）")),
            (_("スキーマの版"), str(backup_contents.schema_version), str(current.schema_version) if current else "-")]
    for table, label in COUNTED_TABLES:
        rows.append((_(label), f"{backup_contents.count(table):,}", f"{current.count(table):,}" if current else "-"))
    rows.append((_("最新の監査記録"), head_text(backup_contents), head_text(current) if current else "-"))
    lines = [_pad("", 14) + _pad(_("バックアップ"), 32) + _("現在の事務ファイル")]
    lines += [_pad(name, 14) + _pad(left, 32) + right for name, left, right in rows]
    return lines


def _pad(text: str, width: int) -> str:
    """Pads to a column width in a terminal, where kanji take two columns."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(1, width - used)


def run_restore(backup_path: Path, db: Path, *, yes: bool, other_office: bool) -> int:
    plan = plan_restore(office_path=db, backup_path=backup_path)
    if plan.problems:
        print(plan.problems[0], file=sys.stderr)
        return 1
    if plan.current is not None and not plan.current.readable:
        print(_("現在の事務ファイルは壊れています（{detail}）。復元の前にそのまま保存します").format(
            detail=plan.current.integrity))
    for line in _comparison(plan.backup, plan.current if plan.current and plan.current.readable else None,
                            format_wareki_datetime(plan.backup_taken_at)):
        print(line)
    if not plan.same_office and not other_office:
        print(_("このバックアップは別の事務所のものです。それでも復元するときは --other-office を付けてください"),
              file=sys.stderr)
        return 1
    if not yes and not _confirmed():
        print(_("復元しませんでした。確認なしで復元するには --yes を付けてください"), file=sys.stderr)
        return 1
    result = restore_backup(office_path=db, backup_path=backup_path, allow_other_office=other_office)
    if result.before_restore_backup is not None:
        print(_("復元前の事務ファイルをバックアップしました: {path}").format(path=result.before_restore_backup))
    print(_("復元しました: {backup} → {office}（監査記録 No.{number}）").format(
        backup=result.restored_from, office=result.office_path, number=result.audit_sequence))
    return 0


def _confirmed() -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(_("この内容で復元しますか？ [y/N] "))
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "はい")
