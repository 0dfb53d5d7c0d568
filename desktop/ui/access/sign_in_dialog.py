"""The sign-in dialog: name and password, the reason a sign-in failed (a lock-out says until when).

Used at start (before the main window shows any data), to unlock the window after the idle
time (the name is then fixed), and by the administrator switching sign-in on (管理者 only).
Each attempt is one `authenticate` transaction, so failures count towards the lock-out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.access import Principal, Role
from desktop.i18n import _
from desktop.store.db import Office
from desktop.store.services.users import authenticate


class SignInDialog(QDialog):
    """`principal` holds who signed in once the dialog is accepted."""

    def __init__(self, office: Office, *, name: str = "", intro: str = "", needed: Role = Role.VIEWER,
                 quit_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.needed = needed
        self.principal: Principal | None = None
        self.setWindowTitle(_("連携デスク — サインイン"))
        self.intro = QLabel(intro or _("事務ファイル「{file}」を開くにはサインインしてください。").format(
            file=office.path.name))
        self.intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setReadOnly(bool(name))
        self.name_edit.setMaxLength(60)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(_("利用者名(&N)"), self.name_edit)
        form.addRow(_("パスワード(&P)"), self.password_edit)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(_("サインイン"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(quit_text or _("終了"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password_edit if name else self.name_edit).setFocus()
        self.resize(520, 200)

    def try_sign_in(self) -> bool:
        """One attempt; accepts the dialog on success, else shows why and clears the password."""
        name, password = self.name_edit.text(), self.password_edit.text()
        self.password_edit.clear()
        if not name.strip() or not password:
            self.message.setText(_("利用者名とパスワードを入れてください"))
            return False
        with self.office.transaction() as session:
            outcome = authenticate(session, name=name, password=password)
        if outcome.principal is None:
            self.message.setText(outcome.message)
            self.password_edit.setFocus()
            return False
        if not outcome.principal.role.allows(self.needed):
            self.message.setText(_("{role}の利用者でサインインしてください").format(role=self.needed.label))
            return False
        self.principal = outcome.principal
        self.accept()
        return True
