"""The line under a form that says what just happened: green when done, red when refused."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


class StatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def ok(self, text: str) -> None:
        self.setText(text)
        self.setStyleSheet(OK_STYLE)

    def error(self, text: str) -> None:
        self.setText(text)
        self.setStyleSheet(ERROR_STYLE)
