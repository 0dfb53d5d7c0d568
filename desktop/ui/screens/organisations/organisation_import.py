"""The organisations import as the shared import dialog shows it."""

from __future__ import annotations

from datetime import date

from desktop.i18n import N_, _
from desktop.importing.tabular import Table
from desktop.importing.templates import ORGANISATION_COLUMNS, ORGANISATION_EXAMPLE
from desktop.store.services.change import Change
from desktop.store.services.organisation_import import import_organisations, preview_organisations
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportSpec, PreviewResult


def _preview(context: AppContext, table: Table, _create: bool) -> PreviewResult:
    preview = context.read(preview_organisations, table=table)
    return PreviewResult(preview.problems, _("{count}団体を登録できます（未申請として登録します）").format(
        count=preview.count))


def _run(context: AppContext, table: Table, _confirmed: bool, _create: bool, _source: str) -> Change:
    return context.write(import_organisations, table=table, registered_on=date.today())


ORGANISATION_IMPORT = ImportSpec(
    title=N_("地域団体の取込"), template_name=N_("地域団体テンプレート"), columns=ORGANISATION_COLUMNS,
    example=ORGANISATION_EXAMPLE, preview=_preview, run=_run,
)
