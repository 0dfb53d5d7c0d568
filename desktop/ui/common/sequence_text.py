"""Names with variation sequences (辻󠄂 = U+8FBB U+E0102) drawn with the glyph they select.

Qt's text shaping hands HarfBuzz the base character's glyph and drops the selector (its
glue has "TODO add support for variation selectors"), so 辻󠄂 would show as 辻. Where a
name is drawn by our own code — every list, through SequenceDelegate — the selected glyph
is looked up in the same format-14 cmaps the forms use and drawn as a glyph run of the
bundled font, so the list shows what prints. Name fields (NameEdit) do the same while the
clerk is not typing in them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QPainter, QPaintEvent, QRawFont
from PySide6.QtWidgets import (
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFrame,
    QStyleOptionViewItem,
)

from desktop.fontfiles import GOTHIC_FILE, bundled, find_ipamj
from desktop.forms.kit.variation import SELECTORS, SEQUENCE, VariationTable

# The window's own families (ui/fonts.py), in the order Qt falls back through them.
_FAMILIES = (("IPAexGothic", GOTHIC_FILE), ("IPAmjMincho", None))


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


def _pieces(text: str) -> list[tuple[str, tuple[str, int] | None]]:
    """Plain runs (None) and sequences with their (family, glyph)."""
    pieces: list[tuple[str, tuple[str, int] | None]] = []
    position = 0
    for match in SEQUENCE.finditer(text):
        if match.start() > position:
            pieces.append((text[position:match.start()], None))
        found = _glyph_for(match.group(0))
        # No bundled font has it: the base character shows; printing stops and names it.
        pieces.append((match.group(0), found) if found else (match.group(0)[0], None))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def _raw_font(font: QFont, family: str) -> QRawFont:
    chosen = QFont(font)
    chosen.setFamilies([family])
    return QRawFont.fromFont(chosen)


def draw_text(painter: QPainter, rect: QRectF, text: str, font: QFont,
              alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    """Draws one line of text at the left (or right) of rect, vertically centred."""
    metrics = QFontMetricsF(font)
    pieces = _pieces(text)
    widths = []
    for piece, glyph in pieces:
        if glyph is None:
            widths.append(metrics.horizontalAdvance(piece))
        else:
            raw = _raw_font(font, glyph[0])
            widths.append(raw.advancesForGlyphIndexes([glyph[1]])[0].x())
    x = rect.left()
    if alignment & Qt.AlignmentFlag.AlignRight:
        x = rect.right() - sum(widths)
    baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    painter.setFont(font)
    for (piece, glyph), width in zip(pieces, widths, strict=True):
        if glyph is None:
            painter.drawText(QPointF(x, baseline), piece)
        else:
            run = QGlyphRun()
            run.setRawFont(_raw_font(font, glyph[0]))
            run.setGlyphIndexes([glyph[1]])
            run.setPositions([QPointF(0, 0)])
            painter.drawGlyphRun(QPointF(x, baseline), run)
        x += width


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
