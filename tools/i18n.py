"""Developer tool: extract `_()` strings into desktop/locale/renkei.pot and merge them into ja and en.

    python tools/i18n.py          # then translate the new empty msgstr entries in desktop/locale/en
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "desktop" / "locale" / "renkei.pot"
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"]


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def main() -> None:
    pybabel("extract", "-F", "babel.cfg", *KEYWORDS, "--no-location", "--sort-output",
            "--project", "renkei-desk", "-o", str(POT), "desktop")
    for language in ("ja", "en"):
        po = ROOT / "desktop" / "locale" / language / "LC_MESSAGES" / "renkei.po"
        if po.exists():
            pybabel("update", "-i", str(POT), "-o", str(po), "-l", language, "--no-fuzzy-matching",
                    "--ignore-obsolete")
        else:
            pybabel("init", "-i", str(POT), "-o", str(po), "-l", language)


if __name__ == "__main__":
    main()
