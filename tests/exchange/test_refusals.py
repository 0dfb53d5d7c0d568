"""Every refusal of a damaged or hostile exchange file: a clear message, nothing written, no traceback."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from desktop.exchange.crypto import encrypt
from desktop.exchange.format import MAX_MEMBER_BYTES, ExchangeError
from desktop.exchange.read import unsafe_name_reason
from desktop.exchange.verify import verify_bytes
from tests.exchange.conftest import edit_manifest, read_zip, rebuild_zip, run_cli


def refused(data: bytes, match: str, passphrase: str | None = None) -> None:
    with pytest.raises(ExchangeError, match=match):
        verify_bytes(data, passphrase)


def with_member(members: dict[str, bytes], name: str, content: bytes) -> dict[str, bytes]:
    """Replaces a member and makes the manifest agree, as a careful forger would."""
    def change(manifest: dict[str, object]) -> None:
        listed = manifest["members"]
        assert isinstance(listed, list)
        for item in listed:
            if item["name"] == name:
                item["size"], item["sha256"] = len(content), hashlib.sha256(content).hexdigest()
    return edit_manifest({**members, name: content}, change)


def test_the_untouched_file_verifies(b_town_file: bytes) -> None:
    assert verify_bytes(b_town_file).town_name == "デモ町"


@pytest.mark.parametrize("member", ["data.json", "people.csv", "summary.xlsx", "F4.pdf", "data.schema.json"])
def test_a_changed_byte_in_any_member(b_town_file: bytes, member: str) -> None:
    members = read_zip(b_town_file)
    content = bytearray(members[member])
    content[len(content) // 2] ^= 0x20
    refused(rebuild_zip({**members, member: bytes(content)}), f"「{member}」が書き換えられているか壊れています")


def test_a_changed_byte_in_the_compressed_stream(b_town_file: bytes) -> None:
    raw = bytearray(b_town_file)
    start = raw.index(b"data.json") + 200          # inside data.json's deflated bytes
    raw[start] ^= 0xFF
    refused(bytes(raw), "壊れています|書き換え|zip")


def test_a_missing_member(b_town_file: bytes) -> None:
    members = read_zip(b_town_file)
    del members["people.csv"]
    refused(rebuild_zip(members), "「people.csv」がありません")


def test_a_member_dropped_from_the_manifest_too(b_town_file: bytes) -> None:
    members = read_zip(b_town_file)
    del members["F4.pdf"]
    edited = edit_manifest(members, lambda m: m.update(members=[x for x in m["members"] if x["name"] != "F4.pdf"]))  # type: ignore[attr-defined]
    refused(rebuild_zip(edited), "不足: F4.pdf")


def test_an_extra_member(b_town_file: bytes) -> None:
    refused(rebuild_zip({**read_zip(b_town_file), "run-me.exe": b"MZ"}), "manifest.json にない項目があります: run-me.exe")


def test_a_nested_archive_is_an_extra_member_never_opened(b_town_file: bytes) -> None:
    inner = rebuild_zip({"a.txt": b"x"})
    refused(rebuild_zip({**read_zip(b_town_file), "nested.zip": inner}), "nested.zip")


def test_an_unknown_format_version(b_town_file: bytes) -> None:
    edited = edit_manifest(read_zip(b_town_file), lambda m: m.update(format_version=2))
    refused(rebuild_zip(edited), "知らない形式の版です")


def test_not_an_exchange_file_at_all(b_town_file: bytes) -> None:
    refused(rebuild_zip({"hello.txt": b"hi"}), "manifest.json がありません")
    refused(b"", "zipファイルではありません")
    refused("氏名,所属\n𠮷田,デモ町\n".encode(), "zipファイルではありません")
    refused(b_town_file[: len(b_town_file) // 2], "zip")
    refused(b"PK\x05\x06" + bytes(18), "zip")


def test_a_wrong_passphrase(b_town_file: bytes) -> None:
    sealed = encrypt(b_town_file, "正しい合言葉")
    refused(sealed, "パスフレーズが違います", "違う合言葉")
    assert verify_bytes(sealed, "正しい合言葉").town_code == "990001"


@pytest.mark.parametrize("name", ["../evil.txt", "data/../../evil.txt", "/etc/passwd", "C:evil.txt",
                                  "c:/Windows/evil.dll", "..\\evil.txt", "sub/", "nul\x00.txt"])
def test_names_that_could_escape_a_folder(b_town_file: bytes, name: str) -> None:
    assert unsafe_name_reason(name) is not None
    members = read_zip(b_town_file)
    # zipfile would quietly rewrite such names on extraction; the reader refuses them outright.
    # (zipfile cuts a written name at NUL, so that one arrives as an unlisted "nul".)
    refused(rebuild_zip({**members, name: b"x"}), "項目名" if "\x00" not in name else "にない項目")


def test_a_member_renamed_to_climb_out(b_town_file: bytes) -> None:
    members = read_zip(b_town_file)
    members["../data.json"] = members.pop("data.json")
    refused(rebuild_zip(members), "「..」を含みます")


def test_an_oversized_member(b_town_file: bytes) -> None:
    big = os.urandom(MAX_MEMBER_BYTES + 1)            # incompressible, so no zip bomb: merely too large
    buffer = io.BytesIO()
    members = with_member(read_zip(b_town_file), "F4.pdf", big)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED)
    refused(buffer.getvalue(), "大きすぎます")


def test_a_zip_bomb(b_town_file: bytes) -> None:
    bomb = b"{" + b" " * (20 * 1024 * 1024) + b"}"     # 20 MB that deflates to a few kB
    data = rebuild_zip(with_member(read_zip(b_town_file), "data.json", bomb))
    assert len(data) < 200_000
    refused(data, "zip爆弾")


def test_a_member_whose_header_understates_its_size(b_town_file: bytes) -> None:
    members = read_zip(b_town_file)
    data = bytearray(rebuild_zip(members))
    # Lower data.json's uncompressed size in the central directory: the stream then gives more.
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + 9] != b"data.json":
        central = data.index(b"PK\x01\x02", central + 4)
    size = int.from_bytes(data[central + 24:central + 28], "little")
    data[central + 24:central + 28] = (size // 2).to_bytes(4, "little")
    refused(bytes(data), "大きさ|zip爆弾|壊れて")


def test_manifest_and_data_must_agree(b_town_file: bytes) -> None:
    edited = edit_manifest(read_zip(b_town_file), lambda m: m.update(town_code="132012"))
    refused(rebuild_zip(edited), "town_code")


def test_data_of_the_wrong_shape_with_matching_checksums(b_town_file: bytes) -> None:
    members = read_zip(b_town_file)
    data = json.loads(members["data.json"])
    data["staff"] = [{"name": 5}]
    refused(rebuild_zip(with_member(members, "data.json", json.dumps(data).encode())), "staff")


@pytest.mark.slow
def test_cli_refuses_with_a_message_and_writes_nothing(tmp_path: Path, b_town_file: bytes) -> None:
    members = read_zip(b_town_file)
    cases = {
        "changed.zip": rebuild_zip({**members, "data.json": members["data.json"].replace(b"990001", b"990002", 1)}),
        "climb.zip": rebuild_zip({**members, "../../evil.txt": b"x"}),
        "text.zip": b"not a zip at all",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    for name in cases:
        result = run_cli("verify", str(tmp_path / name))
        assert result.returncode == 1, name
        assert "受け付けません" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert not (tmp_path.parent / "evil.txt").exists()
    missing = run_cli("verify", str(tmp_path / "nowhere.zip"))
    assert missing.returncode == 1 and "読めません" in missing.stderr


def test_the_reader_never_extracts() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in
                       (Path(__file__).parents[2] / "desktop" / "exchange").glob("*.py"))
    assert ".extractall(" not in source and ".extract(" not in source
