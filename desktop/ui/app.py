"""Starting the window: QApplication, language, Qt's own translations, fonts, the office file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.fontfiles import IPAMJ_ENV, set_ipamj_path
from desktop.i18n import _, set_language
from desktop.paths import config_dir, resources_dir
from desktop.store.backup import backup_office
from desktop.store.db import Office, OfficeError, check_integrity, open_office
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.common.fatal import platform_available, report_fatal, report_warning
from desktop.ui.fonts import install_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import InstanceServer, hand_over

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


def open_or_create_with_demo(db: Path, *, deferred_checks: bool = False) -> Office:
    """A first start finds no office file: make one with the demo office in it."""
    is_new = not db.exists() or db.stat().st_size == 0
    office = open_office(db, take_backup=not deferred_checks, check=not deferred_checks)
    if is_new:
        from desktop.store.demo import build_demo_office

        with office.transaction() as session:
            build_demo_office(session)
    return office


def check_and_back_up(window: MainWindow) -> BackgroundJob:
    """The checks of opening, run once the window is up: quick_check, then the on-open backup."""
    office = window.context.office

    def work(_progress: object) -> Path | None:
        check_integrity(office.path)
        return None if office.created else backup_office(office.path, "open")

    def failed(error: BaseException) -> None:
        QMessageBox.critical(window, _("事務ファイルが壊れています"), str(error)
                             + "\n\n" + _("連携デスクを閉じます。バックアップから戻してください。"))
        window.close()

    def done(path: Path | None) -> None:
        if path is not None:
            window.statusBar().showMessage(_("整合性を確認し、バックアップを作成しました: {path}").format(path=path), 8000)

    return run_in_background(window, _("事務ファイルを確認しています…"), work, done, failed, show_dialog=False)


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
    try:
        office = open_or_create_with_demo(db, deferred_checks=True)
    except OfficeError as error:
        return report_fatal(_("事務ファイルを開けません"), str(error))
    context = AppContext(office)
    window = MainWindow(context, settings)
    instance = InstanceServer(office.path, window)
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.show()
    window.startup_job = check_and_back_up(window)
    for warning in office.warnings:
        report_warning(_("事務ファイルの場所"), warning, window)
    try:
        return app.exec()
    finally:
        instance.close()
        office.close()
