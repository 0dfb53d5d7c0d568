"""A missing or 0-byte office file is asked about, never silently turned into a demo office."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.paths import default_office_path
from desktop.store.db import OfficeMissingError
from desktop.store.repos.town import get_town_profile
from desktop.ui.app import StartCancelledError, open_or_create_with_demo, question_text
from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice


@pytest.mark.parametrize("choice", [c for c in StartChoice if c is not StartChoice.NEW_EMPTY])
def test_each_button_gives_its_choice(qtbot: QtBot, choice: StartChoice) -> None:
    dialog = MissingOfficeDialog("事務ファイル「x.renkei」が見つかりません。")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.buttons[choice], Qt.MouseButton.LeftButton)
    assert dialog.choice is choice
    assert not dialog.isVisible()
    assert dialog.result() == (0 if choice is StartChoice.QUIT else 1)


def test_without_a_chooser_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "typo.renkei"
    with pytest.raises(OfficeMissingError, match="見つかりません"):
        open_or_create_with_demo(path)
    assert not path.exists()
    path.write_bytes(b"")
    with pytest.raises(OfficeMissingError, match="空です"):
        open_or_create_with_demo(path)
    assert path.read_bytes() == b""


def test_new_empty_and_demo_choices(tmp_path: Path) -> None:
    asked: list[str] = []

    def choose(choice: StartChoice):  # type: ignore[no-untyped-def]
        def answer(_db: Path, message: str) -> tuple[StartChoice, Path | None]:
            asked.append(message)
            return choice, None
        return answer

    empty = tmp_path / "new" / "empty.renkei"  # a folder that does not exist yet: made once chosen
    with open_or_create_with_demo(empty, choose=choose(StartChoice.NEW_EMPTY)) as office, office.reader() as session:
        assert get_town_profile(session).name == ""
    zero = tmp_path / "zero.renkei"
    zero.write_bytes(b"")
    with open_or_create_with_demo(zero, choose=choose(StartChoice.DEMO)) as office, office.reader() as session:
        assert get_town_profile(session).name == "デモ町"
    assert "がありません" in asked[0] and "空です" in asked[1]


def test_open_another_file_or_quit(tmp_path: Path) -> None:
    other = tmp_path / "other.renkei"
    with open_or_create_with_demo(other, choose=lambda _db, _m: (StartChoice.NEW_EMPTY, None)):
        pass
    answers = iter([(StartChoice.OPEN_OTHER, other)])
    with open_or_create_with_demo(tmp_path / "typo.renkei", choose=lambda _db, _m: next(answers)) as office:
        assert office.path == other.resolve()
    with pytest.raises(StartCancelledError):
        open_or_create_with_demo(tmp_path / "typo.renkei", choose=lambda _db, _m: (StartChoice.QUIT, None))
    assert not (tmp_path / "typo.renkei").exists()


def test_the_first_start_is_not_told_to_check_its_path(tmp_path: Path) -> None:
    assert "まだ事務ファイルがありません" in question_text(default_office_path(), "フォルダ「x」がありません。")
    assert question_text(tmp_path / "typo.renkei", "見つかりません") == "見つかりません"
