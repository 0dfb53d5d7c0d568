"""The import dialog shared by every import: pick a file, preview every row and problem, then import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.atomic_file import write_atomically
from desktop.domain.problems import ImportRefusedError, RowProblem, Severity
from desktop.i18n import _
from desktop.importing.tabular import Table, TableReadError, read_table
from desktop.importing.templates import template_csv, template_xlsx
from desktop.store.backup import backup_office
from desktop.store.services.change import Change
from desktop.ui.common.background import run_in_background
from desktop.ui.common.context import AppContext

PREVIEW_ROW_LIMIT = 500


@dataclass
class PreviewResult:
    """What the check found; the dialog shows every row of the file with its verdict."""

    problems: list[RowProblem] = field(default_factory=list)
    summary: str = ""
    # Records the file names that do not exist yet and that the clerk may choose to create
    # (the roster's new posts, each with its near matches): offered with a check box, never
    # created unasked.
    creatable: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)  # what the import will create, as chosen

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def has_warnings(self) -> bool:
        return any(p.severity is Severity.WARNING for p in self.problems)


@dataclass(frozen=True)
class ImportSpec:
    title: str  # msgid, translated where shown
    template_name: str  # msgid
    columns: tuple[str, ...]
    example: tuple[str, ...]
    preview: Callable[[AppContext, Table, bool], PreviewResult]  # (…, create): reads only
    run: Callable[[AppContext, Table, bool, bool, str], Change]  # (…, confirmed, create, source)


class ImportDialog(QDialog):
    """Emits `imported(message)` after a successful import, then closes."""

    imported = Signal(str)

    def __init__(self, context: AppContext, spec: ImportSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.spec = context, spec
        self.table: Table | None = None
        self.preview_result: PreviewResult | None = None
        self.change: Change | None = None
        self.setWindowTitle(_(spec.title))
        self.resize(1000, 640)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(_("ファイルを選ぶ(&O)…"))
        self.template_button = QPushButton(_("空のテンプレートを保存…"))
        self.encoding_label = QLabel()
        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setVisible(False)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)  # a message with its near matches is long
        self.summary_label = QLabel(_("CSV（UTF-8 / Shift_JIS）またはExcel（xlsx）を選んでください。1行目は見出しです。"))
        self.summary_label.setWordWrap(True)
        self.confirm_check = QCheckBox(_("警告の内容を確認しました。このまま取り込みます"))
        self.confirm_check.setVisible(False)
        self.create_check = QCheckBox()
        self.create_check.setVisible(False)
        self.create_label = QLabel()
        self.create_label.setWordWrap(True)
        self.create_label.setVisible(False)
        self.import_button = QPushButton(_("取り込む(&I)"))
        self.import_button.setEnabled(False)
        close_button = QPushButton(_("閉じる"))

        top = QHBoxLayout()
        top.addWidget(QLabel(_("ファイル:")))
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.browse_button)
        top.addWidget(self.template_button)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self.preview_table)
        splitter.addWidget(self.problem_list)
        splitter.setStretchFactor(0, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_check)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.encoding_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.create_check)
        layout.addWidget(self.create_label)
        layout.addLayout(buttons)

        self.browse_button.clicked.connect(self._browse)
        self.template_button.clicked.connect(self._save_template)
        self.import_button.clicked.connect(self.start_import)
        self.confirm_check.toggled.connect(lambda _on: self._update_button())
        self.create_check.toggled.connect(self._create_toggled)
        close_button.clicked.connect(self.reject)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _(self.spec.title), "", _("表のファイル (*.csv *.txt *.xlsx);;すべてのファイル (*)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Reads and previews the file in the background; nothing is written."""
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(False)
        # A new file is checked without creating anything: the clerk confirms for each file.
        self.create_check.blockSignals(True)
        self.create_check.setChecked(False)
        self.create_check.blockSignals(False)

        def work(_progress: object) -> tuple[Table, PreviewResult]:
            table = read_table(path)
            return table, self.spec.preview(self.context, table, False)

        self.job = run_in_background(self, _("ファイルを確認しています…"), work, self._show_preview, self._show_error)

    def _create_toggled(self, create: bool) -> None:
        """Checks the same rows again, with or without creating the new records."""
        table = self.table
        if table is None:
            return
        self.import_button.setEnabled(False)

        def work(_progress: object) -> tuple[Table, PreviewResult]:
            return table, self.spec.preview(self.context, table, create)

        self.job = run_in_background(self, _("ファイルを確認しています…"), work, self._show_preview, self._show_error)

    def _show_error(self, error: BaseException) -> None:
        self.table, self.preview_result = None, None
        self.create_check.setVisible(False)
        self.create_label.setVisible(False)
        message = str(error) if isinstance(error, TableReadError) else _("ファイルを確認できませんでした: {error}").format(error=error)
        self.summary_label.setText(message)
        self.summary_label.setStyleSheet("color: #b00020;")
        self.problem_list.clear()
        self.preview_table.clear()
        self._update_button()

    def _show_preview(self, loaded: tuple[Table, PreviewResult]) -> None:
        self.table, self.preview_result = loaded
        result = self.preview_result
        encoding = {"cp932": "Shift_JIS (cp932)", "utf-8-sig": _("UTF-8（BOM付き）"), "utf-8": "UTF-8",
                    "xlsx": "Excel (xlsx)"}.get(self.table.encoding, self.table.encoding)
        self.encoding_label.setText(_("形式: {encoding}　行数: {count}").format(encoding=encoding, count=len(self.table.rows)))
        self._fill_rows(self.table, result)
        self.problem_list.clear()
        for problem in result.problems:
            item = QListWidgetItem(problem.describe())
            item.setForeground(QColor("#b00020" if problem.severity is Severity.ERROR else "#8a5a00"))
            self.problem_list.addItem(item)
        if result.has_errors:
            text = _("誤りのある行があります。ファイルを直してから選び直してください（何も書き込んでいません）。")
            style = "color: #b00020;"
        else:
            text = result.summary
            style = "color: #8a5a00;" if result.has_warnings else "color: #1b5e20;"
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(style)
        self.confirm_check.setVisible(result.has_warnings and not result.has_errors)
        self.confirm_check.setChecked(False)
        self._show_create_choice(result)
        self._update_button()

    def _show_create_choice(self, result: PreviewResult) -> None:
        offered = result.creatable
        self.create_check.setVisible(bool(offered))
        self.create_label.setVisible(bool(offered))
        if not offered:
            return
        self.create_check.setText(_("ファイルにある未登録の派遣先ポスト{count}件を新しく作成して取り込む").format(
            count=len(offered)))
        self.create_label.setText(_("作成するポスト: {posts}\n書き間違いなら作成せず、「近いもの」に合わせて"
                                    "ファイルを直してください（新しいポストは特別交付税の初年度として数えられます）。"
                                    ).format(posts="、".join(offered)))
        self.create_label.setStyleSheet("color: #8a5a00;")

    def _fill_rows(self, table: Table, result: PreviewResult) -> None:
        worst: dict[int, Severity] = {}
        for problem in result.problems:
            if worst.get(problem.row) is not Severity.ERROR:
                worst[problem.row] = problem.severity
        verdicts = {Severity.ERROR: (_("誤り"), "#fde0e0"), Severity.WARNING: (_("要確認"), "#fff3cd")}
        self.preview_table.setColumnCount(len(table.header) + 2)
        self.preview_table.setHorizontalHeaderLabels([_("行"), _("判定"), *table.header])
        shown = table.rows[:PREVIEW_ROW_LIMIT]
        self.preview_table.setRowCount(len(shown))
        for index, cells in enumerate(shown):
            row_number = index + 2
            verdict, colour = verdicts.get(worst.get(row_number), (_("取込可"), ""))  # type: ignore[arg-type]
            for column, value in enumerate([str(row_number), verdict, *cells]):
                if not value and not colour:
                    continue  # an empty place needs no item (a sheet of a hundred columns has many)
                item = QTableWidgetItem(value)
                if colour:
                    item.setBackground(QColor(colour))
                self.preview_table.setItem(index, column, item)
        self.preview_table.resizeColumnsToContents()

    def _update_button(self) -> None:
        ok = self.preview_result is not None and not self.preview_result.has_errors
        if ok and self.preview_result is not None and self.preview_result.has_warnings:
            ok = self.confirm_check.isChecked()
        self.import_button.setEnabled(ok)

    def start_import(self) -> None:
        table, confirmed, create = self.table, self.confirm_check.isChecked(), self.create_check.isChecked()
        if table is None:
            return
        source = Path(self.path_edit.text()).name

        def work(_progress: object) -> Change:
            backup_office(self.context.office.path, "before-import")
            return self.spec.run(self.context, table, confirmed, create, source)

        self.import_button.setEnabled(False)
        self.job = run_in_background(self, _("取り込んでいます…"), work, self._imported, self._import_failed)

    def _imported(self, change: Change) -> None:
        self.change = change
        self.context.bus.changed.emit(change)
        message = _("{count}行を取り込みました").format(count=change.count)
        created = self.preview_result.created if self.preview_result is not None else []
        if created and self.create_check.isChecked():
            message += _("（作成した派遣先ポスト: {posts}）").format(posts="、".join(created))
        self.imported.emit(message)
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRefusedError) and self.table is not None:
            self._show_preview((self.table, PreviewResult(error.problems)))
            return
        self._show_error(error)

    def _save_template(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("テンプレートを保存"), _(self.spec.template_name) + ".xlsx",
            _("Excel (*.xlsx);;CSV UTF-8 BOM付き (*.csv)"))
        if not path:
            return
        data = (template_csv(self.spec.columns) if path.lower().endswith(".csv")
                else template_xlsx(self.spec.columns, self.spec.example))
        try:
            write_atomically(Path(path), data)
        except OSError as error:
            QMessageBox.warning(self, _("保存できません"), _("ファイルを保存できませんでした: {error}").format(error=error))
