"""Catalogs: every `_()` string of the source is translated in en.po, with the same {fields}."""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def source_messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "desktop"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_english_catalog_is_complete_and_consistent() -> None:
    with (ROOT / "desktop/locale/en/LC_MESSAGES/renkei.po").open("rb") as handle:
        catalog = read_po(handle, locale="en")
    translated = {m.id: m for m in catalog if m.id}
    in_source = source_messages()
    missing = sorted(in_source - set(translated))
    assert not missing, f"run tools/i18n.py and translate: {missing[:5]}"
    for msgid, message in translated.items():
        if msgid not in in_source:
            continue
        assert message.string, f"untranslated: {msgid!r}"
        assert not message.fuzzy, f"fuzzy: {msgid!r}"
        assert fields(str(message.string)) == fields(str(msgid)), f"placeholders differ: {msgid!r}"


def test_language_switch_needs_no_compiled_files() -> None:
    compiled = i18n._compile_po(ROOT / "desktop/locale/en/LC_MESSAGES/renkei.po")
    assert compiled.gettext("保存しました") == "Saved"
    assert i18n.set_language("en") == "en"
    try:
        assert i18n._("保存しました") == "Saved"
    finally:
        i18n.set_language("ja")
    assert i18n._("保存しました") == "保存しました"


def test_cli_help_speaks_the_chosen_language() -> None:
    ja = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True, check=True)
    en = subprocess.run([sys.executable, "-m", "desktop", "--lang", "en", "--help"],
                        capture_output=True, text=True, check=True)
    assert "事務ファイルのパス" in ja.stdout
    assert "path of the office file" in en.stdout
