"""The data member (data.json) of one fiscal year, built from the office file.

Only what the prefecture uses: the claim with its lines and exclusions, agreements, posts,
the staff on them, 負担金 per post and person, and (once they exist) the designated
organisations. No readings, addresses or contacts.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop import __version__
from desktop.domain.fiscal_year import FiscalYear
from desktop.exchange.format import FORMAT_NAME, FORMAT_VERSION
from desktop.i18n import official
from desktop.store.repos.claim_snapshot import result_to_dict
from desktop.store.repos.claims import get_claim
from desktop.store.repos.exchange_data import (
    audit_position,
    earlier_export_positions,
    list_exchange_agreements,
    list_exchange_contributions,
    list_exchange_posts,
    list_exchange_staff,
)
from desktop.store.repos.organisations import registry_as_of
from desktop.store.repos.town import get_town_profile

# Official words for the codes (the file is filed in Japanese whatever the UI language).
DISPATCH_FORMS = {"act_252_17": official("自治法派遣"), "other": official("その他")}
EMPLOYMENT_TYPES = {"permanent": official("任期の定めのない常勤職員"), "fixed_term": official("任期付職員"),
                    "part_time": official("非常勤職員")}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def build_organisations(session: Session, fiscal_year: FiscalYear) -> list[dict[str, Any]]:
    """指定地域共同活動団体 (地方自治法第260条の49) designated at the end of the year (指定, or
    指定 under an improvement order), as the registry stood that day. Their number, name, kind,
    area and members only: no representative, address or contact leaves the office."""
    rows = registry_as_of(session, day=fiscal_year.end, designated_only=True)
    return [{
        "designation_number": row.designation_number,
        "name": row.draft.name,
        "kind": row.draft.kind.official_label,
        "area": row.draft.area,
        "member_count": row.draft.member_count,
        "membership": row.draft.membership.official_label,
        "state": row.state.official_label,
    } for row in rows]


def _claim(session: Session, fiscal_year: FiscalYear) -> dict[str, Any]:
    record = get_claim(session, fiscal_year)
    data = result_to_dict(record.result)
    data["status"] = record.status.value
    data["submitted_on"] = _iso(record.submitted_on)
    data["decided_yen"] = record.decided_yen
    data["decided_on"] = _iso(record.decided_on)
    return data


def build_data(session: Session, fiscal_year: FiscalYear, created: datetime) -> dict[str, Any]:
    """The whole data member; its shape is desktop/exchange/schema/data-v1.schema.json."""
    town = get_town_profile(session)
    posts = list_exchange_posts(session)
    staff = list_exchange_staff(session, fiscal_year)
    contributions = list_exchange_contributions(session, fiscal_year)
    position = audit_position(session)
    post_labels = {p.post_id: f"{p.department} {p.job}".strip() for p in posts}
    net_by_person: dict[tuple[int, int | None], int] = defaultdict(int)
    for c in contributions:
        net_by_person[(c.post_id, c.staff_id)] += c.paid_yen - c.refunded_yen
    used_posts = {s.post_id for s in staff} | {c.post_id for c in contributions}
    claim = _claim(session, fiscal_year)
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": created.isoformat(timespec="seconds"),
        "town": {"code": town.local_gov_code, "name": town.name, "prefecture": town.prefecture,
                 "category": town.category.value},
        "fiscal_year": fiscal_year.year,
        "fiscal_year_label": fiscal_year.label(),
        "claim": claim,
        "agreements": [{"number": a.number, "partner": a.partner, "concluded_on": _iso(a.concluded_on),
                        "abolished_on": _iso(a.abolished_on), "dispatch_start": _iso(a.dispatch_start),
                        "dispatch_end": _iso(a.dispatch_end), "staff_count": a.staff_count}
                       for a in list_exchange_agreements(session, fiscal_year)],
        "posts": [{"post_id": p.post_id, "agreement_number": p.agreement_number, "department": p.department,
                   "job": p.job} for p in posts if p.post_id in used_posts],
        "staff": [{"staff_id": s.staff_id, "name": s.name, "post_id": s.post_id,
                   "post": post_labels.get(s.post_id, ""), "field": s.field, "employment_type": s.employment_type,
                   "dispatch_form": s.dispatch_form, "start_on": s.start_on.isoformat(),
                   "end_on": s.end_on.isoformat(), "contribution_yen": net_by_person.get((s.post_id, s.staff_id), 0)}
                  for s in staff],
        "contributions": [{"post_id": c.post_id, "post": post_labels.get(c.post_id, ""), "staff_id": c.staff_id,
                           "name": c.name, "budget_yen": c.budget_yen, "invoiced_yen": c.invoiced_yen,
                           "paid_yen": c.paid_yen, "refunded_yen": c.refunded_yen,
                           "contribution_yen": c.paid_yen - c.refunded_yen} for c in contributions],
        "organisations": build_organisations(session, fiscal_year),
        "totals": {"claim_yen": claim["total_yen"],
                   "contribution_yen": sum(c.paid_yen - c.refunded_yen for c in contributions),
                   "posts": len(used_posts), "staff": len({s.staff_id for s in staff})},
        "audit": {"entries": position.entries, "head": position.head,
                  "earlier_heads": [{"entries": p.entries, "hash": p.head}
                                    for p in earlier_export_positions(session)]},
    }
