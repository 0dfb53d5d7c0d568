"""Developer tool: fill English msgstr entries from a JSON file of {msgid: translation}.

    python tools/translate.py translations.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "desktop" / "locale" / "en" / "LC_MESSAGES" / "renkei.po"


def main() -> None:
    translations = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
            message.flags.discard("fuzzy")
    with PO.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, ignore_obsolete=True)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{len(missing)} entries still untranslated")


if __name__ == "__main__":
    main()
