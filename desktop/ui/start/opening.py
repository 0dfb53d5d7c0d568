"""Opening the office file off the GUI thread while the window's shell is on screen.

The lock, the refusals (foreign, newer, read-only, in use) and a schema upgrade run in a worker
(ui/common/background.py); its outcome comes back on the GUI thread, where a fault becomes one
message, a missing file the welcome question, and a damaged one the offer of its last good backup.
The store is imported by the worker: nothing of SQLAlchemy loads before the first frame.
"""

from __future__ import annotations

import contextlib
import importlib
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.fatal import report_fatal

if TYPE_CHECKING:
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.domain.town import TownProfile
    from desktop.store.db import Office
    from desktop.ui.start.missing_office_dialog import StartChoice

Chooser: TypeAlias = "Callable[[Path, str], tuple[StartChoice, Path | TownProfile | None]]"
Restorer: TypeAlias = "Callable[[Path, str, QWidget | None], bool]"


@dataclass(frozen=True)
class Opened:
    office: Office
    working_year: FiscalYear


def open_in_worker(db: Path, demo: bool | None, town: TownProfile | None, first_screen: str) -> Opened:
    """The worker's part: build a new office first when asked to (demo or empty), open it, and
    load what the first screen needs (the models, its module, the working year), so the GUI
    thread only builds widgets."""
    from desktop.domain.local_governments import local_governments
    from desktop.store.db import open_office
    from desktop.store.repos.working_year import working_year_for

    if demo is not None:
        from desktop.store.creation import create_office_file

        db = create_office_file(db, demo=demo, make_folder=True, town=town)
    # The integrity check and the on-open backup follow once the screens are up (ui/app.py).
    office = open_office(db, create=False, take_backup=False, check=False)
    try:
        with office.reader() as session:
            year = working_year_for(session, today=date.today())
        # Modules and data only: no widget is made off the GUI thread. A screen kept elsewhere
        # is imported when it is built; the list of local governments feeds the code fields.
        with contextlib.suppress(ImportError):
            importlib.import_module(f"desktop.ui.screens.{first_screen}.screen")
        local_governments()
    except BaseException:
        office.close()
        raise
    return Opened(office, year)


class OfficeOpening(QObject):
    """Opens `db` for `window`; says `opened(Opened)`, or `ended(status)` when there is none.

    `ask` is the missing-office question and `restore` the offer of a backup; both are None
    where no dialog can be seen (offscreen), and the fault's message then goes to stderr.
    """

    opened = Signal(object)
    ended = Signal(int)

    def __init__(self, window: QWidget, db: Path, *, ask: Chooser | None, restore: Restorer | None,
                 first_screen: str = "") -> None:
        super().__init__(window)
        self.window, self.db, self.ask, self.restore = window, db, ask, restore
        self.first_screen = first_screen
        self.job: BackgroundJob | None = None

    def start(self, demo: bool | None = None, town: TownProfile | None = None) -> None:
        db, first = self.db, self.first_screen
        self.job = run_in_background(self.window, _("事務ファイルを開いています…"),
                                     lambda _progress: open_in_worker(db, demo, town, first),
                                     self.opened.emit, self._failed, show_dialog=False)

    def _failed(self, error: BaseException) -> None:
        from desktop.store.db import (
            DISK_ERRORS,
            OfficeDamagedError,
            OfficeError,
            OfficeMissingError,
            classify_fault,
        )

        title = _("事務ファイルを開けません")
        if isinstance(error, OfficeMissingError):
            if self.ask is not None:
                self._answer(*self.ask(self.db, str(error)))
                return
            self.ended.emit(report_fatal(title, str(error) + "\n" + _(
                "画面のある環境で起動すると、新しい事務ファイルかデモ事務所を作るか、別のファイルを開くかを選べます"
                "（コマンドでは renkei-desk demo --db ファイル でデモ事務所を作れます）。")))
        elif isinstance(error, OfficeDamagedError):
            if self.restore is not None and self.restore(self.db.expanduser().resolve(), str(error), self.window):
                self.start()
                return
            self.ended.emit(report_fatal(title, str(error)))
        elif isinstance(error, OfficeError):
            self.ended.emit(report_fatal(title, str(error)))
        elif isinstance(error, DISK_ERRORS):
            fault = classify_fault(error, self.db.expanduser().resolve())
            self.ended.emit(report_fatal(title, str(fault) if fault is not None else str(error)))
        else:  # a defect, not a fault of the file: its traceback, as before the window existed
            traceback.print_exception(error)
            self.ended.emit(1)

    def _answer(self, choice: StartChoice, other: Path | TownProfile | None) -> None:
        from desktop.domain.town import TownProfile
        from desktop.ui.start.missing_office_dialog import StartChoice

        if choice is StartChoice.QUIT:
            self.ended.emit(0)  # the clerk's own choice, not a fault
        elif choice is StartChoice.OPEN_OTHER:
            self.db = other if isinstance(other, Path) else self.db
            self.start()
        else:
            self.start(demo=choice is StartChoice.DEMO, town=other if isinstance(other, TownProfile) else None)
