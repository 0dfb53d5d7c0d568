"""`users`: the administrator's verb for users and sign-in (add, list, disable, enable, reset, sign-in).

While sign-in is on it needs `--user` of a 管理者 (commands/sign_in.py); while it is off the OS
user acts. The first user added is always 管理者.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _, pgettext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_users_verb(verbs: argparse._SubParsersAction[argparse.ArgumentParser],
                   common: Callable[[argparse.ArgumentParser], None]) -> None:
    users = verbs.add_parser("users", help=_("利用者とサインインの管理（管理者）"))
    common(users)
    actions = users.add_subparsers(dest="users_action", required=True, metavar="add|list|disable|enable|reset|sign-in")
    add = actions.add_parser("add", help=_("利用者を追加する（最初の利用者は管理者になります）"))
    add.add_argument("name", help=_("利用者名"))
    add.add_argument("--role", default=None, help=_("役割: viewer（閲覧）、editor（担当）、admin（管理者）"))
    add.add_argument("--new-password-file", type=Path, default=None,
                     help=_("新しい利用者のパスワードを1行目に書いたファイル（省略すると入力を求めます）"))
    common(add)
    common(actions.add_parser("list", help=_("利用者の一覧とサインインの設定を表示する")))
    for verb, text in (("disable", _("利用者を無効にする")), ("enable", _("無効にした利用者を有効に戻す"))):
        parser = actions.add_parser(verb, help=text)
        parser.add_argument("name", help=_("利用者名"))
        common(parser)
    reset = actions.add_parser("reset", help=_("パスワードを再設定し、ロックを解除する"))
    reset.add_argument("name", help=_("利用者名"))
    reset.add_argument("--new-password-file", type=Path, default=None,
                       help=_("新しいパスワードを1行目に書いたファイル（省略すると入力を求めます）"))
    common(reset)
    sign_in = actions.add_parser("sign-in", help=_("サインインを有効・無効にする、画面ロックとロックアウトを設定する"))
    sign_in.add_argument("state", nargs="?", choices=("on", "off"), help=_("on = 有効、off = 無効（省略すると変えない）"))
    sign_in.add_argument("--idle-minutes", type=int, default=None, help=_("操作がないとき画面をロックするまでの分数"))
    sign_in.add_argument("--lockout-attempts", type=int, default=None, help=_("続けて何回誤るとロックアウトするか"))
    sign_in.add_argument("--lockout-minutes", type=int, default=None, help=_("ロックアウトの分数"))
    common(sign_in)


def _new_password(path: Path | None) -> str:
    from desktop.commands.sign_in import prompt_secret, read_secret_file
    from desktop.store.access import AccessDeniedError

    if path is not None:
        return read_secret_file(path)
    first = prompt_secret(_("新しいパスワード: "))
    if prompt_secret(_("もう一度入力してください: ")) != first:
        raise AccessDeniedError(_("2回入力したパスワードが一致しません。"))
    return first


def run_users(args: argparse.Namespace, db: Path) -> int:
    from desktop.domain.problems import ValidationError
    from desktop.store.db import open_office

    action = args.users_action
    password = _new_password(args.new_password_file) if action in ("add", "reset") else ""
    with open_office(db, create=False, take_backup=False) as office:
        try:
            with office.transaction() as session:
                lines = _ACTIONS[action](session, args, password)
        except ValidationError as error:
            for problem in error.problems:
                print(problem.message, file=sys.stderr)
            return 1
    for line in lines:
        print(line)
    return 0


def _add(session: Session, args: argparse.Namespace, password: str) -> list[str]:
    from desktop.domain.access import Role
    from desktop.domain.problems import ValidationError
    from desktop.store.services.users import add_user

    try:
        role = Role.parse(args.role) if args.role else None
    except ValueError as error:
        raise ValidationError.single("role", str(error)) from None
    first = _user_count(session) == 0
    if role is None and not first:
        raise ValidationError.single("role", _("--role で役割を指定してください（viewer、editor、admin）"))
    add_user(session, name=args.name, role=role or Role.ADMIN, password=password)
    shown = Role.ADMIN if first else role
    assert shown is not None
    note = _("（最初の利用者は管理者になります）") if first and role not in (None, Role.ADMIN) else ""
    return [_("利用者を追加しました: {name}（{role}）").format(name=args.name, role=shown.label) + note]


def _user_count(session: Session) -> int:
    from sqlalchemy import func, select

    from desktop.store.models.user import User

    return int(session.scalar(select(func.count()).select_from(User)) or 0)


def _list(session: Session, args: argparse.Namespace, password: str) -> list[str]:
    from desktop.domain.wareki import format_wareki_datetime
    from desktop.store.access import get_sign_in_settings
    from desktop.store.repos.users import list_users

    settings = get_sign_in_settings(session)
    now = datetime.now(UTC)
    lines = [_("サインイン: {state}　画面ロック {idle}分　{attempts}回続けて誤ると{minutes}分間ロック").format(
        state=pgettext("sign-in", "有効") if settings.enabled else pgettext("sign-in", "無効"), idle=settings.idle_minutes,
        attempts=settings.lockout_attempts, minutes=settings.lockout_minutes)]
    for row in list_users(session):
        if row.disabled:
            state = pgettext("sign-in", "無効")
        elif row.locked_at(now) and row.locked_until is not None:
            state = _("ロック中（{until}まで）").format(
                until=format_wareki_datetime(row.locked_until.astimezone().replace(tzinfo=None)))
        else:
            state = pgettext("sign-in", "有効")
        lines.append("\t".join((row.name, row.role.label, state, _("変更 {at}").format(
            at=format_wareki_datetime(row.changed_at.astimezone().replace(tzinfo=None))))))
    if len(lines) == 1:
        lines.append(_("利用者はいません（users add 名前 で最初の管理者を追加します）"))
    return lines


def _disable(session: Session, args: argparse.Namespace, password: str) -> list[str]:
    from desktop.store.services.users import set_user_disabled

    set_user_disabled(session, name=args.name, disabled=args.users_action == "disable")
    if args.users_action == "disable":
        return [_("利用者を無効にしました: {name}").format(name=args.name)]
    return [_("利用者を有効に戻しました: {name}").format(name=args.name)]


def _reset(session: Session, args: argparse.Namespace, password: str) -> list[str]:
    from desktop.store.services.users import reset_password

    reset_password(session, name=args.name, password=password)
    return [_("パスワードを再設定しました: {name}").format(name=args.name)]


def _sign_in(session: Session, args: argparse.Namespace, password: str) -> list[str]:
    from dataclasses import replace

    from desktop.store.access import get_sign_in_settings
    from desktop.store.services.users import save_sign_in_settings

    settings = get_sign_in_settings(session)
    changes: dict[str, object] = {}
    if args.state:
        changes["enabled"] = args.state == "on"
    for field in ("idle_minutes", "lockout_attempts", "lockout_minutes"):
        if getattr(args, field) is not None:
            changes[field] = getattr(args, field)
    if changes:
        settings = replace(settings, **changes)  # type: ignore[arg-type]
        save_sign_in_settings(session, settings=settings)
    return [_("サインイン: {state}　画面ロック {idle}分　{attempts}回続けて誤ると{minutes}分間ロック").format(
        state=pgettext("sign-in", "有効") if settings.enabled else pgettext("sign-in", "無効"), idle=settings.idle_minutes,
        attempts=settings.lockout_attempts, minutes=settings.lockout_minutes)]


_ACTIONS: dict[str, Callable[[Session, argparse.Namespace, str], list[str]]] = {
    "add": _add, "list": _list, "disable": _disable, "enable": _disable, "reset": _reset, "sign-in": _sign_in,
}
