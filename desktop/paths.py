"""Where the office file, its backups and the settings live; no Qt, so the CLI and tests need none."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

APP_NAME = "RenkeiDesk"
APP_AUTHOR = "RenkeiDesk"
OFFICE_FILE_NAME = "office.renkei"

# RENKEI_DESK_HOME puts everything under one folder: tests use it, and so does a portable
# install on a USB stick.
HOME_ENV = "RENKEI_DESK_HOME"


def _platformdirs() -> Any:
    """platformdirs, imported when a folder is first asked for (not at every import: start-up)."""
    import platformdirs

    return platformdirs


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home_override()
    return home / "data" if home else Path(_platformdirs().user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else Path(_platformdirs().user_config_dir(APP_NAME, APP_AUTHOR))


def backup_root() -> Path:
    """The default backup folder; each office has a sub-folder named by its UUID
    (store/backup.py), and an office may be set to back up elsewhere (another drive)."""
    home = _home_override()
    return home / "backups" if home else data_dir() / "backups"


def default_office_path() -> Path:
    return data_dir() / OFFICE_FILE_NAME


def package_root() -> Path:
    """The installed `desktop` package, which carries resources/ and locale/ as package data.

    The folder of this very module: a wheel, an editable checkout and PyInstaller's bundle
    (which sets __file__ under _internal/desktop/ and collects the data there) all keep the
    data beside the code, as importlib.resources.files("desktop") says too; importing that
    took ~10 ms of every start. reportlab and Qt need real paths, which every one of them has.
    """
    return Path(__file__).parent


def resources_dir() -> Path:
    return package_root() / "resources"


def locale_dir() -> Path:
    return package_root() / "locale"


def prefecture_state_path() -> Path:
    """The prefecture's memory of the audit heads received from each town (都道府県集計)."""
    return data_dir() / "prefecture" / "received_heads.json"
