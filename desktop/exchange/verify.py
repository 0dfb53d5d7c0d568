"""Verifying an exchange file: whole, of a known version, its data consistent with its manifest;
the result is a small summary the prefecture's side sums. Nothing is ever written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.exchange.format import DATA, FORMAT_NAME, SCHEMA, ExchangeError
from desktop.exchange.read import open_exchange, read_file_bytes
from desktop.i18n import _


@dataclass(frozen=True)
class PersonLine:
    """One person on one post: 負担金 of the year (yen), which the prefecture deducts."""

    name: str
    post: str
    field: str
    dispatch_form: str
    contribution_yen: int


@dataclass(frozen=True)
class ChainPoint:
    entries: int
    hash: str


@dataclass(frozen=True)
class VerifiedFile:
    town_code: str
    town_name: str
    prefecture: str
    fiscal_year: int
    fiscal_year_label: str
    created_at: str
    app_version: str
    claim_yen: int
    contribution_yen: int
    posts: int
    staff: int
    persons: tuple[PersonLine, ...]
    audit_entries: int
    audit_head: str
    earlier_heads: tuple[ChainPoint, ...]
    encrypted: bool
    csv_encoding: str
    replacements: int
    member_count: int
    data: dict[str, Any]


def _field(mapping: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ExchangeError(_("data.json の「{where}.{key}」が形式と合いません").format(where=where, key=key))
    return value


def _persons(data: dict[str, Any]) -> tuple[PersonLine, ...]:
    staff = _field(data, "staff", list, "data")
    lines = []
    for index, item in enumerate(staff):
        where = f"staff[{index}]"
        lines.append(PersonLine(_field(item, "name", str, where), _field(item, "post", str, where),
                                _field(item, "field", str, where), _field(item, "dispatch_form", str, where),
                                _field(item, "contribution_yen", int, where)))
    return tuple(lines)


def _chain(audit: dict[str, Any]) -> tuple[ChainPoint, ...]:
    points = []
    for index, item in enumerate(_field(audit, "earlier_heads", list, "audit")):
        where = f"audit.earlier_heads[{index}]"
        points.append(ChainPoint(_field(item, "entries", int, where), _field(item, "hash", str, where)))
    return tuple(points)


def _agree(manifest: dict[str, Any], key: str, value: Any) -> None:
    if manifest.get(key) != value:
        raise ExchangeError(_("manifest.json と data.json の「{key}」が一致しません").format(key=key))


def verify_bytes(raw: bytes, passphrase: str | None = None) -> VerifiedFile:
    """Raises ExchangeError naming what is wrong; returns the summary of a whole file."""
    opened = open_exchange(raw, passphrase)
    try:
        data = json.loads(opened.members[DATA].decode("utf-8"))
        json.loads(opened.members[SCHEMA].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ExchangeError(_("data.json または data.schema.json が JSON として読めません")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ExchangeError(_("data.json が交換ファイルの形式ではありません"))
    manifest = opened.manifest
    town = _field(data, "town", dict, "data")
    totals = _field(data, "totals", dict, "data")
    audit = _field(data, "audit", dict, "data")
    claim = _field(data, "claim", dict, "data")
    summary = VerifiedFile(
        town_code=_field(town, "code", str, "town"), town_name=_field(town, "name", str, "town"),
        prefecture=_field(town, "prefecture", str, "town"), fiscal_year=_field(data, "fiscal_year", int, "data"),
        fiscal_year_label=_field(data, "fiscal_year_label", str, "data"),
        created_at=_field(data, "created_at", str, "data"), app_version=_field(data, "app_version", str, "data"),
        claim_yen=_field(totals, "claim_yen", int, "totals"),
        contribution_yen=_field(totals, "contribution_yen", int, "totals"),
        posts=_field(totals, "posts", int, "totals"), staff=_field(totals, "staff", int, "totals"),
        persons=_persons(data), audit_entries=_field(audit, "entries", int, "audit"),
        audit_head=_field(audit, "head", str, "audit"), earlier_heads=_chain(audit), encrypted=opened.encrypted,
        csv_encoding=str(manifest.get("csv_encoding", "")),
        replacements=len(manifest.get("cp932_replacements") or ()), member_count=len(opened.members) + 1,
        data=data,
    )
    if _field(claim, "total_yen", int, "claim") != summary.claim_yen:
        raise ExchangeError(_("data.json の算定額の合計が明細と一致しません"))
    for key, value in (("town_code", summary.town_code), ("fiscal_year", summary.fiscal_year),
                       ("created_at", summary.created_at), ("audit_head", summary.audit_head),
                       ("audit_entries", summary.audit_entries)):
        _agree(manifest, key, value)
    return summary


def verify_path(path: Path, passphrase: str | None = None) -> VerifiedFile:
    return verify_bytes(read_file_bytes(path), passphrase)
