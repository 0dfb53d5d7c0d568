"""ファイル → バックアップの設定: the folder (another drive, a USB stick) and how many are kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.problems import ValidationError
from desktop.i18n import _
from desktop.paths import backup_root
from desktop.store.backup import BackupError, backup_folder, move_backups
from desktop.store.services.backup_settings import (
    MAX_KEEP,
    BackupSettingsDraft,
    get_backup_settings,
    save_backup_settings,
)
from desktop.ui.common.context import AppContext


class BackupSettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("バックアップの設定"))
        current = context.read(get_backup_settings)
        self.folder_edit = QLineEdit(current.folder)
        self.folder_edit.setPlaceholderText(str(backup_root()))
        browse = QPushButton(_("参照(&B)…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.daily, self.monthly = QSpinBox(), QSpinBox()
        for spin, value, suffix in ((self.daily, current.keep_daily, _(" 日分")),
                                    (self.monthly, current.keep_monthly, _(" か月分"))):
            spin.setRange(1, MAX_KEEP)
            spin.setValue(value)
            spin.setSuffix(suffix)
        form = QFormLayout()
        form.addRow(_("保存先フォルダ"), folder_row)
        form.addRow(_("毎日のバックアップ"), self.daily)
        form.addRow(_("毎月のバックアップ"), self.monthly)
        note = QLabel(_("空欄のときは標準のフォルダに保存します。フォルダを変えると、これまでのバックアップも移します。"
                        "今の保存先: {folder}").format(folder=backup_folder(context.office.path)))
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("problem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 240)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("バックアップの保存先"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def save(self) -> bool:
        path = self.context.office.path
        old_folder = backup_folder(path)
        draft = BackupSettingsDraft(self.folder_edit.text().strip(), self.daily.value(), self.monthly.value())
        try:
            self.context.run(save_backup_settings, draft=draft)
            move_backups(path, old_folder)
        except ValidationError as error:
            self.message.setText("\n".join(p.message for p in error.problems))
            return False
        except BackupError as error:
            self.message.setText(str(error))
            return False
        self.accept()
        return True
