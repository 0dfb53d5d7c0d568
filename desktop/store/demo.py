"""The demo office: B町 under A県 as in the ministry's model agreement; grows as features land."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.town import TownCategory, TownProfile
from desktop.store.services.town import update_town_profile

DEMO_TOWN = TownProfile(
    name="B町",
    prefecture="A県",
    # A valid code (check digit 6) for a fictional town; real towns enter their own.
    local_gov_code="131016",
    category=TownCategory.TOWN_VILLAGE,
    mayor_title="B町長",
    mayor_name="髙﨑 𠮷太郎",
    document_prefix="B町総",
)


def build_demo_office(session: Session) -> None:
    """Fills an empty office with the demo data, through the same services a clerk uses."""
    update_town_profile(session, profile=DEMO_TOWN)
