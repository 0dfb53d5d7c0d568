"""Who may do what: the three roles, the acting principal, and the rules for names and passwords.

個人情報の保護に関する法律第66条 (安全管理措置): access is limited to the staff who need it.
Sign-in is optional; while it is off the OS user acts with every right (a one-person office).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from desktop.domain.problems import Problem
from desktop.i18n import N_, _

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
MAX_NAME_LENGTH = 60
DEFAULT_IDLE_MINUTES = 10
DEFAULT_LOCKOUT_ATTEMPTS = 5
DEFAULT_LOCKOUT_MINUTES = 15
IDLE_MINUTES_RANGE = (1, 480)
LOCKOUT_ATTEMPTS_RANGE = (1, 100)
LOCKOUT_MINUTES_RANGE = (1, 1440)


class Role(Enum):
    """閲覧 (read), 担当 (read and change the records), 管理者 (also settings, users, restore,
    the measure table and the ordinance master data)."""

    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def label(self) -> str:
        return _(_LABELS[self])

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank

    @classmethod
    def parse(cls, text: str) -> Role:
        """'viewer', 'editor', 'admin' or the Japanese label (閲覧, 担当, 管理者); ValueError otherwise."""
        cleaned = text.strip()
        for role in cls:
            if cleaned.lower() == role.value or cleaned == _LABELS[role] or cleaned == role.label:
                return role
        raise ValueError(_("役割は viewer（閲覧）、editor（担当）、admin（管理者）のどれかで指定してください: {text}").format(
            text=text))


_RANKS = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}
_LABELS = {Role.VIEWER: N_("閲覧"), Role.EDITOR: N_("担当"), Role.ADMIN: N_("管理者")}


@dataclass(frozen=True)
class Principal:
    """Who acts: a signed-in user with a role, or (signed_in False) the OS user while sign-in is off."""

    name: str
    role: Role
    signed_in: bool = True


@dataclass(frozen=True)
class SignInSettings:
    """Office-wide sign-in settings (kept in the office file, changed by an administrator)."""

    enabled: bool = False
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    lockout_attempts: int = DEFAULT_LOCKOUT_ATTEMPTS
    lockout_minutes: int = DEFAULT_LOCKOUT_MINUTES


def settings_problems(settings: SignInSettings) -> list[Problem]:
    problems = []
    for field, value, (low, high) in (("idle_minutes", settings.idle_minutes, IDLE_MINUTES_RANGE),
                                      ("lockout_attempts", settings.lockout_attempts, LOCKOUT_ATTEMPTS_RANGE),
                                      ("lockout_minutes", settings.lockout_minutes, LOCKOUT_MINUTES_RANGE)):
        if not low <= value <= high:
            problems.append(Problem(field, _("{low}から{high}までの数を入れてください").format(low=low, high=high)))
    return problems


def name_problems(name: str) -> list[Problem]:
    """A user name is stored as typed (no NFKC); it may not be empty, too long or hold control characters."""
    if not name.strip():
        return [Problem("name", _("利用者名を入れてください"))]
    if len(name) > MAX_NAME_LENGTH:
        return [Problem("name", _("利用者名は{count}文字以内にしてください").format(count=MAX_NAME_LENGTH))]
    if name != name.strip() or any(ord(c) < 32 or ord(c) == 127 for c in name):
        return [Problem("name", _("利用者名の前後の空白や制御文字は使えません"))]
    return []


def password_problems(password: str) -> list[Problem]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [Problem("password", _("パスワードは{count}文字以上にしてください").format(count=MIN_PASSWORD_LENGTH))]
    if len(password) > MAX_PASSWORD_LENGTH:
        return [Problem("password", _("パスワードは{count}文字以内にしてください").format(count=MAX_PASSWORD_LENGTH))]
    if not password.strip() or "\x00" in password:
        return [Problem("password", _("空白だけのパスワードや制御文字は使えません"))]
    return []


def lockout_after_failure(failed_attempts: int, settings: SignInSettings, now: datetime) -> datetime | None:
    """When the account opens again after this many failures in a row; None while below the threshold."""
    if failed_attempts >= settings.lockout_attempts:
        return now + timedelta(minutes=settings.lockout_minutes)
    return None
