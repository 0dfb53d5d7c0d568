"""設定 → 利用者と権限…: the administrator's list of users (add, disable, enable, reset a password)
and the sign-in settings (on/off, idle minutes before the window locks, lock-out).

Every button calls one service; the services refuse anyone but a 管理者, this dialog only
spares the others the sight of it. Sub-dialogs are opened without waiting (offscreen-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.access import (
    IDLE_MINUTES_RANGE,
    LOCKOUT_ATTEMPTS_RANGE,
    LOCKOUT_MINUTES_RANGE,
    Principal,
    Role,
    SignInSettings,
)
from desktop.domain.problems import ValidationError
from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import _, pgettext
from desktop.store.access import AccessDeniedError, get_sign_in_settings
from desktop.store.repos.users import UserRow, list_users
from desktop.store.services.users import (
    add_user,
    reset_password,
    save_sign_in_settings,
    set_user_disabled,
)
from desktop.ui.common.context import AppContext


def _state(row: UserRow, now: datetime) -> str:
    if row.disabled:
        return pgettext("sign-in", "無効")
    if row.locked_at(now) and row.locked_until is not None:
        return _("ロック中（{until}まで）").format(until=format_wareki_datetime(row.locked_until.astimezone().replace(tzinfo=None)))
    return pgettext("sign-in", "有効")


class PasswordDialog(QDialog):
    """A new user (name, role, password) or a new password for `name`; `submit` runs the service."""

    def __init__(self, submit: Callable[[str, Role, str], None], *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(_("パスワードの再設定") if name else _("利用者の追加"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setReadOnly(bool(name))
        self.role_combo = QComboBox()
        for role in (Role.EDITOR, Role.VIEWER, Role.ADMIN):
            self.role_combo.addItem(role.label, role)
        self.password_edit, self.again_edit = QLineEdit(), QLineEdit()
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(_("利用者名"), self.name_edit)
        if not name:
            form.addRow(_("役割"), self.role_combo)
        form.addRow(_("パスワード（8文字以上）"), self.password_edit)
        form.addRow(_("もう一度"), self.again_edit)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, 180)

    def save(self) -> bool:
        if self.password_edit.text() != self.again_edit.text():
            self.message.setText(_("2回入力したパスワードが一致しません。"))
            return False
        try:
            self.submit(self.name_edit.text(), self.role_combo.currentData(), self.password_edit.text())
        except (ValidationError, AccessDeniedError) as error:
            problems = error.problems if isinstance(error, ValidationError) else []
            self.message.setText("\n".join(p.message for p in problems) or str(error))
            return False
        self.accept()
        return True


class UsersDialog(QDialog):
    def __init__(self, context: AppContext, *, enable_sign_in: Callable[[SignInSettings], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Switching sign-in on from a window nobody signed into first asks a 管理者 to sign in (window.py).
        self.enable_sign_in = enable_sign_in
        self.child: PasswordDialog | None = None
        self.setWindowTitle(_("利用者と権限"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("利用者名"), _("役割"), _("状態")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(_("追加(&A)…"))
        self.disable_button = QPushButton(_("無効にする(&D)"))
        self.enable_button = QPushButton(_("有効に戻す(&E)"))
        self.reset_button = QPushButton(_("パスワード再設定(&R)…"))
        self.add_button.clicked.connect(self.open_add)
        self.disable_button.clicked.connect(lambda: self.set_disabled(True))
        self.enable_button.clicked.connect(lambda: self.set_disabled(False))
        self.reset_button.clicked.connect(self.open_reset)
        row = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.enable_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        settings_box = QGroupBox(_("サインイン"))
        self.enabled_check = QCheckBox(_("サインインを使う（利用者ごとに役割で操作を分ける）"))
        self.idle_spin, self.attempts_spin, self.lockout_spin = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, (low, high), suffix in ((self.idle_spin, IDLE_MINUTES_RANGE, _(" 分")),
                                          (self.attempts_spin, LOCKOUT_ATTEMPTS_RANGE, _(" 回")),
                                          (self.lockout_spin, LOCKOUT_MINUTES_RANGE, _(" 分"))):
            spin.setRange(low, high)
            spin.setSuffix(suffix)
        form = QFormLayout(settings_box)
        form.addRow(self.enabled_check)
        form.addRow(_("操作がないとき画面をロックするまで"), self.idle_spin)
        form.addRow(_("続けて誤るとロックする回数"), self.attempts_spin)
        form.addRow(_("ロックする時間"), self.lockout_spin)
        self.save_button = QPushButton(_("サインインの設定を保存(&S)"))
        self.save_button.clicked.connect(self.save_settings)
        form.addRow(self.save_button)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(settings_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()
        self.resize(620, 520)

    def reload(self) -> None:
        rows = self.context.read(list_users)
        settings = self.context.read(get_sign_in_settings)
        now = datetime.now(UTC)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate((row.name, row.role.label, _state(row, now))):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self.enabled_check.setChecked(settings.enabled)
        self.idle_spin.setValue(settings.idle_minutes)
        self.attempts_spin.setValue(settings.lockout_attempts)
        self.lockout_spin.setValue(settings.lockout_minutes)

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        item = self.table.item(items[0].row(), 0) if items else None
        return item.text() if item is not None else None

    def run(self, action: Callable[..., object], **kwargs: object) -> bool:
        try:
            self.context.run(action, **kwargs)  # type: ignore[arg-type]
        except ValidationError as error:
            self.message.setText("\n".join(p.message for p in error.problems))
            return False
        except AccessDeniedError as error:
            self.message.setText(str(error))
            return False
        self.message.clear()
        self.reload()
        return True

    def set_disabled(self, disabled: bool) -> bool:
        name = self.selected_name()
        return name is not None and self.run(set_user_disabled, name=name, disabled=disabled)

    def open_add(self) -> PasswordDialog:
        def submit(name: str, role: Role, password: str) -> None:
            self.context.run(add_user, name=name, role=role, password=password)
            self.reload()

        self.child = PasswordDialog(submit, parent=self)
        self.child.open()
        return self.child

    def open_reset(self) -> PasswordDialog | None:
        name = self.selected_name()
        if name is None:
            return None

        def submit(name: str, _role: Role, password: str) -> None:
            self.context.run(reset_password, name=name, password=password)
            self.reload()

        self.child = PasswordDialog(submit, name=name, parent=self)
        self.child.open()
        return self.child

    def settings(self) -> SignInSettings:
        return SignInSettings(self.enabled_check.isChecked(), self.idle_spin.value(), self.attempts_spin.value(),
                              self.lockout_spin.value())

    def save_settings(self) -> bool:
        settings = self.settings()
        if settings.enabled and not self.context.read(get_sign_in_settings).enabled and self.enable_sign_in:
            return self.enable_sign_in(settings)
        return self.run(save_sign_in_settings, settings=settings)


def acting_principal_text(principal: Principal) -> str:
    """The status bar's words for who acts."""
    if not principal.signed_in:
        return _("利用者: {name}（サインインなし）").format(name=principal.name)
    return _("利用者: {name}（{role}）").format(name=principal.name, role=principal.role.label)
