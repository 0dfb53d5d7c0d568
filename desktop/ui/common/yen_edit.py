"""The one money field, whole yen: accepts 1,234,000 / １２３４５６７円 / ¥1,234, shows separators,
and marks itself when the text is not an amount (the message also goes to its FieldForm row)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.yen import YenParseError, format_amount, parse_yen
from desktop.i18n import _

INVALID_STYLE = "QLineEdit { border: 1px solid #b00020; }"


class YenEdit(QLineEdit):
    problem_changed = Signal(object)   # str | None, after the clerk leaves the field

    def __init__(self, parent: QWidget | None = None, *, required: bool = True) -> None:
        super().__init__(parent)
        self.required = required
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(_("例: 1,234,000"))
        self._fit_width()
        self.editingFinished.connect(self._normalise)

    def _fit_width(self) -> None:
        """Room for 999,999,999,999 at whatever font size the clerk chose."""
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("999,999,999,999") + 3 * self.fontMetrics().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def value(self) -> int | None:
        try:
            return parse_yen(self.text())
        except YenParseError:
            return None

    def problem(self) -> str | None:
        if not self.text().strip() and not self.required:
            return None
        try:
            parse_yen(self.text())
        except YenParseError as error:
            return str(error)
        return None

    def set_value(self, amount: int | None) -> None:
        self.setText("" if amount is None else format_amount(amount))
        self._mark(None)

    def _mark(self, problem: str | None) -> None:
        self.setStyleSheet(INVALID_STYLE if problem else "")
        self.setToolTip(problem or "")
        self.problem_changed.emit(problem)

    def _normalise(self) -> None:
        amount = self.value()
        if amount is not None:
            self.setText(format_amount(amount))
        self._mark(self.problem() if self.text().strip() else None)
