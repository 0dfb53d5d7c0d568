"""The version has one source, pyproject's [project] version, shown everywhere the same."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import desktop

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_package_version_is_pyprojects() -> None:
    # Fails after a version bump until `pip install -e .` is run again: the metadata (and so
    # the bundle, which copies it) would still carry the old version.
    assert desktop.__version__ == pyproject_version()


def test_cli_prints_pyprojects_version() -> None:
    commands = [[sys.executable, "-m", "desktop", "--version"]]
    script = Path(sys.executable).with_name("renkei-desk.exe" if os.name == "nt" else "renkei-desk")
    if script.exists():  # the console script pip made, as the README's user runs it
        commands.append([str(script), "--version"])
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"renkei-desk {pyproject_version()}"

