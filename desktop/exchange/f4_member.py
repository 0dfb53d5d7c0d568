"""The F4 PDF (特別交付税算定資料) inside the exchange file: the one place the export prints."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.fiscal_year import FiscalYear
from desktop.printing.catalog import FormRequest


def render_f4_member(session: Session, fiscal_year: FiscalYear) -> bytes:
    """The same F4 the 帳票 screen prints, rendered through the print path (reportlab loads here).

    Raises MissingGlyphError or FormOverflowError when the form cannot be printed faithfully.
    """
    from desktop.printing.render import render_request

    return render_request(session, FormRequest("F4", fiscal_year=fiscal_year))
