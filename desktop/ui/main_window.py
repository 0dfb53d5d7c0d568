"""The main window: a host for screens (navigation, menus, status bar), nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop.i18n import _
from desktop.store.backup import backup_if_stale
from desktop.store.services.change import Change
from desktop.ui.access.window import allowed_screens, install_access
from desktop.ui.common.background import BackgroundJob, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.common.tab_order import set_reading_tab_order
from desktop.ui.exchange.menu import install_exchange_menu
from desktop.ui.screen_registry import SCREENS, ScreenSpec

BACKUP_CHECK_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, settings: QSettings) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        self.setWindowTitle(_("連携デスク — {path}").format(path=context.office.path.name))
        self._screens: dict[str, QWidget] = {}
        self.startup_job: BackgroundJob | None = None
        self._specs = allowed_screens(context, SCREENS)  # what the acting role may open

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
        splitter = QSplitter(Qt.Orientation.Horizontal)
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
        install_access(self)
        self.statusBar().showMessage(_("事務ファイル: {path}").format(path=context.office.path))
        self.nav.currentRowChanged.connect(self._show_screen)
        context.bus.changed.connect(self._on_change)
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        # An office left open for days still gets its daily backup.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.take_daily_backup)
        self.backup_timer.start()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("ファイル(&F)"))
        font_action = QAction(_("IPAmj明朝の場所を設定(&M)…"), self)
        font_action.triggered.connect(self._choose_ipamj)
        file_menu.addAction(font_action)
        file_menu.addSeparator()
        from desktop.ui.backups.menu import install_backup_menu

        install_backup_menu(self, file_menu)
        quit_action = QAction(_("終了(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(_("表示(&V)"))
        for index, spec in enumerate(self._specs):
            action = QAction(_(spec.title), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.nav.setCurrentRow(i))
            view_menu.addAction(action)

        install_exchange_menu(self, self.context)

        from desktop.ui.help.menu import install_help_menu

        install_help_menu(self, self.context)

    def ensure_screen(self, key: str) -> QWidget:
        """The screen for key, created on first use so start-up stays fast."""
        if key not in self._screens:
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
        if 0 <= row < len(self._specs):
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
