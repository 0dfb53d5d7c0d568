"""Signing in on the command line: which verbs need whom, and `--user NAME` with a password.

While the office's sign-in is off nothing is asked (the OS user acts). While it is on, a verb
that reads personal data or writes needs `--user` and a password (prompt, or
`--password-file F`); the verb then runs inside `acting_as(principal)`, so its office's
sessions carry the user for the guards and the audit trail.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from contextvars import Token
from pathlib import Path

from desktop.domain.access import Principal, Role
from desktop.i18n import _

# The store (SQLAlchemy, the models) is imported only when a verb needs it: cli.py imports this
# module on every start, the window's included.

# The role each verb needs while sign-in is on; verbs not named need no sign-in: `demo` makes a
# new file, `check` and `backups` print no personal data and write nothing, `verify`,
# `aggregate` and `prefecture` read exchange files, not the office.
VERB_ROLES: dict[str, Role] = {
    "claim": Role.VIEWER, "orgs": Role.VIEWER, "due": Role.VIEWER, "print": Role.VIEWER, "carry-outs": Role.VIEWER,
    "import": Role.EDITOR, "export": Role.EDITOR, "backup": Role.EDITOR,
    "restore": Role.ADMIN, "users": Role.ADMIN,
}
NO_SIGN_IN = frozenset({"demo", "check", "backups", "verify", "aggregate", "prefecture"})


def add_sign_in_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=argparse.SUPPRESS,
                        help=_("利用者名（事務ファイルのサインインが有効なとき）"))
    parser.add_argument("--password-file", type=Path, default=argparse.SUPPRESS,
                        help=_("--user のパスワードを1行目に書いたファイル（省略すると入力を求めます）"))


def read_secret_file(path: Path) -> str:
    """The first line of the file without its line ending; raises AccessDeniedError with the reason."""
    from desktop.store.access import AccessDeniedError

    try:
        text = path.expanduser().read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise AccessDeniedError(_("パスワードのファイル「{path}」を読めません（{error}）").format(
            path=path, error=getattr(error, "strerror", None) or error)) from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise AccessDeniedError(_("パスワードのファイル「{path}」が空です").format(path=path))
    return lines[0]


def prompt_secret(prompt: str) -> str:
    """Asks on the terminal without echo; with no terminal (a script) nothing can be typed."""
    from desktop.store.access import AccessDeniedError

    if not sys.stdin.isatty():
        raise AccessDeniedError(_("端末がないためパスワードを入力できません。--password-file でファイルを指定してください。"))
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise AccessDeniedError(_("パスワードが入力されませんでした。")) from None


def sign_in(db: Path, name: str, password: str) -> Principal:
    """One attempt against the office file, committed (a failure counts towards the lock-out)."""
    from desktop.store.access import AccessDeniedError
    from desktop.store.db import open_office
    from desktop.store.services.users import authenticate

    with open_office(db, create=False, take_backup=False, check=False) as office, \
            office.transaction() as session:
        outcome = authenticate(session, name=name, password=password)
    if outcome.principal is None:
        raise AccessDeniedError(outcome.message)
    return outcome.principal


def sign_in_for_verb(args: argparse.Namespace, db: Path) -> Token[Principal | None] | None:
    """Signs the verb's user in when the office needs it; the caller ends it with `end_sign_in`.
    Raises AccessDeniedError (an OfficeError: the CLI prints it and exits 1)."""
    from desktop.store import acting
    from desktop.store.access import (
        AccessDeniedError,
        SignInRequiredError,
        denied_message,
        sign_in_enabled_in_file,
    )

    needed = VERB_ROLES.get(args.verb or "")
    if needed is None or (args.verb == "import" and getattr(args, "template", False)):
        return None
    path = db.expanduser()
    if not path.is_file() or not sign_in_enabled_in_file(path):
        return None  # sign-in off, or no office: the verb gives its own message
    if args.verb == "users" and args.users_action == "add" and not _has_users(path):
        return None  # nobody to sign in as: the first user (a 管理者) may be added (services/users.py)
    name = getattr(args, "user", None)
    if not name:
        raise SignInRequiredError(_(
            "この事務ファイルはサインインが必要です。--user 利用者名 を付けて、パスワードを入力するか "
            "--password-file で指定してください。"))
    password_file = getattr(args, "password_file", None)
    password = read_secret_file(password_file) if password_file else prompt_secret(
        _("{name} のパスワード: ").format(name=name))
    principal = sign_in(path, name, password)
    if not principal.role.allows(needed):
        raise AccessDeniedError(denied_message(principal, needed))
    return acting.enter(principal)


def _has_users(path: Path) -> bool:
    import sqlite3
    from contextlib import closing

    from desktop.store.read_only import connect_read_only

    try:
        with closing(connect_read_only(path)) as conn:
            return bool(conn.execute("SELECT count(*) FROM users").fetchone()[0])
    except sqlite3.Error:
        return True  # unreadable, or an older file: ask for a sign-in as usual


def end_sign_in(token: Token[Principal | None] | None) -> None:
    if token is not None:
        from desktop.store import acting

        acting.leave(token)
