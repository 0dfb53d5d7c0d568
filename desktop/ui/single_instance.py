"""One window per office file: a second start on the same file brings the first window forward.

The window that holds an office listens on a QLocalServer whose name is derived from the
office file's full path and the OS user, as single-instance desktop apps do. A second
start first knocks there: when the window answers, it is raised and the second process
exits 0 at once. When nobody answers but the file is locked (a command-line run, another
user's window), opening the office refuses with a clear message instead.
"""

from __future__ import annotations

import getpass
import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:  # QtNetwork (~7 ms) loads only to knock at a window that may be there
    from PySide6.QtNetwork import QLocalSocket

KNOCK = b"activate\n"
ANSWER = b"ok\n"
KNOCK_TIMEOUT_MS = 1000


def os_user() -> str:
    """The OS user, as store.audit.os_user names it; not imported from there, because a second
    start knocks before anything of the store (SQLAlchemy) is loaded."""
    try:
        return getpass.getuser()
    except Exception:  # getpass raises OSError or KeyError when no user name can be found
        return "unknown"


def server_name(office_path: Path) -> str:
    key = f"{os_user()}\0{Path(office_path).expanduser().resolve()}".encode()
    return "renkei-desk-" + hashlib.sha256(key).hexdigest()[:32]


def hand_over(office_path: Path, timeout_ms: int = KNOCK_TIMEOUT_MS) -> bool:
    """Asks the window that has this office open to come to the front; True when it did."""
    name = server_name(office_path)
    if nobody_listens(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(KNOCK)
    socket.flush()
    answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()).startswith(ANSWER)
    socket.disconnectFromServer()
    return answered


def nobody_listens(name: str) -> bool:
    """On Unix a QLocalServer listens on the socket file QDir.tempPath()/name (Qt's own rule
    for a plain name): without that file no window has the office. A left-over file of a killed
    window is still knocked at (and nobody answers). Windows' named pipes are always knocked at."""
    if sys.platform == "win32":
        return False
    return not (Path(QDir.tempPath()) / name).exists()


class InstanceServer(QObject):
    """Listens for later starts on the same office; `activation_requested` fires for each."""

    activation_requested = Signal()

    def __init__(self, office_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._answer)
        name = server_name(office_path)
        # We hold the office's lock, so a server of that name is left over from a killed window.
        if not self.server.listen(name):
            QLocalServer.removeServer(name)
            self.server.listen(name)

    def _answer(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_knock(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_knock(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(KNOCK.strip()):
            socket.write(ANSWER)
            socket.flush()
            self.activation_requested.emit()

    def close(self) -> None:
        self.server.close()
