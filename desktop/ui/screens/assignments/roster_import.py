"""The roster import as the shared import dialog shows it."""

from __future__ import annotations

from desktop.i18n import N_, _
from desktop.importing.tabular import Table
from desktop.importing.templates import ROSTER_COLUMNS, ROSTER_EXAMPLE
from desktop.store.services.change import Change
from desktop.store.services.roster_import import import_roster, preview_roster
from desktop.ui.common.context import AppContext
from desktop.ui.common.import_dialog import ImportSpec, PreviewResult


def _preview(context: AppContext, table: Table, create: bool) -> PreviewResult:
    preview = context.read(preview_roster, table=table, create_posts=create)
    summary = _("{count}行を取り込めます。新しい派遣先ポスト: {posts}件、新しい職員: {staff}名").format(
        count=len(preview.lines), posts=len(preview.new_posts), staff=len(preview.new_staff))
    if preview.new_posts:
        summary += "\n" + _("作成するポスト: {posts}").format(posts="、".join(preview.new_posts))
    creatable = [label + preview.post_hints.get(label, "") for label in preview.unknown_posts]
    return PreviewResult(preview.problems, summary, creatable=creatable, created=preview.new_posts)


def _run(context: AppContext, table: Table, confirmed: bool, create: bool, source: str) -> Change:
    return context.write(import_roster, table=table, confirmed=confirmed, create_posts=create, source=source)


ROSTER_IMPORT = ImportSpec(
    title=N_("派遣職員名簿の取込"), template_name=N_("派遣職員名簿テンプレート"), columns=ROSTER_COLUMNS,
    example=ROSTER_EXAMPLE, preview=_preview, run=_run,
)
