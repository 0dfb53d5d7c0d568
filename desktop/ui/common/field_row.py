"""A form row: label, input widget and the problem label shown under it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.problems import Problem, Severity

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"


class ProblemLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)

    def show_problem(self, problem: Problem | None) -> None:
        if problem is None:
            self.clear()
            self.setVisible(False)
            return
        self.setStyleSheet(WARNING_STYLE if problem.severity is Severity.WARNING else ERROR_STYLE)
        self.setText(problem.message)
        self.setVisible(True)
        # A dialog sized to its fields grows with the messages rather than squeezing its fields.
        window = self.window()
        if isinstance(window, QDialog) and window.isVisible():
            window.resize(window.width(), max(window.height(), window.sizeHint().height()))


class FieldForm:
    """Builds rows on a QFormLayout and maps domain field names to their problem labels."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.problem_labels: dict[str, ProblemLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, field: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setStyleSheet("color: #666;")
            hint_label.setWordWrap(True)
            column.addWidget(hint_label)
        problem = ProblemLabel()
        column.addWidget(problem)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.layout.addRow(caption, holder)
        self.problem_labels[field] = problem
        self.widgets[field] = widget
        # The date and money fields say what is wrong as soon as the clerk leaves them.
        signal = getattr(widget, "problem_changed", None)
        if signal is not None:
            signal.connect(lambda message, label=problem, name=field: label.show_problem(
                Problem(name, message) if message else None))
        return widget

    def show_problems(self, problems: list[Problem], only: set[str] | None = None) -> list[Problem]:
        """Shows each problem by its field; returns those that have no label here."""
        by_field: dict[str, Problem] = {}
        unplaced: list[Problem] = []
        for p in problems:
            if p.field in self.problem_labels:
                by_field.setdefault(p.field, p)
            else:
                unplaced.append(p)
        for field, label in self.problem_labels.items():
            if only is not None and field not in only:
                continue
            label.show_problem(by_field.get(field))
        return unplaced

    def clear(self) -> None:
        for label in self.problem_labels.values():
            label.show_problem(None)
