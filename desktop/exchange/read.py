"""Reading an exchange file without trusting it: decrypt, then open only the members the
manifest names, each under a size cap. Nothing is extracted to disk, and no path is taken from the archive."""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from desktop.exchange.crypto import decrypt, is_encrypted
from desktop.exchange.format import (
    FORMAT_NAME,
    MANIFEST,
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    MEMBERS,
    SUPPORTED_VERSIONS,
    ExchangeError,
)
from desktop.exchange.pack import sha256_hex
from desktop.i18n import _

_DRIVE = re.compile(r"^[A-Za-z]:")
# Errors zipfile and zlib raise on a damaged archive; each becomes a message, never a traceback.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, KeyError, IndexError, OverflowError)


@dataclass(frozen=True)
class OpenedFile:
    encrypted: bool
    manifest: dict[str, Any]
    members: dict[str, bytes]     # name → bytes, checked against the manifest's size and SHA-256


def unsafe_name_reason(name: str) -> str | None:
    """Why an entry name could escape a folder or fool a reader, or None when it is plain."""
    if "\x00" in name or "\\" in name:
        return _("使えない文字（\\ や NUL）を含みます")
    if name.startswith("/") or _DRIVE.match(name):
        return _("絶対パスです")
    if ".." in name.split("/"):
        return _("「..」を含みます")
    if name.endswith("/"):
        return _("フォルダです")
    return None


def read_file_bytes(path: Any) -> bytes:
    """The whole file, refused above the bound before it is read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ExchangeError(_("「{path}」を読めません（{error}）").format(path=path, error=error.strerror)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(_("ファイルが大きすぎます（上限 {limit} MB）").format(limit=MAX_FILE_BYTES // 2**20))
    return data


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    name = info.orig_filename
    if info.file_size > cap:
        raise ExchangeError(_("「{name}」が大きすぎます（{size:,} バイト、上限 {cap:,}）").format(
            name=name, size=info.file_size, cap=cap))
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ExchangeError(_("「{name}」は圧縮率が異常です（zip爆弾の疑い）").format(name=name))
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(64 * 1024):
                total += len(chunk)
                # The header's size can lie: count what really comes out.
                if total > cap or total > info.file_size:
                    raise ExchangeError(_("「{name}」は展開すると申告より大きくなります（zip爆弾の疑い）").format(name=name))
                chunks.append(chunk)
    except ExchangeError:
        raise
    except _ZIP_ERRORS:
        raise ExchangeError(_("「{name}」が壊れています（zipの中身が読めません）").format(name=name)) from None
    return b"".join(chunks)


def _manifest(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> dict[str, Any]:
    info = entries.get(MANIFEST)
    if info is None:
        raise ExchangeError(_("交換ファイルではありません（manifest.json がありません）"))
    raw = _read_member(archive, info, MAX_MANIFEST_BYTES)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ExchangeError(_("manifest.json が読めません（ファイルが壊れています）")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ExchangeError(_("連携デスクの交換ファイルではありません"))
    version = manifest.get("format_version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        raise ExchangeError(_("この版の連携デスクが知らない形式の版です（format_version: {version}）。連携デスクを更新してください").format(
            version=json.dumps(version)[:40]))
    return manifest


def _listed(manifest: dict[str, Any]) -> dict[str, tuple[int, str]]:
    listed = manifest.get("members")
    result: dict[str, tuple[int, str]] = {}
    if not isinstance(listed, list):
        raise ExchangeError(_("manifest.json に部材の一覧がありません"))
    for item in listed:
        if not (isinstance(item, dict) and isinstance(item.get("name"), str) and isinstance(item.get("size"), int)
                and isinstance(item.get("sha256"), str)):
            raise ExchangeError(_("manifest.json の部材の一覧が壊れています"))
        result[item["name"]] = (item["size"], item["sha256"])
    expected = set(MEMBERS) - {MANIFEST}
    missing_in_manifest = sorted(expected - result.keys())
    unknown_in_manifest = sorted(result.keys() - expected)
    if missing_in_manifest or unknown_in_manifest:
        raise ExchangeError(_("manifest.json の部材が形式と合いません（不足: {missing}、余分: {extra}）").format(
            missing="、".join(missing_in_manifest) or _("なし"), extra="、".join(unknown_in_manifest) or _("なし")))
    return result


def open_exchange(data: bytes, passphrase: str | None = None) -> OpenedFile:
    """Raises ExchangeError, with a message for the clerk, for anything but a whole file."""
    encrypted = is_encrypted(data)
    if encrypted:
        data = decrypt(data, passphrase)
    if not data.startswith(b"PK\x03\x04"):
        raise ExchangeError(_("zipファイルではありません（交換ファイルは .zip または暗号化した .zip.enc です）"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS:
        raise ExchangeError(_("zipファイルとして読めません（途中で切れているか壊れています）")) from None
    if len(infos) > MAX_ENTRIES:
        raise ExchangeError(_("zipの項目が多すぎます（{count}件）").format(count=len(infos)))
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.orig_filename
        reason = unsafe_name_reason(name)
        if reason:
            raise ExchangeError(_("zipの項目名「{name}」を拒否しました: {reason}").format(name=name[:120], reason=reason))
        if name in entries:
            raise ExchangeError(_("zipに同じ名前の項目が2つあります: {name}").format(name=name))
        entries[name] = info
    manifest = _manifest(archive, entries)
    listed = _listed(manifest)
    extra = sorted(entries.keys() - listed.keys() - {MANIFEST})
    if extra:
        raise ExchangeError(_("manifest.json にない項目があります: {names}").format(names="、".join(extra)[:300]))
    members: dict[str, bytes] = {}
    for name, (size, digest) in listed.items():
        if name not in entries:
            raise ExchangeError(_("「{name}」がありません（manifest.json には載っています）").format(name=name))
        if size > MAX_MEMBER_BYTES:
            raise ExchangeError(_("「{name}」が大きすぎます（{size:,} バイト、上限 {cap:,}）").format(
                name=name, size=size, cap=MAX_MEMBER_BYTES))
        if entries[name].file_size != size:
            raise ExchangeError(_("「{name}」の大きさが manifest.json と一致しません（書き換えられているか壊れています）").format(
                name=name))
        content = _read_member(archive, entries[name], MAX_MEMBER_BYTES)
        if len(content) != size or sha256_hex(content) != digest:
            raise ExchangeError(_("「{name}」が書き換えられているか壊れています（SHA-256 が manifest.json と一致しません）").format(
                name=name))
        members[name] = content
    return OpenedFile(encrypted, manifest, members)
