"""Typing as a clerk does: ASCII through key clicks, Japanese through the input method.

Qt's QTest.keyClicks aborts on non-ASCII characters; Japanese text really arrives as an
input-method commit, so that is what the tests send.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    run = ""
    for char in text:
        if char.isascii():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select all (Ctrl+A) and type over it."""
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    type_text(qtbot, widget, text)
