"""Shared fixtures: offscreen Qt, a private home folder per test, real office files in tmp."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.i18n import set_language
from desktop.paths import HOME_ENV
from desktop.store.db import Office, open_office


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, backup and config folders."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    set_language("ja")
    return home


@pytest.fixture
def office_path(tmp_path: Path) -> Path:
    return tmp_path / "office.renkei"


@pytest.fixture
def office(office_path: Path) -> Iterator[Office]:
    opened = open_office(office_path)
    try:
        yield opened
    finally:
        opened.close()
