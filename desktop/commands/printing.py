"""`print FORM --out FILE`: renders a form from the office file to a PDF without the window."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.atomic_file import FileWriteError, write_atomically
from desktop.domain.problems import ValidationError
from desktop.forms.kit.fonts import MissingGlyphError
from desktop.forms.kit.sheet import FormOverflowError
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.printing.render import render_request
from desktop.store.db import open_office


def run_print(request: FormRequest, db: Path, out: Path) -> int:
    with open_office(db, create=False) as office, office.reader() as session:
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
    print(_("{form} を {path} に保存しました").format(form=request.describe(), path=out))
    return 0
