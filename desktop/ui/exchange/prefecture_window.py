"""都道府県集計: the prefecture's own window. Opens many towns' files, verifies each, shows them
side by side with the 負担金 per person to deduct, flags duplicates and rewritten histories,
and writes the summary workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.yen import format_yen
from desktop.i18n import N_, _
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.status_label import StatusLabel

if TYPE_CHECKING:
    from desktop.exchange.aggregate import Aggregation
    from desktop.exchange.chain import ChainState
    from desktop.ui.common.background import Progress

COLUMNS = (N_("団体コード"), N_("団体名"), N_("年度"), N_("算定額"), N_("負担金"), N_("ポスト"), N_("派遣職員"),
           N_("扱い"), N_("監査ログ"), N_("作成日時"), N_("ファイル"))
PERSON_COLUMNS = (N_("氏名"), N_("派遣先ポスト"), N_("分野"), N_("負担金"))
FLAG_COLOUR = QColor("#fde0e0")
SUPERSEDED_COLOUR = QColor("#eeeeee")


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PrefectureWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None, state_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("都道府県集計 — 連携デスク"))
        self.resize(1200, 720)
        self.state_path = state_path
        self.paths: list[Path] = []
        self.result: Aggregation | None = None
        self.state: ChainState | None = None
        self.job: BackgroundJob | None = None
        self.open_button = QPushButton(_("ファイルを開く…"))
        self.clear_button = QPushButton(_("一覧を空にする"))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(_("暗号化されたファイルのパスフレーズ"))
        self.save_button = QPushButton(_("集計表を保存…"))
        self.save_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addWidget(self.clear_button)
        bar.addWidget(QLabel(_("パスフレーズ")))
        bar.addWidget(self.passphrase_edit, 1)
        bar.addWidget(self.save_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals_label = QLabel()
        self.persons = QTableWidget(0, len(PERSON_COLUMNS))
        self.persons.setHorizontalHeaderLabels([_(c) for c in PERSON_COLUMNS])
        self.persons.verticalHeader().setVisible(False)
        self.persons.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(_("受け付けなかったファイルと監査ログの注意がここに出ます"))
        self.status_label = StatusLabel()
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.persons)
        lower.addWidget(self.problems)
        lower.setSizes([700, 500])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 260])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.status_label)
        self.setCentralWidget(central)
        self.open_button.clicked.connect(self._choose_files)
        self.clear_button.clicked.connect(self.clear)
        self.save_button.clicked.connect(self._choose_summary)
        self.table.itemSelectionChanged.connect(self._show_persons)

    def _choose_files(self) -> None:
        names, _chosen = QFileDialog.getOpenFileNames(
            self, _("交換ファイルを開く"), "", _("交換ファイル (*.zip *.zip.enc);;すべてのファイル (*)"))
        if names:
            self.add_files([Path(n) for n in names])

    def clear(self) -> None:
        self.paths = []
        self.result = None
        self.table.setRowCount(0)
        self.persons.setRowCount(0)
        self.problems.clear()
        self.totals_label.clear()
        self.save_button.setEnabled(False)

    def add_files(self, paths: list[Path]) -> BackgroundJob:
        """Verifies every file opened so far (the new ones with them) off the GUI thread."""
        self.paths = list(dict.fromkeys([*self.paths, *paths]))
        chosen, passphrase, state_path = list(self.paths), self.passphrase_edit.text() or None, self.state_path

        def work(progress: Progress) -> tuple[Aggregation, ChainState]:
            from desktop.commands.exchange import sum_files

            return sum_files(chosen, passphrase=passphrase, state_path=state_path, progress=progress.report)

        self.job = run_in_background(self, _("交換ファイルを検証しています…"), work, self._show, self._failed)
        return self.job

    def _show(self, found: tuple[Aggregation, ChainState]) -> None:
        result, self.state = found
        self.result = result
        self.table.setRowCount(len(result.files))
        for row, town_file in enumerate(result.files):
            f = town_file.file
            values = [(f.town_code, False), (f.town_name, False), (f.fiscal_year_label, False),
                      (format_yen(f.claim_yen), True), (format_yen(f.contribution_yen), True), (str(f.posts), True),
                      (str(f.staff), True), (_("集計") if town_file.counted else _("重複（新しい方を集計）"), False),
                      (town_file.chain.status.label, False), (f.created_at, False), (town_file.path.name, False)]
            for column, (text, right) in enumerate(values):
                item = _item(text, right=right)
                if not town_file.chain.status.ok:
                    item.setBackground(FLAG_COLOUR)
                elif not town_file.counted:
                    item.setBackground(SUPERSEDED_COLOUR)
                if column == 8:
                    item.setToolTip(town_file.chain.detail)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        notes = [_("受け付けません: {name}: {error}").format(name=r.path.name, error=r.message) for r in result.refused]
        notes += [_("監査ログ: {name}: {detail}").format(name=f.path.name, detail=f.chain.detail)
                  for f in result.files if not f.chain.status.ok]
        notes += [_("重複: {name} は同じ団体・年度の新しいファイル {newer} に置き換えました").format(
                  name=f.path.name, newer=f.superseded_by.name) for f in result.files if f.superseded_by]
        self.problems.setPlainText("\n".join(notes))
        self.totals_label.setText(_("集計 {count}件: 算定額 {claim}、負担金 {contribution}（受け付けなかったファイル {refused}件）").format(
            count=len(result.counted), claim=format_yen(result.claim_yen),
            contribution=format_yen(result.contribution_yen), refused=len(result.refused)))
        if result.problems:
            self.status_label.error(_("確認が必要なファイルがあります（右下の一覧）"))
        else:
            self.status_label.ok(_("{count}件のファイルを検証しました").format(count=len(result.files)))
        self.save_button.setEnabled(bool(result.files))
        if result.files:
            self.table.selectRow(0)

    def _failed(self, error: BaseException) -> None:
        self.status_label.error(str(error))

    def _show_persons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.result is None:
            self.persons.setRowCount(0)
            return
        persons = self.result.files[rows[0].row()].file.persons
        self.persons.setRowCount(len(persons))
        for row, person in enumerate(persons):
            for column, (text, right) in enumerate(((person.name, False), (person.post, False), (person.field, False),
                                                    (format_yen(person.contribution_yen), True))):
                self.persons.setItem(row, column, _item(text, right=right))
        self.persons.resizeColumnToContents(0)

    def _choose_summary(self) -> None:
        name, _chosen = QFileDialog.getSaveFileName(self, _("集計表を保存"), _("連携交換ファイル集計.xlsx"),
                                                    _("Excel (*.xlsx)"))
        if name:
            self.save_summary(Path(name))

    def save_summary(self, path: Path) -> BackgroundJob | None:
        """Writes the workbook and remembers the heads received, off the GUI thread."""
        if self.result is None or self.state is None:
            return None
        result, state = self.result, self.state

        def work(_progress: Progress) -> Path:
            from desktop.commands.exchange import write_summary

            write_summary(result, state, path)
            return path

        def done(written: Path) -> None:
            self.status_label.ok(_("集計表を保存し、受け取った監査ログの末尾を記録しました: {path}").format(path=written))

        self.job = run_in_background(self, _("集計表を保存しています…"), work, done, self._failed)
        return self.job


def run_prefecture_app(files: list[Path], *, language: str | None = None) -> int:
    """`renkei-desk prefecture [FILE...]`: the prefecture's window alone, without an office file."""
    import sys

    from desktop.ui.app import prepare_application

    app, _settings, _chosen = prepare_application(sys.argv[:1], language)
    window = PrefectureWindow()
    window.show()
    if files:
        window.add_files(files)
    return app.exec()
