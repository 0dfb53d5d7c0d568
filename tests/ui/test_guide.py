"""The user guide: package data, every picture it names exists and is small, every screen and
organisation tab has its picture, and tools/guide_pictures.py takes pictures from the real app."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.ui.help.guide_window import guide_path
from desktop.ui.screen_registry import SCREENS

ROOT = Path(__file__).resolve().parents[2]
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
ORGANISATION_TABS = ("support", "coordination", "contracts", "leases", "reports", "orders")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_picture_of_the_guide_exists_and_is_small(language: str) -> None:
    guide = guide_path(language)
    assert guide.parent.name == language and guide.is_relative_to(ROOT / "desktop" / "guide")
    pictures = PICTURE.findall(guide.read_text(encoding="utf-8"))
    assert len(pictures) >= 10
    for name in pictures:
        picture = (guide.parent / name).resolve()
        assert picture.is_file(), name
        assert picture.stat().st_size < 300_000, name
        image = QImage(str(picture))
        assert not image.isNull() and image.width() <= 1800 and image.height() <= 800, name


def test_the_japanese_guide_shows_every_screen_and_organisation_tab() -> None:
    shown = {Path(name).stem for name in PICTURE.findall(guide_path("ja").read_text(encoding="utf-8"))}
    wanted = {spec.key for spec in SCREENS} | {f"organisation-{tab}" for tab in ORGANISATION_TABS}
    assert wanted - shown == set()


def test_the_docs_folder_points_to_the_packaged_guide() -> None:
    for language in ("ja", "en"):
        text = (ROOT / "docs" / "guide" / language / "README.md").read_text(encoding="utf-8")
        assert f"../../../desktop/guide/{language}/guide.md" in text


def test_the_picture_script_takes_pictures_from_the_real_app(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "guide_pictures.py"), "--only", "welcome",
                             "ledger", "--out", str(tmp_path)], capture_output=True, text=True, env=env,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    ledger = QImage(str(tmp_path / "ledger.png"))
    assert (ledger.width(), ledger.height()) == (1280, 800)
    assert ledger.format() == QImage.Format.Format_Indexed8
    assert not QImage(str(tmp_path / "welcome.png")).isNull()
