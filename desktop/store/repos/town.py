"""Reading the town profile and office settings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.town import TownCategory, TownProfile
from desktop.store.models.town import Town


def get_town_profile(session: Session) -> TownProfile:
    town = session.get(Town, 1)
    if town is None:
        return TownProfile()
    return TownProfile(
        name=town.name,
        prefecture=town.prefecture,
        local_gov_code=town.local_gov_code,
        category=TownCategory(town.category),
        mayor_title=town.mayor_title,
        mayor_name=town.mayor_name,
        document_prefix=town.document_prefix,
    )
