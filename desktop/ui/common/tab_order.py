"""Tab walks a screen or dialog in reading order: the order of its layouts, not of creation.

Qt's default Tab chain follows the order widgets were created, so a filter added to a list panel
after its table, or a button made before the form above it, is reached out of turn. The layouts
already say where everything sits (a form row by row, a row left to right, a splitter's parts
left to right, a tab widget's bar before its pages), so the chain is set by walking them.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Widgets that take focus as one piece: Tab never goes into their inner parts.
_LEAVES = (QAbstractSpinBox, QComboBox, QAbstractScrollArea)


def set_reading_tab_order(root: QWidget) -> list[QWidget]:
    """Chains the Tab order of every input under `root` in reading order and keeps Tab out of
    list cells and text boxes (Tab leaves a list, the arrow keys move inside it; Tab leaves a
    multi-line note). Returns the chain."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for plain in root.findChildren(QPlainTextEdit):
        plain.setTabChangesFocus(True)
    for rich in root.findChildren(QTextEdit):
        rich.setTabChangesFocus(True)  # a note never needs a tab character; Tab goes on
    chain: list[QWidget] = []
    _walk_widget(root, chain, is_root=True)
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    return chain


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _walk_widget(widget: QWidget, chain: list[QWidget], is_root: bool = False) -> None:
    if widget.isWindow() and not is_root:
        return  # a dialog of its own keeps its own order
    if isinstance(widget, QScrollArea):
        # The frame itself is no stop: Tab goes to the fields inside, and the area scrolls to them.
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _walk_pages([widget.widget()], chain)
        return
    if isinstance(widget, _LEAVES):
        if _takes_tab(widget):
            chain.append(widget)
        return
    if isinstance(widget, QTabWidget):
        # The tab widget hands its focus to the bar: as a stop of its own it sent Tab round the
        # bar and the page again, never back to the list.
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chain.append(widget.tabBar())
        _walk_pages([widget.widget(index) for index in range(widget.count())], chain)
        return
    if isinstance(widget, (QSplitter, QStackedWidget)):
        _walk_pages([widget.widget(index) for index in range(widget.count())], chain)
        return
    layout = widget.layout()
    if layout is None:
        if _takes_tab(widget) and widget.focusProxy() is None:
            chain.append(widget)
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            _walk_widget(child, chain)
        return
    if _takes_tab(widget) and widget.focusProxy() is None and not is_root:
        chain.append(widget)  # a focusable container (rare) comes before its parts
    seen = len(chain)
    _walk_layout(layout, chain)
    # Children outside any layout (few) come after those the layout places.
    placed = set(chain[seen:])
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child not in placed and not _in_layout(layout, child):
            _walk_widget(child, chain)


def _walk_pages(pages: list[QWidget | None], chain: list[QWidget]) -> None:
    for page in pages:
        if page is not None:
            _walk_widget(page, chain)


def _items_in_reading_order(layout: QLayout) -> list[int]:
    indexes = list(range(layout.count()))
    if isinstance(layout, QGridLayout):
        grid = layout

        def cell(i: int) -> tuple[int, int]:
            position: Any = grid.getItemPosition(i)  # (row, column, row span, column span)
            return int(position[0]), int(position[1])
        return sorted(indexes, key=cell)
    if isinstance(layout, QFormLayout):
        form = layout

        def key(i: int) -> tuple[int, int]:
            position: Any = form.getItemPosition(i)  # (row, label or field role)
            return int(position[0]), int(position[1].value)
        return sorted(indexes, key=key)
    return indexes


def _walk_layout(layout: QLayout, chain: list[QWidget]) -> None:
    for index in _items_in_reading_order(layout):
        item = layout.itemAt(index)
        if item is None:
            continue
        child, inner = item.widget(), item.layout()
        if child is not None:
            _walk_widget(child, chain)
        elif inner is not None:
            _walk_layout(inner, chain)


def _in_layout(layout: QLayout, widget: QWidget) -> bool:
    if layout.indexOf(widget) >= 0:
        return True
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        if inner is not None and _in_layout(inner, widget):
            return True
    return False
