"""`print FORM --out FILE`: renders a form from the office file to a PDF without the window, and
records a form with personal data in the carry-out register (持出記録)."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from desktop.atomic_file import FileWriteError, write_atomically
from desktop.domain.carry_out import FILE_DEFAULT, Medium
from desktop.domain.problems import ValidationError
from desktop.domain.wareki import DateParseError, parse_date
from desktop.forms.kit.fonts import MissingGlyphError
from desktop.forms.kit.sheet import FormOverflowError
from desktop.i18n import _
from desktop.printing.carry_out import record_form_output, request_holds_personal_data
from desktop.printing.catalog import FormRequest
from desktop.printing.render import render_request
from desktop.store.db import open_office


def with_period(request: FormRequest, start: str | None, end: str | None) -> FormRequest | None:
    """The request with `--from`/`--to` as its period (F14); None after a message on stderr.
    For a period form `--to` is the period's end, not an addressee."""
    try:
        period_start = parse_date(start) if start else None
        period_end = parse_date(end) if end else None
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return None
    return dataclasses.replace(request, addressee=None, period_start=period_start, period_end=period_end)


def run_print(request: FormRequest, db: Path, out: Path, *, medium: str | None = None) -> int:
    with open_office(db, create=False) as office:
        with office.reader() as session:
            try:
                pdf = render_request(session, request)
            except ValidationError as error:
                for problem in error.problems:
                    print(problem.message, file=sys.stderr)
                return 1
            except (MissingGlyphError, FormOverflowError) as error:
                print(str(error), file=sys.stderr)
                return 1
        try:
            write_atomically(out, pdf)
        except FileWriteError as error:
            print(str(error), file=sys.stderr)
            return 1
        chosen = Medium(medium) if medium else FILE_DEFAULT
        if request_holds_personal_data(request):
            try:
                with office.transaction() as session:
                    record_form_output(session, request=request, medium=chosen, path=out)
            except BaseException:
                out.unlink(missing_ok=True)  # personal data the register does not know of is not left behind
                raise
    print(_("{form} を {path} に保存しました").format(form=request.describe(), path=out))
    if request_holds_personal_data(request):
        print(_("個人情報を含むため持出記録に記録しました（媒体: {medium}）").format(medium=chosen.label))
    return 0
