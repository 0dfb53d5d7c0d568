"""Help → バージョン情報: the version, the office file's path, its schema version and the
fonts in use — what a town's IT contact asks for first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.fontfiles import GOTHIC_FILE, MINCHO_FILE, bundled, find_ipamj
from desktop.i18n import _
from desktop.store import migrate
from desktop.store.db import Office, schema_status


def version_lines(office: Office) -> list[tuple[str, str]]:
    revision, number = schema_status(office)
    app = QApplication.instance()
    families = ", ".join(app.font().families()) if isinstance(app, QApplication) else ""
    return [
        (_("版"), __version__),
        (_("事務ファイル"), str(office.path)),
        (_("スキーマの版"), _("{number}（リビジョン {revision}、この版の最新 {head}）").format(
            number=number, revision=revision or "-", head=migrate.head_revision())),
        (_("画面のフォント"), families or "-"),
        (_("帳票のフォント"), "\n".join(str(path) for path in (bundled(MINCHO_FILE), bundled(GOTHIC_FILE), find_ipamj()))),
    ]


class AboutDialog(QDialog):
    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("バージョン情報"))
        layout = QVBoxLayout(self)
        title = QLabel(_("連携デスク {version}").format(version=__version__))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        intro = QLabel(_("連携協約・派遣職員・負担金・特別交付税算定資料と指定地域共同活動団体を扱う町村向けアプリです。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.lines = version_lines(office)
        self.details = QLabel("\n".join(f"{name}: {value}" for name, value in self.lines))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(_("コピー(&C)"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details.text()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
