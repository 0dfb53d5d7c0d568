"""Compiles the gettext catalogs to .mo and runs PyInstaller with the spec beside this file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_catalogs() -> None:
    for po in (ROOT / "desktop" / "locale").glob("*/LC_MESSAGES/renkei.po"):
        subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", "compile", "-i", str(po),
             "-o", str(po.with_suffix(".mo"))],
            check=True,
        )


def main() -> None:
    compile_catalogs()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", str(Path(__file__).with_name("renkei-desk.spec"))],
                   check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
