"""Assembling the exchange file: members, the manifest naming each with its size and SHA-256,
a zip with fixed timestamps, and optional encryption."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from desktop.exchange.cp932 import Cp932Problem, replacement_for
from desktop.exchange.crypto import encrypt
from desktop.exchange.format import FORMAT_NAME, FORMAT_VERSION, MANIFEST


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_manifest(data: Mapping[str, Any], members: Mapping[str, bytes], *, csv_encoding: str,
                   replacements: Sequence[Cp932Problem]) -> dict[str, Any]:
    town = data["town"]
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "town_code": town["code"],
        "town_name": town["name"],
        "prefecture": town["prefecture"],
        "fiscal_year": data["fiscal_year"],
        "fiscal_year_label": data["fiscal_year_label"],
        "created_at": data["created_at"],
        "app_version": data["app_version"],
        "audit_entries": data["audit"]["entries"],
        "audit_head": data["audit"]["head"],
        "csv_encoding": csv_encoding,
        "cp932_replacements": [{"member": p.member, "record": p.record, "field": p.field, "character": p.character,
                                "code_point": p.code_point, "replacement": replacement_for(p.character)}
                               for p in replacements],
        "members": [{"name": name, "size": len(content), "sha256": sha256_hex(content)}
                    for name, content in members.items()],
    }


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def zip_members(manifest: Mapping[str, Any], members: Mapping[str, bytes], created: datetime) -> bytes:
    """Manifest first, then the members in the manifest's order; every entry stamped with the
    file's creation time, so the same data gives the same bytes."""
    stamp = (max(created.year, 1980), created.month, created.day, created.hour, created.minute, created.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in ((MANIFEST, manifest_bytes(manifest)), *members.items()):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def pack(data: Mapping[str, Any], members: Mapping[str, bytes], created: datetime, *, csv_encoding: str,
         replacements: Sequence[Cp932Problem], passphrase: str | None) -> bytes:
    manifest = build_manifest(data, members, csv_encoding=csv_encoding, replacements=replacements)
    archive = zip_members(manifest, members, created)
    return encrypt(archive, passphrase) if passphrase else archive
