"""Audits that a screen showed one person's detail (個人情報の閲覧記録), once per selection.

A screen calls `shown` whenever it fills its detail panel; a refresh after some change shows
the same record again and is not a new view, so only a change of record writes an entry.
The entry is not announced on the change bus: a view changes nothing another screen shows.
"""

from __future__ import annotations

from desktop.store.services.access_log import record_view
from desktop.ui.common.context import AppContext


class ViewLog:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.last: tuple[str, int] | None = None

    def shown(self, entity: str, entity_id: int, name: str) -> None:
        if self.last == (entity, entity_id):
            return
        self.context.write(record_view, entity=entity, entity_id=entity_id, name=name)
        self.last = (entity, entity_id)

    def cleared(self) -> None:
        """The panel shows nobody now (a new entry): the next person shown is a new view."""
        self.last = None
