"""The question asked when the office file is missing or empty: never answered silently.

A first start and a mistyped --db look alike, so the clerk chooses: a new empty office,
the demo office, another file, or quit. Only shown where a display can show it (ui/app.py).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import _


class StartChoice(Enum):
    NEW_EMPTY = "new-empty"
    DEMO = "demo"
    OPEN_OTHER = "open-other"
    QUIT = "quit"


class MissingOfficeDialog(QDialog):
    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("事務ファイルがありません"))
        self.choice = StartChoice.QUIT
        self.message = QLabel(message + "\n\n" + _("どうしますか？"))
        self.message.setWordWrap(True)
        self.buttons: dict[StartChoice, QPushButton] = {
            StartChoice.NEW_EMPTY: QPushButton(_("新しい空の事務ファイル")),
            StartChoice.DEMO: QPushButton(_("デモ事務所")),
            StartChoice.OPEN_OTHER: QPushButton(_("別のファイルを開く…")),
            StartChoice.QUIT: QPushButton(_("終了")),
        }
        row = QHBoxLayout()
        for choice, button in self.buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, chosen=choice: self.choose(chosen))
            row.addWidget(button)
        self.buttons[StartChoice.OPEN_OTHER].setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.setMinimumWidth(560)

    def choose(self, choice: StartChoice) -> None:
        self.choice = choice
        if choice is StartChoice.QUIT:
            self.reject()
        else:
            self.accept()
