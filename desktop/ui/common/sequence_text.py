"""Names with variation sequences (辻󠄂 = U+8FBB U+E0102) drawn with the glyph they select.

Qt's text shaping hands HarfBuzz the base character's glyph and drops the selector (its
glue has "TODO add support for variation selectors"), so 辻󠄂 would show as 辻. Where a
name is drawn by our own code — every list, through SequenceDelegate — the selected glyph
is looked up in the same format-14 cmaps the forms use and drawn as a glyph run of the
bundled font, so the list shows what prints. Name fields (NameEdit) do the same while the
clerk is not typing in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QPainter, QPaintEvent, QPalette, QRawFont
from PySide6.QtWidgets import (
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFrame,
    QStyleOptionViewItem,
)

from desktop.fontfiles import GOTHIC_FILE, bundled, find_ipamj
from desktop.forms.kit.variation import SELECTOR, SELECTORS, SEQUENCE, VariationTable

# The window's own families (ui/fonts.py), in the order Qt falls back through them.
_FAMILIES = (("IPAexGothic", GOTHIC_FILE), ("IPAmjMincho", None))


_CLUSTER = re.compile("." + SELECTOR + "*", re.DOTALL)


def has_sequence(text: str) -> bool:
    return SELECTORS.search(text) is not None


@cache
def _tables() -> tuple[tuple[str, VariationTable], ...]:
    return tuple((family, VariationTable(bundled(file) if file else find_ipamj())) for family, file in _FAMILIES)


def _glyph_for(sequence: str) -> tuple[str, int] | None:
    for family, table in _tables():
        glyph = table.glyph(sequence[0], sequence[1])
        if glyph is not None:
            return family, glyph
    return None


def _raw_font(font: QFont, family: str) -> QRawFont | None:
    """The bundled font as Qt loaded it (ui/fonts.py registers it); None if it is not there."""
    chosen = QFont(font)
    chosen.setFamilies([family])
    raw = QRawFont.fromFont(chosen)
    return raw if raw.isValid() and raw.familyName() == family else None


@dataclass(frozen=True)
class _Piece:
    """A plain run (raw is None), or one sequence drawn as `glyph` of `raw`."""

    text: str
    width: float
    raw: QRawFont | None = None
    glyph: int = 0


def _pieces(text: str, font: QFont) -> list[_Piece]:
    metrics = QFontMetricsF(font)
    pieces: list[_Piece] = []

    def plain(run: str) -> None:
        pieces.append(_Piece(run, metrics.horizontalAdvance(run)))

    position = 0
    for match in SEQUENCE.finditer(text):
        if match.start() > position:
            plain(text[position:match.start()])
        found = _glyph_for(match.group(0))
        raw = _raw_font(font, found[0]) if found else None
        if found and raw is not None:
            width = raw.advancesForGlyphIndexes([found[1]])[0].x()
            pieces.append(_Piece(match.group(0), width, raw, found[1]))
        else:
            # No bundled font has it: the base character shows; printing stops and names it.
            plain(match.group(0)[0])
        position = match.end()
    if position < len(text):
        plain(text[position:])
    return pieces


def text_width(text: str, font: QFont) -> float:
    return sum(piece.width for piece in _pieces(text, font))


def draw_text(painter: QPainter, rect: QRectF, text: str, font: QFont,
              alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    """Draws one line of text at the left (or right) of rect, vertically centred."""
    metrics = QFontMetricsF(font)
    pieces = _pieces(text, font)
    x = rect.left()
    if alignment & Qt.AlignmentFlag.AlignRight:
        x = rect.right() - sum(piece.width for piece in pieces)
    baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    painter.setFont(font)
    for piece in pieces:
        if piece.raw is None:
            painter.drawText(QPointF(x, baseline), piece.text)
        else:
            run = QGlyphRun()
            run.setRawFont(piece.raw)
            run.setGlyphIndexes([piece.glyph])
            run.setPositions([QPointF(0, 0)])
            painter.drawGlyphRun(QPointF(x, baseline), run)
        x += piece.width


class SequenceDelegate(QStyledItemDelegate):
    """A list cell that draws variation sequences as they print; other cells as Qt draws them."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not has_sequence(text):
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        widget = cell.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        text_rect = QRectF(style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, widget))
        painter.save()
        selected = bool(cell.state & QStyle.StateFlag.State_Selected)
        role = cell.palette.ColorRole.HighlightedText if selected else cell.palette.ColorRole.Text
        painter.setPen(cell.palette.color(role))
        draw_text(painter, text_rect.adjusted(3, 0, -3, 0), text, cell.font,
                  Qt.AlignmentFlag(int(cell.displayAlignment)))
        painter.restore()


