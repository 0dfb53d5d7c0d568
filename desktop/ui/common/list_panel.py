"""A list as clerks use it all day: filter box, sortable table, row count, keyboard and double-click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.paged_table_model import PagedTableModel, Query
from desktop.ui.common.sequence_text import SequenceDelegate

FILTER_DELAY_MS = 60


class ListPanel(QWidget):
    """Emits `activated(row)` on double-click or Enter, `current_changed(row)` on selection."""

    activated = Signal(int)
    current_changed = Signal(int)

    def __init__(self, model: PagedTableModel, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setObjectName("listFilter")
        self.filter_edit.installEventFilter(self)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(SequenceDelegate(self.table))
        if model.sortable():
            # No arrow until the clerk picks a column: the repository's default order applies.
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        # Column widths from the first rows only: measuring a thousand rows on every reset is slow.
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.top_bar = QHBoxLayout()
        self.top_bar.addWidget(self.filter_edit, 1)
        self.top_bar.addWidget(self.count_label)
        # Screens put their extra filters (年度, 状態 …) on this second row.
        self.filter_bar = QHBoxLayout()
        # What to choose in the list before an action (Ctrl+P with nothing chosen) is said here,
        # next to the list, and goes when a row is chosen.
        self.hint_label = QLabel()
        self.hint_label.setObjectName("listHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")
        self.hint_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.top_bar)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda index: self.activated.emit(index.row()))
        self.table.activated.connect(lambda index: self.activated.emit(index.row()))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        model.modelReset.connect(self._update_count)
        model.modelReset.connect(self.table.resizeColumnsToContents)
        model.rowsInserted.connect(self._update_count)
        self._update_count()
        self.table.resizeColumnsToContents()

    def apply_filter(self) -> None:
        self._timer.stop()
        query = self.model.query()
        self.model.set_query(Query(self.filter_edit.text().strip(), query.sort_key, query.descending, query.extra))

    def set_option(self, name: str, value: object) -> None:
        query = self.model.query()
        extra = dict(query.extra)
        extra[name] = value
        self.model.set_query(Query(query.text, query.sort_key, query.descending, tuple(sorted(extra.items()))))

    def reload(self) -> None:
        current = self.current_row()
        self.model.reload()
        if current is not None and current < self.model.rowCount():
            self.table.selectRow(current)

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def show_hint(self, text: str) -> None:
        """Says above the rows what to choose (empty text hides it)."""
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_hint("")
            self.current_changed.emit(current.row())

    def _update_count(self) -> None:
        self.count_label.setText(_("{count}件").format(count=f"{self.model.total():,}"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the filter goes to the list (its first row), so the list is reached without a mouse."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.apply_filter()
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            return
        super().keyPressEvent(event)
