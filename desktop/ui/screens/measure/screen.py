"""措置率・上限等 — the measure's parameters per fiscal year, edited by the town (audited)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import MeasureParameters, ratio_text
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.town import TownCategory
from desktop.domain.wareki import DateParseError
from desktop.domain.yen import YenParseError, format_yen, parse_ratio
from desktop.i18n import _
from desktop.store.repos.measure import list_measure_parameters
from desktop.store.services.claims import save_measure_parameters
from desktop.ui.common.context import AppContext
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.common.yen_edit import YenEdit


class MeasureScreen(QWidget):
    watches = frozenset({"measure"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[MeasureParameters] = []
        title = QLabel(_("措置率・上限等"))
        title.setObjectName("screenTitle")
        note = QLabel(_("特別交付税措置の率や対象を年度ごとに記録します。国が変更したときは、その年度からの行を追加してください。"
                        "算定資料と帳票は、その年度に適用される行を使い、出典を表示します。"))
        note.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([_("適用開始年度"), _("措置率"), _("募集経費の上限（団体）"),
                                              _("人件費の上限（1人）"), _("対象外の団体区分"), _("別措置の分野"),
                                              _("派遣初年度のみ")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.year_edit = QLineEdit()
        self.ratio_edit = QLineEdit()
        self.recruitment_edit = YenEdit()
        self.personnel_edit = YenEdit()
        self.category_checks = {c: QCheckBox(c.label) for c in TownCategory}
        categories = QWidget()
        category_layout = QHBoxLayout(categories)
        category_layout.setContentsMargins(0, 0, 0, 0)
        for check in self.category_checks.values():
            category_layout.addWidget(check)
        self.separate_edit = QLineEdit()
        self.first_year_check = QCheckBox(_("派遣先ポストにつき派遣初年度分のみを対象とする"))
        self.source_edit = QPlainTextEdit()
        self.source_edit.setMaximumHeight(60)
        self.save_button = QPushButton(_("保存(&S)"))
        self.status_label = StatusLabel()
        box = QGroupBox(_("行の内容"))
        form_layout = QFormLayout(box)
        self.form = FieldForm(form_layout)
        self.form.add("from_year", _("適用開始年度"), self.year_edit, _("例: 令和6年度。この年度から次の行の年度の前まで適用"))
        self.form.add("ratio", _("措置率"), self.ratio_edit, _("例: 0.5"))
        self.form.add("recruitment_cap_yen", _("募集経費の上限"), self.recruitment_edit, _("派遣元団体への措置（1団体あたり）"))
        self.form.add("personnel_cap_yen", _("人件費の上限"), self.personnel_edit, _("派遣元団体への措置（1人あたり、程度）"))
        self.form.add("excluded_categories", _("対象外の団体区分"), categories)
        self.form.add("separate_fields", _("別措置の分野"), self.separate_edit, _("「・」で区切る。分野マスタの別措置の印と合わせて使います"))
        form_layout.addRow("", self.first_year_check)
        self.form.add("source", _("出典"), self.source_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._select)
        self.save_button.clicked.connect(self.save)
        self.reload()
        install_form_keys(box, self.save, self.reload)
        if self.rows:
            self.table.selectRow(len(self.rows) - 1)

    def reload(self) -> None:
        self.rows = self.context.read(list_measure_parameters)
        self.table.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            values = [p.from_year.label(), ratio_text(p.ratio), format_yen(p.recruitment_cap_yen),
                      format_yen(p.personnel_cap_yen), "・".join(c.label for c in TownCategory if c in p.excluded_categories),
                      "・".join(p.separate_fields), _("はい") if p.first_year_only else _("いいえ")]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _select(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.show_parameters(self.rows[row])

    def show_parameters(self, p: MeasureParameters) -> None:
        self.year_edit.setText(p.from_year.label())
        self.ratio_edit.setText(ratio_text(p.ratio))
        self.recruitment_edit.set_value(p.recruitment_cap_yen)
        self.personnel_edit.set_value(p.personnel_cap_yen)
        for category, check in self.category_checks.items():
            check.setChecked(category in p.excluded_categories)
        self.separate_edit.setText("・".join(p.separate_fields))
        self.first_year_check.setChecked(p.first_year_only)
        self.source_edit.setPlainText(p.source)
        self.form.clear()

    def parameters(self) -> MeasureParameters:
        """Raises ValidationError naming the field when a value cannot be read."""
        problems: list[Problem] = []
        year = FiscalYear.of(date.today())
        ratio = Fraction(1, 2)
        try:
            year = FiscalYear.parse(self.year_edit.text())
        except DateParseError as error:
            problems.append(Problem("from_year", str(error)))
        try:
            ratio = parse_ratio(self.ratio_edit.text())
        except YenParseError as error:
            problems.append(Problem("ratio", str(error)))
        for field, edit in (("recruitment_cap_yen", self.recruitment_edit), ("personnel_cap_yen", self.personnel_edit)):
            if (message := edit.problem()) is not None:
                problems.append(Problem(field, message))
        if problems:
            raise ValidationError(problems)
        return MeasureParameters(
            from_year=year, ratio=ratio, recruitment_cap_yen=self.recruitment_edit.value() or 0,
            personnel_cap_yen=self.personnel_edit.value() or 0,
            excluded_categories=frozenset(c for c, check in self.category_checks.items() if check.isChecked()),
            separate_fields=tuple(n.strip() for n in self.separate_edit.text().replace("、", "・").split("・") if n.strip()),
            first_year_only=self.first_year_check.isChecked(), source=self.source_edit.toPlainText().strip(),
        )

    def save(self) -> bool:
        try:
            self.context.run(save_measure_parameters, parameters=self.parameters())
        except ValidationError as error:
            self.form.show_problems(error.problems)
            self.status_label.error(_("入力に誤りがあります"))
            return False
        self.form.clear()
        self.status_label.ok(_("保存しました"))
        return True

    def on_change(self, _change: object) -> None:
        self.reload()
