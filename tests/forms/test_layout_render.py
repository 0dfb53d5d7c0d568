"""Pages rendered with QtPdf and looked at: nothing in the unprintable edge, the header on page 2."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from desktop.forms.agreement_f1 import render_f1
from desktop.forms.kit.sheet import PRINTABLE_INSET
from desktop.forms.roster_f2 import render_f2
from tests.forms.conftest import agreement_data, roster_data

DPI = 100


def render_pages(pdf: bytes, qapp) -> list[QImage]:  # type: ignore[no-untyped-def]
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        # QtPdf renders onto a transparent page: compose it on white paper first.
        paper = QImage(size, QImage.Format.Format_RGB32)
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, document.render(page, size))
        painter.end()
        images.append(paper.convertToFormat(QImage.Format.Format_Grayscale8))
    document.close()
    return images


def ink(image: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    return sum(1 for y in range(y0, y1) for x in range(x0, x1) if image.pixelColor(x, y).lightness() < 200)


def test_nothing_is_drawn_outside_the_printable_area(qapp) -> None:  # type: ignore[no-untyped-def]
    inset = round(PRINTABLE_INSET * DPI / 72)
    for pdf in (render_f1(agreement_data()), render_f2(roster_data(45))):
        for image in render_pages(pdf, qapp):
            w, h = image.width(), image.height()
            assert ink(image, 0, 0, w, inset) == 0
            assert ink(image, 0, h - inset, w, h) == 0
            assert ink(image, 0, 0, inset, h) == 0
            assert ink(image, w - inset, 0, w, h) == 0
            assert ink(image, inset, inset, w - inset, h - inset) > 0


def test_table_header_band_is_at_the_top_of_page_two(qapp) -> None:  # type: ignore[no-untyped-def]
    pages = render_pages(render_f2(roster_data(60)), qapp)
    assert len(pages) >= 2
    second = pages[1]
    top = round(20 * 72 / 25.4 * DPI / 72)  # the top margin, 20 mm
    # The grey header band sits right under the top margin on the continuation page.
    band = [second.pixelColor(second.width() // 2, y).lightness() for y in range(top, top + 30)]
    assert any(200 <= value < 245 for value in band), band
