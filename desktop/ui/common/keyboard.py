"""Keyboard conventions every screen shares: Enter saves the form, Esc reverts it, Ctrl+F goes to the
list filter, Ctrl+P prints what is shown (the last two are View/File menu actions of the window)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

# The button a screen offers for Ctrl+P, in order of preference: its own print button, the
# print button of a preview shown on the screen (帳票), else the button that makes the preview.
PRINT_NAMES = ("print_button", "preview.print_button", "preview_button")


def set_shortcut(action: QAction, key: QKeySequence | QKeySequence.StandardKey | str) -> None:
    """action.setShortcut(key), through Qt's `shortcut` property: PySide's setShortcut loads the
    whole Qt namespace (every Qt enum, ~10 ms) on its first call, which the window's menus would
    otherwise pay before its first frame."""
    action.setProperty("shortcut", key if isinstance(key, QKeySequence) else QKeySequence(key))


def install_form_keys(form: QWidget | None, save: Callable[[], object], revert: Callable[[], object]) -> None:
    """Enter (either key) anywhere in `form` saves; Esc reverts. A multi-line text field keeps
    Enter for its new lines, because it takes the key before any shortcut sees it."""
    assert form is not None, "the form's layout is not on a widget yet"
    # Here, not at import: the window's menus load this module before the first frame.
    from PySide6.QtCore import Qt

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(save)
    escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), form)
    escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    escape.activated.connect(revert)


def focus_filter(screen: QWidget | None) -> bool:
    """Ctrl+F: the screen's list filter (its ListPanel), text selected for typing over."""
    from PySide6.QtCore import Qt

    panel = getattr(screen, "list_panel", None)
    edit = getattr(panel, "filter_edit", None)
    if not isinstance(edit, QLineEdit):
        edit = screen.findChild(QLineEdit, "listFilter") if screen is not None else None
    if edit is None:
        return False
    edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    edit.selectAll()
    return True


def release_print_key(button: QAbstractButton) -> None:
    """A preview embedded in the main window gives Ctrl+P up to the window's 印刷 action (two
    owners of one key in one window make it ambiguous, and then neither fires)."""
    button.setShortcut(QKeySequence())


def print_current(screen: QWidget | None) -> bool:
    """Ctrl+P: the screen's own `print_current()` when it has one (it prints the form for what is
    chosen, or says next to its list what to choose, and returns True); else presses the screen's
    print button, if it has one and it is enabled. False: the screen has no form to print."""
    own = getattr(screen, "print_current", None)
    if callable(own):
        return bool(own())
    for name in PRINT_NAMES:
        button: object = screen
        for part in name.split("."):
            button = getattr(button, part, None)
        if isinstance(button, QAbstractButton) and button.isEnabled():
            button.click()
            return True
    return False
