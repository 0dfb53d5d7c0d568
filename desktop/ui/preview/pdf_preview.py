"""The preview: QPdfView with page navigation, zoom, Print… and Save as PDF…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.atomic_file import FileWriteError, write_atomically
from desktop.domain.carry_out import FILE_DEFAULT, Medium
from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.ui.common.background import BackgroundJob, JobCancelledError, run_in_background
from desktop.ui.common.context import AppContext
from desktop.ui.common.medium_choice import ask_save_path
from desktop.ui.preview.printing import print_pdf_pages

ZOOM_STEP = 1.25


def _tool_button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button


class PdfPreview(QWidget):
    """Shows PDF bytes; `printed(pages)` and `saved(path)` report what the clerk did. A form with
    personal data that is printed or saved is recorded in the carry-out register (持出記録) once
    `record_outputs` gave the office and `set_pdf` the request."""

    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = b""
        self.suggested_name = "form.pdf"
        self.request: FormRequest | None = None
        self.context: AppContext | None = None
        self.job: BackgroundJob | None = None
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.previous_button = _tool_button(_("◀ 前"))
        self.previous_button.setShortcut(QKeySequence.StandardKey.MoveToPreviousPage)
        self.next_button = _tool_button(_("次 ▶"))
        self.next_button.setShortcut(QKeySequence.StandardKey.MoveToNextPage)
        self.page_label = QLabel()
        self.zoom_out_button = _tool_button(_("縮小"))
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = _tool_button(_("拡大"))
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.fit_width_button = _tool_button(_("幅に合わせる"))
        self.fit_page_button = _tool_button(_("ページ全体"))
        self.print_button = QPushButton(_("印刷(&P)…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(_("PDFとして保存(&S)…"))
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_width_button, self.fit_page_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page_label())
        self._set_enabled(False)

    def record_outputs(self, context: AppContext) -> None:
        self.context = context

    def set_pdf(self, pdf: bytes, suggested_name: str, request: FormRequest | None = None) -> None:
        self.pdf, self.suggested_name, self.request = pdf, suggested_name, request
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._set_enabled(self.document.pageCount() > 0)
        self.go_to_page(0)

    def clear(self) -> None:
        self.pdf = b""
        self.document.close()
        self._set_enabled(False)
        self.page_label.clear()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update_page_label()

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(self.view.zoomFactor() * factor, 6.0)))

    def _update_page_label(self) -> None:
        total = self.page_count()
        self.page_label.setText(f"{self.current_page() + 1} / {total}" if total else "")
        self.previous_button.setEnabled(self.current_page() > 0)
        self.next_button.setEnabled(self.current_page() < total - 1)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.previous_button, self.next_button, self.zoom_in_button, self.zoom_out_button,
                       self.fit_width_button, self.fit_page_button, self.print_button, self.save_button):
            widget.setEnabled(on)

    # -- output
    def save_with_dialog(self) -> None:
        chosen = ask_save_path(self, _("PDFとして保存"), self.suggested_name, _("PDF (*.pdf)"), "form")
        if chosen is not None:
            self.save_to(*chosen)

    def save_to(self, path: Path, medium: Medium = FILE_DEFAULT) -> bool:
        try:
            write_atomically(path, self.pdf)
        except FileWriteError as error:
            QMessageBox.warning(self, _("保存できません"), str(error))
            return False
        if not self._record(medium, path):
            # A file with personal data that the register does not know of must not stay behind.
            path.unlink(missing_ok=True)
            return False
        self.saved.emit(str(path))
        return True

    def _record(self, medium: Medium, path: Path | None) -> bool:
        """持出記録 of what was just printed (path None) or saved; False after a warning when it failed."""
        if self.context is None or self.request is None:
            return True
        from desktop.printing.carry_out import record_form_output

        try:
            self.context.run(record_form_output, request=self.request, medium=medium, path=path,
                             name=self.suggested_name)
        except Exception as error:  # the office file could not be written: say so, never lose it silently
            QMessageBox.warning(self, _("持出記録に記録できません"), str(error))
            return False
        return True

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        first, last = (printer.fromPage(), printer.toPage()) if printer.fromPage() else (1, self.page_count())
        self.print_to(printer, first, last)

    def print_to(self, printer: QPrinter, first: int = 1, last: int | None = None) -> BackgroundJob:
        """Prints in the background with a progress dialog and a cancel button."""
        pdf = self.pdf
        self.print_button.setEnabled(False)

        def work(progress: object) -> int:
            return print_pdf_pages(pdf, printer, progress, first, last)  # type: ignore[arg-type]

        def done(pages: int) -> None:
            self.print_button.setEnabled(True)
            # Printing to a file (Qt's "print to PDF") makes a file, not paper: it is recorded as one.
            written = Path(printer.outputFileName()) if printer.outputFileName() else None
            self._record(Medium.OTHER if written is not None else Medium.PAPER, written)
            self.printed.emit(pages)

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            if not isinstance(error, JobCancelledError):
                QMessageBox.warning(self, _("印刷できません"), str(error))

        self.job = run_in_background(self, _("印刷しています…"), work, done, failed)
        return self.job
