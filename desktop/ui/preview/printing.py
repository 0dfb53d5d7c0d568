"""Printing a PDF: each page rendered by QtPdf at the printer's resolution, off the GUI thread."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.i18n import _
from desktop.ui.common.background import JobCancelledError, Progress


class PrintError(Exception):
    """The printer refused the job; the message is for the clerk."""


def print_pdf_pages(pdf: bytes, printer: QPrinter, progress: Progress | None = None,
                    first_page: int = 1, last_page: int | None = None) -> int:
    """Renders pages first_page..last_page (1-based, inclusive) onto the printer; returns pages printed.

    Runs in a worker thread: QPainter on a QPrinter and QPdfDocument rendering are both
    allowed outside the GUI thread. Cancelling aborts the printer job.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "print.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise PrintError(_("印刷するPDFを読み込めませんでした"))
        try:
            last = min(last_page or document.pageCount(), document.pageCount())
            painter = QPainter()
            if not painter.begin(printer):
                raise PrintError(_("プリンタを開始できませんでした。プリンタの設定を確認してください"))
            printed = 0
            try:
                for page in range(first_page - 1, last):
                    if progress is not None:
                        progress.report(printed, last - first_page + 1,
                                        _("{page}ページ目を印刷しています…").format(page=page + 1))
                    if printed:
                        printer.newPage()
                    _draw_page(document, page, printer, painter)
                    printed += 1
            except JobCancelledError:
                printer.abort()
                raise
            finally:
                painter.end()
            return printed
        finally:
            document.close()


def _draw_page(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    target = printer.pageLayout().paintRectPixels(printer.resolution())
    full = printer.pageLayout().fullRectPixels(printer.resolution())
    points = document.pagePointSize(page)
    scale = printer.resolution() / 72.0
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    image = document.render(page, size)
    # The PDF page is the whole sheet; place it at the sheet's origin, not the printable area's,
    # so the form's own margins stay where they were designed.
    offset = QPoint(full.left() - target.left(), full.top() - target.top())
    painter.drawImage(QRect(offset, size), image)
