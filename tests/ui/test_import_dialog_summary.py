"""The import dialog's summary: the number of rows and their sum come from the check, which
keeps no drafts of its own (a check of 100,000 rows would otherwise hold them all)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.importing.templates import ORGANISATION_COLUMNS, PAYMENT_COLUMNS
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportDialog
from desktop.ui.screens.ledger.payment_import import PAYMENT_IMPORT
from desktop.ui.screens.organisations.organisation_import import ORGANISATION_IMPORT


def _csv(path: Path, header: tuple[str, ...], rows: list[str]) -> Path:
    path.write_text("\n".join([",".join(header), *rows]) + "\n", encoding="utf-8")
    return path


def _summary(qtbot: QtBot, dialog: ImportDialog, path: Path) -> str:
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview_result is not None, timeout=10_000)
    return dialog.summary_label.text()


def test_the_payments_summary_counts_and_sums_the_rows(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    path = _csv(tmp_path / "p.csv", PAYMENT_COLUMNS, [
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.6.10,令和7年度,\"1,000円\",支出第1号,,負担金",
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.7.10,令和7年度,2500,支出第2号,,負担金"])
    dialog = ImportDialog(context, PAYMENT_IMPORT)
    assert _summary(qtbot, dialog, path) == "2行（合計 3,500円）を取り込めます"
    assert dialog.import_button.isEnabled()


def test_the_organisations_summary_counts_the_rows(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    path = _csv(tmp_path / "o.csv", ORGANISATION_COLUMNS, [
        "新町内会,その他,会長,山田 太郎,デモ町新1,新小学校区,,10,区域の住民,,,",
        "北町内会,その他,会長,𠮷田 花子,デモ町北1,北小学校区,,12,区域の住民,,,"])
    assert _summary(qtbot, ImportDialog(context, ORGANISATION_IMPORT), path) == "2団体を登録できます（未申請として登録します）"


def test_the_preview_makes_no_item_for_an_empty_place_of_a_good_row(
        qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    """A sheet of a hundred columns has many empty places: a good row shows none of them as an
    item (0.2 s for 500 rows of a note in column CV), a wrong row is coloured across."""
    path = _csv(tmp_path / "p.csv", PAYMENT_COLUMNS, [
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.6.10,令和7年度,1000,支出第1号,,負担金",
        "A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.13.40,令和7年度,1000,支出第2号,,負担金"])
    dialog = ImportDialog(context, PAYMENT_IMPORT)
    _summary(qtbot, dialog, path)
    due = 2 + PAYMENT_COLUMNS.index("期日")
    table = dialog.preview_table
    assert table.item(0, 1).text() == "取込可" and table.item(0, due) is None
    assert table.item(1, 1).text() == "誤り" and table.item(1, due).text() == ""
    assert table.item(1, due).background().color().name() == "#fde0e0"
