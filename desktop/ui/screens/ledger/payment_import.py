"""The 負担金 import as the shared import dialog shows it."""

from __future__ import annotations

from desktop.domain.yen import format_yen
from desktop.i18n import N_, _
from desktop.importing.tabular import Table
from desktop.importing.templates import PAYMENT_COLUMNS, PAYMENT_EXAMPLE
from desktop.store.services.change import Change
from desktop.store.services.payment_import import import_payments, preview_payments
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportSpec, PreviewResult


def _preview(context: AppContext, table: Table, _create: bool) -> PreviewResult:
    preview = context.read(preview_payments, table=table)
    return PreviewResult(preview.problems, _("{count}行（合計 {total}）を取り込めます").format(
        count=preview.count, total=format_yen(preview.total_yen)))


def _run(context: AppContext, table: Table, confirmed: bool, _create: bool, source: str) -> Change:
    return context.write(import_payments, table=table, confirmed=confirmed, source=source)


PAYMENT_IMPORT = ImportSpec(
    title=N_("負担金の取込"), template_name=N_("負担金テンプレート"), columns=PAYMENT_COLUMNS,
    example=PAYMENT_EXAMPLE, preview=_preview, run=_run,
)
