"""Users and principals for the access tests, on real office files."""

from __future__ import annotations

from desktop.domain.access import Principal, Role, SignInSettings
from desktop.store.acting import info_for
from desktop.store.db import Office
from desktop.store.services.users import add_user, save_sign_in_settings

PASSWORDS = {"kanri": "kanri-pass-1", "tantou": "tantou-pass-1", "etsuran": "etsuran-pass-1"}
ROLES = {"kanri": Role.ADMIN, "tantou": Role.EDITOR, "etsuran": Role.VIEWER}


def add_users_and_sign_in(office: Office, *, enabled: bool = True) -> None:
    """管理者 kanri (the first user), 担当 tantou and 閲覧 etsuran; sign-in switched on."""
    for name, role in ROLES.items():
        with office.transaction() as session:
            add_user(session, name=name, role=role, password=PASSWORDS[name])
    with office.transaction() as session:
        save_sign_in_settings(session, settings=SignInSettings(enabled=enabled))


def act_as(office: Office, name: str | None) -> None:
    """Every later session of `office` acts for that user (None: nobody signed in)."""
    office.session_info = info_for(Principal(name, ROLES[name]) if name else None)
