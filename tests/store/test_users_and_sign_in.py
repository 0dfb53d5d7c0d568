"""Users, passwords, lock-out and the audit trail's acting user, on real office files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.access import Principal, Role, SignInSettings
from desktop.domain.agreement import AgreementDraft
from desktop.domain.expertise import FieldDraft
from desktop.domain.problems import ValidationError
from desktop.domain.town import TownProfile
from desktop.store import access
from desktop.store.acting import acting_as
from desktop.store.db import Office, open_office
from desktop.store.models.audit import AuditEntry
from desktop.store.models.user import User
from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.users import list_users
from desktop.store.restore import restore_backup
from desktop.store.services.agreements import create_agreement, save_field
from desktop.store.services.town import update_town_profile
from desktop.store.services.users import (
    add_user,
    authenticate,
    reset_password,
    save_sign_in_settings,
    set_user_disabled,
)
from tests.store.access_helpers import PASSWORDS, act_as, add_users_and_sign_in

PROFILE = TownProfile(name="髙﨑町", prefecture="A県", local_gov_code="990001", mayor_name="町長")


def test_the_first_user_is_an_administrator_whatever_role_is_asked(office: Office) -> None:
    with office.transaction() as session:
        add_user(session, name="最初", role=Role.VIEWER, password="first-pass-1")
        add_user(session, name="次", role=Role.VIEWER, password="second-pass")
    with office.reader() as session:
        rows = {row.name: row.role for row in list_users(session)}
    assert rows == {"最初": Role.ADMIN, "次": Role.VIEWER}


def test_names_and_passwords_are_checked(office: Office) -> None:
    with office.transaction() as session:
        add_user(session, name="kanri", role=Role.ADMIN, password="kanri-pass-1")
    for name, password, field in (("kanri", "another-pass", "name"), ("", "another-pass", "name"),
                                  ("新人", "short", "password"), (" 空白", "another-pass", "name")):
        with pytest.raises(ValidationError) as caught, office.transaction() as session:
            add_user(session, name=name, role=Role.EDITOR, password=password)
        assert [p.field for p in caught.value.problems] == [field]


def test_only_an_argon2_hash_is_kept_and_no_password_reaches_the_audit(office: Office, office_path: Path) -> None:
    add_users_and_sign_in(office)
    with office.transaction() as session:
        assert authenticate(session, name="kanri", password="wrong-password").principal is None
        assert authenticate(session, name="kanri", password=PASSWORDS["kanri"]).principal is not None
    with office.reader() as session:
        hashes = [u.password_hash for u in session.query(User)]
        audit_text = " ".join(e.summary + e.before_json + e.after_json for e in session.query(AuditEntry))
    assert all(h.startswith("$argon2id$") for h in hashes)
    office.close()
    raw = office_path.read_bytes()  # closing folded the WAL into the file
    for password in (*PASSWORDS.values(), "wrong-password"):
        assert password.encode() not in raw and password not in audit_text
    assert not any(h in audit_text for h in hashes)


def test_lock_out_after_repeated_failures_shows_until_when(office: Office) -> None:
    add_users_and_sign_in(office)
    now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    for attempt in range(4):
        with office.transaction() as session:
            outcome = authenticate(session, name="tantou", password="wrong-password", now=now)
        assert outcome.principal is None and f"あと{4 - attempt}回" in outcome.message
    with office.transaction() as session:
        locked = authenticate(session, name="tantou", password="wrong-password", now=now)
    assert locked.locked_until == now + timedelta(minutes=15)
    assert "令和8年11月25日" in locked.message and "までサインインできません" in locked.message
    with office.transaction() as session:  # the right password does not open a locked account
        assert authenticate(session, name="tantou", password=PASSWORDS["tantou"],
                            now=now + timedelta(minutes=14)).principal is None
    with office.transaction() as session:
        opened = authenticate(session, name="tantou", password=PASSWORDS["tantou"], now=now + timedelta(minutes=16))
    assert opened.principal == Principal("tantou", Role.EDITOR)
    with office.reader() as session:
        actions = [e.action for e in session.query(AuditEntry).filter(AuditEntry.entity == "user").order_by(AuditEntry.id)]
    assert actions.count("sign_in_failed") == 4 and actions.count("lock_out") == 1 and actions[-1] == "sign_in"


def test_the_lock_out_threshold_and_duration_are_settings(office: Office) -> None:
    add_users_and_sign_in(office)
    act_as(office, "kanri")
    with office.transaction() as session:
        save_sign_in_settings(session, settings=SignInSettings(True, 5, lockout_attempts=2, lockout_minutes=60))
    now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    with office.transaction() as session:
        authenticate(session, name="tantou", password="wrong-password", now=now)
    with office.transaction() as session:
        outcome = authenticate(session, name="tantou", password="wrong-password", now=now)
    assert outcome.locked_until == now + timedelta(minutes=60)


def test_unknown_names_and_disabled_users_cannot_sign_in(office: Office) -> None:
    add_users_and_sign_in(office)
    act_as(office, "kanri")
    with office.transaction() as session:
        set_user_disabled(session, name="tantou", disabled=True)
    with office.transaction() as session:
        unknown = authenticate(session, name="誰か", password="whatever-1")
        disabled = authenticate(session, name="tantou", password=PASSWORDS["tantou"])
    assert unknown.message == "利用者名またはパスワードが違います"
    assert disabled.principal is None and "無効" in disabled.message
    with office.reader() as session:
        last = list_audit_entries(session)[1]
    assert last.action == "sign_in_failed" and "誰か" not in last.summary + last.after_json


def test_reset_password_lifts_a_lock_out(office: Office) -> None:
    add_users_and_sign_in(office)
    now = datetime.now(UTC)
    for _attempt in range(5):
        with office.transaction() as session:
            authenticate(session, name="etsuran", password="wrong-password", now=now)
    act_as(office, "kanri")
    with office.transaction() as session:
        reset_password(session, name="etsuran", password="new-password-1")
    with office.transaction() as session:
        assert authenticate(session, name="etsuran", password="new-password-1").principal is not None


def test_sign_in_needs_an_enabled_administrator(office: Office) -> None:
    with pytest.raises(ValidationError, match="管理者"), office.transaction() as session:
        save_sign_in_settings(session, settings=SignInSettings(enabled=True))
    add_users_and_sign_in(office)
    act_as(office, "kanri")
    with pytest.raises(ValidationError, match="自分自身"), office.transaction() as session:
        set_user_disabled(session, name="kanri", disabled=True)
    act_as(office, None)
    office.session_info = access_info_for_other_admin()
    with pytest.raises(ValidationError, match="有効な管理者"), office.transaction() as session:
        set_user_disabled(session, name="kanri", disabled=True)


def access_info_for_other_admin() -> dict[str, object]:
    from desktop.store.acting import info_for

    return info_for(Principal("別の管理者", Role.ADMIN))


def test_the_audit_names_the_signed_in_user_and_the_os_user_otherwise(office: Office) -> None:
    with office.transaction() as session:
        update_town_profile(session, profile=PROFILE)
    add_users_and_sign_in(office)
    act_as(office, "kanri")
    with office.transaction() as session:
        update_town_profile(session, profile=TownProfile(**{**PROFILE.__dict__, "mayor_name": "新町長"}))
    with office.reader() as session:
        entries = [e for e in list_audit_entries(session) if e.entity == "town"]
    assert entries[0].os_user == "kanri"
    assert entries[1].os_user == access.os_user() != "kanri"


def test_a_verb_run_inside_acting_as_names_its_user(office_path: Path) -> None:
    with open_office(office_path) as office:
        add_users_and_sign_in(office)
    with acting_as(Principal("tantou", Role.EDITOR)), open_office(office_path) as office, \
            office.transaction() as session:
        save_field(session, field_id=None, draft=FieldDraft(name="用地補償", separate_measure=False))
    with open_office(office_path) as office, office.reader() as session:
        assert session.query(AuditEntry).order_by(AuditEntry.id.desc()).first().os_user == "tantou"


def test_with_sign_in_on_nobody_signed_in_is_refused_and_roles_apply(office: Office) -> None:
    add_users_and_sign_in(office)
    with pytest.raises(access.SignInRequiredError), office.transaction() as session:
        update_town_profile(session, profile=PROFILE)
    act_as(office, "etsuran")
    draft = AgreementDraft.__new__(AgreementDraft)  # never read: the guard refuses first
    with pytest.raises(access.AccessDeniedError, match="担当以上"), office.transaction() as session:
        create_agreement(session, draft=draft)
    act_as(office, "tantou")
    with pytest.raises(access.AccessDeniedError, match="管理者以上"), office.transaction() as session:
        update_town_profile(session, profile=PROFILE)
    act_as(office, "kanri")
    with office.transaction() as session:
        update_town_profile(session, profile=PROFILE)


def test_a_restore_needs_an_administrator_when_sign_in_is_on(office_path: Path) -> None:
    from desktop.store import backup

    with open_office(office_path) as office:
        add_users_and_sign_in(office)
    taken = backup.backup_office(office_path, "manual")
    with pytest.raises(access.SignInRequiredError):
        restore_backup(office_path=office_path, backup_path=taken)
    with acting_as(Principal("tantou", Role.EDITOR)), pytest.raises(access.AccessDeniedError):
        restore_backup(office_path=office_path, backup_path=taken)
    with acting_as(Principal("kanri", Role.ADMIN)):
        result = restore_backup(office_path=office_path, backup_path=taken)
    with open_office(office_path) as office, office.reader() as session:
        entry = session.get(AuditEntry, result.audit_sequence)
        assert entry is not None and entry.action == "restore" and entry.os_user == "kanri"
    assert json.loads(entry.after_json)["backup"] == str(taken)
