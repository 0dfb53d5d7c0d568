"""Developer tool: pictures of every screen for the user guide, taken from the real app.

    QT_QPA_PLATFORM=offscreen python tools/guide_pictures.py [--lang ja|en] [--only KEY ...]

Builds the demo office in a temporary folder (RENKEI_DESK_HOME points there, so nothing of
the developer's own data shows), opens the real main window at 1280×800 and grabs each screen,
each organisation tab, the welcome and the dialogs to desktop/guide/pictures/<lang>/<name>.png
(8-bit palette PNG, a few dozen KB each). Run it again after a screen changes; the guide
(desktop/guide/<lang>/guide.md) refers to the pictures by these names.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
SIZE = QSize(1280, 800)
DIALOG_SIZE = QSize(900, 640)
ORGANISATION_TABS = ("support", "coordination", "contracts", "leases", "reports", "orders")


def save(widget: QWidget, target: Path, size: QSize | None = None) -> Path:
    """Grabs the widget (laid out at `size`) to an 8-bit palette PNG: UI pictures have few colours."""
    if size is not None:
        widget.resize(size)
    widget.show()
    for _round in range(3):
        QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG", 9):
        raise OSError(f"could not write {target}")
    return target


def first_rows(widget: QWidget) -> None:
    """A detail panel shows its fields once a row is chosen, as the clerk would."""
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.selectionModel() is not None \
                and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))


def shots(out: Path, folder: Path) -> Iterator[tuple[str, Callable[[], Path]]]:
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.paths import default_office_path
    from desktop.store.db import open_office
    from desktop.store.demo import build_demo_office
    from desktop.ui.app import app_settings
    from desktop.ui.common.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screen_registry import SCREENS
    from desktop.ui.start.missing_office_dialog import MissingOfficeDialog, StartChoice

    def welcome(page: int) -> Path:
        dialog = MissingOfficeDialog("", office=default_office_path(), first_start=True)
        if page:
            dialog.choose(StartChoice.NEW_EMPTY)
        return save(dialog, out / ("welcome-profile.png" if page else "welcome.png"), QSize(760, 260 if not page else 440))

    yield "welcome", lambda: welcome(0)
    yield "welcome-profile", lambda: welcome(1)

    office = open_office(folder / "demo.renkei")
    with office.transaction() as session:
        build_demo_office(session)
    context = AppContext(office)
    window = MainWindow(context, app_settings())
    window.resize(SIZE)
    window.show()

    def screen(key: str) -> Path:
        widget = window.show_screen(key)
        for name in ("select_year",):
            if hasattr(widget, name):
                getattr(widget, name)(FiscalYear(2025))
        first_rows(widget)
        return save(window, out / f"{key}.png", SIZE)

    def carry_outs() -> Path:
        """The register fills as forms with personal data leave: F2 saved for a USB stick, F3 printed."""
        from desktop.domain.carry_out import Medium
        from desktop.printing.carry_out import record_form_output
        from desktop.printing.catalog import FormRequest
        from desktop.printing.render import render_request

        f2 = FormRequest("F2", fiscal_year=FiscalYear(2025))
        saved = folder / "派遣職員受入名簿_令和7年度.pdf"
        saved.write_bytes(context.read(render_request, request=f2))
        context.run(record_form_output, request=f2, medium=Medium.USB, path=saved)
        context.run(record_form_output, request=FormRequest("F3", fiscal_year=FiscalYear(2025)), medium=Medium.PAPER)
        return screen("carry_outs")

    for spec in SCREENS:
        yield spec.key, carry_outs if spec.key == "carry_outs" else lambda key=spec.key: screen(key)

    def organisation_tab(tab: str) -> Path:
        widget = window.show_screen("organisations")
        widget.open_record(1, tab)  # the demo's designated organisation with every kind of record
        return save(window, out / f"organisation-{tab}.png", SIZE)

    for tab in ORGANISATION_TABS:
        yield f"organisation-{tab}", lambda tab=tab: organisation_tab(tab)

    def agreement_tab(index: int, name: str) -> Path:
        widget = window.show_screen("agreements")
        first_rows(widget)
        widget.tabs.setCurrentIndex(index)
        return save(window, out / f"agreement-{name}.png", SIZE)

    yield "agreement-terms", lambda: agreement_tab(1, "terms")
    yield "agreement-posts", lambda: agreement_tab(2, "posts")

    def dialog(name: str, build: Callable[[], QWidget], size: QSize = DIALOG_SIZE) -> Path:
        widget = build()
        try:
            return save(widget, out / f"{name}.png", size)
        finally:
            widget.close()

    def export_dialog() -> QWidget:
        from desktop.ui.exchange.export_dialog import ExportDialog

        return ExportDialog(context, window)

    def import_dialog() -> QWidget:
        from desktop.ui.common.import_dialog import ImportDialog
        from desktop.ui.screens.ledger.payment_import import PAYMENT_IMPORT

        return ImportDialog(context, PAYMENT_IMPORT, window)

    def about_dialog() -> QWidget:
        from desktop.ui.help.about_dialog import AboutDialog

        return AboutDialog(office, window)

    def backup_settings() -> QWidget:
        from desktop.ui.backups.settings_dialog import BackupSettingsDialog

        return BackupSettingsDialog(context, window)

    def prefecture() -> QWidget:
        from desktop.ui.exchange.prefecture_window import PrefectureWindow

        return PrefectureWindow(state_path=folder / "prefecture.json")

    yield "export", lambda: dialog("export", export_dialog)
    yield "import-payments", lambda: dialog("import-payments", import_dialog)
    yield "backup-settings", lambda: dialog("backup-settings", backup_settings, QSize(760, 420))
    yield "about", lambda: dialog("about", about_dialog, QSize(720, 360))
    yield "prefecture", lambda: dialog("prefecture", prefecture, SIZE)

    def guide() -> Path:
        from desktop.ui.help.guide_window import GuideWindow

        return dialog("guide", lambda: GuideWindow(window), QSize(980, 700))

    yield "guide", guide


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lang", default="ja", choices=("ja", "en"))
    parser.add_argument("--only", nargs="*", default=None, help="picture names to refresh")
    parser.add_argument("--out", type=Path, default=None, help="another folder (tests)")
    args = parser.parse_args(argv)
    # A fixed folder, so the paths in the pictures stay the same from one refresh to the next.
    home = Path(tempfile.gettempdir()) / "renkei-guide"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    try:
        folder = str(home)
        os.environ["RENKEI_DESK_HOME"] = folder
        from desktop import i18n
        from desktop.ui.app import prepare_application

        app, _settings, _language = prepare_application(sys.argv[:1], args.lang)
        i18n.set_language(args.lang)
        out = args.out or ROOT / "desktop" / "guide" / "pictures" / args.lang
        for name, take in shots(out, Path(folder)):
            if args.only is None or name in args.only:
                path = take()
                print(f"{path}  {path.stat().st_size // 1024} KB")
        for window in app.topLevelWidgets():
            window.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
