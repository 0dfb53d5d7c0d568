"""An amount field in whole yen: accepts 1,234,000 / １２３４０００円 / ¥1,234 and shows separators."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.yen import YenParseError, format_amount, parse_yen
from desktop.i18n import _


class YenEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(_("例: 1,234,000"))
        self.setMaximumWidth(200)
        self.editingFinished.connect(self._normalise)

    def value(self) -> int | None:
        try:
            return parse_yen(self.text())
        except YenParseError:
            return None

    def problem(self) -> str | None:
        try:
            parse_yen(self.text())
        except YenParseError as error:
            return str(error)
        return None

    def set_value(self, amount: int | None) -> None:
        self.setText("" if amount is None else format_amount(amount))

    def _normalise(self) -> None:
        amount = self.value()
        if amount is not None:
            self.setText(format_amount(amount))
