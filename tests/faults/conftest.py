"""A demo office made once per session and copied per test (a closed file: no -wal to lose)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.store.creation import create_office_file


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_office_file(tmp_path_factory.mktemp("template") / "demo.renkei", demo=True)


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office" / "office.renkei"
    target.parent.mkdir()
    shutil.copyfile(demo_template, target)
    return target
