"""Telling the clerk about a fault: always on stderr, and in a dialog only where someone can see it.

Offscreen, or with no display at all, a modal dialog would wait forever for a click that
never comes; the message then goes to stderr alone and the caller exits 1.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

# Qt platforms that draw nowhere a person can look.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl"})


def display_present() -> bool:
    """True when a dialog would be seen: a GUI platform that draws on a real screen."""
    if QGuiApplication.instance() is not None:
        return QGuiApplication.platformName() not in HEADLESS_PLATFORMS
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_PLATFORMS:
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def platform_available() -> bool:
    """False where Qt could not start at all (Linux with no display and no platform chosen):
    Qt would abort the process there instead of returning an error."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def report_fatal(title: str, message: str, parent: QWidget | None = None) -> int:
    """Says why the window cannot go on; returns the exit status (1) for the caller to return."""
    print(f"{title}: {message}", file=sys.stderr, flush=True)
    if display_present():
        QMessageBox.critical(parent, title, message)
    return 1


def report_warning(title: str, message: str, parent: QWidget | None = None) -> None:
    """A warning the clerk should read (e.g. a network drive); never blocks a headless run."""
    print(f"{title}: {message}", file=sys.stderr, flush=True)
    if display_present():
        QMessageBox.warning(parent, title, message)