class NameEdit(QLineEdit):
    """A name field: while the clerk is not typing in it, a name with a variation sequence is
    drawn as it prints; while typing, Qt's own editor (cursor, selection, input method) draws."""

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.text()
        if self.hasFocus() or not has_sequence(text) or self.echoMode() != QLineEdit.EchoMode.Normal:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        frame = QStyleOptionFrame()
        self.initStyleOption(frame)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, frame, painter, self)
        area = QRectF(self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, frame, self))
        margins = self.textMargins()
        painter.setPen(self.palette().color(self.palette().ColorRole.Text))
        draw_text(painter, area.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2,
                                         -margins.bottom()), text, self.font())
        painter.end()


def _wrapped_lines(text: str, font: QFont, width: float, wrap: bool) -> list[str]:
    """Explicit lines, and when wrapping, greedy breaks between characters (a sequence stays whole)."""
    if not wrap:
        return text.split("\n")
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for cluster in _CLUSTER.findall(paragraph):
            if current and metrics.horizontalAdvance(SELECTORS.sub("", current + cluster)) > width:
                lines.append(current)
                current = ""
            current += cluster
        lines.append(current)
    return lines


class SequenceStyle(QProxyStyle):
    """Labels, buttons and message boxes draw sequences as they print.

    Qt draws plain widget text through QStyle.drawItemText; message boxes are made to use
    plain labels (no text interaction) so their text takes the same path.
    """

    def drawItemText(self, painter: QPainter, rect, flags: int, palette, enabled: bool,  # type: ignore[no-untyped-def]
                     text: str, role=QPalette.ColorRole.NoRole) -> None:
        if not has_sequence(text):
            super().drawItemText(painter, rect, flags, palette, enabled, text, role)
            return
        painter.save()
        if role != QPalette.ColorRole.NoRole:
            painter.setPen(palette.color(QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled, role))
        font = painter.font()
        metrics = QFontMetricsF(font)
        lines = _wrapped_lines(text, font, rect.width(), bool(flags & Qt.TextFlag.TextWordWrap))
        height = metrics.height()
        top = rect.top()
        if flags & Qt.AlignmentFlag.AlignVCenter:
            top = rect.top() + (rect.height() - height * len(lines)) / 2
        elif flags & Qt.AlignmentFlag.AlignBottom:
            top = rect.bottom() - height * len(lines)
        alignment = Qt.AlignmentFlag.AlignRight if flags & Qt.AlignmentFlag.AlignRight else Qt.AlignmentFlag.AlignLeft
        for number, line in enumerate(lines):
            line_rect = QRectF(rect.left(), top + number * height, rect.width(), height)
            if flags & Qt.AlignmentFlag.AlignHCenter:
                width = text_width(line, font)
                line_rect = QRectF(rect.left() + (rect.width() - width) / 2, line_rect.top(), width, height)
            draw_text(painter, line_rect, line, font, alignment)
        painter.restore()

    def styleHint(self, hint, option=None, widget=None, return_data=None):
        if hint == QStyle.StyleHint.SH_MessageBox_TextInteractionFlags:
            return Qt.TextInteractionFlag.NoTextInteraction.value
        return super().styleHint(hint, option, widget, return_data)
