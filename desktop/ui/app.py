"""Starting the window: QApplication, language, Qt's own translations, fonts, the office file."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.i18n import _, set_language
from desktop.paths import config_dir, resources_dir
from desktop.store.backup import backup_office
from desktop.store.db import Office, OfficeError, check_integrity, open_office
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.main_window import MainWindow

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


def install_fonts(app: QApplication) -> None:
    """The bundled IPAex fonts, so Japanese shows on a machine with no Japanese font installed."""
    families: list[str] = []
    for name in ("ipaexg.ttf", "ipaexm.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not QFontDatabase.writingSystems(app.font().family()).count(QFontDatabase.WritingSystem.Japanese) and families:
        font = QFont(families[0])
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)


def prepare_application(argv: list[str], language: str | None) -> tuple[QApplication, QSettings, str]:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = app_settings()
    chosen = set_language(language or str(settings.value("ui/language", "ja")))
    install_qt_translator(app, chosen)
    install_fonts(app)
    ipamj = settings.value("fonts/ipamj_path")
    if ipamj:
        from desktop.forms.kit.fonts import set_ipamj_path  # reportlab loads only when needed

        set_ipamj_path(Path(str(ipamj)))
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


def run_app(db: Path, *, language: str | None = None) -> int:
    app, settings, _chosen = prepare_application(sys.argv[:1], language)
    try:
        office = open_or_create_with_demo(db, deferred_checks=True)
    except OfficeError as error:
        QMessageBox.critical(None, _("事務ファイルを開けません"), str(error))
        return 1
    context = AppContext(office)
    window = MainWindow(context, settings)
    window.show()
    window.startup_job = check_and_back_up(window)
    for warning in office.warnings:
        QMessageBox.warning(window, _("事務ファイルの場所"), warning)
    try:
        return app.exec()
    finally:
        office.close()
