"""Hypothesis against the reader: random bytes and mutated real files are refused with a
message (ExchangeError), or read back to the very same data; never any other exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange.crypto import MAGIC, encrypt
from desktop.exchange.format import ExchangeError
from desktop.exchange.verify import verify_bytes

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def refused_or_same(data: bytes, original: dict[str, object] | None, passphrase: str | None = None) -> None:
    try:
        result = verify_bytes(data, passphrase)
    except ExchangeError as error:
        assert str(error)
        return
    assert original is not None and result.data == original


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    refused_or_same(data, None)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_behind_real_magics(tail: bytes) -> None:
    for magic in (b"PK\x03\x04", b"PK\x05\x06", MAGIC, MAGIC + b'{"version":1}\n'):
        refused_or_same(magic + tail, None, "pass")


@FUZZ
@given(data=st.data())
def test_mutated_real_files(b_town_file: bytes, data: st.DataObject) -> None:
    original = verify_bytes(b_town_file).data
    raw = bytearray(b_town_file)
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete", "splice"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if kind == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif kind == "truncate":
        del raw[at:]
    elif kind == "insert":
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
    elif kind == "delete":
        del raw[at:at + data.draw(st.integers(1, 64))]
    else:
        raw[at:at + 8] = data.draw(st.binary(min_size=8, max_size=8))
    refused_or_same(bytes(raw), original)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, 10_000), bit=st.integers(0, 7))
def test_mutated_encrypted_files(b_town_file: bytes, at: int, bit: int) -> None:
    sealed = bytearray(encrypt(b_town_file, "pass"))
    sealed[at % len(sealed)] ^= 1 << bit
    refused_or_same(bytes(sealed), verify_bytes(b_town_file).data, "pass")
