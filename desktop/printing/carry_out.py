"""Forms that leave the office: whether a request holds personal data, how many people, and
recording it in the carry-out register (持出記録) when it is printed or saved.

The rule itself is `domain/personal_data.py`; this counts the people in a request's own data
(built again in the recording transaction, so the count is the data as recorded).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.carry_out import CarryOut, Medium, OutputKind
from desktop.domain.personal_data import form_holds_personal_data
from desktop.printing.catalog import FORMS, FormRequest
from desktop.store.services.carry_out import ENTITY, record_carry_out
from desktop.store.services.change import Change

NOTHING_RECORDED = Change(ENTITY, "none", (), 0)


def request_holds_personal_data(request: FormRequest) -> bool:
    return form_holds_personal_data(request.form_id, names_organisation=request.org_id is not None)


def persons_in(data: Any) -> int:
    """People named in a form's data: staff (F2–F4) or an organisation's representative (F5–F13)."""
    from desktop.forms.claim_f4 import ClaimFormData
    from desktop.forms.contributions_f3 import ContributionFormData
    from desktop.forms.roster_f2 import RosterFormData

    if isinstance(data, RosterFormData):
        return len({(line.name, line.reading) for line in data.lines})
    if isinstance(data, ContributionFormData):
        return len({line.name for line in data.lines if line.name})
    if isinstance(data, ClaimFormData):
        persons = [*(p for line in data.result.lines for p in line.persons),
                   *(p for exclusion in data.result.exclusions for p in exclusion.persons)]
        return len(set(persons))
    org = getattr(data, "org", None)
    return 1 if org is not None and str(getattr(org, "representative_name", "")).strip() else 0


def file_sha256(path: Path) -> str:
    """Of the file as it lies on the disk now (read back, not the bytes meant to be written)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def record_form_output(session: Session, *, request: FormRequest, medium: Medium, path: Path | None = None,
                       name: str = "") -> Change:
    """A form printed (path None: medium paper, no SHA-256) or saved to `path`; nothing is recorded
    for a form without personal data. One transaction: the row and its audit entry."""
    if not request_holds_personal_data(request):
        return NOTHING_RECORDED
    from desktop.printing.render import check_request, resolve

    spec = FORMS[request.form_id]
    check_request(spec, request)
    persons = persons_in(resolve(spec.builder)(session, request))
    year = request.fiscal_year.year if request.fiscal_year is not None else None
    return record_carry_out(session, carry_out=CarryOut(
        OutputKind.FORM, request.form_id, request.describe(), medium, persons,
        file_name=path.name if path is not None else name, sha256=file_sha256(path) if path is not None else None,
        fiscal_year=year))
