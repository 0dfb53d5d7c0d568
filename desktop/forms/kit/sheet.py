"""The page layout engine: flows text, paragraphs and tables onto A4 pages, then renders them.

Layout and drawing are separate passes: pages are laid out as lists of drawing steps first,
so the renderer knows the page count for the "1/3" numbers, and a missing character or an
overflow is found before a single byte is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas

from desktop.forms.kit.fonts import MINCHO, NO_SOURCE, FontChain, Source
from desktop.forms.kit.text import wrap
from desktop.i18n import _

# Told (page, pages) as each page is written; the window's render job sets it in its own thread
# to show progress, and its callback raises to stop a cancelled batch between two pages.
page_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar("page_progress", default=None)

Align = Literal["left", "center", "right"]
Step = Callable[[Canvas], None]

# Printers cannot print the outermost few millimetres; nothing is drawn inside this inset.
PRINTABLE_INSET = 8 * mm


class FormOverflowError(Exception):
    """Text that cannot fit its box even at the smallest size; raised instead of cutting it off."""


@dataclass(frozen=True)
class PageSetup:
    width: float = A4[0]
    height: float = A4[1]
    margin_top: float = 20 * mm
    margin_bottom: float = 22 * mm
    margin_left: float = 20 * mm
    margin_right: float = 20 * mm
    page_numbers: bool = True

    @property
    def content_width(self) -> float:
        return self.width - self.margin_left - self.margin_right


@dataclass(frozen=True)
class TableColumn:
    header: str
    width: float            # share of the content width (the shares are normalised)
    align: Align = "left"
    shrink: bool = False    # amounts and codes: shrink the text to one line instead of wrapping


@dataclass
class Sheet:
    title: str
    setup: PageSetup = field(default_factory=PageSetup)
    primary_font: str = MINCHO
    author: str = ""
    subject: str = ""
    footer: str = ""  # small, bottom right of every page (e.g. the newest audit entry)

    def __post_init__(self) -> None:
        self.chain = FontChain(self.primary_font)
        self.pages: list[list[Step]] = [[]]
        self.y = self.top

    # -- geometry
    @property
    def top(self) -> float:
        return self.setup.height - self.setup.margin_top

    @property
    def bottom(self) -> float:
        return self.setup.margin_bottom

    @property
    def left(self) -> float:
        return self.setup.margin_left

    @property
    def right(self) -> float:
        return self.setup.width - self.setup.margin_right

    @property
    def width(self) -> float:
        return self.setup.content_width

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def ensure_space(self, height: float) -> bool:
        """Starts a new page when `height` points do not fit; returns True if it did."""
        if self.y - height < self.bottom and self.y < self.top:
            self.new_page()
            return True
        return False

    def spacer(self, height: float) -> None:
        self.y -= height

    # -- drawing steps on the current page
    def _add(self, step: Step) -> None:
        self.pages[-1].append(step)

    def text_at(self, x: float, y: float, text: str, size: float, *, align: Align = "left",
                font: str | None = None, source: Source = NO_SOURCE) -> float:
        """One line at (x, y) baseline; returns its width. Checks every character now."""
        chain = self.chain if font is None or font == self.primary_font else FontChain(font)
        runs = chain.runs(text, source)
        width = chain.width(text, size, source)
        start = x - width if align == "right" else x - width / 2 if align == "center" else x

        def draw(canvas: Canvas) -> None:
            # One text object for the whole line, so a reader sees 髙﨑 𠮷太郎 as one string
            # even though 𠮷 comes from another font.
            text_object = canvas.beginText(start, y)
            for run_font, chunk in runs:
                text_object.setFont(run_font, size)
                text_object.textOut(chunk)
            canvas.drawText(text_object)

        self._add(draw)
        return width

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.6) -> None:
        def draw(canvas: Canvas) -> None:
            canvas.setLineWidth(width)
            canvas.line(x1, y1, x2, y2)

        self._add(draw)

    def rect(self, x: float, y: float, w: float, h: float, *, width: float = 0.6, fill_grey: float | None = None) -> None:
        def draw(canvas: Canvas) -> None:
            canvas.setLineWidth(width)
            if fill_grey is not None:
                canvas.setFillGray(fill_grey)
                canvas.rect(x, y, w, h, stroke=1, fill=1)
                canvas.setFillGray(0)
            else:
                canvas.rect(x, y, w, h, stroke=1, fill=0)

        self._add(draw)

    # -- text that must fit
    def fit_lines(self, text: str, width: float, size: float, min_size: float, max_lines: int,
                  source: Source = NO_SOURCE) -> tuple[float, list[str]]:
        """The largest size (down to min_size) at which text wraps into max_lines lines of width."""
        current = size
        while True:
            lines = wrap(text, self.chain, current, width, source)
            if len(lines) <= max_lines:
                return current, lines
            if current <= min_size:
                raise FormOverflowError(_(
                    "「{record}」の{field}が長すぎて枠に収まりません（{count}文字）。短くしてください"
                ).format(record=source.record or self.title, field=source.field or _("本文"), count=len(text)))
            current = max(min_size, current - 0.5)

    def box_text(self, x: float, y_top: float, width: float, height: float, text: str, *, size: float,
                 min_size: float = 6.0, align: Align = "left", leading: float = 1.25,
                 source: Source = NO_SOURCE) -> None:
        """Text in a fixed box: shrinks, then wraps; raises FormOverflowError rather than cut."""
        max_lines = 1
        while True:
            try_size = size
            while try_size >= min_size:
                lines = wrap(text, self.chain, try_size, width, source)
                if len(lines) <= max_lines and len(lines) * try_size * leading <= height + 0.01:
                    self._lines_at(x, y_top, width, lines, try_size, leading, align, source)
                    return
                try_size -= 0.5
            max_lines += 1
            if max_lines * min_size * leading > height:
                raise FormOverflowError(_(
                    "「{record}」の{field}が長すぎて枠に収まりません（{count}文字）。短くしてください"
                ).format(record=source.record or self.title, field=source.field or _("本文"), count=len(text)))

    def _lines_at(self, x: float, y_top: float, width: float, lines: Sequence[str], size: float,
                  leading: float, align: Align, source: Source) -> None:
        baseline = y_top - size
        for line in lines:
            anchor = x + width if align == "right" else x + width / 2 if align == "center" else x
            self.text_at(anchor, baseline, line, size, align=align, source=source)
            baseline -= size * leading

    # -- flows
    def heading(self, text: str, size: float = 16, *, space_after: float = 6 * mm) -> None:
        _, lines = self.fit_lines(text, self.width, size, 10, 2)
        for line in lines:
            self.ensure_space(size * 1.4)
            self.text_at(self.left + self.width / 2, self.y - size, line, size, align="center")
            self.y -= size * 1.4
        self.y -= space_after

    def paragraph(self, text: str, *, size: float = 10.5, indent: float = 0.0, first_indent: float = 0.0,
                  leading: float = 1.7, align: Align = "left", source: Source = NO_SOURCE,
                  space_after: float = 0.0) -> None:
        """Wraps at the content width minus indent; the first line starts first_indent further in
        (negative for a hanging 第一条 heading). Continues on the next page when needed."""
        body_width = self.width - indent
        first_width = body_width - max(first_indent, 0.0)
        first = wrap(text, self.chain, size, first_width, source)[:1]
        rest_text = text[len(first[0]):] if first else ""
        lines = first + (wrap(rest_text, self.chain, size, body_width, source) if rest_text else [])
        for index, line in enumerate(lines):
            self.ensure_space(size * leading)
            x = self.left + indent + (first_indent if index == 0 else 0.0)
            anchor = x + (body_width if align == "right" else body_width / 2 if align == "center" else 0.0)
            self.text_at(anchor, self.y - size, line, size, align=align, source=source)
            self.y -= size * leading
        self.y -= space_after

    def table(self, columns: Sequence[TableColumn], rows: Sequence[Sequence[str]], *, size: float = 9.0,
              header_size: float = 9.0, padding: float = 1.6 * mm, leading: float = 1.3,
              sources: Sequence[Source] | None = None, min_row_height: float = 7 * mm,
              keep_after: float = 0.0) -> None:
        """A ruled table; rows grow to fit wrapped text; the header repeats on every new page.
        `keep_after` points stay free under the last row (a total line never stands alone)."""
        total = sum(c.width for c in columns)
        widths = [self.width * c.width / total for c in columns]

        def draw_header() -> None:
            header_lines = [wrap(c.header, self.chain, header_size, w - 2 * padding) for c, w in zip(columns, widths, strict=True)]
            height = max(max(len(lines) for lines in header_lines) * header_size * leading + 2 * padding, min_row_height)
            self._row(widths, header_lines, [header_size] * len(columns),
                      [c.align if c.align != "left" else "center" for c in columns], leading, padding, height,
                      grey=0.88, source=NO_SOURCE)
            self.y -= height

        self.ensure_space(min_row_height * 2)
        draw_header()
        for index, row in enumerate(rows):
            source = sources[index] if sources is not None else NO_SOURCE
            sizes, cell_lines = [], []
            for column, value, w in zip(columns, row, widths, strict=True):
                cell_source = Source(source.record, column.header)
                if column.shrink:
                    cell_size, lines = self.fit_lines(value, w - 2 * padding, size, 5.0, 1, cell_source)
                else:
                    cell_size, lines = size, wrap(value, self.chain, size, w - 2 * padding, cell_source)
                sizes.append(cell_size)
                cell_lines.append(lines)
            height = max(max(len(lines) for lines in cell_lines) * size * leading + 2 * padding, min_row_height)
            reserve = keep_after if index == len(rows) - 1 else 0.0
            if self.y - height - reserve < self.bottom:
                if height > self.top - self.bottom - min_row_height * 2:
                    raise FormOverflowError(_("表の1行が1ページに収まりません（{record}）").format(record=source.record))
                self.new_page()
                draw_header()
            self._row(widths, cell_lines, sizes, [c.align for c in columns], leading, padding, height, None, source)
            self.y -= height

    def _row(self, widths: list[float], cell_lines: list[list[str]], sizes: list[float], aligns: list[Align],
             leading: float, padding: float, height: float, grey: float | None, source: Source) -> None:
        self._cells(self.left, self.y - height, widths, height, grey)
        chain = self.chain
        placed: list[tuple[float, float, float, list[tuple[str, str]]]] = []  # x, baseline, size, runs
        x = self.left
        for w, lines, size, align in zip(widths, cell_lines, sizes, aligns, strict=True):
            text_height = len(lines) * size * leading
            baseline = self.y - (height - text_height) / 2 + (leading - 1) * size / 2 - size
            inner = w - 2 * padding
            for line in lines:
                runs = chain.runs(line, source)  # checks every character now, as text_at does
                if align == "left":
                    start = x + padding
                else:
                    width = chain.width(line, size, source)
                    start = x + padding + (inner - width if align == "right" else (inner - width) / 2)
                placed.append((start, baseline, size, runs))
                baseline -= size * leading
            x += w

        def draw(canvas: Canvas) -> None:
            # One text object for the row's cells (a batch has 170,000 cell lines): each line
            # keeps its own origin, and the font is set only when it changes.
            text_object = canvas.beginText()
            current: tuple[str, float] | None = None
            for start, baseline, size, runs in placed:
                text_object.setTextOrigin(start, baseline)
                for run_font, chunk in runs:
                    if (run_font, size) != current:
                        text_object.setFont(run_font, size)
                        current = (run_font, size)
                    text_object.textOut(chunk)
            canvas.drawText(text_object)

        self._add(draw)

    def _cells(self, x: float, y: float, widths: list[float], height: float, grey: float | None) -> None:
        """A table row's ruled cells as one path: one drawing step instead of one per cell (a
        batch of 600 pages has 20,000 cells)."""
        def draw(canvas: Canvas) -> None:
            canvas.setLineWidth(0.6)
            path = canvas.beginPath()
            left = x
            for w in widths:
                path.rect(left, y, w, height)
                left += w
            if grey is not None:
                canvas.setFillGray(grey)
                canvas.drawPath(path, stroke=1, fill=1)
                canvas.setFillGray(0)
            else:
                canvas.drawPath(path, stroke=1, fill=0)

        self._add(draw)

    # -- output
    def render(self) -> bytes:
        """The PDF: fonts embedded and subset; the same sheet gives the same bytes but the dates."""
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(self.setup.width, self.setup.height), invariant=True,
                        initialFontName=self.primary_font, initialFontSize=10.5, pageCompression=1)
        # invariant=True makes the document ID a digest of the content alone; the dates are
        # then set back to the real time of printing.
        canvas._doc._timeStamp = TimeStamp(invariant=False)
        canvas.setTitle(self.title)
        canvas.setAuthor(self.author)
        canvas.setSubject(self.subject)
        canvas.setCreator("Renkei Desk")
        total = len(self.pages)
        report = page_progress.get()
        for number, steps in enumerate(self.pages, start=1):
            if report is not None:
                report(number, total)
            for step in steps:
                step(canvas)
            if self.setup.page_numbers:
                label = f"{number}/{total}"
                canvas.setFont(self.primary_font, 9)
                canvas.drawCentredString(self.setup.width / 2, self.setup.margin_bottom / 2, label)
            if self.footer:
                canvas.setFont(self.primary_font, 7)
                canvas.drawRightString(self.right, self.setup.margin_bottom / 2, self.footer)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()
