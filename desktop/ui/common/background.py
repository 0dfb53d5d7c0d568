"""Slow work (imports, PDF batches, exports, backups) off the GUI thread, with progress and cancel.

The work function runs in a pool thread and opens its own session there; its result or
error comes back on the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.i18n import _


class JobCancelledError(Exception):
    """The clerk pressed キャンセル; the work stops at its next check and writes nothing more."""


class Progress:
    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise JobCancelledError()
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.work, self.signals, self.progress = work, signals, progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            try:
                result = self.work(self.progress)
            except BaseException as error:  # delivered to the GUI thread, which decides what to show
                self.signals.failed.emit(error)
            else:
                self.signals.finished.emit(result)
        except RuntimeError:  # the window closed meanwhile (its signals are gone): nobody to tell
            pass


class BackgroundJob(QObject):
    """One running job; `done` turns True after on_done or on_error has run."""

    _running: ClassVar[set[BackgroundJob]] = set()

    def __init__(self, parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 *, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self.done = False
        self.signals = _Signals()
        self.progress = Progress(self.signals.progress.emit)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            # Here, not at import: the Qt namespace takes ~15 ms to load, not before the first frame.
            from PySide6.QtCore import Qt

            self.dialog = QProgressDialog(title, _("キャンセル"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)
            self.dialog.canceled.connect(self.progress.cancel)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(lambda result: self._finish(on_done, result))
        self.signals.failed.connect(lambda error: self._finish(on_error, error))
        BackgroundJob._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(work, self.signals, self.progress))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            if text:
                self.dialog.setLabelText(text)

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
        try:
            callback(value)
        finally:
            self.done = True
            BackgroundJob._running.discard(self)


def run_in_background(parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      *, show_dialog: bool = True) -> BackgroundJob:
    return BackgroundJob(parent, title, work, on_done, on_error, show_dialog=show_dialog)
