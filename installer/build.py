"""Builds the one-folder bundle: dist/RenkeiDesk/ (RenkeiDesk[.exe], renkei-desk[.exe], _internal/).

    pip install -e '.[installer]'
    python installer/build.py

The gettext catalogs are compiled by the spec (installer/bundle_data.py); this script checks
that the installed metadata carries pyproject's version, runs PyInstaller, and makes the
compiled .mo newer than its .po in the result so the app never recompiles them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path(__file__).with_name("renkei-desk.spec")
BUNDLE_NAME = "RenkeiDesk"


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def check_version() -> str:
    """The bundle's version is the installed metadata's (copy_metadata): it must be pyproject's."""
    wanted = pyproject_version()
    try:
        installed = version("renkei-desk")
    except PackageNotFoundError:
        installed = None
    if installed != wanted:
        sys.exit(f"build: installed renkei-desk is {installed}, pyproject.toml says {wanted}; "
                 f"run  pip install -e '.[installer]'  again first")
    return wanted


def touch_catalogs(bundle: Path) -> None:
    for mo in bundle.rglob("LC_MESSAGES/*.mo"):
        os.utime(mo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    app_version = check_version()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(args.distpath), "--workpath", str(args.workpath), str(SPEC)],
        check=True, cwd=ROOT,
    )
    bundle = args.distpath / BUNDLE_NAME
    touch_catalogs(bundle)
    print(f"build: 連携デスク {app_version} → {bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
