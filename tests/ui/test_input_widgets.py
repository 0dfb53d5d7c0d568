"""The one date field and the one money field: what each accepts, what it refuses, and where it says so."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.yen_edit import YenEdit
from tests.ui.typing import replace_text

_holders: list[QWidget] = []


def typed(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Types like a clerk, then leaves the field with Tab (editingFinished)."""
    replace_text(qtbot, edit, text)
    edit.editingFinished.emit()   # leaving the field (offscreen, focus moves are not reliable)


def in_form(qtbot: QtBot, edit: QWidget) -> FieldForm:
    holder = QWidget()
    qtbot.addWidget(holder)
    form = FieldForm(QFormLayout(holder))
    form.add("field", "項目", edit)
    holder.show()
    _holders.append(holder)   # qtbot closes it; Python keeps the wrapper until then
    return form


@pytest.mark.parametrize("text", ["令和7年4月1日", "R7.4.1", "R7/4/1", "2025-04-01", "２０２５－０４－０１",
                                  "令和７年４月１日", "r7.4.1", "20250401", "令和7年4月1日（火）"])
def test_the_date_field_reads_every_way_clerks_write_a_date(qtbot: QtBot, text: str) -> None:
    edit = WarekiDateEdit()
    form = in_form(qtbot, edit)
    typed(qtbot, edit, text)
    assert edit.value() == date(2025, 4, 1)
    assert edit.text() == "令和7年4月1日（火）"
    assert edit.problem() is None
    assert not form.problem_labels["field"].isVisibleTo(form.problem_labels["field"].parentWidget())


@pytest.mark.parametrize(("text", "says"), [("令和7年2月30日", "存在しない日付"), ("平成35年1月1日", "期間外"),
                                            ("あした", "日付として読めません"), ("2025-13-01", "日付")])
def test_the_date_field_says_what_is_wrong_next_to_it(qtbot: QtBot, text: str, says: str) -> None:
    edit = WarekiDateEdit()
    form = in_form(qtbot, edit)
    typed(qtbot, edit, text)
    assert edit.value() is None
    label = form.problem_labels["field"]
    assert says in label.text() and label.isVisibleTo(label.parentWidget())
    assert "b00020" in edit.styleSheet()
    typed(qtbot, edit, "R7.4.1")
    assert not label.isVisibleTo(label.parentWidget()) and edit.styleSheet() == ""


def test_a_required_date_refuses_an_empty_field(qtbot: QtBot) -> None:
    edit = WarekiDateEdit(required=True)
    assert edit.problem() == "日付を入力してください"
    assert WarekiDateEdit().problem() is None


def test_the_calendar_is_headed_in_wareki_and_picks_by_keyboard(qtbot: QtBot) -> None:
    edit = WarekiDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value(date(2025, 4, 1))
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = edit.popup
    assert popup is not None and popup.isVisible()
    assert popup.heading.text() == "令和7年4月"
    days = popup.calendar.findChild(QTableView)
    qtbot.keyClick(days, Qt.Key.Key_PageDown)
    assert popup.heading.text() == "令和7年5月"
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert edit.value() == date(2025, 5, 2)
    assert edit.text() == "令和7年5月2日（金）"
    assert not popup.isVisible()


@pytest.mark.parametrize(("text", "amount", "shown"), [("1,234,567", 1234567, "1,234,567"),
                                                       ("１２３４５６７円", 1234567, "1,234,567"),
                                                       ("¥1,000", 1000, "1,000"), ("0", 0, "0")])
def test_the_money_field_reads_and_shows_separators(qtbot: QtBot, text: str, amount: int, shown: str) -> None:
    edit = YenEdit()
    form = in_form(qtbot, edit)
    typed(qtbot, edit, text)
    assert edit.value() == amount and edit.text() == shown
    assert not form.problem_labels["field"].isVisibleTo(form.problem_labels["field"].parentWidget())


@pytest.mark.parametrize(("text", "says"), [("-500", "負の数"), ("12.5", "端数"), ("千円", "金額として読めません"),
                                            ("9" * 30, "大きすぎます")])
def test_the_money_field_says_what_is_wrong_next_to_it(qtbot: QtBot, text: str, says: str) -> None:
    edit = YenEdit()
    form = in_form(qtbot, edit)
    typed(qtbot, edit, text)
    assert edit.value() is None
    label = form.problem_labels["field"]
    assert says in label.text() and label.isVisibleTo(label.parentWidget())


def test_an_optional_amount_may_stay_empty(qtbot: QtBot) -> None:
    assert YenEdit(required=False).problem() is None
    assert YenEdit().problem() == "金額が入力されていません"
