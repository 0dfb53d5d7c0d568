"""Developer tool: renders every form of the demo office to docs/forms/*.png with QtPdf.

    QT_QPA_PLATFORM=offscreen python tools/form_pictures.py [FORM_ID …]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from desktop.domain.fiscal_year import FiscalYear
from desktop.printing.catalog import FormRequest
from desktop.printing.render import render_request
from desktop.store.db import Office, open_office
from desktop.store.demo import DEMO_AGREEMENT_NUMBER, build_demo_office

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = [
    ("F1", FormRequest("F1", agreement_number=DEMO_AGREEMENT_NUMBER)),
    ("F2", FormRequest("F2", fiscal_year=FiscalYear(2025), document_number="123", issued_on=date(2025, 4, 1))),
    ("F3", FormRequest("F3", fiscal_year=FiscalYear(2025), document_number="124", issued_on=date(2026, 6, 1))),
    ("F4", FormRequest("F4", fiscal_year=FiscalYear(2025), document_number="125", issued_on=date(2026, 6, 1))),
    ("F5", FormRequest("F5", org_id=3)),
    ("F6", FormRequest("F6", org_id=4, document_number="88")),
    ("F7", FormRequest("F7", fiscal_year=FiscalYear(2025), issued_on=date(2026, 6, 1))),
    # Part 2's records print the organisation's latest record of each kind.
    ("F8", FormRequest("F8", org_id=1, document_number="90")),
    ("F9", FormRequest("F9", org_id=2, document_number="91")),
    ("F10", FormRequest("F10", org_id=6, document_number="92")),
    ("F11", FormRequest("F11", org_id=1, document_number="93")),
    ("F12", FormRequest("F12", org_id=1)),
    ("F13", FormRequest("F13", org_id=1)),
    ("F14", FormRequest("F14", period_start=date.today().replace(month=1, day=1), period_end=date.today())),
]


def record_carry_outs(office: Office, folder: Path) -> None:
    """F14 prints the register: F2 saved for a USB stick and F3 printed, as the window records them."""
    from desktop.domain.carry_out import Medium
    from desktop.printing.carry_out import record_form_output

    f2 = REQUESTS[1][1]
    saved = folder / "派遣職員受入名簿_令和7年度.pdf"
    with office.reader() as session:
        saved.write_bytes(render_request(session, f2))
    with office.transaction() as session:
        record_form_output(session, request=f2, medium=Medium.USB, path=saved)
        record_form_output(session, request=REQUESTS[2][1], medium=Medium.PAPER)


def first_page_png(pdf: bytes, target: Path, dpi: int = 100) -> None:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, document.render(0, size))
    painter.end()
    paper.save(str(target))


def main(only: list[str]) -> None:
    app = QGuiApplication(sys.argv[:1])
    out = ROOT / "docs" / "forms"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["RENKEI_DESK_HOME"] = folder
        with open_office(Path(folder) / "demo.renkei") as office:
            with office.transaction() as session:
                build_demo_office(session)
            record_carry_outs(office, Path(folder))
            with office.reader() as session:
                for form_id, request in REQUESTS:
                    if only and form_id not in only:
                        continue
                    first_page_png(render_request(session, request), out / f"{form_id}.png")
                    print(out / f"{form_id}.png")
    del app


if __name__ == "__main__":
    main(sys.argv[1:])
