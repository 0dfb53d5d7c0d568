"""The navigation entries: only screens that work are listed here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.i18n import N_

if TYPE_CHECKING:
    from desktop.ui.common.context import AppContext


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: str  # msgid; translated where shown
    factory: Callable[[AppContext], QWidget]


def _town_profile(context: AppContext) -> QWidget:
    from desktop.ui.screens.town_profile.screen import TownProfileScreen

    return TownProfileScreen(context)


def _audit_log(context: AppContext) -> QWidget:
    from desktop.ui.screens.audit_log.screen import AuditLogScreen

    return AuditLogScreen(context)


def _agreements(context: AppContext) -> QWidget:
    from desktop.ui.screens.agreements.screen import AgreementsScreen

    return AgreementsScreen(context)


def _assignments(context: AppContext) -> QWidget:
    from desktop.ui.screens.assignments.screen import AssignmentsScreen

    return AssignmentsScreen(context)


def _fields(context: AppContext) -> QWidget:
    from desktop.ui.screens.fields.screen import FieldsScreen

    return FieldsScreen(context)


def _ledger(context: AppContext) -> QWidget:
    from desktop.ui.screens.ledger.screen import LedgerScreen

    return LedgerScreen(context)


def _claim(context: AppContext) -> QWidget:
    from desktop.ui.screens.claim.screen import ClaimScreen

    return ClaimScreen(context)


def _measure(context: AppContext) -> QWidget:
    from desktop.ui.screens.measure.screen import MeasureScreen

    return MeasureScreen(context)


def _organisations(context: AppContext) -> QWidget:
    from desktop.ui.screens.organisations.screen import OrganisationsScreen

    return OrganisationsScreen(context)


def _ordinance(context: AppContext) -> QWidget:
    from desktop.ui.screens.ordinance.screen import OrdinanceScreen

    return OrdinanceScreen(context)


def _forms(context: AppContext) -> QWidget:
    from desktop.ui.screens.forms.screen import FormsScreen

    return FormsScreen(context)


def _deadlines(context: AppContext) -> QWidget:
    from desktop.ui.screens.deadlines.screen import DeadlinesScreen

    return DeadlinesScreen(context)


def _carry_outs(context: AppContext) -> QWidget:
    from desktop.ui.screens.carry_outs.screen import CarryOutsScreen

    return CarryOutsScreen(context)


SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec("agreements", N_("連携協約"), _agreements),
    ScreenSpec("assignments", N_("派遣職員"), _assignments),
    ScreenSpec("ledger", N_("負担金"), _ledger),
    ScreenSpec("claim", N_("特別交付税算定"), _claim),
    ScreenSpec("forms", N_("帳票"), _forms),
    ScreenSpec("fields", N_("分野マスタ"), _fields),
    ScreenSpec("measure", N_("措置率・上限等"), _measure),
    ScreenSpec("town_profile", N_("自団体設定"), _town_profile),
    ScreenSpec("audit_log", N_("監査ログ"), _audit_log),
    ScreenSpec("organisations", N_("地域団体"), _organisations),
    ScreenSpec("ordinance", N_("条例（地域団体）"), _ordinance),
    ScreenSpec("deadlines", N_("期限"), _deadlines),
    ScreenSpec("carry_outs", N_("持出記録"), _carry_outs),
)
