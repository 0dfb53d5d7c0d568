"""Help → 連携デスクについて shows pyproject's version (the single source, via the metadata)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_about_box_shows_the_pyproject_version(window: MainWindow) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        wanted = tomllib.load(handle)["project"]["version"]
    about = next(a for a in window.menuBar().actions()[-1].menu().actions() if "について" in a.text())
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)  # runs inside the box's own modal loop
    about.trigger()
    assert seen and f"連携デスク {wanted}" in seen[0]
