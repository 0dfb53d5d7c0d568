"""要件 tab: the ordinance's items as a checklist (activities, requirements, articles with their
article number, attachments) and, beside each, the review's verdict and reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.ordinance import ItemKind, Ordinance
from desktop.domain.organisation import ApplicationDraft, Review
from desktop.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 4  # section, item, answer, review


class RequirementsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setHorizontalHeaderLabels([_("区分"), _("項目"), _("回答（■ / 条項）"), _("審査")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(True)
        self.kinds: list[ItemKind] = []

    def set_ordinance(self, ordinance: Ordinance) -> None:
        # Filling cells emits itemChanged; nobody may read a half-built table.
        self.blockSignals(True)
        try:
            self._fill(ordinance)
        finally:
            self.blockSignals(False)
        self.resizeColumnToContents(0)

    def _fill(self, ordinance: Ordinance) -> None:
        self.setRowCount(0)
        self.kinds = []
        for kind in ItemKind:
            for item in ordinance.active(kind):
                row = self.rowCount()
                self.insertRow(row)
                section = QTableWidgetItem(kind.label)
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
                label = QTableWidgetItem(item.label)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                label.setToolTip(item.test)
                label.setData(ID_ROLE, item.id)
                answer = QTableWidgetItem("")
                if kind is ItemKind.ARTICLES:
                    answer.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable)
                    answer.setToolTip(_("定款・規約のどの条に定めているか（例: 第3条）"))
                else:
                    answer.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    answer.setCheckState(Qt.CheckState.Unchecked)
                verdict = QTableWidgetItem("")
                verdict.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for column, cell in enumerate((section, label, answer, verdict)):
                    self.setItem(row, column, cell)
                self.kinds.append(kind)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None  # every cell is filled in set_ordinance
        return item

    def row_of(self, kind: ItemKind, label: str) -> int:
        return next(r for r in range(self.rowCount()) if self.kinds[r] is kind and self.cell(r, 1).text() == label)

    def _id(self, row: int) -> int:
        return int(self.cell(row, 1).data(ID_ROLE))

    def set_application(self, application: ApplicationDraft | None) -> None:
        self.blockSignals(True)
        try:
            self._answer(application or ApplicationDraft())
        finally:
            self.blockSignals(False)

    def _answer(self, app: ApplicationDraft) -> None:
        checked = set(app.activity_ids) | set(app.confirmed_ids) | set(app.attachment_ids)
        for row, kind in enumerate(self.kinds):
            answer = self.cell(row, 2)
            if kind is ItemKind.ARTICLES:
                answer.setText(app.article_ref(self._id(row)))
            else:
                answer.setCheckState(Qt.CheckState.Checked if self._id(row) in checked else Qt.CheckState.Unchecked)
            self.cell(row, 3).setText("")

    def application(self, applied_on: object, note: str = "") -> ApplicationDraft:
        picked: dict[ItemKind, list[int]] = {kind: [] for kind in ItemKind}
        refs: list[tuple[int, str]] = []
        for row, kind in enumerate(self.kinds):
            answer = self.cell(row, 2)
            if kind is ItemKind.ARTICLES:
                if answer.text().strip():
                    refs.append((self._id(row), answer.text().strip()))
            elif answer.checkState() == Qt.CheckState.Checked:
                picked[kind].append(self._id(row))
        return ApplicationDraft(
            applied_on=applied_on,  # type: ignore[arg-type]
            activity_ids=tuple(picked[ItemKind.ACTIVITY]),
            confirmed_ids=tuple(picked[ItemKind.OPERATION] + picked[ItemKind.OTHER]),
            article_refs=tuple(refs), attachment_ids=tuple(picked[ItemKind.ATTACHMENT]), note=note)

    def show_review(self, review: Review | None) -> None:
        self.blockSignals(True)
        try:
            self._verdicts(review)
        finally:
            self.blockSignals(False)

    def _verdicts(self, review: Review | None) -> None:
        verdicts = {} if review is None else {line.item_id: line for line in review.lines if line.item_id is not None}
        for row in range(self.rowCount()):
            line = verdicts.get(self._id(row))
            cell = self.cell(row, 3)
            if line is None:
                cell.setText("")
                continue
            cell.setText((_("適合") if line.met else _("不適合")) + "　" + line.reason)
            cell.setForeground(QColor("#1b5e20" if line.met else "#b00020"))
