"""Starting the window: QApplication, language, Qt's own translations, fonts, the office file.

The window's shell (menus, the screen list, "開いています…") is painted first; the office file is
then opened on a worker thread (lock, refusals, migration: ui/start/opening.py), the screens are
built (`office_ready`), and the integrity check and the on-open backup run in the background.
The store (SQLAlchemy) is first imported by that worker, never before the first frame.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from desktop.fontfiles import IPAMJ_ENV, set_ipamj_path
from desktop.i18n import _, set_language
from desktop.paths import config_dir, default_office_path, resources_dir
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.common.fatal import (
    display_present,
    platform_available,
    report_fatal,
    report_warning,
)
from desktop.ui.fonts import install_fonts, install_sequence_style
from desktop.ui.main_window import MainWindow
from desktop.ui.screen_registry import SCREENS
from desktop.ui.single_instance import InstanceServer, hand_over

if TYPE_CHECKING:
    from desktop.domain.town import TownProfile
    from desktop.store.db import Office
    from desktop.ui.start.missing_office_dialog import StartChoice
    from desktop.ui.start.opening import Chooser, OfficeOpening, Opened

ORGANISATION = "RenkeiDesk"
APPLICATION = "RenkeiDesk"


def app_settings() -> QSettings:
    """Window geometry and UI language: per user, in an INI file under the config folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir()))
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def install_qt_translator(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own strings (OK/Cancel, context menus) in the UI language."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # By file name, not QLocale(language): QLocale's enums (every language and country) take
    # ~10 ms to load before the first frame. Our languages are plain codes (ja, en).
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        return translator
    return None


def prepare_application(argv: list[str], language: str | None, *,
                        sequence_style: bool = True) -> tuple[QApplication, QSettings, str]:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = app_settings()
    chosen = set_language(language or str(settings.value("ui/language", "ja")))
    install_qt_translator(app, chosen)
    ipamj = settings.value("fonts/ipamj_path")
    if ipamj and not os.environ.get(IPAMJ_ENV):
        set_ipamj_path(Path(str(ipamj)))  # the forms register fonts on first print
    install_fonts(app, sequence_style=sequence_style)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app, settings, chosen


def open_or_create_with_demo(db: Path, *, deferred_checks: bool = False, choose: Chooser | None = None) -> Office:
    """Opens the office file; a missing or 0-byte file is never silently turned into an office.

    `choose` (the window's question, see ask_what_to_do) decides: a new empty office, the demo
    office (each built whole in a temporary file, see store/creation.py), another file, or quit
    (StartCancelledError). Without it a missing file raises OfficeMissingError.
    """
    from desktop.domain.town import TownProfile
    from desktop.store.db import OfficeMissingError, open_office
    from desktop.ui.start.missing_office_dialog import StartChoice

    while True:
        try:
            return open_office(db, create=False, take_backup=not deferred_checks, check=not deferred_checks)
        except OfficeMissingError as missing:
            if choose is None:
                raise
            choice, other = choose(db, str(missing))
        if choice is StartChoice.QUIT:
            raise StartCancelledError
        if choice is StartChoice.OPEN_OTHER:
            db = other if isinstance(other, Path) else db
            continue
        from desktop.store.creation import create_office_file

        town = other if isinstance(other, TownProfile) else None  # a new empty office's profile
        db = create_office_file(db, demo=choice is StartChoice.DEMO, make_folder=True, town=town)


class StartCancelledError(Exception):
    """The clerk chose 終了 when asked what to do about a missing office file."""


def question_text(db: Path, message: str) -> str:
    """On the very first start (the default office file, not made yet) there is nothing to fix."""
    if db.expanduser().resolve() == default_office_path().resolve():
        return _("まだ事務ファイルがありません（{path}）。最初の事務ファイルを作るか、お持ちのファイルを開いてください。").format(path=db)
    return message


def ask_what_to_do(db: Path, message: str) -> tuple[StartChoice, Path | TownProfile | None]:
    """The question of a missing office file (the welcome on a first start), asked again until
    an answer can be acted on; a new empty office comes with its town profile."""
    from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice

    while True:
        first = db.expanduser().resolve() == default_office_path().resolve()
        dialog = MissingOfficeDialog(question_text(db, message), office=db, first_start=first)
        dialog.exec()
        if dialog.choice is not StartChoice.OPEN_OTHER:
            return dialog.choice, dialog.profile
        chosen, _filter = QFileDialog.getOpenFileName(
            None, _("事務ファイルを開く"), str(db.parent if db.parent.is_dir() else Path.home()),
            _("連携デスクの事務ファイル (*.renkei);;すべてのファイル (*)"))
        if chosen:
            return StartChoice.OPEN_OTHER, Path(chosen)


def offer_restore(office_path: Path, why: str, parent: QWidget | None = None) -> bool:
    """The office failed its check: offer this office's newest good backup (QUALITY.md,
    "a path to the last good backup"). True when the clerk restored one."""
    from desktop.ui.backups.restore_dialog import start_up_restore_dialog

    dialog = start_up_restore_dialog(office_path, parent)
    dialog.setWindowTitle(_("事務ファイルが壊れています — バックアップから復元"))
    print(why, file=sys.stderr, flush=True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def install_fault_hook(window: MainWindow) -> None:
    """A fault of the office file met by a user action (a disk that filled up, a file made
    read-only meanwhile) is shown as its one message instead of a traceback; the action was one
    transaction, so nothing of it was saved and the window goes on."""
    from desktop.store.db import OfficeError

    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, OfficeError):
            report_warning(_("保存できませんでした"), str(error), window)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook


def check_and_back_up(window: MainWindow) -> BackgroundJob:
    """The checks of opening, run once the window is up: quick_check, then the on-open backup."""
    import sqlite3

    from desktop.store.backup import BackupError, backup_office
    from desktop.store.db import (
        OfficeDamagedError,
        OfficeError,
        backup_failed_error,
        check_integrity,
        classify_fault,
    )

    office = window.context.office

    def work(_progress: object) -> Path | OfficeError | None:
        check_integrity(office.path)
        if office.created:
            return None
        try:
            return backup_office(office.path, "open")
        except (OSError, sqlite3.Error, BackupError) as error:
            # The backup drive, not the office, is at fault: the clerk is told and works on.
            return backup_failed_error(error)

    def failed(error: BaseException) -> None:
        # Offscreen the message goes to stderr only (a modal nobody sees would hang), and the
        # process ends with status 1 like every other fault of the office file.
        if isinstance(error, OfficeDamagedError) and display_present():
            office.close()
            window.hide()
            if offer_restore(office.path, str(error), window):
                report_warning(_("バックアップから復元しました"),
                               _("復元した事務ファイルで、連携デスクをもう一度起動してください。"), window)
            end_main_loop(1)
            window.close()
            return
        if isinstance(error, OfficeDamagedError):
            title, then = _("事務ファイルが壊れています"), _("連携デスクを閉じます。バックアップから戻してください。")
        else:
            title, then = _("事務ファイルを開けません"), _("連携デスクを閉じます。")
        report_fatal(title, str(classify_fault(error, office.path) or error) + "\n\n" + then, window)
        end_main_loop(1)
        window.close()

    def done(result: Path | OfficeError | None) -> None:
        if isinstance(result, OfficeError):
            report_warning(_("バックアップを作成できませんでした"), str(result), window)
            window.statusBar().showMessage(_("整合性は確認しました。バックアップは作成できませんでした。"))
        elif result is not None:
            window.statusBar().showMessage(_("整合性を確認し、バックアップを作成しました: {path}").format(path=result), 8000)

    return run_in_background(window, _("事務ファイルを確認しています…"), work, done, failed, show_dialog=False)


MAIN_LOOP = "renkei_main_loop"


def end_main_loop(status: int) -> None:
    """Ends app.exec() with `status`. Only when run_app's loop runs: QApplication.exit() with no
    loop running would make every later event loop of the process (a dialog's, a test's) return
    at once."""
    app = QApplication.instance()
    if app is not None and app.property(MAIN_LOOP):
        QApplication.exit(status)


def bring_to_front(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


class StartUp(QObject):
    """The window from its first frame to the open office: the shell is shown at once, the office
    is opened once it has been painted, then `office_ready` builds the screens.

    `status` is the exit status when the start ended without an office (a fault, or 終了)."""

    painted = Signal()      # the shell's first frame is on screen
    ready = Signal(object)  # the MainWindow, its first screen built
    ended = Signal(int)     # no office to show: the exit status

    def __init__(self, db: Path, settings: QSettings) -> None:
        super().__init__()
        self.db = db
        self.status: int | None = None
        self.instance: InstanceServer | None = None
        self.window = MainWindow(AppContext(), settings)
        self.opening: OfficeOpening | None = None  # made once the shell is painted
        self._started = False
        self.window.installEventFilter(self)
        QTimer.singleShot(OPEN_ANYWAY_MS, self._start_opening)  # a window that is never painted
        self.window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._first_frame_shown)  # once this frame is painted and flushed
        return False

    def _first_frame_shown(self) -> None:
        # `painted` is said before the opening starts: the sequence style, the opening module and
        # the worker (whose imports hold the GIL) come after the frame, not before its signal.
        self.painted.emit()
        self._start_opening()

    def _start_opening(self) -> None:
        if not self._started:
            self._started = True
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            install_sequence_style(app)  # the shell shows no names: its first frame did without
            from desktop.ui.start.opening import OfficeOpening

            seen = display_present()
            self.opening = OfficeOpening(self.window, self.db, ask=ask_what_to_do if seen else None,
                                         restore=offer_restore if seen else None, first_screen=SCREENS[0].key)
            self.opening.opened.connect(self.office_ready)
            self.opening.ended.connect(self.end)
            self.opening.start()

    def office_ready(self, opened: Opened) -> None:
        """The office is open and ready: build the screens. The one place for what must happen
        between opening the office and showing its data."""
        # Start-up is over (see desktop/cli.py). What it made lives as long as the window: kept
        # out of every later collection, the first of which would otherwise walk it all (~100 ms).
        gc.freeze()
        gc.enable()
        window, office = self.window, opened.office
        if not window.isVisible():  # closed while the office was being opened
            office.close()
            return
        from desktop.ui.access.start import sign_in_at_start

        if (refused := sign_in_at_start(office)) is not None:  # sign-in on, and nobody signed in
            office.close()
            self.end(refused)
            return
        window.context.attach(office, working_year=opened.working_year)
        window.show_office()
        self.instance = InstanceServer(office.path, window)
        self.instance.activation_requested.connect(lambda: bring_to_front(window))
        install_fault_hook(window)
        window.startup_job = check_and_back_up(window)
        for warning in office.warnings:
            report_warning(_("事務ファイルの場所"), warning, window)
        self.ready.emit(window)

    def end(self, status: int) -> None:
        """No office to show (a fault, already reported, or the clerk's 終了)."""
        gc.enable()
        self.status = status
        end_main_loop(status)
        self.window.close()
        self.ended.emit(status)

    def close(self) -> None:
        if self.instance is not None:
            self.instance.close()
        if self.window.context.ready:
            self.window.context.office.close()


OPEN_ANYWAY_MS = 500


def start_window(db: Path, *, language: str | None = None) -> StartUp | int:
    """Everything run_app does before its main loop: the shell on screen and the office being
    opened, or the exit status when there is no window to show (the benchmark starts here too)."""
    if not platform_available():
        print(_("画面（ディスプレイ）がないため、ウィンドウを開けません。コマンドの使い方は renkei-desk --help で確かめてください。"),
              file=sys.stderr)
        return 1
    _app, settings, _chosen = prepare_application(sys.argv[:1], language, sequence_style=False)
    if hand_over(db):
        print(_("この事務ファイルはすでに開いているウィンドウを前面に出しました。"), file=sys.stderr)
        return 0
    return StartUp(db, settings)


def run_app(db: Path, *, language: str | None = None) -> int:
    start = start_window(db, language=language)
    if isinstance(start, int):
        return start
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setProperty(MAIN_LOOP, True)
    try:
        status = app.exec()
    finally:
        app.setProperty(MAIN_LOOP, False)
        start.close()
    return status if start.status is None else start.status
