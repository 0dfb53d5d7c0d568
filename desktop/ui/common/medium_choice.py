"""持出媒体: the medium a file with personal data leaves on, asked where the file is chosen.

The last choice is remembered per kind of output (a form's PDF, the exchange file, a
spreadsheet) in the user's settings, so a clerk who always uses the same stick answers once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QGridLayout, QLabel, QWidget

from desktop.domain.carry_out import FILE_DEFAULT, Medium
from desktop.i18n import _

FILE_MEDIA = (Medium.USB, Medium.EMAIL, Medium.OTHER)  # paper is what printing records


def _settings_key(kind: str) -> str:
    return f"carry_out/medium_{kind}"


class MediumCombo(QComboBox):
    """USBメモリ / メール / その他, starting on the last choice for `kind` (else `default`)."""

    def __init__(self, kind: str, default: Medium = FILE_DEFAULT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        for medium in FILE_MEDIA:
            self.addItem(medium.label, medium.value)
        remembered = Medium.from_text(str(_settings().value(_settings_key(kind), default.value)))
        self.set_medium(remembered if remembered in FILE_MEDIA else default)

    def medium(self) -> Medium:
        return Medium(self.currentData())

    def set_medium(self, medium: Medium) -> None:
        self.setCurrentIndex(max(0, self.findData(medium.value)))

    def remember(self) -> None:
        settings = _settings()
        settings.setValue(_settings_key(self.kind), self.medium().value)
        settings.sync()


def _settings():
    from desktop.ui.app import app_settings  # the app's one settings file (config folder)

    return app_settings()


def save_dialog(parent: QWidget | None, title: str, suggested: str, file_filter: str,
                kind: str) -> tuple[QFileDialog, MediumCombo]:
    """Qt's own save dialog with a 持出媒体 row under the file type (a native one cannot take it)."""
    dialog = QFileDialog(parent, title, suggested, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested)
    combo = MediumCombo(kind, parent=dialog)
    layout = dialog.layout()
    if isinstance(layout, QGridLayout):
        row = layout.rowCount()
        caption = QLabel(_("持出媒体(&M):"))
        caption.setBuddy(combo)
        layout.addWidget(caption, row, 0)
        layout.addWidget(combo, row, 1)
    return dialog, combo


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str, kind: str) -> tuple[Path, Medium] | None:
    """The path and the medium chosen; None when the clerk cancels."""
    dialog, combo = save_dialog(parent, title, suggested, file_filter, kind)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    combo.remember()
    return Path(dialog.selectedFiles()[0]), combo.medium()
