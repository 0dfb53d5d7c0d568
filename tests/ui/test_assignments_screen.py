from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.importing.templates import ROSTER_COLUMNS
from desktop.store.repos.staffing import count_assignments, list_assignments
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.assignments.screen import AssignmentsScreen
from tests.ui.typing import replace_text, type_text


def screen_of(window: MainWindow) -> AssignmentsScreen:
    screen = window.show_screen("assignments")
    assert isinstance(screen, AssignmentsScreen)
    return screen


def fill(qtbot: QtBot, screen: AssignmentsScreen, *, name: str, reading: str, field: str, post: str,
         start: str, end: str) -> None:
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, screen.name_edit, name)
    type_text(qtbot, screen.reading_edit, reading)
    screen.field_combo.setCurrentIndex(screen.field_combo.findText(field))
    screen.post_combo.setCurrentIndex(next(i for i in range(screen.post_combo.count())
                                           if post in screen.post_combo.itemText(i)))
    type_text(qtbot, screen.start_edit, start)
    type_text(qtbot, screen.end_edit, end)
    screen.end_edit.editingFinished.emit()


def test_add_assignment_then_overlap_is_refused(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    qtmodeltester.check(screen.model)
    before = context.read(count_assignments)
    fill(qtbot, screen, name="髙﨑 健", reading="たかさき けん", field="保健師", post="健康福祉課",
         start="R8.4.1", end="令和9年3月31日")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status_label.text() == "保存しました"
    assert context.read(count_assignments) == before + 1
    assert screen.model.total() == before + 1
    saved = context.read(list_assignments, text="髙﨑 健")[0]
    assert (saved.start_on, saved.end_on) == (date(2026, 4, 1), date(2027, 3, 31))

    # The same person again on another post, overlapping: refused next to the date, nothing saved.
    fill(qtbot, screen, name="髙﨑 健", reading="たかさき けん", field="保育士", post="子育て支援課",
         start="2026/10/1", end="R9.3.31")
    label = screen.form.problem_labels["start_on"]
    assert label.isVisible() and "期間が重なります" in label.text()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "入力に誤りがあります" in screen.status_label.text()
    assert "健康福祉課／保健師" in label.text()
    assert context.read(count_assignments) == before + 1


def test_bad_dates_and_reading_are_shown_next_to_fields(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    fill(qtbot, screen, name="山田", reading="yamada", field="保健師", post="健康福祉課",
         start="令和8年2月30日", end="R8.3.31")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "存在しない日付" in screen.form.problem_labels["start_on"].text()
    replace_text(qtbot, screen.start_edit, "R8.4.1")
    replace_text(qtbot, screen.end_edit, "R8.3.31")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "ひらがな・カタカナ" in screen.form.problem_labels["reading"].text()
    assert "派遣開始日より後" in screen.form.problem_labels["end_on"].text()


def test_field_outside_agreement_asks_and_saves_on_yes(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    asked: list[str] = []

    def answer(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    fill(qtbot, screen, name="土屋 一", reading="つちや はじめ", field="技術職員（別措置）", post="建設課",
         start="R8.4.1", end="R9.3.31")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert asked and "定められていません" in asked[0]
    assert context.read(count_assignments, text="土屋") == 1


def test_filters_year_status_and_text(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    screen.year_combo.setCurrentIndex(screen.year_combo.findText("令和6年度"))
    assert {r.name for r in screen.model.loaded_rows()} == {"𠮷田 花子", "佐藤 剛"}
    screen.year_combo.setCurrentIndex(0)
    type_text(qtbot, screen.list_panel.filter_edit, "保育士")
    screen.list_panel.apply_filter()
    assert screen.model.total() == 2
    assert screen.list_panel.count_label.text() == "2件"
    qtbot.keyClick(screen.list_panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.model.total() == 5)


def test_roster_import_from_the_window(qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    screen = screen_of(window)
    path = tmp_path / "roster.csv"
    path.write_bytes(("\r\n".join([
        ",".join(ROSTER_COLUMNS),
        "A県デモ町第1号,髙橋 一,たかはし はじめ,保健師,任期付職員,自治法派遣,健康福祉課／保健師２,R8.4.1,R9.3.31",
    ]) + "\r\n").encode("cp932"))
    dialog = screen.open_import()
    dialog.load(path)
    # The post is not in the agreement: an error naming the post it resembles, and a choice.
    qtbot.waitUntil(lambda: dialog.create_check.isVisible(), timeout=10000)
    assert not dialog.import_button.isEnabled()
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any(t.startswith("2行目 派遣先ポスト") and "近いもの: 「健康福祉課／保健師」" in t for t in texts)
    assert "1件" in dialog.create_check.text()
    assert "A県デモ町第1号 健康福祉課／保健師２" in dialog.create_label.text()
    assert "Shift_JIS" in dialog.encoding_label.text()
    dialog.grab().save(str(tmp_path / "import-unknown-post.png"))
    qtbot.mouseClick(dialog.create_check, Qt.MouseButton.LeftButton, pos=dialog.create_check.rect().topLeft() + QPoint(6, 6))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert dialog.preview_table.rowCount() == 1
    assert dialog.problem_list.count() == 0
    assert "健康福祉課／保健師２" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert context.read(count_assignments, text="髙橋") == 1
    assert screen.model.total() == 6
    assert screen.status_label.text() == "1行を取り込みました（作成した派遣先ポスト: A県デモ町第1号 健康福祉課／保健師２）"
    assert not dialog.isVisible()
    # The next file starts unconfirmed: the choice is made again for each file.
    again = screen.open_import()
    again.create_check.setChecked(True)
    again.load(path)
    qtbot.waitUntil(lambda: again.problem_list.count() > 0, timeout=10000)
    assert not again.create_check.isChecked() and not again.import_button.isEnabled()


def test_roster_import_refuses_a_mistyped_post(qtbot: QtBot, window: MainWindow, context: AppContext,
                                               tmp_path: Path) -> None:
    screen = screen_of(window)
    path = tmp_path / "typo.csv"
    path.write_text(",".join(ROSTER_COLUMNS) + "\n"
                    "A県デモ町第1号,髙橋 一,たかはし はじめ,保健師,任期付職員,自治法派遣,健康福祉課 保健師,R8.4.1,R9.3.31\n",
                    encoding="utf-8")
    dialog = screen.open_import()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.problem_list.count() > 0, timeout=10000)
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any("既にある「健康福祉課／保健師」と空白・全角半角・区切りだけが違います" in t for t in texts)
    # The same post mistyped is never offered for creation.
    assert not dialog.create_check.isVisible()
    assert not dialog.import_button.isEnabled()
    assert context.read(count_assignments, text="髙橋") == 0


def test_roster_import_with_errors_keeps_import_disabled(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    screen = screen_of(window)
    path = tmp_path / "bad.csv"
    path.write_text(",".join(ROSTER_COLUMNS) + "\nA県デモ町第9号,x,x,,,,,,\n", encoding="utf-8")
    dialog = screen.open_import()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.problem_list.count() > 0, timeout=10000)
    assert not dialog.import_button.isEnabled()
    texts = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any(t.startswith("2行目 協約番号") for t in texts)
    assert "何も書き込んでいません" in dialog.summary_label.text()
