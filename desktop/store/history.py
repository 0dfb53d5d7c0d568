"""History that cannot be cut or rewritten silently: the office's audit chain against the
newest audit entry recorded in each of its backups.

Each audit entry's hash covers the one before it, so when the office has the same hash at a
backup's newest sequence number, everything up to there is unchanged. Otherwise the first
differing number is found by bisection. A difference that starts exactly at a restore entry
(which names the restored backup's head) is the history the restore replaced, not tampering.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from desktop.i18n import _
from desktop.store import backup
from desktop.store.backup_contents import read_audit_head
from desktop.store.read_only import connect_read_only


@dataclass(frozen=True)
class HistoryFinding:
    sequence: int  # the first missing or changed audit entry
    missing: bool  # True: cut off; False: rewritten
    backup: Path

    def message(self) -> str:
        if self.missing:
            return _("監査記録 No.{number} 以降が失われています（バックアップ「{backup}」には記録されています）").format(
                number=self.sequence, backup=self.backup.name)
        return _("監査記録 No.{number} 以降がバックアップ「{backup}」の記録と異なります（書き換えられています）").format(
            number=self.sequence, backup=self.backup.name)


def _hash_at(conn: sqlite3.Connection, sequence: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit_entry WHERE id = ?", (sequence,)).fetchone()
    return str(row[0]) if row else None


def _is_restore_point(office: sqlite3.Connection, sequence: int) -> bool:
    """An office restore entry at `sequence` whose restored head is the entry just before it."""
    row = office.execute("SELECT entity, action, after_json FROM audit_entry WHERE id = ?", (sequence,)).fetchone()
    if row is None or (row[0], row[1]) != ("office", "restore"):
        return False
    try:
        head = json.loads(row[2]).get("audit_head") or {"sequence": 0}
        return int(head["sequence"]) == sequence - 1
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def compare_with_backup(office: sqlite3.Connection, backup_path: Path) -> HistoryFinding | None:
    try:
        with closing(sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)) as other:
            head = read_audit_head(other)
            if head is None or _hash_at(office, head.sequence) == head.hash:
                return None
            low, high = 1, head.sequence  # find the first sequence where the two differ
            while low < high:
                middle = (low + high) // 2
                if _hash_at(office, middle) == _hash_at(other, middle):
                    low = middle + 1
                else:
                    high = middle
    except sqlite3.DatabaseError:
        return None  # an unreadable backup proves nothing either way; `check` lists it apart
    if _is_restore_point(office, low):
        return None
    return HistoryFinding(low, _hash_at(office, low) is None, backup_path)


def compare_with_backups(office_path: Path) -> list[HistoryFinding]:
    """One finding per backup that disagrees, the earliest first."""
    findings: list[HistoryFinding] = []
    with closing(connect_read_only(office_path)) as office:
        for info in backup.list_backups(office_path):
            found = compare_with_backup(office, info.path)
            if found is not None:
                findings.append(found)
    return sorted(findings, key=lambda f: (f.sequence, f.backup.name))


AUDIT_GUARDS = ("audit_entry_no_update", "audit_entry_no_delete")


def missing_guards(office_path: Path) -> list[str]:
    """The triggers that keep the audit trail append-only (revision 0001): dropping them is the
    first step of cutting history, so their absence is reported even when nothing was cut yet."""
    with closing(connect_read_only(office_path)) as office:
        present = {row[0] for row in office.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [name for name in AUDIT_GUARDS if name not in present]
