"""Starting the window: QApplication, language, Qt's own translations, fonts, the office file."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from desktop.domain.town import TownProfile
from desktop.fontfiles import IPAMJ_ENV, set_ipamj_path
from desktop.i18n import _, set_language
from desktop.paths import config_dir, default_office_path, resources_dir
from desktop.store.backup import BackupError, backup_office
from desktop.store.db import (
    DISK_ERRORS,
    Office,
    OfficeDamagedError,
    OfficeError,
    OfficeMissingError,
    backup_failed_error,
    check_integrity,
    classify_fault,
    open_office,
)
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.common.fatal import (
    display_present,
    platform_available,
    report_fatal,
    report_warning,
)
from desktop.ui.fonts import install_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import InstanceServer, hand_over
from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice

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
    if translator.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


def prepare_application(argv: list[str], language: str | None) -> tuple[QApplication, QSettings, str]:
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
    install_fonts(app)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app, settings, chosen


Chooser = Callable[[Path, str], tuple[StartChoice, Path | TownProfile | None]]


def open_or_create_with_demo(db: Path, *, deferred_checks: bool = False, choose: Chooser | None = None) -> Office:
    """Opens the office file; a missing or 0-byte file is never silently turned into an office.

    `choose` (the window's question, see ask_what_to_do) decides: a new empty office, the demo
    office (each built whole in a temporary file, see store/creation.py), another file, or quit
    (StartCancelledError). Without it a missing file raises OfficeMissingError.
    """
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


def open_for_window(db: Path) -> Office | int:
    """The office for the window, or the exit status when there is none: every fault gives one
    message (a dialog where a display can show it, always stderr). Offscreen or with no display
    a missing file is not asked about: the question would wait for a click that never comes."""
    title = _("事務ファイルを開けません")
    try:
        return open_or_create_with_demo(db, deferred_checks=True,
                                        choose=ask_what_to_do if display_present() else None)
    except StartCancelledError:  # the clerk's own choice, not a fault
        return 0
    except OfficeMissingError as error:
        return report_fatal(title, str(error) + "\n" + _(
            "画面のある環境で起動すると、新しい事務ファイルかデモ事務所を作るか、別のファイルを開くかを選べます"
            "（コマンドでは renkei-desk demo --db ファイル でデモ事務所を作れます）。"))
    except OfficeDamagedError as error:
        path = db.expanduser().resolve()
        if display_present() and offer_restore(path, str(error)):
            return open_for_window(db)
        return report_fatal(title, str(error))
    except OfficeError as error:
        return report_fatal(title, str(error))
    except DISK_ERRORS as error:
        fault = classify_fault(error, db.expanduser().resolve())
        return report_fatal(title, str(fault) if fault is not None else str(error))


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
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, OfficeError):
            report_warning(_("保存できませんでした"), str(error), window)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook


def check_and_back_up(window: MainWindow) -> BackgroundJob:
    """The checks of opening, run once the window is up: quick_check, then the on-open backup."""
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


def run_app(db: Path, *, language: str | None = None) -> int:
    if not platform_available():
        print(_("画面（ディスプレイ）がないため、ウィンドウを開けません。コマンドの使い方は renkei-desk --help で確かめてください。"),
              file=sys.stderr)
        return 1
    app, settings, _chosen = prepare_application(sys.argv[:1], language)
    if hand_over(db):
        print(_("この事務ファイルはすでに開いているウィンドウを前面に出しました。"), file=sys.stderr)
        return 0
    office = open_for_window(db)
    if not isinstance(office, Office):
        return office
    from desktop.ui.access.start import sign_in_at_start

    if (refused := sign_in_at_start(office)) is not None:  # sign-in on: nobody signed in
        office.close()
        return refused
    context = AppContext(office)
    window = MainWindow(context, settings)
    instance = InstanceServer(office.path, window)
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.show()
    install_fault_hook(window)
    window.startup_job = check_and_back_up(window)
    for warning in office.warnings:
        report_warning(_("事務ファイルの場所"), warning, window)
    app.setProperty(MAIN_LOOP, True)
    try:
        return app.exec()
    finally:
        app.setProperty(MAIN_LOOP, False)
        instance.close()
        office.close()
