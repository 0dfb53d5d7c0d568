"""団体 list: paged from the repository, filtered by state, kind and area in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from desktop.domain.organisation import OrgState
from desktop.domain.wareki import format_wareki
from desktop.i18n import _, pgettext
from desktop.store.repos.organisations import (
    OrganisationRow,
    count_organisations,
    list_organisations,
)
from desktop.ui.common.context import AppContext
from desktop.ui.common.paged_table_model import Column, PagedTableModel, Query

_ENDED = (OrgState.REVOKED, OrgState.DISSOLVED, OrgState.REFUSED)


class OrganisationTableModel(PagedTableModel[OrganisationRow]):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        columns = [
            Column[OrganisationRow](pgettext("organisation", "団体名"), lambda r: r.name, "name"),
            Column[OrganisationRow](_("状態"), lambda r: r.state.label, "state"),
            Column[OrganisationRow](_("指定番号"), lambda r: r.designation_number, "designation_number"),
            Column[OrganisationRow](_("指定日"), lambda r: format_wareki(r.designated_on) if r.designated_on else "", "designated_on"),
            Column[OrganisationRow](_("種別"), lambda r: r.kind.label, "kind"),
            Column[OrganisationRow](_("活動区域"), lambda r: r.area, "area"),
            Column[OrganisationRow](_("代表者"), lambda r: r.representative),
            Column[OrganisationRow](_("構成員"), lambda r: str(r.member_count), "member_count", align_right=True),
        ]

        def options(query: Query) -> dict[str, Any]:
            return {"text": query.text, "state": query.option("state"), "kind": query.option("kind"),
                    "area": query.option("area")}

        def fetch(query: Query, offset: int, limit: int) -> list[OrganisationRow]:
            return context.read(list_organisations, sort_key=query.sort_key, descending=query.descending,
                                offset=offset, limit=limit, **options(query))

        def count(query: Query) -> int:
            return context.read(count_organisations, **options(query))

        super().__init__(columns, fetch, count, parent)

    def extra_data(self, row: OrganisationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.state in _ENDED:
            return QColor("#777777")
        if role == Qt.ItemDataRole.ForegroundRole and row.state is OrgState.UNDER_ORDER and column == 1:
            return QColor("#b00020")
        return None
