"""Builds the one-folder bundle: dist/RenkeiDesk/ (RenkeiDesk[.exe], renkei-desk[.exe], _internal/).

    pip install -e '.[installer]'
    python installer/build.py            # the bundle only
    python installer/build.py --setup    # then setup.exe with Inno Setup 6 (Windows)

The gettext catalogs are compiled by the spec (installer/bundle_data.py); this script checks
that the installed metadata carries pyproject's version, runs PyInstaller, and makes the
compiled .mo newer than its .po in the result so the app never recompiles them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path(__file__).with_name("renkei-desk.spec")
ISS = Path(__file__).with_name("renkei-desk.iss")
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


def find_iscc(given: Path | None) -> Path:
    """Inno Setup 6's compiler: --iscc, PATH, or where its installer puts it (all users or one)."""
    candidates = [given] if given else []
    found = shutil.which("ISCC")
    candidates += [Path(found)] if found else []
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        folder = os.environ.get(base)
        if folder:
            candidates += [Path(folder) / "Inno Setup 6" / "ISCC.exe",
                           Path(folder) / "Programs" / "Inno Setup 6" / "ISCC.exe"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    sys.exit("build: ISCC.exe (Inno Setup 6) not found; install Inno Setup 6 or pass --iscc PATH")


def compile_setup(iscc: Path, bundle: Path, out_dir: Path, app_version: str) -> Path:
    subprocess.run([str(iscc), f"/DAppVersion={app_version}", f"/DBundleDir={bundle}",
                    f"/O{out_dir}", str(ISS)], check=True)
    return out_dir / f"RenkeiDesk-{app_version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build")
    parser.add_argument("--setup", action="store_true", help="also compile setup.exe (Inno Setup 6)")
    parser.add_argument("--iscc", type=Path, default=None, help="path of ISCC.exe")
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
    if args.setup:
        setup = compile_setup(find_iscc(args.iscc), bundle.resolve(), args.distpath.resolve(), app_version)
        print(f"build: setup → {setup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
