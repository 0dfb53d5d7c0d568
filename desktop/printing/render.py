"""Turning a print request into PDF bytes (used by the window and the CLI); loads reportlab."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.problems import ValidationError
from desktop.i18n import _
from desktop.printing.catalog import FORMS, FormRequest, FormSpec, Need


def resolve(reference: str) -> Callable[..., Any]:
    """'package.module:function' → the function (the registry's builders and renderers)."""
    module, name = reference.split(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def check_request(spec: FormSpec, request: FormRequest) -> None:
    """Raises ValidationError naming what the request lacks for this form."""
    missing = {
        Need.AGREEMENT: ("agreement_number", not request.agreement_number, _("協約番号を指定してください")),
        Need.FISCAL_YEAR: ("fiscal_year", request.fiscal_year is None, _("年度を指定してください")),
        Need.ORGANISATION: ("org_id", request.org_id is None, _("団体を指定してください")),
        Need.RECORD: ("record_id", request.record_id is None, _("記録の番号を指定してください")),
        Need.PERIOD: ("period_start", request.period_start is None or request.period_end is None,
                      _("期間（開始日と終了日）を指定してください")),
    }
    for need in spec.needs:
        field, absent, message = missing[need]
        if absent:
            raise ValidationError.single(field, message)
    if Need.PERIOD in spec.needs and request.period_start and request.period_end \
            and request.period_end < request.period_start:
        raise ValidationError.single("period_end", _("期間の終了日が開始日より前です"))


def render_request(session: Session, request: FormRequest) -> bytes:
    """Builds the form's data from the office file and renders it; raises ValidationError for a
    bad request, MissingGlyphError or FormOverflowError when the form cannot be printed faithfully."""
    spec = FORMS.get(request.form_id)
    if spec is None:
        raise ValidationError.single("form_id", _("帳票「{form}」はありません（{known}）").format(
            form=request.form_id, known="、".join(FORMS)))
    check_request(spec, request)
    data = resolve(spec.builder)(session, request)
    pdf: bytes = resolve(spec.renderer)(data)
    return pdf
