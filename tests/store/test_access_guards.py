"""Every service is called with each role: a new service without a guard fails here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import desktop.store.repos
import desktop.store.services
from desktop.domain.access import Principal, Role
from desktop.store import access
from desktop.store.acting import info_for
from desktop.store.db import Office, open_office
from tests.store.access_helpers import add_users_and_sign_in


def _public_functions(package: Any) -> Iterator[tuple[str, Callable[..., Any]]]:
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        for name, value in vars(module).items():
            if (inspect.isfunction(value) and not name.startswith("_") and value.__module__ == module.__name__
                    and next(iter(inspect.signature(value).parameters), None) == "session"):
                yield f"{module_info.name}.{name}", value


SERVICES = dict(_public_functions(desktop.store.services))
GUARDED_READS = {name: f for name, f in _public_functions(desktop.store.repos) if access.required_role(f) is not None}

ADMIN_ONLY = {
    "backup_settings.save_backup_settings", "claims.save_measure_parameters", "grant_calendar.update_grant_calendar",
    "import_limits.set_import_amount_limit", "ordinance.update_ordinance_title", "ordinance.save_ordinance_item",
    "town.update_town_profile", "users.set_user_disabled", "users.reset_password", "users.save_sign_in_settings",
}
# Signing in, and adding the very first user (who becomes 管理者), need no role: they check their own rules.
OPEN = {"users.authenticate", "users.add_user"}
# A view or a printout with personal data is a read that anyone who may read records (and it must).
READS = {"backup_settings.get_backup_settings", "access_log.record_view", "carry_out.record_carry_out"}


@pytest.fixture(scope="module")
def signed_office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    office = open_office(tmp_path_factory.mktemp("guards") / "office.renkei")
    add_users_and_sign_in(office)
    yield office
    office.close()


def test_every_service_declares_who_may_call_it() -> None:
    assert len(SERVICES) > 50
    unguarded = sorted(name for name, f in SERVICES.items() if access.required_role(f) is None)
    assert unguarded == []
    declared = {name: access.required_role(f) for name, f in SERVICES.items()}
    assert {n for n, r in declared.items() if r is Role.ADMIN} == ADMIN_ONLY
    assert {n for n, r in declared.items() if r == access.OPEN} == OPEN
    assert {n for n, r in declared.items() if r is Role.VIEWER} == READS


# add_user checks its caller after it knows whether users exist: it gets real arguments.
ARGUMENTS: dict[str, dict[str, Any]] = {"users.add_user": {"name": "新人", "role": Role.EDITOR, "password": "new-user-pass"}}


def _call(office: Office, function: Callable[..., Any], principal: Principal | None) -> BaseException | None:
    """Calls with no arguments but the session: the guard answers before any argument is read.
    The session is never committed."""
    office.session_info = info_for(principal)
    name = next((n for n, f in SERVICES.items() if f is function), "")
    try:
        with office.reader() as session:
            function(session, **ARGUMENTS.get(name, {}))
    except BaseException as error:  # what the call raised, judged by the test
        return error
    return None


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("name", sorted(SERVICES))
def test_each_service_refuses_exactly_the_roles_below_its_own(signed_office: Office, name: str, role: Role) -> None:
    function = SERVICES[name]
    needed = access.required_role(function)
    raised = _call(signed_office, function, Principal("someone", role))
    if name == "users.add_user":  # open only while an office has no user at all
        needed = Role.ADMIN
    if needed == access.OPEN or role.allows(needed):  # type: ignore[arg-type]
        assert not isinstance(raised, access.AccessDeniedError)
    else:
        assert isinstance(raised, access.AccessDeniedError) and needed.label in str(raised)  # type: ignore[union-attr]


@pytest.mark.parametrize("name", sorted(set(SERVICES) - {"users.authenticate"}))
def test_with_sign_in_on_nobody_signed_in_may_call_a_service(signed_office: Office, name: str) -> None:
    raised = _call(signed_office, SERVICES[name], None)
    if name == "users.add_user":  # there are users: adding one needs 管理者
        assert isinstance(raised, access.AccessDeniedError)
    else:
        assert isinstance(raised, access.SignInRequiredError)


@pytest.mark.parametrize("name", sorted(GUARDED_READS))
def test_personal_data_reads_need_a_signed_in_user(signed_office: Office, name: str) -> None:
    function = GUARDED_READS[name]
    assert isinstance(_call(signed_office, function, None), access.SignInRequiredError)
    needed = access.required_role(function)
    assert isinstance(needed, Role)
    for role in Role:
        raised = _call(signed_office, function, Principal("someone", role))
        assert isinstance(raised, access.AccessDeniedError) == (not role.allows(needed))


def test_the_personal_data_reads_are_guarded() -> None:
    for expected in ("staffing.list_assignments", "staffing.get_assignment", "ledger.list_ledger",
                     "organisations.get_organisation", "claims.get_claim", "audit.list_audit_entries",
                     "exchange_data.list_exchange_staff", "users.list_users",
                     "carry_out.list_carry_outs"):
        assert expected in GUARDED_READS


def test_with_sign_in_off_the_os_user_passes_every_guard(tmp_path: Path) -> None:
    with open_office(tmp_path / "office.renkei") as office:
        for name, function in {**SERVICES, **GUARDED_READS}.items():
            raised = _call(office, function, None)
            assert not isinstance(raised, access.AccessDeniedError), name
