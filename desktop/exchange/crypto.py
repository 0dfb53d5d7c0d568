"""Passphrase encryption for email: scrypt derives a key, AES-256-GCM seals the whole zip.

Layout (docs/exchange-format.md): the magic line, one line of JSON with the parameters,
then the ciphertext with GCM's 16-byte tag at its end. The header is authenticated as
associated data, so changing a parameter is caught like changing a byte of the data. The
passphrase is only ever held in memory.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.exchange.format import ExchangeError
from desktop.i18n import _

MAGIC = b"RENKEI-DESK-ENCRYPTED\n"
MAX_HEADER = 1024
# scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB and about 0.1 s, once per file. A header may ask
# for more, within these bounds, so a hostile file cannot make the reader allocate gigabytes
# or spin for minutes.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_MEMORY = 128 * 1024 * 1024
MAX_P = 4


def is_encrypted(data: bytes) -> bool:
    return data.startswith(MAGIC)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def encrypt(plain: bytes, passphrase: str) -> bytes:
    if not passphrase:
        raise ExchangeError(_("パスフレーズが空です"))
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({"version": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                         "salt": base64.b64encode(salt).decode("ascii"), "cipher": "AES-256-GCM",
                         "nonce": base64.b64encode(nonce).decode("ascii")},
                        separators=(",", ":"), sort_keys=True).encode("ascii") + b"\n"
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return MAGIC + header + AESGCM(key).encrypt(nonce, plain, MAGIC + header)


def _header(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise ExchangeError(_("暗号化の見出しが読めません（ファイルが壊れています）"))
    header_bytes = data[:end + 1]
    try:
        header = json.loads(data[len(MAGIC):end].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise ExchangeError(_("暗号化の見出しが読めません（ファイルが壊れています）")) from None
    if not isinstance(header, dict):
        raise ExchangeError(_("暗号化の見出しが読めません（ファイルが壊れています）"))
    return header, header_bytes, data[end + 1:]


def _parameters(header: dict[str, Any]) -> tuple[bytes, bytes, int, int, int]:
    if header.get("version") != 1 or header.get("kdf") != "scrypt" or header.get("cipher") != "AES-256-GCM":
        raise ExchangeError(_("この版の連携デスクが知らない暗号化方式です（{header}）").format(
            header=json.dumps(header, ensure_ascii=False)[:200]))
    n, r, p = header.get("n"), header.get("r"), header.get("p")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)):
        raise ExchangeError(_("暗号化の見出しが読めません（ファイルが壊れています）"))
    assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
    if not (n >= 2 and n & (n - 1) == 0 and r >= 1 and 1 <= p <= MAX_P and 128 * n * r <= MAX_SCRYPT_MEMORY):
        raise ExchangeError(_("暗号化の見出しの値が範囲外です（ファイルが壊れています）"))
    try:
        salt = base64.b64decode(str(header.get("salt")), validate=True)
        nonce = base64.b64decode(str(header.get("nonce")), validate=True)
    except ValueError:
        raise ExchangeError(_("暗号化の見出しが読めません（ファイルが壊れています）")) from None
    if len(salt) < 8 or len(nonce) != 12:
        raise ExchangeError(_("暗号化の見出しの値が範囲外です（ファイルが壊れています）"))
    return salt, nonce, n, r, p


def decrypt(data: bytes, passphrase: str | None) -> bytes:
    """Raises ExchangeError with a clear message for a missing or wrong passphrase or a damaged file."""
    header, header_bytes, sealed = _header(data)
    salt, nonce, n, r, p = _parameters(header)
    if not passphrase:
        raise ExchangeError(_("このファイルは暗号化されています。パスフレーズを指定してください"))
    key = _derive(passphrase, salt, n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, sealed, header_bytes)
    except InvalidTag:
        raise ExchangeError(_("パスフレーズが違います（またはファイルが途中で壊れています）")) from None
