"""The layout of a register screen: title on top, the list on the left, the record's detail on the right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget


def lay_out_list_beside_detail(owner: QWidget, title: QWidget, left: QWidget,
                               detail: Sequence[QWidget | QLayout], *, sizes: tuple[int, int]) -> None:
    """The detail column stacks `detail` top to bottom; its tabs take the spare height.
    The list and the detail share the width 2 : 3 as the window grows."""
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    for part in detail:
        if isinstance(part, QLayout):
            right_layout.addLayout(part)
        else:
            right_layout.addWidget(part, 1 if isinstance(part, QTabWidget) else 0)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 3)
    splitter.setSizes(list(sizes))
    layout = QVBoxLayout(owner)
    layout.addWidget(title)
    layout.addWidget(splitter, 1)
