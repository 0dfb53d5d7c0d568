"""The prefecture's side: many towns' files verified, set side by side, duplicates of a town and
year resolved to the newest, each town's audit chain checked against what was received before."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.exchange.chain import ChainState, ChainStatus, ChainVerdict, check_chain
from desktop.exchange.format import ExchangeError
from desktop.exchange.verify import VerifiedFile, verify_path
from desktop.i18n import _


@dataclass(frozen=True)
class TownFile:
    path: Path
    file: VerifiedFile
    chain: ChainVerdict
    superseded_by: Path | None = None   # same town and year, a newer file is counted instead

    @property
    def counted(self) -> bool:
        return self.superseded_by is None


@dataclass(frozen=True)
class RefusedFile:
    path: Path
    message: str


@dataclass(frozen=True)
class Aggregation:
    files: tuple[TownFile, ...]     # town code, then year, then newest first
    refused: tuple[RefusedFile, ...]

    @property
    def counted(self) -> list[TownFile]:
        return [f for f in self.files if f.counted]

    @property
    def claim_yen(self) -> int:
        return sum(f.file.claim_yen for f in self.counted)

    @property
    def contribution_yen(self) -> int:
        return sum(f.file.contribution_yen for f in self.counted)

    @property
    def problems(self) -> bool:
        """A file refused or a history rewritten: the clerk must look before using the sums."""
        return bool(self.refused) or any(not f.chain.status.ok for f in self.files)


ProgressCallback = Callable[[int, int, str], None]


def _no_progress(_done: int, _total: int, _text: str) -> None:
    return None


def aggregate_files(paths: Sequence[Path], state: ChainState, passphrase: str | None = None,
                    progress: ProgressCallback = _no_progress) -> Aggregation:
    """Verifies each file, then checks chains town by town in the order the files were made,
    remembering the heads that continue (the caller saves the state)."""
    verified: list[tuple[Path, VerifiedFile]] = []
    refused: list[RefusedFile] = []

    def verify_one(path: Path) -> VerifiedFile | RefusedFile:
        try:
            return verify_path(path, passphrase)
        except ExchangeError as error:
            return RefusedFile(path, str(error))

    # Files are verified on every core: an encrypted file costs one scrypt (about 0.1 s), which
    # OpenSSL computes without holding the GIL.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for index, (path, outcome) in enumerate(zip(paths, pool.map(verify_one, paths), strict=True)):
            progress(index, len(paths), _("{name} を検証しました").format(name=path.name))
            if isinstance(outcome, RefusedFile):
                refused.append(outcome)
            else:
                verified.append((path, outcome))
    progress(len(paths), len(paths), _("集計しています…"))
    verdicts: dict[int, ChainVerdict] = {}
    for position in sorted(range(len(verified)), key=lambda i: (verified[i][1].created_at, verified[i][1].audit_entries)):
        file = verified[position][1]
        verdict = check_chain(state.heads(file.town_code), file)
        verdicts[position] = verdict
        if verdict.status is not ChainStatus.REWRITTEN:
            state.remember(file)
    newest: dict[tuple[str, int], int] = {}
    for position, (_path, file) in enumerate(verified):
        key = (file.town_code, file.fiscal_year)
        rank = (file.created_at, file.audit_entries)
        if key not in newest or rank > (verified[newest[key]][1].created_at, verified[newest[key]][1].audit_entries):
            newest[key] = position
    files = [TownFile(path, file, verdicts[i],
                      None if newest[(file.town_code, file.fiscal_year)] == i
                      else verified[newest[(file.town_code, file.fiscal_year)]][0])
             for i, (path, file) in enumerate(verified)]
    files.sort(key=lambda f: (f.file.town_code, f.file.fiscal_year, f.superseded_by is not None,
                              _reverse(f.file.created_at)))
    return Aggregation(tuple(files), tuple(refused))


def _reverse(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def aggregation_to_dict(result: Aggregation) -> dict[str, Any]:
    """The JSON `aggregate --json` prints (docs/exchange-format.md)."""
    return {
        "towns": [{
            "file": str(f.path), "town_code": f.file.town_code, "town_name": f.file.town_name,
            "fiscal_year": f.file.fiscal_year, "created_at": f.file.created_at, "claim_yen": f.file.claim_yen,
            "contribution_yen": f.file.contribution_yen, "posts": f.file.posts, "staff": f.file.staff,
            "counted": f.counted, "superseded_by": str(f.superseded_by) if f.superseded_by else None,
            "chain": f.chain.status.value, "chain_detail": f.chain.detail,
            "persons": [{"name": p.name, "post": p.post, "field": p.field, "dispatch_form": p.dispatch_form,
                         "contribution_yen": p.contribution_yen} for p in f.file.persons],
        } for f in result.files],
        "refused": [{"file": str(r.path), "message": r.message} for r in result.refused],
        "totals": {"files": len(result.counted), "claim_yen": result.claim_yen,
                   "contribution_yen": result.contribution_yen},
    }
