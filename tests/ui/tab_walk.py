"""Walking a screen or dialog with Tab as a keyboard-only clerk does, and judging the order.

Reading order: a screen split side by side (a list beside its detail) is read column by column,
left to right; inside a column, top to bottom, and left to right along a row (widgets whose tops
lie within ROW_TOLERANCE pixels count as one row).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

ROW_TOLERANCE = 12
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView, QPlainTextEdit,
          QTextEdit, QTabBar, QAbstractSlider)


def _owner(widget: QWidget) -> QWidget:
    """The field that stands for `widget` in the chain: a spin box or combo box for its line edit,
    a compound field (the date field) for the part it hands its focus to."""
    parent = widget.parentWidget()
    if isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return parent
    if parent is not None and parent.focusProxy() is widget and not isinstance(parent, (QAbstractScrollArea, QTabWidget)):
        return parent
    return widget


def tab_chain(qtbot: QtBot, root: QWidget, start: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets inside `root` that Tab visits, from `start` until focus leaves `root` or comes
    back to `start`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    chain = [_owner(QApplication.focusWidget())]
    for _step in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or not (root is widget or root.isAncestorOf(widget)):
            break
        owner = _owner(widget)
        if owner is chain[0]:
            break
        chain.append(owner)
    return chain


def focusable_inputs(root: QWidget) -> list[QWidget]:
    """Every visible, enabled input in `root` that Tab should reach (a compound field once)."""
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(root.window()) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if any(isinstance(p, QAbstractItemView) for p in _ancestors(widget, root)):  # editors inside lists
            continue
        owner = _owner(widget)
        if owner not in found:
            found.append(owner)
    return found


def _ancestors(widget: QWidget, root: QWidget) -> list[QWidget]:
    out = []
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        out.append(parent)
        parent = parent.parentWidget()
    return out


def _column(widget: QWidget, root: QWidget) -> int:
    """Which side-by-side part of the root the widget sits in: -1 above the parts, their index
    inside them, their count below them (0 when the root has no parts)."""
    for splitter in root.findChildren(QSplitter):
        if splitter.orientation() is not Qt.Orientation.Horizontal or not splitter.isVisible():
            continue
        for index in range(splitter.count()):
            part = splitter.widget(index)
            if part is widget or part.isAncestorOf(widget):
                return index
        top = splitter.mapTo(root.window(), QPoint(0, 0)).y()
        return -1 if widget.mapTo(root.window(), QPoint(0, 0)).y() < top else splitter.count()
    return 0


def position(widget: QWidget, root: QWidget) -> tuple[int, int, int]:
    point = widget.mapTo(root.window(), QPoint(0, 0))
    return _column(widget, root), point.y(), point.x()


def out_of_order(chain: list[QWidget], root: QWidget) -> list[str]:
    """Each step of the chain that goes back up (or left along a row) in reading order."""
    problems = []
    for before, after in itertools.pairwise(chain):
        (c1, y1, x1), (c2, y2, x2) = position(before, root), position(after, root)
        same_row = abs(y2 - y1) <= ROW_TOLERANCE
        backwards = c2 < c1 or (c2 == c1 and ((not same_row and y2 < y1) or (same_row and x2 < x1)))
        if backwards:
            problems.append(f"{describe(before)} @({c1},{y1},{x1}) → {describe(after)} @({c2},{y2},{x2})")
    return problems


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    name = widget.objectName() or ""
    return f"{type(widget).__name__}({name or text!s:.20})"
