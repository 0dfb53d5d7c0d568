"""What the main window adds for keyboard and eyesight: Ctrl+F (filter) and the font size in the
View menu, Ctrl+P (print) in the File menu, and the working fiscal year in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from desktop.i18n import _
from desktop.ui.common.keyboard import focus_filter, print_current, set_shortcut
from desktop.ui.fonts import FONT_SIZE_KEY, FONT_SIZES, apply_font_size

if TYPE_CHECKING:
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.ui.main_window import MainWindow


def _menu(window: MainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    return None


def _size_names() -> dict[int, str]:
    return dict(zip(FONT_SIZES, (_("標準"), _("大"), _("特大"), _("最大")), strict=True))


class ViewExtras:
    """The actions and the status-bar label install_view_extras added (tests press them)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.print_action = QAction(_("印刷(&P)…"), window)
        self.filter_action = QAction(_("一覧の絞り込みへ(&L)"), window)
        self.font_size_actions: dict[int, QAction] = {}
        self.year_label = QLabel()

    def set_font_size(self, points: int) -> None:
        self.window.settings.setValue(FONT_SIZE_KEY, points)
        apply_font_size(_app(), points)
        self.font_size_actions[points].setChecked(True)
        self.fit_navigation()

    def fit_navigation(self) -> None:
        """The screen list stays wide enough for its longest title at the new size."""
        nav = self.window.nav
        width = nav.sizeHintForColumn(0) + 2 * nav.frameWidth() + 8
        nav.setMinimumWidth(max(150, width))
        nav.setMaximumWidth(max(150, width) + 60)

    def print_current(self) -> None:
        if not print_current(self.window.stack.currentWidget()):
            self.window.statusBar().showMessage(
                _("この画面に印刷する帳票はありません。帳票は各画面（連携協約・派遣職員・負担金・"
                  "特別交付税算定・地域団体）か「帳票」画面から印刷します"), 8000)

    def show_year(self, year: FiscalYear) -> None:
        self.year_label.setText(_("作業年度: {year}").format(year=year.label()))


def install_view_extras(window: MainWindow) -> ViewExtras:
    view_menu, file_menu = _menu(window, _("表示(&V)")), _menu(window, _("ファイル(&F)"))
    assert view_menu is not None and file_menu is not None
    extras = ViewExtras(window)

    set_shortcut(extras.print_action, QKeySequence.StandardKey.Print)
    extras.print_action.triggered.connect(extras.print_current)
    file_menu.insertAction(file_menu.actions()[0], extras.print_action)
    file_menu.insertSeparator(file_menu.actions()[1])

    view_menu.addSeparator()
    set_shortcut(extras.filter_action, QKeySequence.StandardKey.Find)
    extras.filter_action.triggered.connect(lambda: focus_filter(window.stack.currentWidget()))
    view_menu.addAction(extras.filter_action)
    sizes = view_menu.addMenu(_("文字の大きさ(&Z)"))
    group = QActionGroup(window)
    stored_value = window.settings.value(FONT_SIZE_KEY, 0)
    stored = int(stored_value) if isinstance(stored_value, (int, str)) and str(stored_value).isdigit() else 0
    for points, name in _size_names().items():
        action = QAction(_("{name}（{points}pt）").format(name=name, points=points), window)
        action.setCheckable(True)
        action.setChecked(points == (stored or FONT_SIZES[0]))
        action.triggered.connect(lambda _checked=False, p=points: extras.set_font_size(p))
        group.addAction(action)
        sizes.addAction(action)
        extras.font_size_actions[points] = action
    if stored in FONT_SIZES:
        apply_font_size(_app(), stored)
        extras.fit_navigation()

    window.statusBar().addPermanentWidget(extras.year_label)  # filled once the office is open
    window.context.bus.year_changed.connect(extras.show_year)
    return extras


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
