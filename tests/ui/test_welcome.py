"""The first start's welcome: demo or a new empty office whose town profile is asked first
(completed from the official list), and where the office file and its backups live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.town import TownCategory
from desktop.paths import backup_root, default_office_path
from desktop.store.repos.town import get_town_profile
from desktop.ui.app import open_or_create_with_demo
from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice
from tests.ui.typing import type_text


def _welcome(qtbot: QtBot) -> MissingOfficeDialog:
    dialog = MissingOfficeDialog("", office=default_office_path(), first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_welcome_says_where_the_office_and_its_backups_live(qtbot: QtBot) -> None:
    dialog = _welcome(qtbot)
    assert dialog.windowTitle() == "ようこそ"
    assert "ようこそ" in dialog.message.text() and "デモ事務所" in dialog.message.text()
    assert str(default_office_path()) in dialog.where.text()
    assert str(backup_root()) in dialog.where.text()
    assert dialog.buttons[StartChoice.DEMO].isDefault()


def test_a_new_empty_office_asks_the_town_profile_first(qtbot: QtBot) -> None:
    dialog = _welcome(qtbot)
    qtbot.mouseClick(dialog.buttons[StartChoice.NEW_EMPTY], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.pages.currentIndex() == 1
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # nothing typed yet
    assert dialog.isVisible() and dialog.profile is None
    form = dialog.profile_form
    assert form.form.problem_labels["name"].text() and form.form.problem_labels["local_gov_code"].text()

    form.code_edit.setFocus()
    qtbot.keyClicks(form.code_edit, "131199")
    popup = form.completers[0].popup()
    qtbot.waitUntil(popup.isVisible)
    assert "板橋区" in popup.model().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.name_edit.text() == "板橋区")
    assert (form.code_edit.text(), form.prefecture_edit.text()) == ("131199", "東京都")
    form.category_combo.setCurrentIndex(form.category_combo.findData(TownCategory.GENERAL_CITY))
    form.mayor_title_edit.setText("区長")
    form.mayor_name_edit.setFocus()
    type_text(qtbot, form.mayor_name_edit, "坂本 健")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.choice is StartChoice.NEW_EMPTY
    assert dialog.profile is not None and dialog.profile.local_gov_code == "131199"


def test_typing_the_name_finds_the_code(qtbot: QtBot) -> None:
    dialog = _welcome(qtbot)
    dialog.choose(StartChoice.NEW_EMPTY)
    form = dialog.profile_form
    form.name_edit.setFocus()
    type_text(qtbot, form.name_edit, "板橋")
    completer = form.completers[1]
    completer.setCompletionPrefix("板橋")
    labels = [completer.completionModel().index(row, 0).data()
              for row in range(completer.completionModel().rowCount())]
    assert any(label.startswith("131199 東京都 板橋区") for label in labels)


def test_a_code_that_names_no_local_government_is_refused_next_to_the_field(qtbot: QtBot) -> None:
    dialog = _welcome(qtbot)
    dialog.choose(StartChoice.NEW_EMPTY)
    form = dialog.profile_form
    form.code_edit.setFocus()
    qtbot.keyClicks(form.code_edit, "134031")  # passes the check digit; no such local government
    assert "ありません" in form.form.problem_labels["local_gov_code"].text()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.profile is None


def test_the_new_empty_office_carries_the_profile(tmp_path: Path) -> None:
    from desktop.domain.town import TownProfile

    profile = TownProfile(name="板橋区", prefecture="東京都", local_gov_code="131199",
                          category=TownCategory.GENERAL_CITY, mayor_title="区長", mayor_name="坂本 健")
    path = tmp_path / "new" / "office.renkei"
    with open_or_create_with_demo(path, choose=lambda _db, _m: (StartChoice.NEW_EMPTY, profile)) as office, \
            office.reader() as session:
        assert get_town_profile(session) == profile


def test_a_ward_is_found_in_the_town_profile_and_refused_with_its_citys_code(qtbot: QtBot) -> None:
    dialog = _welcome(qtbot)
    dialog.choose(StartChoice.NEW_EMPTY)
    form = dialog.profile_form
    form.code_edit.setFocus()
    qtbot.keyClicks(form.code_edit, "011011")
    popup = form.completers[0].popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data().startswith("011011 北海道 札幌市中央区")
    assert "行政区" in popup.model().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.name_edit.text() == "札幌市中央区")
    problem = form.form.problem_labels["local_gov_code"]
    assert problem.isVisible() and "011002 札幌市" in problem.text()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.profile is None
