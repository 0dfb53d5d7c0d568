"""Who acts in the sessions of an office: what every session's `info` carries.

`db.Office` copies `session_info()` of the context it was opened in (the CLI signs in, then
runs its verb inside `acting_as(principal)`); the window sets `office.session_info` after its
sign-in dialog. The audit trail names `info[ACTING_USER_KEY]` (store/audit.py) and the guards
of store/access.py read `info[PRINCIPAL_KEY]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

from desktop.domain.access import Principal
from desktop.store.audit import ACTING_USER_KEY

PRINCIPAL_KEY = "renkei_principal"

_ACTING: ContextVar[Principal | None] = ContextVar("renkei_acting_principal", default=None)


def info_for(principal: Principal | None) -> dict[str, object]:
    """The session info naming `principal`; empty (the OS user, sign-in off) for None or an unsigned one."""
    if principal is None:
        return {}
    info: dict[str, object] = {PRINCIPAL_KEY: principal}
    if principal.signed_in:
        info[ACTING_USER_KEY] = principal.name
    return info


def current_principal() -> Principal | None:
    """The principal of this context (set by `acting_as`), None outside one."""
    return _ACTING.get()


def session_info() -> dict[str, object]:
    """What sessions of an office opened now carry: see `db.Office.session_info`."""
    return info_for(_ACTING.get())


def enter(principal: Principal | None) -> Token[Principal | None]:
    """From now on this context acts for `principal`, until `leave(token)`."""
    return _ACTING.set(principal)


def leave(token: Token[Principal | None]) -> None:
    _ACTING.reset(token)


@contextmanager
def acting_as(principal: Principal | None) -> Iterator[None]:
    """Offices opened (and restores done) inside this block act for `principal`."""
    token = enter(principal)
    try:
        yield
    finally:
        leave(token)


def principal_in(info: dict[str, object]) -> Principal | None:
    """The principal a session info (or an office's `session_info`) names, if any."""
    principal = info.get(PRINCIPAL_KEY)
    return principal if isinstance(principal, Principal) else None
