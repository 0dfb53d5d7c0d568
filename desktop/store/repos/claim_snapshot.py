"""A submitted claim frozen as JSON: what was filed stays what it was, whatever changes later."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from desktop.domain.claim import ClaimExclusion, ClaimLine, ClaimResult, ExclusionReason
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import MeasureParameters
from desktop.domain.town import TownCategory


def _parameters(p: MeasureParameters) -> dict[str, Any]:
    return {"from_year": p.from_year.year, "ratio": str(p.ratio), "recruitment_cap_yen": p.recruitment_cap_yen,
            "personnel_cap_yen": p.personnel_cap_yen, "excluded_categories": sorted(c.value for c in p.excluded_categories),
            "separate_fields": list(p.separate_fields), "first_year_only": p.first_year_only, "source": p.source}


def result_to_dict(result: ClaimResult) -> dict[str, Any]:
    """The documented shape (docs/claim-json.md), also printed by `renkei-desk claim --json`."""
    return {
        "fiscal_year": result.fiscal_year.year,
        "fiscal_year_label": result.fiscal_year.label(),
        "town_category": result.town_category.value,
        "eligible": result.eligible,
        "parameters": _parameters(result.parameters),
        "lines": [{
            "post_id": line.post_id, "post": line.post_label, "agreement_number": line.agreement_number,
            "persons": list(line.persons), "first_fiscal_year": line.first_year.year, "paid_yen": line.paid_yen,
            "refunded_yen": line.refunded_yen, "contribution_yen": line.net_yen, "amount_yen": line.amount_yen,
        } for line in result.lines],
        "exclusions": [{
            "post_id": e.post_id, "post": e.post_label, "agreement_number": e.agreement_number,
            "persons": list(e.persons), "reason": e.reason.value, "reason_label": e.reason.label, "detail": e.detail,
            "contribution_yen": e.net_yen,
        } for e in result.exclusions],
        "total_yen": result.total_yen,
    }


def result_from_dict(data: dict[str, Any]) -> ClaimResult:
    p = data["parameters"]
    parameters = MeasureParameters(
        from_year=FiscalYear(p["from_year"]), ratio=Fraction(p["ratio"]), recruitment_cap_yen=p["recruitment_cap_yen"],
        personnel_cap_yen=p["personnel_cap_yen"],
        excluded_categories=frozenset(TownCategory(v) for v in p["excluded_categories"]),
        separate_fields=tuple(p["separate_fields"]), first_year_only=p["first_year_only"], source=p["source"],
    )
    lines = tuple(ClaimLine(d["post_id"], d["post"], d["agreement_number"], tuple(d["persons"]),
                            FiscalYear(d["first_fiscal_year"]), d["paid_yen"], d["refunded_yen"],
                            d["contribution_yen"], d["amount_yen"]) for d in data["lines"])
    exclusions = tuple(ClaimExclusion(d["post_id"], d["post"], d["agreement_number"], tuple(d["persons"]),
                                      ExclusionReason(d["reason"]), d["detail"], d["contribution_yen"])
                       for d in data["exclusions"])
    return ClaimResult(FiscalYear(data["fiscal_year"]), TownCategory(data["town_category"]), data["eligible"],
                       parameters, lines, exclusions)


def dumps(result: ClaimResult) -> str:
    return json.dumps(result_to_dict(result), ensure_ascii=False, sort_keys=True)


def loads(text: str) -> ClaimResult:
    return result_from_dict(json.loads(text))
