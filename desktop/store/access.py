"""Roles enforced where the work is done: every service and every read of personal data is guarded.

A guard reads the principal from the session's info (store/acting.py). Without a signed-in
principal it reads the office's sign-in setting: off, the OS user acts with every right (a
one-person office); on, the call is refused. The window only hides what these guards refuse.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from desktop.domain.access import Principal, Role, SignInSettings
from desktop.i18n import _
from desktop.store.acting import PRINCIPAL_KEY, current_principal
from desktop.store.audit import os_user
from desktop.store.db import OfficeError
from desktop.store.models.town import OfficeSetting
from desktop.store.read_only import connect_read_only, quick_check

P = ParamSpec("P")
R = TypeVar("R")

# What a guarded function needs: a Role, or OPEN for the few that anyone may call (signing in).
ACCESS_ATTR = "renkei_required_role"
OPEN = "open"

ENABLED_KEY = "sign_in.enabled"
IDLE_MINUTES_KEY = "sign_in.idle_minutes"
LOCKOUT_ATTEMPTS_KEY = "sign_in.lockout_attempts"
LOCKOUT_MINUTES_KEY = "sign_in.lockout_minutes"


class AccessDeniedError(OfficeError):
    """The acting user may not do this (or nobody is signed in); the message is for the clerk.

    An OfficeError, so the CLI prints it and exits 1 and the window shows it as a message."""


class SignInRequiredError(AccessDeniedError):
    """Sign-in is on and nobody is signed in."""


def _number(session: Session, key: str, default: int) -> int:
    row = session.get(OfficeSetting, key)
    return int(row.value) if row is not None and row.value.isdigit() and int(row.value) > 0 else default


def get_sign_in_settings(session: Session) -> SignInSettings:
    """The office's sign-in settings, each default while never set (sign-in off)."""
    defaults = SignInSettings()
    row = session.get(OfficeSetting, ENABLED_KEY)
    return SignInSettings(
        enabled=row is not None and row.value == "1",
        idle_minutes=_number(session, IDLE_MINUTES_KEY, defaults.idle_minutes),
        lockout_attempts=_number(session, LOCKOUT_ATTEMPTS_KEY, defaults.lockout_attempts),
        lockout_minutes=_number(session, LOCKOUT_MINUTES_KEY, defaults.lockout_minutes),
    )


def sign_in_enabled(session: Session) -> bool:
    row = session.get(OfficeSetting, ENABLED_KEY)
    return row is not None and row.value == "1"


def sign_in_enabled_in_file(path: Path) -> bool:
    """Read without writing anything beside the file; a file that cannot be read says False
    (it protects nothing then, and its recovery must stay possible)."""
    try:
        with closing(connect_read_only(path)) as conn:
            row = conn.execute("SELECT value FROM office_setting WHERE key = ?", (ENABLED_KEY,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "1"


def _damaged(path: Path) -> bool:
    """A file failing its check is being recovered (the window offers a backup at start, before any
    sign-in): its users cannot be trusted, and refusing would leave the office unrecoverable."""
    try:
        return quick_check(path) != "ok"
    except sqlite3.Error:
        return True


def os_principal() -> Principal:
    """The OS user while sign-in is off: every right (one person, one PC)."""
    return Principal(os_user(), Role.ADMIN, signed_in=False)


def sign_in_required_message() -> str:
    return _("この事務ファイルはサインインが必要です。サインインしてから操作してください。")


def denied_message(principal: Principal, needed: Role) -> str:
    return _("{name}さん（{role}）には、この操作の権限がありません（{needed}以上の役割が必要です）。").format(
        name=principal.name, role=principal.role.label, needed=needed.label)


def principal_of(session: Session) -> Principal:
    """Who acts in this session; raises SignInRequiredError when sign-in is on and nobody signed in."""
    principal = session.info.get(PRINCIPAL_KEY) or current_principal()
    if isinstance(principal, Principal) and principal.signed_in:
        return principal
    if sign_in_enabled(session):
        raise SignInRequiredError(sign_in_required_message())
    return os_principal()


def require(session: Session, role: Role) -> Principal:
    """The acting principal when it holds `role` or more; raises AccessDeniedError otherwise."""
    principal = principal_of(session)
    if not principal.role.allows(role):
        raise AccessDeniedError(denied_message(principal, role))
    return principal


def require_for_file(path: Path, role: Role) -> Principal:
    """The guard of work done on a closed office file (a restore): the principal of this
    context, checked against that file's own sign-in setting."""
    principal = current_principal()
    if principal is None or not principal.signed_in:
        if sign_in_enabled_in_file(path) and not _damaged(path):
            raise SignInRequiredError(sign_in_required_message())
        principal = os_principal()
    if not principal.role.allows(role):
        raise AccessDeniedError(denied_message(principal, role))
    return principal


def requires(role: Role) -> Callable[[Callable[Concatenate[Session, P], R]], Callable[Concatenate[Session, P], R]]:
    """Decorates a service or repository function whose first argument is the session."""
    def decorate(function: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Session, P], R]:
        @functools.wraps(function)
        def guarded(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
            require(session, role)
            return function(session, *args, **kwargs)

        setattr(guarded, ACCESS_ATTR, role)
        return guarded
    return decorate


# The three guards every service and personal-data read carries (tests/store/test_access_guards.py
# fails for a public service without one).
reads_personal_data = requires(Role.VIEWER)
writes = requires(Role.EDITOR)
admin_only = requires(Role.ADMIN)


def open_to_all(function: Callable[P, R]) -> Callable[P, R]:
    """Marks a service anyone may call on purpose (signing in): it is guarded by its own rules."""
    setattr(function, ACCESS_ATTR, OPEN)
    return function


def required_role(function: object) -> Role | str | None:
    """What a function's guard asks for (a Role or OPEN); None for an unguarded function."""
    value = getattr(function, ACCESS_ATTR, None)
    return value if isinstance(value, Role) or value == OPEN else None
