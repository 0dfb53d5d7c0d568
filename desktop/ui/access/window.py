"""Roles in the main window: who acts (status bar), what the role may not use (hidden), the 設定 menu
with 利用者と権限…, and the idle lock. The services refuse the same things (store/access.py);
this only spares the clerk buttons that would be refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

from desktop.domain.access import Principal, Role, SignInSettings
from desktop.i18n import _
from desktop.store.access import get_sign_in_settings, os_principal
from desktop.store.acting import info_for, principal_in
from desktop.ui.access.lock import WindowLock
from desktop.ui.access.users_dialog import UsersDialog, acting_principal_text
from desktop.ui.common.context import AppContext

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screen_registry import ScreenSpec

# Screens whose every action is a 管理者's (settings, the measure table, the ordinance master data).
ADMIN_SCREENS = frozenset({"measure", "town_profile", "ordinance"})
# Buttons (attribute names on a screen's widgets) that change records: hidden for 閲覧.
WRITE_BUTTONS = frozenset({
    "new_button", "save_button", "delete_button", "import_button", "add_button", "edit_button", "amend_button",
    "abolish_button", "unabolish_button", "add_post_button", "edit_post_button", "delete_post_button",
    "submit_button", "decide_button", "reopen_button", "save_title_button", "revert_button", "apply_button",
    "save_review_button",
})
# Buttons that change an office-wide setting: hidden for all but 管理者.
ADMIN_BUTTONS = frozenset({"calendar_button"})


def window_principal(context: AppContext) -> Principal:
    """Who acts in the window: the signed-in user, else the OS user with every right."""
    return principal_in(context.office.session_info) or os_principal()


def allowed_screens(context: AppContext, screens: Iterable[ScreenSpec]) -> list[ScreenSpec]:
    """The navigation entries the acting role may open."""
    admin = window_principal(context).role.allows(Role.ADMIN)
    return [spec for spec in screens if admin or spec.key not in ADMIN_SCREENS]


def hide_refused_buttons(root: QWidget, role: Role) -> None:
    """Hides the buttons of `root` (a screen) that `role` may not use, found by their attribute names."""
    hidden = (set() if role.allows(Role.EDITOR) else set(WRITE_BUTTONS)) | (
        set() if role.allows(Role.ADMIN) else set(ADMIN_BUTTONS))
    if not hidden:
        return
    for holder in (root, *root.findChildren(QWidget)):
        for name, value in vars(holder).items():
            buttons = value.values() if name == "decision_buttons" and isinstance(value, dict) else [value]
            if name in hidden or (name == "decision_buttons" and role is Role.VIEWER):
                for button in buttons:
                    if isinstance(button, QPushButton) and not button.property(KEPT_HIDDEN):
                        button.setProperty(KEPT_HIDDEN, True)
                        button.installEventFilter(KeepHidden(button))
                        button.hide()


KEPT_HIDDEN = "renkei_kept_hidden"


class KeepHidden(QObject):
    """Screens show and hide their buttons as the selection changes; a refused one stays hidden."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.hide()
        return False


class ScreenWatcher(QObject):
    """Applies `hide_refused_buttons` to each screen as the main window adds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.stack.installEventFilter(self)
        self.apply()  # screens built while the office was opening, before anyone signed in

    def apply(self) -> None:
        for index in range(self.window.stack.count()):
            screen = self.window.stack.widget(index)
            if screen is not None:
                hide_refused_buttons(screen, window_principal(self.window.context).role)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished and isinstance(watched, QWidget):
            self.apply()
        return False


class AccessControls(QObject):
    """What install_access adds to a main window; kept on it as `window.access`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.users_dialog: UsersDialog | None = None
        self.enable_dialog: QWidget | None = None
        self.lock: WindowLock | None = None
        self.user_label = QLabel()
        self.user_label.setObjectName("actingUser")
        window.statusBar().addPermanentWidget(self.user_label)
        self.watcher = ScreenWatcher(window)
        self.menu = QMenu(_("設定(&S)"), window)
        self.users_action = QAction(_("利用者と権限(&U)…"), window)
        self.users_action.triggered.connect(self.open_users)
        self.lock_action = QAction(_("画面をロック(&L)"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock.lock() if self.lock else None)
        self.menu.addAction(self.users_action)
        self.menu.addAction(self.lock_action)
        actions = window.menuBar().actions()
        window.menuBar().insertMenu(actions[-1], self.menu) if actions else window.menuBar().addMenu(self.menu)
        self.refresh()

    @property
    def principal(self) -> Principal:
        return window_principal(self.window.context)

    def refresh(self) -> None:
        """Status bar, menus and lock as the acting principal and the sign-in settings say now."""
        principal = self.principal
        settings = self.window.context.read(get_sign_in_settings)
        self.user_label.setText(acting_principal_text(principal))
        admin = principal.role.allows(Role.ADMIN)
        self.users_action.setVisible(admin)
        self.lock_action.setVisible(principal.signed_in)
        self.menu.menuAction().setVisible(admin or principal.signed_in)
        self._hide_refused_actions(principal.role)
        if principal.signed_in and settings.enabled:
            if self.lock is None:
                self.lock = WindowLock(self.window, lambda: self.window.context.office, principal,
                                       settings.idle_minutes)
            else:
                self.lock.set_idle_minutes(settings.idle_minutes)
        elif self.lock is not None:
            self.lock.stop()
            self.lock = None

    def _hide_refused_actions(self, role: Role) -> None:
        refused = set()
        if not role.allows(Role.ADMIN):
            refused |= {_("バックアップから復元(&R)…"), _("バックアップの設定(&S)…")}
        if not role.allows(Role.EDITOR):
            refused |= {_("バックアップを作成(&B)"), _("書き出し(&W)…")}
        for action in self.window.findChildren(QAction):
            if action.text() in refused:
                action.setVisible(False)

    def open_users(self) -> UsersDialog:
        self.users_dialog = UsersDialog(self.window.context, enable_sign_in=self.enable_sign_in, parent=self.window)
        self.users_dialog.finished.connect(lambda _result: self.refresh())
        self.users_dialog.open()
        return self.users_dialog

    def enable_sign_in(self, settings: SignInSettings) -> bool:
        """Sign-in switched on from a window nobody signed into: a 管理者 signs in first, then the
        setting is saved and the window goes on as that 管理者 (nothing changes if cancelled)."""
        from desktop.ui.access.sign_in_dialog import SignInDialog

        if self.principal.signed_in:
            return self._save(settings)
        dialog = SignInDialog(self.window.context.office, needed=Role.ADMIN, quit_text=_("キャンセル"),
                              intro=_("サインインを有効にします。管理者の利用者名とパスワードでサインインしてください。"),
                              parent=self.users_dialog or self.window)
        self.enable_dialog = dialog

        def signed_in() -> None:
            assert dialog.principal is not None
            office = self.window.context.office
            before, office.session_info = office.session_info, info_for(dialog.principal)
            if not self._save(settings):
                office.session_info = before
            self.refresh()

        dialog.accepted.connect(signed_in)
        dialog.open()
        return True

    def _save(self, settings: SignInSettings) -> bool:
        from desktop.store.services.users import save_sign_in_settings

        assert self.users_dialog is not None
        return self.users_dialog.run(save_sign_in_settings, settings=settings)


def install_access(window: MainWindow) -> AccessControls:
    window.access = AccessControls(window)  # type: ignore[attr-defined]
    return window.access  # type: ignore[attr-defined]
