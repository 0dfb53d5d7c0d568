"""Base table model: rows come from a repository page by page (canFetchMore/fetchMore).

The house choice for every list: SQL does sorting and filtering; this model asks for the
row count, then loads PAGE_SIZE rows at a time as the view scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its header, how to show a row's value, and the repository's sort key."""

    header: str
    display: Callable[[R], str]
    sort_key: str | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


@dataclass(frozen=True)
class Query:
    text: str = ""
    sort_key: str | None = None
    descending: bool = False
    extra: tuple[tuple[str, Any], ...] = ()

    def option(self, name: str, default: Any = None) -> Any:
        return dict(self.extra).get(name, default)


class PagedTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        fetch_page: Callable[[Query, int, int], list[R]],
        count: Callable[[Query], int],
        parent: QObject | None = None,
        query: Query | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._count = count
        self._query = query or Query()
        self._rows: list[R] = []
        self._total = 0
        self.reload()

    # -- what screens call
    def query(self) -> Query:
        return self._query

    def set_query(self, query: Query) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._count(self._query)
        self._rows = self._fetch_page(self._query, 0, min(PAGE_SIZE, self._total)) if self._total else []
        self.endResetModel()

    def sortable(self) -> bool:
        return any(c.sort_key for c in self._columns)

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded_rows(self) -> list[R]:
        return list(self._rows)

    # -- Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        page = self._fetch_page(self._query, start, PAGE_SIZE)
        if not page:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """Subclasses add colours or fonts (e.g. overdue rows) here."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or self._columns[column].sort_key is None:
            return
        self.set_query(
            Query(self._query.text, self._columns[column].sort_key,
                  order == Qt.SortOrder.DescendingOrder, self._query.extra)
        )
