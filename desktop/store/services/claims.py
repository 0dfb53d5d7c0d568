"""User actions on the claim's life (作成中 → 提出済 → 決定, reopening) and on the measure's parameters."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.claim import ClaimStatus
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.grant_measure import MeasureParameters, validate_parameters
from desktop.domain.problems import Problem, ValidationError
from desktop.domain.wareki import format_wareki
from desktop.i18n import _
from desktop.store import audit
from desktop.store.access import admin_only, writes
from desktop.store.models.claim import Claim, MeasureParameterRow
from desktop.store.repos.claim_snapshot import dumps, result_to_dict
from desktop.store.repos.claims import compute_claim_for, get_claim
from desktop.store.repos.measure import to_parameters
from desktop.store.services.change import Change


def _claim_row(session: Session, fiscal_year: FiscalYear) -> Claim:
    claim = session.scalar(select(Claim).where(Claim.fiscal_year == fiscal_year))
    if claim is None:
        claim = Claim(fiscal_year=fiscal_year, status=ClaimStatus.DRAFT.value, note="")
        session.add(claim)
        session.flush()
    return claim


@writes
def submit_claim(session: Session, *, fiscal_year: FiscalYear, submitted_on: date) -> Change:
    """提出済: the lines and exclusions as they are now are frozen with the claim."""
    claim = _claim_row(session, fiscal_year)
    if claim.status != ClaimStatus.DRAFT.value:
        raise ValidationError.single("status", _("この算定資料は既に提出済です。直すには作成中に戻してください"))
    if submitted_on < fiscal_year.start:
        raise ValidationError.single("submitted_on", _("提出日は{start}以降にしてください").format(
            start=format_wareki(fiscal_year.start)))
    result = compute_claim_for(session, fiscal_year)
    if not result.eligible:
        raise ValidationError.single("status", _("対象外団体のため提出できません（{category}）").format(
            category=result.town_category.label))
    claim.status, claim.submitted_on = ClaimStatus.SUBMITTED.value, submitted_on
    claim.claimed_yen, claim.snapshot_json = result.total_yen, dumps(result)
    session.flush()
    audit.record(session, entity="claim", entity_id=claim.id, action="submit",
                 after={"submitted_on": submitted_on, "claimed_yen": result.total_yen, "claim": result_to_dict(result)},
                 summary=_("{year} 算定資料を提出 {amount}円").format(year=fiscal_year.label(),
                                                                   amount=f"{result.total_yen:,}"))
    return Change("claim", "submit", (claim.id,))


@writes
def record_decision(session: Session, *, fiscal_year: FiscalYear, decided_yen: int, decided_on: date) -> Change:
    """決定: the amount the ministry decided (December or March), kept beside what was claimed."""
    claim = _claim_row(session, fiscal_year)
    problems = []
    if claim.status == ClaimStatus.DRAFT.value:
        problems.append(Problem("status", _("提出前の算定資料には決定を記録できません")))
    if not isinstance(decided_yen, int) or isinstance(decided_yen, bool) or decided_yen < 0:
        problems.append(Problem("decided_yen", _("決定額は0以上の整数の円で入力してください")))
    if claim.submitted_on is not None and decided_on < claim.submitted_on:
        problems.append(Problem("decided_on", _("決定日は提出日より後にしてください")))
    if problems:
        raise ValidationError(problems)
    before = {"status": claim.status, "decided_yen": claim.decided_yen, "decided_on": claim.decided_on}
    claim.status, claim.decided_yen, claim.decided_on = ClaimStatus.DECIDED.value, decided_yen, decided_on
    session.flush()
    audit.record(session, entity="claim", entity_id=claim.id, action="decide", before=before,
                 after={"decided_yen": decided_yen, "decided_on": decided_on, "claimed_yen": claim.claimed_yen},
                 summary=_("{year} 決定額 {amount}円").format(year=fiscal_year.label(), amount=f"{decided_yen:,}"))
    return Change("claim", "decide", (claim.id,))


@writes
def reopen_claim(session: Session, *, fiscal_year: FiscalYear, reason: str) -> Change:
    """Back to 作成中: the frozen copy is kept in the audit trail, with the reason."""
    claim = _claim_row(session, fiscal_year)
    if claim.status == ClaimStatus.DRAFT.value:
        raise ValidationError.single("status", _("この算定資料は作成中です"))
    if not reason.strip():
        raise ValidationError.single("reason", _("作成中に戻す理由を入力してください"))
    before = get_claim(session, fiscal_year)
    audit.record(session, entity="claim", entity_id=claim.id, action="reopen",
                 before={"status": before.status, "submitted_on": before.submitted_on, "claimed_yen": before.claimed_yen,
                         "decided_yen": before.decided_yen, "claim": result_to_dict(before.result)},
                 after={"status": ClaimStatus.DRAFT, "reason": reason.strip()},
                 summary=_("{year} 算定資料を作成中に戻す: {reason}").format(year=fiscal_year.label(), reason=reason.strip()))
    claim.status, claim.submitted_on, claim.claimed_yen = ClaimStatus.DRAFT.value, None, None
    claim.decided_on, claim.decided_yen, claim.snapshot_json = None, None, None
    session.flush()
    return Change("claim", "reopen", (claim.id,))


@admin_only
def save_measure_parameters(session: Session, *, parameters: MeasureParameters) -> Change:
    """措置率・上限等の登録・変更 for the row starting at parameters.from_year (audited)."""
    problems = validate_parameters(parameters)
    if problems:
        raise ValidationError(problems)
    row = session.scalar(select(MeasureParameterRow).where(MeasureParameterRow.from_year == parameters.from_year))
    before = to_parameters(row) if row is not None else None
    if row is None:
        row = MeasureParameterRow(from_year=parameters.from_year)
        session.add(row)
    row.ratio = f"{parameters.ratio.numerator}/{parameters.ratio.denominator}"
    row.recruitment_cap_yen, row.personnel_cap_yen = parameters.recruitment_cap_yen, parameters.personnel_cap_yen
    row.excluded_categories = ",".join(sorted(c.value for c in parameters.excluded_categories))
    row.separate_fields = "・".join(parameters.separate_fields)
    row.first_year_only, row.source = parameters.first_year_only, parameters.source.strip()
    session.flush()
    audit.record(session, entity="measure", entity_id=row.id, action="create" if before is None else "update",
                 before=before, after=parameters, summary=parameters.from_year.label())
    return Change("measure", "create" if before is None else "update", (row.id,))
