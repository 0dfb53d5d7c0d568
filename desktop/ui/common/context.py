"""What a screen is given: the open office, a way to run a service, and the change bus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.store.db import Office
from desktop.store.services.change import Change

T = TypeVar("T")


class ChangeBus(QObject):
    """Republishes what services changed so only affected screens refresh."""

    changed = Signal(object)


class AppContext:
    def __init__(self, office: Office) -> None:
        self.office = office
        self.bus = ChangeBus()

    def run(self, action: Callable[..., Change], /, **kwargs: Any) -> Change:
        """Runs one service in its own transaction and announces the change on success."""
        change = self.write(action, **kwargs)
        self.bus.changed.emit(change)
        return change

    def write(self, action: Callable[..., Change], /, **kwargs: Any) -> Change:
        """Runs one service in its own transaction without announcing it: for worker threads,
        whose caller announces the change back on the GUI thread."""
        with self.office.transaction() as session:
            return action(session, **kwargs)

    def read(self, query: Callable[..., T], /, **kwargs: Any) -> T:
        with self.office.reader() as session:
            return query(session, **kwargs)
