"""The window draws with the bundled fonts, so 髙﨑 and 𠮷 show as typed on a PC with no Japanese font.

IPAexゴシック is the application font and IPAmj明朝 its fallback for what IPAex lacks
(𠮷 and the other MJ characters); a system font is never needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.fontfiles import GOTHIC_FILE, MINCHO_FILE, bundled, find_ipamj

if TYPE_CHECKING:
    from desktop.ui.common.sequence_text import SequenceStyle

UI_FAMILY = "IPAexGothic"
FALLBACK_FAMILY = "IPAmjMincho"
_style: SequenceStyle | None = None


def register_bundled_fonts() -> list[str]:
    """Adds the font files to Qt's database (lazily read by Qt, so start-up stays quick)."""
    families: list[str] = []
    for path in (bundled(GOTHIC_FILE), bundled(MINCHO_FILE), find_ipamj()):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


FONT_SIZES = (10, 12, 14, 16)   # 標準, 大, 特大, 最大 (points; Qt scales them with the screen's DPI)
FONT_SIZE_KEY = "view/font_point_size"


def apply_font_size(app: QApplication, points: int) -> None:
    """The clerk's font-size setting (View menu) on the application font install_fonts chose;
    every widget without a font of its own follows."""
    font = QFont(app.font())
    font.setPointSize(points)
    app.setFont(font)


def install_fonts(app: QApplication, *, sequence_style: bool = True) -> None:
    """The bundled fonts as the application font; with `sequence_style` also the style that draws
    variation sequences (the window installs it right after its first frame, which has none)."""
    families = register_bundled_fonts()
    chain = [family for family in (UI_FAMILY, FALLBACK_FAMILY) if family in families]
    if not chain:
        return
    font = QFont(app.font())
    font.setFamilies(chain)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    # A widget that names one family of its own (a style sheet, rich text) still reaches
    # IPAmj明朝 for 𠮷 through Qt's substitution table.
    if FALLBACK_FAMILY in families:
        for family in ("IPAexGothic", "IPAexMincho"):
            QFont.insertSubstitution(family, FALLBACK_FAMILY)
    if sequence_style:
        install_sequence_style(app)


def install_sequence_style(app: QApplication) -> None:
    """Labels, buttons and message boxes draw variation sequences (ui/common/sequence_text.py)."""
    from desktop.ui.common.sequence_text import SequenceStyle

    global _style
    if _style is None and {UI_FAMILY, FALLBACK_FAMILY} & set(app.font().families()):  # install_fonts chose them
        # Kept referenced here: Qt owns the style, but Python must not collect its wrapper.
        _style = SequenceStyle(app.style().name())
        app.setStyle(_style)
