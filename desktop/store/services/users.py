"""User actions on users and sign-in: add, disable, enable, reset a password, the sign-in
settings, and signing in itself (with lock-out after repeated failures).

A password is only ever hashed (store/passwords.py); audit entries name the user and what
changed, never a password or its hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.access import (
    Principal,
    Role,
    SignInSettings,
    lockout_after_failure,
    name_problems,
    password_problems,
    settings_problems,
)
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import (
    ENABLED_KEY,
    IDLE_MINUTES_KEY,
    LOCKOUT_ATTEMPTS_KEY,
    LOCKOUT_MINUTES_KEY,
    admin_only,
    get_sign_in_settings,
    open_to_all,
    principal_of,
    require,
)
from desktop.store.models.user import User
from desktop.store.passwords import hash_password, needs_rehash, verify_password
from desktop.store.services.change import Change
from desktop.store.setting_rows import write_settings


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise ValidationError.single("name", _("利用者「{name}」は登録されていません").format(name=name))
    return user


def _image(user: User) -> dict[str, object]:
    return {"name": user.name, "role": user.role, "disabled": user.disabled}


def _enabled_admins(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMIN.value, User.disabled.is_(False))) or 0)


@open_to_all
def add_user(session: Session, *, name: str, role: Role, password: str) -> Change:
    """Adds a user; the first user of an office is always 管理者. Needs 管理者, except for that
    first user (an office with no users has nobody to ask). Raises ValidationError."""
    first = not session.scalar(select(func.count()).select_from(User))
    if not first:
        require(session, Role.ADMIN)
    problems = name_problems(name) + password_problems(password)
    if not problems and session.scalar(select(User.id).where(User.name == name)) is not None:
        problems.append(Problem("name", _("利用者「{name}」はすでに登録されています").format(name=name)))
    if problems:
        raise ValidationError(problems)
    stamp = _stamp(_now())
    user = User(name=name, role=(Role.ADMIN if first else role).value, password_hash=hash_password(password),
                disabled=False, failed_attempts=0, locked_until=None, created_at=stamp, changed_at=stamp)
    session.add(user)
    session.flush()
    audit.record(session, entity="user", entity_id=user.id, action="create", after=_image(user),
                 summary=_("利用者を追加 {name}（{role}）").format(name=name, role=Role(user.role).label))
    return Change("user", "create", (user.id,))


@admin_only
def set_user_disabled(session: Session, *, name: str, disabled: bool) -> Change:
    """Disables (or enables again) a user. Refuses to disable oneself, and the last enabled
    管理者 while sign-in is on (nobody could manage the office then)."""
    user = _user(session, name)
    before = _image(user)
    if disabled and not user.disabled:
        if principal_of(session).signed_in and principal_of(session).name == name:
            raise ValidationError.single("name", _("サインインしている自分自身は無効にできません"))
        if (user.role == Role.ADMIN.value and _enabled_admins(session) <= 1
                and get_sign_in_settings(session).enabled):
            raise ValidationError.single("name", _(
                "有効な管理者が{name}さんだけのため無効にできません（先に別の管理者を追加するか、サインインを無効にしてください）").format(
                name=name))
    if user.disabled == disabled:
        return Change("user", "update", (user.id,), count=0)
    user.disabled = disabled
    user.changed_at = _stamp(_now())
    session.flush()
    audit.record(session, entity="user", entity_id=user.id, action="disable" if disabled else "enable",
                 before=before, after=_image(user),
                 summary=(_("利用者を無効化 {name}") if disabled else _("利用者を有効化 {name}")).format(name=name))
    return Change("user", "update", (user.id,))


@admin_only
def reset_password(session: Session, *, name: str, password: str) -> Change:
    """Sets a new password and lifts a lock-out. Raises ValidationError."""
    user = _user(session, name)
    problems = password_problems(password)
    if problems:
        raise ValidationError(problems)
    user.password_hash = hash_password(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.changed_at = _stamp(_now())
    session.flush()
    audit.record(session, entity="user", entity_id=user.id, action="reset_password", after=_image(user),
                 summary=_("パスワードを再設定 {name}").format(name=name))
    return Change("user", "update", (user.id,))


@admin_only
def save_sign_in_settings(session: Session, *, settings: SignInSettings) -> Change:
    """Switches sign-in on or off and sets the idle lock and lock-out. Sign-in cannot be switched
    on without an enabled 管理者. Raises ValidationError."""
    problems = settings_problems(settings)
    if settings.enabled and not _enabled_admins(session):
        problems.append(Problem("enabled", _("有効な管理者がいないため、サインインを有効にできません。先に管理者を追加してください")))
    if problems:
        raise ValidationError(problems)
    before = get_sign_in_settings(session)
    write_settings(session, {ENABLED_KEY: "1" if settings.enabled else "0", IDLE_MINUTES_KEY: str(settings.idle_minutes),
                             LOCKOUT_ATTEMPTS_KEY: str(settings.lockout_attempts),
                             LOCKOUT_MINUTES_KEY: str(settings.lockout_minutes)})
    if before != settings:
        audit.record(session, entity="setting", entity_id="sign_in", action="update", before=before, after=settings,
                     summary=_("サインインの設定"))
    return Change("setting", "update")


@dataclass(frozen=True)
class SignInOutcome:
    """A sign-in attempt: the principal when it succeeded, else the clerk's message."""

    principal: Principal | None
    message: str = ""
    locked_until: datetime | None = None


