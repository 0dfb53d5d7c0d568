"""Where the office file, its backups and the settings live; no Qt, so the CLI and tests need none."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "RenkeiDesk"
APP_AUTHOR = "RenkeiDesk"
OFFICE_FILE_NAME = "office.renkei"

# RENKEI_DESK_HOME puts everything under one folder: tests use it, and so does a portable
# install on a USB stick.
HOME_ENV = "RENKEI_DESK_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def backup_dir_for(office_path: Path) -> Path:
    """Backups sit beside the data folder, one sub-folder per office file name."""
    home = _home_override()
    base = home / "backups" if home else data_dir() / "backups"
    return base / office_path.stem


def default_office_path() -> Path:
    return data_dir() / OFFICE_FILE_NAME


def resource_root() -> Path:
    """The folder holding resources/ and locale/: the checkout, or PyInstaller's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return resource_root() / "resources"


def locale_dir() -> Path:
    return resource_root() / "locale"
