"""The decision dialogs (指定, 不指定, 改善命令 …): one small form each, built from a field list;
the service runs on OK and its problems are shown next to their fields, the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.problems import Problem, ValidationError, merge_problems
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.yen_edit import YenEdit


@dataclass(frozen=True)
class Field:
    """A dialog field: 'date', 'yen', 'line', 'text' or 'choice' (choices: (label, value) pairs)."""

    name: str
    label: str
    kind: str = "line"
    required: bool = True
    hint: str = ""
    choices: tuple[tuple[str, Any], ...] = ()
    default: Any = None


class DecisionDialog(QDialog):
    """`submit(values)` runs the service; a ValidationError keeps the dialog open with the problems."""

    def __init__(self, title: str, intro: str, fields: list[Field], submit: Callable[[dict[str, Any]], object],
                 parent: QWidget | None = None, check: Callable[[dict[str, Any]], list[Problem]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.check = check   # the rules that need no office file, so every problem shows at once
        self.widgets: dict[str, QWidget] = {}
        self.fields = fields
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form_layout = QFormLayout()
        self.form = FieldForm(form_layout)
        for spec in fields:
            widget = self._widget(spec)
            self.widgets[spec.name] = widget
            self.form.add(spec.name, spec.label, widget, spec.hint)
        layout.addLayout(form_layout)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    @staticmethod
    def _widget(spec: Field) -> QWidget:
        if spec.kind == "date":
            edit = WarekiDateEdit(required=spec.required)
            edit.set_value(spec.default if isinstance(spec.default, date) else None)
            return edit
        if spec.kind == "yen":
            money = YenEdit(required=spec.required)
            money.setText(str(spec.default or ""))
            return money
        if spec.kind == "text":
            text = QPlainTextEdit(str(spec.default or ""))
            text.setFixedHeight(80)
            return text
        if spec.kind == "choice":
            combo = QComboBox()
            for label, value in spec.choices:
                combo.addItem(label, value)
            return combo
        return QLineEdit(str(spec.default or ""))

    def set_value(self, name: str, value: Any) -> None:
        widget = self.widgets[name]
        if isinstance(widget, WarekiDateEdit):
            widget.setText(value) if isinstance(value, str) else widget.set_value(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def values(self) -> tuple[dict[str, Any], list[Problem]]:
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for spec in self.fields:
            widget = self.widgets[spec.name]
            if isinstance(widget, WarekiDateEdit):
                if (problem := widget.problem()) is not None:
                    problems.append(Problem(spec.name, problem))
                values[spec.name] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                values[spec.name] = widget.toPlainText().strip()
            elif isinstance(widget, YenEdit):
                if (problem := widget.problem()) is not None:
                    problems.append(Problem(spec.name, problem))
                values[spec.name] = widget.text().strip()
            elif isinstance(widget, QComboBox):
                values[spec.name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                values[spec.name] = widget.text().strip()
        return values, problems

    def try_accept(self) -> bool:
        values, problems = self.values()
        if problems and self.check is not None:
            # An amount that could not be read already has its message; for the other fields'
            # rules it counts as 0 (the draft cannot be built without a number).
            unreadable = {p.field: "0" for p in problems if isinstance(self.widgets.get(p.field), YenEdit)}
            problems = merge_problems(problems, [p for p in self.check({**values, **unreadable}) if p.is_error])
        if not problems:
            try:
                self.submit(values)
            except ValidationError as error:
                problems = error.problems
        if problems:
            unplaced = self.form.show_problems(problems)
            self.message.setText("\n".join(p.message for p in unplaced))
            return False
        self.accept()
        return True
