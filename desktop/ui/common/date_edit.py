"""A date field that reads what clerks type (令和7年4月1日, R7.4.1, 2025-04-01, full-width) and shows 和暦."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.wareki import DateParseError, format_wareki, parse_date
from desktop.i18n import _


class WarekiDateEdit(QLineEdit):
    """`value()` is the parsed date or None; `problem()` the message when the text is not a date."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        self.setPlaceholderText(_("例: 令和7年4月1日 / R7.4.1"))
        self.setMinimumWidth(150)
        self.setMaximumWidth(220)
        self.editingFinished.connect(self._normalise)
        self.textChanged.connect(lambda _t: self.value_changed.emit())

    def value(self) -> date | None:
        try:
            return parse_date(self.text()) if self.text().strip() else None
        except DateParseError:
            return None

    def problem(self) -> str | None:
        if not self.text().strip():
            return _("日付を入力してください") if self.required else None
        try:
            parse_date(self.text())
        except DateParseError as error:
            return str(error)
        return None

    def set_value(self, value: date | None) -> None:
        self.setText(format_wareki(value) if value else "")

    def _normalise(self) -> None:
        value = self.value()
        if value is not None:
            formatted = format_wareki(value)
            if formatted != self.text():
                self.setText(formatted)
                self.setToolTip(value.isoformat())
