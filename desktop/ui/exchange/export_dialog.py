"""交換ファイル → 書き出し…: the clerk picks the year, the folder (a USB stick), the CSV encoding
and an optional passphrase; the export itself is the shared command, run off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.carry_out import Medium
from desktop.i18n import _
from desktop.store.repos.claims import claim_fiscal_years
from desktop.store.services.change import Change
from desktop.ui.common.background import BackgroundJob, JobCancelledError, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.common.medium_choice import MediumCombo
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.common.year_combo import FiscalYearCombo

if TYPE_CHECKING:
    from desktop.commands.exchange import ExportOutcome
    from desktop.exchange.export import ExportOptions
    from desktop.ui.common.background import Progress


class ExportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: BackgroundJob | None = None
        self.written: Path | None = None
        self.setWindowTitle(_("交換ファイルの書き出し"))
        self.resize(640, 480)
        self.year_combo = FiscalYearCombo()
        self.year_combo.set_years(context.read(claim_fiscal_years), context.working_year)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(_("USBメモリなど、書き出すフォルダ"))
        self.browse_button = QPushButton(_("参照…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.utf8_radio = QRadioButton(_("UTF-8（BOM付き、推奨）"))
        self.cp932_radio = QRadioButton(_("Shift_JIS（cp932）"))
        self.utf8_radio.setChecked(True)
        encodings = QButtonGroup(self)
        encodings.addButton(self.utf8_radio)
        encodings.addButton(self.cp932_radio)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.utf8_radio)
        encoding_row.addWidget(self.cp932_radio)
        encoding_row.addStretch(1)
        self.replace_check = QCheckBox(_("cp932で表せない文字を決まった字に置き換える（𠮷→吉、剝→剥、ほかは〓。manifest.json に記録）"))
        self.replace_check.setEnabled(False)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(_("メールで送るときだけ（空欄なら暗号化しません）"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.medium_combo = MediumCombo("exchange", Medium.USB)  # the file goes to the prefecture on a stick or by mail
        form = QFormLayout()
        form.addRow(_("年度"), self.year_combo)
        form.addRow(_("書き出し先"), folder_row)
        form.addRow(_("CSVの文字コード"), encoding_row)
        form.addRow("", self.replace_check)
        form.addRow(_("パスフレーズ"), self.passphrase_edit)
        form.addRow(_("パスフレーズ（確認）"), self.confirm_edit)
        form.addRow(_("持出媒体"), self.medium_combo)
        self.status_label = StatusLabel()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(_("書き出した結果や、cp932で表せない文字の一覧がここに出ます"))
        self.export_button = QPushButton(_("書き出す"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(_("閉じる"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.browse_button.clicked.connect(self._browse)
        self.cp932_radio.toggled.connect(self.replace_check.setEnabled)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.close)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("書き出すフォルダ"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def options(self) -> ExportOptions:
        from desktop.exchange.export import ExportOptions

        return ExportOptions(csv_encoding="cp932" if self.cp932_radio.isChecked() else "utf-8-sig",
                             cp932_replace=self.cp932_radio.isChecked() and self.replace_check.isChecked(),
                             passphrase=self.passphrase_edit.text() or None)

    def start_export(self) -> BackgroundJob | None:
        folder = self.folder_edit.text().strip()
        if not folder:
            self.status_label.error(_("書き出すフォルダを選んでください"))
            return None
        if self.passphrase_edit.text() != self.confirm_edit.text():
            self.status_label.error(_("パスフレーズが確認欄と一致しません"))
            return None
        options, fiscal_year, office = self.options(), self.year_combo.fiscal_year(), self.context.office
        medium = self.medium_combo.medium()
        self.medium_combo.remember()
        self.export_button.setEnabled(False)
        self.details.clear()

        def work(progress: Progress) -> ExportOutcome:
            from desktop.commands.exchange import export_exchange

            return export_exchange(office, fiscal_year=fiscal_year, folder=Path(folder), options=options,
                                   progress=progress.report, medium=medium)

        self.job = run_in_background(self, _("交換ファイルを書き出しています…"), work, self._done, self._failed)
        return self.job

    def _done(self, outcome: ExportOutcome) -> None:
        from desktop.commands.exchange_cli import describe_file

        self.export_button.setEnabled(True)
        self.written = outcome.path
        self.context.bus.changed.emit(Change("carry_out_record", "export"))  # the register gained a line
        self.status_label.ok(_("書き出して読み返し、検証しました: {path}").format(path=outcome.path))
        lines = describe_file(outcome.verified)
        lines += [_("置換: {problem}").format(problem=p.describe()) for p in outcome.replacements]
        self.details.setPlainText("\n".join(lines))

    def _failed(self, error: BaseException) -> None:
        from desktop.exchange.export import Cp932Error

        self.export_button.setEnabled(True)
        if isinstance(error, JobCancelledError):
            self.status_label.error(_("書き出しを取り消しました。ファイルは作られていません"))
            return
        self.status_label.error(str(error))
        if isinstance(error, Cp932Error):
            self.details.setPlainText("\n".join(p.describe() for p in error.problems))
            self.replace_check.setFocus()
