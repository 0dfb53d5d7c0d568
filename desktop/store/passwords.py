"""Password hashes: argon2id through argon2-cffi's PasswordHasher; a password is never stored or logged."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name takes as long as a wrong password."""
    return _HASHER.hash("renkei-desk: no such user")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches; a missing or damaged hash never matches."""
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than this build's."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
