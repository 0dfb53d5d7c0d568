"""The one date field: reads what clerks type (令和7年4月1日, R7.4.1, R7/4/1, 2025-04-01, full-width),
shows 和暦 with the weekday (令和7年4月1日（火）), opens a calendar headed in 和暦 (Alt+↓ or F4),
and marks itself when the text is not a date (the message also goes to its FieldForm row)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.wareki import (
    DateParseError,
    format_wareki_weekday,
    format_year_month,
    parse_date,
)
from desktop.i18n import _, current_language

INVALID_STYLE = "QLineEdit { border: 1px solid #b00020; }"


class WarekiCalendar(QFrame):
    """A popup calendar whose heading names the shown month in 和暦 (令和7年4月)."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.Box)
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setStyleSheet("font-weight: bold;")
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # Qt's own bar names the month in the Gregorian calendar; ours names it in 和暦.
        self.calendar.setNavigationBarVisible(False)
        if current_language() == "ja":
            self.calendar.setLocale(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
        self.previous_button, self.next_button = QToolButton(), QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.previous_button.setToolTip(_("前の月（PageUp）"))
        self.next_button.setToolTip(_("次の月（PageDown）"))
        self.previous_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.calendar)
        self.calendar.currentPageChanged.connect(self._show_heading)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def show_month(self, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self._show_heading(day.year, day.month)

    def _show_heading(self, year: int, month: int) -> None:
        try:
            self.heading.setText(format_year_month(year, month))
        except DateParseError:
            self.heading.setText(f"{year}/{month}")

    def _pick(self, qdate: QDate) -> None:
        self.picked.emit(date(qdate.year(), qdate.month(), qdate.day()))
        self.close()


class WarekiDateEdit(QLineEdit):
    """`value()` is the parsed date or None; `problem()` the message when the text is not a date."""

    value_changed = Signal()
    problem_changed = Signal(object)   # str | None, after the clerk leaves the field

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        self.setPlaceholderText(_("例: 令和7年4月1日 / R7.4.1"))
        self._fit_width()
        self.popup: WarekiCalendar | None = None
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = QAction(icon, _("カレンダー（Alt+↓）"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
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
        self.setText(format_wareki_weekday(value) if value else "")
        self.setToolTip(value.isoformat() if value else "")
        self._mark(None)

    def _fit_width(self) -> None:
        """Wide enough for the longest date it shows, at whatever font size the clerk chose."""
        widest = self.fontMetrics().horizontalAdvance("令和10年12月31日（水）")
        self.setMinimumWidth(widest + 3 * self.fontMetrics().height())
        self.setMaximumWidth(widest + 6 * self.fontMetrics().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def open_calendar(self) -> WarekiCalendar:
        if self.popup is None:
            self.popup = WarekiCalendar(self)
            self.popup.picked.connect(self._picked)
        self.popup.show_month(self.value() or date.today())
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()
        return self.popup

    def keyPressEvent(self, event: QKeyEvent) -> None:
        down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def _picked(self, day: date) -> None:
        self.set_value(day)
        self.setFocus()
        self.editingFinished.emit()

    def _mark(self, problem: str | None) -> None:
        self.setStyleSheet(INVALID_STYLE if problem else "")
        if problem:
            self.setToolTip(problem)
        self.problem_changed.emit(problem)

    def _normalise(self) -> None:
        value = self.value()
        if value is not None:
            formatted = format_wareki_weekday(value)
            if formatted != self.text():
                self.setText(formatted)
            self.setToolTip(value.isoformat())
        self._mark(self.problem() if self.text().strip() else None)
