"""User actions on the town profile and office settings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.local_governments import parse_known_local_gov_code
from desktop.domain.problems import ValidationError
from desktop.domain.town import TownProfile, validate_town_profile
from desktop.store import audit
from desktop.store.access import admin_only
from desktop.store.models.town import Town
from desktop.store.repos.town import get_town_profile
from desktop.store.services.change import Change


@admin_only
def update_town_profile(session: Session, *, profile: TownProfile) -> Change:
    """自団体設定の保存. Raises ValidationError listing every field that is wrong."""
    problems = validate_town_profile(profile)
    if problems:
        raise ValidationError(problems)
    before = get_town_profile(session)
    town = session.get(Town, 1) or Town(id=1)
    town.name = profile.name
    town.prefecture = profile.prefecture
    town.local_gov_code = parse_known_local_gov_code(profile.local_gov_code)
    town.category = profile.category.value
    town.mayor_title = profile.mayor_title
    town.mayor_name = profile.mayor_name
    town.document_prefix = profile.document_prefix
    session.add(town)
    session.flush()
    after = get_town_profile(session)
    if after != before:
        audit.record(session, entity="town", entity_id=1, action="update", before=before, after=after,
                     summary=after.name)
    return Change("town", "update", (1,))
