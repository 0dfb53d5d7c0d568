"""The agreements import as the shared import dialog shows it."""

from __future__ import annotations

from desktop.i18n import N_, _
from desktop.importing.tabular import Table
from desktop.importing.templates import AGREEMENT_COLUMNS, AGREEMENT_EXAMPLE
from desktop.store.services.agreement_import import import_agreements, preview_agreements
from desktop.store.services.change import Change
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportSpec, PreviewResult


def _preview(context: AppContext, table: Table, _create: bool) -> PreviewResult:
    preview = context.read(preview_agreements, table=table)
    return PreviewResult(preview.problems, _("{count}件の協約を取り込めます").format(count=len(preview.drafts)))


def _run(context: AppContext, table: Table, _confirmed: bool, _create: bool, _source: str) -> Change:
    return context.write(import_agreements, table=table)


AGREEMENT_IMPORT = ImportSpec(
    title=N_("連携協約の取込"), template_name=N_("連携協約テンプレート"), columns=AGREEMENT_COLUMNS,
    example=AGREEMENT_EXAMPLE, preview=_preview, run=_run,
)
