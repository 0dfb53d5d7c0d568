"""Does a town's new file continue the audit chain of the files received from it before?

The prefecture remembers, per town, every audit head it received (a small JSON state file in
its data folder). A new file continues the chain when it repeats the last remembered head
among its earlier heads, read from the town's chain as it stands now; a history rewritten
before that head shows a different hash there, which a chain that merely verifies cannot show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from desktop.atomic_file import write_atomically
from desktop.exchange.verify import VerifiedFile
from desktop.i18n import N_, _


class ChainStatus(Enum):
    FIRST = "first"            # nothing received from this town before
    CONTINUES = "continues"    # repeats the last head received, and goes on from it
    SAME = "same"              # a head already received (the same file again, or an older one)
    REWRITTEN = "rewritten"    # the town's history no longer holds the head received last time

    @property
    def label(self) -> str:
        return _(_LABELS[self])

    @property
    def ok(self) -> bool:
        return self is not ChainStatus.REWRITTEN


_LABELS = {
    ChainStatus.FIRST: N_("初回受領"),
    ChainStatus.CONTINUES: N_("前回から継続"),
    ChainStatus.SAME: N_("受領済みの末尾"),
    ChainStatus.REWRITTEN: N_("履歴の書換えの疑い"),
}


@dataclass(frozen=True)
class ChainVerdict:
    status: ChainStatus
    detail: str


@dataclass(frozen=True)
class ReceivedHead:
    entries: int
    head: str
    file_created_at: str
    fiscal_year: int


def check_chain(received: list[ReceivedHead], file: VerifiedFile) -> ChainVerdict:
    """received: the town's heads, oldest first (from the state file)."""
    if not received:
        return ChainVerdict(ChainStatus.FIRST, _("このまちから初めて受け取ったファイルです"))
    if any(r.entries == file.audit_entries and r.head == file.audit_head for r in received):
        return ChainVerdict(ChainStatus.SAME, _("以前に受け取った監査ログの末尾と同じです"))
    last = max(received, key=lambda r: r.entries)
    if file.audit_entries < last.entries:
        return ChainVerdict(ChainStatus.REWRITTEN, _("監査ログが前回（{last}件）より短くなっています（{now}件）").format(
            last=last.entries, now=file.audit_entries))
    vouched = {p.entries: p.hash for p in file.earlier_heads}
    if last.entries not in vouched:
        return ChainVerdict(ChainStatus.REWRITTEN, _("前回受け取った末尾（第{entries}件）がこのファイルの履歴にありません").format(
            entries=last.entries))
    if vouched[last.entries] != last.head:
        return ChainVerdict(ChainStatus.REWRITTEN, _("第{entries}件目の監査ログが前回受け取ったものと違います（履歴が書き換えられています）").format(
            entries=last.entries))
    return ChainVerdict(ChainStatus.CONTINUES, _("前回（第{entries}件）から継続しています").format(entries=last.entries))


class ChainState:
    """The heads received from each town; read once, saved atomically after an aggregation."""

    def __init__(self, path: Path, towns: dict[str, list[ReceivedHead]]) -> None:
        self.path = path
        self.towns = towns

    @classmethod
    def load(cls, path: Path) -> ChainState:
        """A missing state file is an empty memory; a damaged one is an error, never silently reset."""
        if not path.exists():
            return cls(path, {})
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
            towns = {code: [ReceivedHead(int(h["entries"]), str(h["head"]), str(h["file_created_at"]),
                                         int(h["fiscal_year"])) for h in heads]
                     for code, heads in raw["towns"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            from desktop.exchange.format import ExchangeError

            raise ExchangeError(_("受領記録「{path}」が読めません（{error}）。バックアップから戻すか、名前を変えて退避してください").format(
                path=path, error=error)) from None
        return cls(path, towns)

    def heads(self, town_code: str) -> list[ReceivedHead]:
        return list(self.towns.get(town_code, []))

    def remember(self, file: VerifiedFile) -> None:
        heads = self.towns.setdefault(file.town_code, [])
        if not any(h.entries == file.audit_entries and h.head == file.audit_head for h in heads):
            heads.append(ReceivedHead(file.audit_entries, file.audit_head, file.created_at, file.fiscal_year))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": "renkei-desk-received-heads", "version": 1,
                "towns": {code: [{"entries": h.entries, "head": h.head, "file_created_at": h.file_created_at,
                                  "fiscal_year": h.fiscal_year} for h in heads]
                          for code, heads in sorted(self.towns.items())}}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
