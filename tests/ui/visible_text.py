"""Every text a user can read in a widget tree, for the English walk (tests/ui/test_english_everywhere.py).

The rule for what counts as data (exempt): cells of item views (lists, tables, trees), the
contents of line/text edits and the items of combo boxes are the office's data or choices made
from it; everything else (labels, buttons, check boxes, group titles, tab titles, headers,
placeholders, tooltips, window titles, menu actions) is the program's own words. A label may
still quote data (an organisation's name in its detail panel): `strip_data` removes each text
stored in the office file, every 和暦 date and yen amount, and examples the English text quotes
on purpose in double quotes (what is typed or printed in Japanese: "様", "デモ町総第123号")
before Japanese is looked for.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u3005\u3006]")
WAREKI = re.compile(r"(令和|平成|昭和)(元|\d+)年(度)?(\d+月)?(\d+日)?(（[月火水木金土日]）)?")
YEN = re.compile(r"\d[\d,]*円")
QUOTED = re.compile(r'"[^"]*"')


def office_texts(path: Path) -> list[str]:
    """Every text stored in the office file (two characters or more), longest first."""
    found: set[str] = set()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        for table in tables:
            # The audit trail and its search index (fragments of three characters and less)
            # are not data a screen shows; their pieces would cut 和暦 dates apart.
            if table.startswith("audit_") or table in {"audit_log", "alembic_version"}:
                continue
            for row in connection.execute(f'SELECT * FROM "{table}"'):  # the file's own table names
                for value in row:
                    if isinstance(value, str) and len(value) >= 2 and JAPANESE.search(value):
                        found.add(value)
                        found.update(part for part in re.split(r"[\s、,]+", value)
                                     if len(part) >= 2 and JAPANESE.search(part))
    return sorted(found, key=len, reverse=True)


def strip_data(text: str, data: list[str]) -> str:
    """The program's words only: quoted examples, 和暦 dates, amounts and stored texts taken out."""
    text = QUOTED.sub(" ", text)
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return YEN.sub(" ", WAREKI.sub(" ", text))


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""]
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every program text in root and its children, hidden ones included."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, *texts: str) -> None:
        name = f"{type(widget).__name__}({widget.objectName()})"
        found.extend((name, text) for text in texts if text)

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, widget.toolTip(), widget.whatsThis(), widget.statusTip())
        if widget.isWindow():
            add(widget, widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QTabWidget):
            add(widget, *(widget.tabText(i) for i in range(widget.count())),
                *(widget.tabToolTip(i) for i in range(widget.count())))
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QComboBox):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.menu() is not None:
                    add(widget, *_menu_texts(action.menu()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = widget.horizontalHeader() if isinstance(widget, QTableView) else (
                widget.header() if isinstance(widget, QTreeView) else None)
            for section in range(header.count() if header is not None else 0):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(section, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        add(widget, value)
        for action in widget.actions():
            add(widget, action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    return found


def japanese_left(root: QWidget, data: list[str]) -> list[str]:
    """The program texts that still hold Japanese once data is taken out."""
    return sorted({f"{where}: {text!r}" for where, text in widget_texts(root)
                   if JAPANESE.search(strip_data(text, data))})
