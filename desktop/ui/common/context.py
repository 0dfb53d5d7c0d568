"""What a screen is given: the open office, a way to run a service, and the change bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the store (SQLAlchemy) loads on the opening thread, not before the first frame
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.store.db import Office
    from desktop.store.services.change import Change

T = TypeVar("T")


class ChangeBus(QObject):
    """Republishes what services changed so only affected screens refresh."""

    changed = Signal(object)
    year_changed = Signal(object)   # the working FiscalYear, chosen on any screen


class AppContext:
    office: Office

    def __init__(self, office: Office | None = None) -> None:
        """Without an office the context is pending: the window's shell is up while the office
        is being opened, and `attach` gives it the office."""
        self.bus = ChangeBus()
        self._working_year: FiscalYear | None = None
        if office is not None:
            self.office = office

    @property
    def ready(self) -> bool:
        return "office" in self.__dict__

    def attach(self, office: Office, *, working_year: FiscalYear | None = None) -> None:
        """The office, once open (with its working year when the opening thread read it)."""
        self.office = office
        self._working_year = working_year

    @property
    def working_year(self) -> FiscalYear:
        """The fiscal year every screen opens on and follows (see domain/working_year.py)."""
        if self._working_year is None:
            from desktop.store.repos.working_year import working_year_for

            self._working_year = self.read(working_year_for, today=date.today())
        return self._working_year

    def set_working_year(self, year: FiscalYear) -> None:
        """Any screen's year combo calls this; the others and the status bar follow."""
        if year != self._working_year:
            self._working_year = year
            self.bus.year_changed.emit(year)

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
