"""The main window: a host for screens (navigation, menus, status bar), nothing more."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.keyboard import set_shortcut
from desktop.ui.exchange.menu import install_exchange_menu
from desktop.ui.screen_registry import SCREENS, ScreenSpec

if TYPE_CHECKING:  # the store loads with the office, after the shell is painted (ui/app.py)
    from desktop.store.services.change import Change
    from desktop.ui.common.context import AppContext

BACKUP_CHECK_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, settings: QSettings) -> None:
        """With a pending context (no office yet) this is the shell painted at start-up: menus,
        the screen list and "開いています…"; `show_office` builds the screens once it is open."""
        super().__init__()
        self.context = context
        self.settings = settings
        self.setWindowTitle(_("連携デスク"))
        self._screens: dict[str, QWidget] = {}
        self.startup_job: BackgroundJob | None = None
        self._specs = list(SCREENS)
        self._screen_actions: list[QAction] = []  # 表示's entries, one per screen offered

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        for spec in self._specs:
            QListWidgetItem(_(spec.title), self.nav)
        # Wide enough for the longest title in the UI language (English titles are longer).
        self.nav.ensurePolished()
        nav_width = max(150, min(360, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8))
        self.nav.setMinimumWidth(nav_width)
        self.nav.setMaximumWidth(nav_width + 60)
        self.stack = QStackedWidget()
        self.opening_label = QLabel(_("事務ファイルを開いています…"))
        # Centred by the style sheet: the Qt namespace (~15 ms to load) waits for the first frame.
        self.opening_label.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.opening_label)
        splitter = QSplitter()  # horizontal
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([nav_width, 1200 - nav_width])
        self.setCentralWidget(splitter)

        self._build_menus()
        from desktop.ui.view_menu import install_view_extras

        self.view_extras = install_view_extras(self)
        self.statusBar().showMessage(_("事務ファイルを開いています…"))
        self.nav.currentRowChanged.connect(self._show_screen)
        context.bus.changed.connect(self._on_change)
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        # An office left open for days still gets its daily backup.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.take_daily_backup)
        self.menuBar().setEnabled(context.ready)  # every menu but the screens' needs the office
        if context.ready:
            self.show_office()

    def show_office(self) -> None:
        """The office is open (and whoever signs in has signed in): its name in the title, the
        screens the acting role may open, the working year, the chosen screen."""
        from desktop.ui.access.window import allowed_screens, install_access

        office = self.context.office
        self._set_specs(allowed_screens(self.context, SCREENS))
        install_access(self)
        self.setWindowTitle(_("連携デスク — {path}").format(path=office.path.name))
        self.statusBar().showMessage(_("事務ファイル: {path}").format(path=office.path))
        self.view_extras.show_year(self.context.working_year)
        self.menuBar().setEnabled(True)
        self.backup_timer.start()
        self._show_screen(self.nav.currentRow())  # a screen picked while opening is honoured
        self.stack.removeWidget(self.opening_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("ファイル(&F)"))
        font_action = QAction(_("IPAmj明朝の場所を設定(&M)…"), self)
        font_action.triggered.connect(self._choose_ipamj)
        file_menu.addAction(font_action)
        file_menu.addSeparator()
        from desktop.ui.backups.menu import install_backup_menu

        install_backup_menu(self, file_menu)
        quit_action = QAction(_("終了(&X)"), self)
        set_shortcut(quit_action, QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.view_menu = self.menuBar().addMenu(_("表示(&V)"))
        self._fill_view_menu()

        install_exchange_menu(self, self.context)

        from desktop.ui.help.menu import install_help_menu

        install_help_menu(self, self.context)

    def _fill_view_menu(self) -> None:
        """One entry per screen offered, at the top of 表示 (view_menu.py adds its own below)."""
        for action in self._screen_actions:
            self.view_menu.removeAction(action)
        after = self.view_menu.actions()[0] if self.view_menu.actions() else None
        self._screen_actions = []
        for index, spec in enumerate(self._specs):
            action = QAction(_(spec.title), self)
            if index < 9:
                set_shortcut(action, f"Ctrl+{index + 1}")
            action.triggered.connect(lambda _checked=False, i=index: self.nav.setCurrentRow(i))
            if after is None:
                self.view_menu.addAction(action)
            else:
                self.view_menu.insertAction(after, action)
            self._screen_actions.append(action)

    def _set_specs(self, specs: list[ScreenSpec]) -> None:
        """The screens offered, once the acting role is known: the list and the 表示 menu follow;
        the screen chosen while opening stays chosen when the role may open it."""
        if [s.key for s in specs] == [s.key for s in self._specs]:
            return
        row = self.nav.currentRow()
        chosen = self._specs[row].key if 0 <= row < len(self._specs) else ""
        self._specs = specs
        self.nav.blockSignals(True)
        self.nav.clear()
        for spec in specs:
            QListWidgetItem(_(spec.title), self.nav)
        keys = [s.key for s in specs]
        self.nav.setCurrentRow(keys.index(chosen) if chosen in keys else 0)
        self.nav.blockSignals(False)
        self._fill_view_menu()

    def ensure_screen(self, key: str) -> QWidget:
        """The screen for key, created on first use so start-up stays fast."""
        if key not in self._screens:
            # Loaded with the first screen: its ~14 Qt widget classes cost ~8 ms before the shell.
            from desktop.ui.common.tab_order import set_reading_tab_order

            spec = next(s for s in self._specs if s.key == key)
            widget = spec.factory(self.context)
            set_reading_tab_order(widget)  # Tab in reading order, not creation order
            self._screens[key] = widget
            self.stack.addWidget(widget)
        return self._screens[key]

    def show_screen(self, key: str) -> QWidget:
        index = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.nav.setCurrentRow(index)
        return self._screens[key]

    def _show_screen(self, row: int) -> None:
        if 0 <= row < len(self._specs) and self.context.ready:
            spec: ScreenSpec = self._specs[row]
            self.stack.setCurrentWidget(self.ensure_screen(spec.key))

    def reload_screens(self) -> None:
        """After the office file was replaced (a restore): every screen is built again from it."""
        for widget in self._screens.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._screens.clear()
        self._show_screen(self.nav.currentRow())

    def _on_change(self, change: Change) -> None:
        for widget in self._screens.values():
            watches: frozenset[str] | None = getattr(widget, "watches", frozenset())
            if watches is None or change.entity in watches:
                widget.on_change(change)  # type: ignore[attr-defined]

    def take_daily_backup(self) -> None:
        from desktop.store.backup import backup_if_stale

        path = self.context.office.path

        def failed(error: BaseException) -> None:
            self.statusBar().showMessage(_("自動バックアップに失敗しました: {error}").format(error=error), 15000)

        self.backup_job = run_in_background(self, _("バックアップ"), lambda _p: backup_if_stale(path),
                                            lambda _r: None, failed, show_dialog=False)

    def _choose_ipamj(self) -> None:
        """IPAmj明朝 is bundled; a town that keeps a newer copy (more MJ characters) points to it here."""
        from desktop.fontfiles import find_ipamj
        from desktop.forms.kit.fonts import set_ipamj_path

        found = find_ipamj()
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("IPAmj明朝（ipamjm.ttf）の場所"), str(found or ""), _("TrueTypeフォント (*.ttf)"))
        if not path:
            return
        self.settings.setValue("fonts/ipamj_path", path)
        set_ipamj_path(Path(path))
        self.statusBar().showMessage(_("IPAmj明朝: {path}").format(path=path), 8000)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
