"""Rendering a form request in the background and showing it in a preview window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.printing.catalog import FormRequest
from desktop.ui.common.background import (
    BackgroundJob,
    JobCancelledError,
    Progress,
    run_in_background,
)
from desktop.ui.common.context import AppContext


class PreviewDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        # QtPdf, QtPdfWidgets and QtPrintSupport load with the first preview, not with the screens.
        from desktop.ui.preview.pdf_preview import PdfPreview

        self.preview = PdfPreview(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)


def render_in_background(context: AppContext, parent: QWidget | None, request: FormRequest,
                         on_done: Callable[[bytes], None],
                         on_error: Callable[[BaseException], None]) -> BackgroundJob:
    """Builds the PDF off the GUI thread (its own session); results arrive on the GUI thread."""

    def work(progress: Progress) -> bytes:
        from desktop.forms.kit.sheet import (
            page_progress,  # reportlab loads in the worker, on first print
        )
        from desktop.printing.render import render_request

        def report(page: int, pages: int) -> None:
            progress.report(page, pages, _("{page} / {pages}ページを書き出しています…").format(page=page, pages=pages))

        # Per page, so キャンセル stops a long batch between two pages. The pool thread runs other
        # jobs later, so the hook is taken off again whatever happens.
        token = page_progress.set(report)
        try:
            with context.office.reader() as session:
                return render_request(session, request)
        finally:
            page_progress.reset(token)

    return run_in_background(parent, _("帳票を作成しています…"), work, on_done, on_error)


def preview_form(context: AppContext, parent: QWidget, request: FormRequest, file_name: str,
                 on_error: Callable[[str], None]) -> tuple[PreviewDialog, BackgroundJob]:
    """Renders the request off the GUI thread, then opens it in a preview window."""
    dialog = PreviewDialog(request.describe(), parent)
    dialog.preview.record_outputs(context)

    def show(pdf: bytes) -> None:
        dialog.preview.set_pdf(pdf, file_name, request)
        dialog.show()

    def failed(error: BaseException) -> None:
        if not isinstance(error, JobCancelledError):  # the clerk's own choice: nothing to say
            on_error(str(error))

    return dialog, render_in_background(context, parent, request, show, failed)
