"""The window lock: after the idle time the administrator sets, every window is covered and the
signed-in user's password is asked again (the data stays hidden until it is given).

Input anywhere in the application restarts the idle timer. The covers are plain opaque child
widgets, so an open dialog (an unsaved form) is hidden but keeps what was typed; the password
is asked in an application-modal dialog opened without waiting (nothing blocks offscreen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desktop.domain.access import Principal
from desktop.i18n import _
from desktop.store.db import Office
from desktop.ui.access.sign_in_dialog import SignInDialog

INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class Veil(QWidget):
    """An opaque cover over one window while the lock is on."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockVeil")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        label = QLabel(_("画面をロックしています"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.setGeometry(parent.rect())
            self.raise_()
        return False


class WindowLock(QObject):
    """Locks `window` (and every other open window) after `idle_minutes` without input."""

    def __init__(self, window: QWidget, office_of: object, principal: Principal, idle_minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self._office_of = office_of  # a callable giving the office now open (a restore replaces it)
        self.principal = principal
        self.veils: list[Veil] = []
        self.dialog: SignInDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return bool(self.veils)

    def set_idle_minutes(self, minutes: int) -> None:
        self.timer.setInterval(minutes * 60 * 1000)
        if not self.locked:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.veils and event.type() in INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.timer.stop()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, SignInDialog) and not isinstance(widget, Veil):
                self.veils.append(Veil(widget))
        office: Office = self._office_of()  # type: ignore[operator]
        self.dialog = SignInDialog(
            office, name=self.principal.name, parent=self.window, quit_text=_("連携デスクを終了"),
            intro=_("しばらく操作がなかったため、画面をロックしました。{name}さんのパスワードを入れてください。").format(
                name=self.principal.name))
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self.unlock)
        self.dialog.rejected.connect(self._quit)
        self.dialog.open()

    def unlock(self) -> None:
        for veil in self.veils:
            parent = veil.parentWidget()
            if parent is not None:
                parent.removeEventFilter(veil)
            veil.hide()
            veil.deleteLater()
        self.veils.clear()
        self.dialog = None
        self.timer.start()

    def _quit(self) -> None:
        """終了 on the lock: the window closes with the data still hidden."""
        self.dialog = None
        self.window.close()
