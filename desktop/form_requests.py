"""Turning a print request into PDF bytes (used by the window and the CLI); loads reportlab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.problems import ValidationError
from desktop.forms.agreement_f1 import render_f1
from desktop.forms.catalog import FORM_TITLES, FormRequest
from desktop.forms.claim_f4 import render_f4
from desktop.forms.contributions_f3 import render_f3
from desktop.forms.roster_f2 import render_f2
from desktop.i18n import _
from desktop.store.repos.form_data import (
    agreement_form_data,
    claim_form_data,
    contribution_form_data,
    roster_form_data,
)

# Forms of a fiscal year that go out as letters: (data builder, renderer), same options each.
YEAR_LETTERS: dict[str, tuple[Callable[..., Any], Callable[[Any], bytes]]] = {
    "F2": (roster_form_data, render_f2),
    "F3": (contribution_form_data, render_f3),
    "F4": (claim_form_data, render_f4),
}


def render_request(session: Session, request: FormRequest) -> bytes:
    """Builds the form's data from the office file and renders it; raises ValidationError for a
    bad request, MissingGlyphError or FormOverflowError when the form cannot be printed faithfully."""
    if request.form_id == "F1":
        if not request.agreement_number:
            raise ValidationError.single("agreement_number", _("協約番号を指定してください"))
        return render_f1(agreement_form_data(session, number=request.agreement_number))
    if request.form_id in YEAR_LETTERS:
        if request.fiscal_year is None:
            raise ValidationError.single("fiscal_year", _("年度を指定してください"))
        build, render = YEAR_LETTERS[request.form_id]
        return render(build(session, fiscal_year=request.fiscal_year, document_number=request.document_number,
                            issued_on=request.issued_on, addressee=request.addressee))
    raise ValidationError.single("form_id", _("帳票「{form}」はありません（{known}）").format(
        form=request.form_id, known="、".join(FORM_TITLES)))
