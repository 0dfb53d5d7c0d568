"""The form for one ledger entry; asks which fiscal year a payment in the 出納整理期間 belongs to."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.domain.contribution import MoneyKind, MoneyRowDraft, year_choices
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import Problem
from desktop.i18n import _
from desktop.store.repos.ledger import MoneyRowView
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.yen_edit import YenEdit


class MoneyRowForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("記録"), parent)
        self.kind_combo = QComboBox()
        for kind in MoneyKind:
            self.kind_combo.addItem(kind.label, kind)
        self.date_edit = WarekiDateEdit()
        self.year_combo = QComboBox()
        self.year_combo.setPlaceholderText(_("年度を選んでください"))
        self.year_hint = QLabel()
        self.year_hint.setWordWrap(True)
        self.year_hint.setStyleSheet("color: #8a5a00;")
        self.amount_edit = YenEdit()
        self.number_edit = QLineEdit()
        self.due_edit = WarekiDateEdit()
        self.note_edit = QLineEdit()
        layout = QFormLayout(self)
        self.form = FieldForm(layout)
        self.form.add("kind", _("区分(&K)"), self.kind_combo)
        self.form.add("on_date", _("日付(&D)"), self.date_edit)
        self.form.add("fiscal_year", _("会計年度(&Y)"), self.year_combo)
        layout.addRow("", self.year_hint)
        self.form.add("amount_yen", _("金額(&M)"), self.amount_edit, _("円単位の整数"))
        self.form.add("number", _("番号"), self.number_edit, _("請求番号・支出命令番号"))
        self.form.add("due_on", _("期日"), self.due_edit, _("請求の支払期日"))
        self.form.add("note", _("摘要"), self.note_edit)
        self.ledger_year = FiscalYear.of(date.today())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._sync())
        self.date_edit.value_changed.connect(self._sync)
        self._sync()

    def kind(self) -> MoneyKind:
        kind = self.kind_combo.currentData()
        assert isinstance(kind, MoneyKind)
        return kind

    def _sync(self) -> None:
        """Refills the year choices from the date; two choices → none chosen until the clerk picks."""
        kind, day = self.kind(), self.date_edit.value()
        self.due_edit.setEnabled(kind is MoneyKind.INVOICE)
        current = self.year_combo.currentData()
        choices = [self.ledger_year] if kind is MoneyKind.BUDGET or day is None else year_choices(kind, day)
        labels = [y.label() + (_("（出納整理期間）") if len(choices) > 1 and i == 0 else "")
                  for i, y in enumerate(choices)]
        changed = [self.year_combo.itemData(i) for i in range(self.year_combo.count())] != [y.year for y in choices]
        if changed:
            self.year_combo.clear()
            for label, year in zip(labels, choices, strict=True):
                self.year_combo.addItem(label, year.year)
        if len(choices) > 1:
            # New choices: nothing is chosen until the clerk says which year; same choices: keep theirs.
            self.year_combo.setCurrentIndex(-1 if changed else self.year_combo.findData(current))
            self.year_hint.setText(_("{kind}の日付が出納整理期間（4月1日〜5月31日）です。前年度分か今年度分かを選んでください。")
                                   .format(kind=kind.label))
            self.year_hint.setVisible(True)
        else:
            self.year_combo.setCurrentIndex(0)
            self.year_hint.setVisible(False)

    def clear(self, ledger_year: FiscalYear) -> None:
        self.ledger_year = ledger_year
        self.date_edit.set_value(None)
        self.amount_edit.clear()
        self.number_edit.clear()
        self.due_edit.set_value(None)
        self.note_edit.clear()
        self.form.clear()
        self._sync()

    def load(self, row: MoneyRowView) -> None:
        self.ledger_year = row.fiscal_year
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(row.kind))
        self.date_edit.set_value(row.on_date)
        self._sync()
        self.year_combo.setCurrentIndex(self.year_combo.findData(row.fiscal_year.year))
        self.amount_edit.set_value(row.amount_yen)
        self.number_edit.setText(row.number)
        self.due_edit.set_value(row.due_on)
        self.note_edit.setText(row.note)
        self.form.clear()

    def input_problems(self) -> list[Problem]:
        problems = [Problem(f, m) for f, w in (("on_date", self.date_edit), ("due_on", self.due_edit)) if (m := w.problem())]
        amount_problem = self.amount_edit.problem()
        if amount_problem:
            problems.append(Problem("amount_yen", amount_problem))
        return problems

    def draft(self, post_id: int, staff_id: int | None) -> MoneyRowDraft:
        year = self.year_combo.currentData()
        return MoneyRowDraft(
            kind=self.kind(), post_id=post_id, staff_id=staff_id,
            fiscal_year=FiscalYear(year) if year is not None and self.year_combo.currentIndex() >= 0 else None,
            on_date=self.date_edit.value(), amount_yen=self.amount_edit.value() or 0,
            number=self.number_edit.text().strip(),
            due_on=self.due_edit.value() if self.kind() is MoneyKind.INVOICE else None,
            note=self.note_edit.text().strip(),
        )