def wrong_password_message() -> str:
    return _("利用者名またはパスワードが違います")


def locked_message(until: datetime) -> str:
    return _("続けて誤ったため、{until}までサインインできません").format(
        until=format_wareki_datetime(until.astimezone().replace(tzinfo=None)))


@open_to_all
def authenticate(session: Session, *, name: str, password: str, now: datetime | None = None) -> SignInOutcome:
    """One sign-in attempt, audited. Never raises for a wrong name or password: the failure
    count and lock-out must be committed by the caller, so they are returned, not raised.
    `now` is aware (UTC); tests pass it to step over a lock-out."""
    now = now or _now()
    settings = get_sign_in_settings(session)
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        verify_password(None, password)  # the same time as a known name: names are not revealed
        # The typed name is not kept: a password typed into the name field must not be logged.
        audit.record(session, entity="user", entity_id="", action="sign_in_failed", summary=_("不明な利用者名"))
        return SignInOutcome(None, wrong_password_message())
    if user.locked_until and datetime.fromisoformat(user.locked_until) > now:
        until = datetime.fromisoformat(user.locked_until)
        return SignInOutcome(None, locked_message(until), until)
    if not verify_password(user.password_hash, password):
        return _failed(session, user, settings, now)
    if user.disabled:
        audit.record(session, entity="user", entity_id=user.id, action="sign_in_failed",
                     summary=_("無効にされた利用者のサインイン {name}").format(name=user.name))
        return SignInOutcome(None, _("利用者「{name}」は無効にされています。管理者に連絡してください").format(name=name))
    user.failed_attempts = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.info[audit.ACTING_USER_KEY] = user.name
    audit.record(session, entity="user", entity_id=user.id, action="sign_in", summary=_("サインイン {name}").format(
        name=user.name))
    return SignInOutcome(Principal(user.name, Role(user.role)))


def _failed(session: Session, user: User, settings: SignInSettings, now: datetime) -> SignInOutcome:
    user.failed_attempts += 1
    until = lockout_after_failure(user.failed_attempts, settings, now)
    if until is not None:
        user.failed_attempts = 0
        user.locked_until = _stamp(until)
        audit.record(session, entity="user", entity_id=user.id, action="lock_out",
                     summary=_("サインインを{minutes}分間停止 {name}").format(minutes=settings.lockout_minutes, name=user.name))
        return SignInOutcome(None, locked_message(until), until)
    audit.record(session, entity="user", entity_id=user.id, action="sign_in_failed",
                 summary=_("サインイン失敗 {name}").format(name=user.name))
    left = settings.lockout_attempts - user.failed_attempts
    return SignInOutcome(None, wrong_password_message() + _("（あと{count}回誤ると{minutes}分間サインインできなくなります）").format(
        count=left, minutes=settings.lockout_minutes))
