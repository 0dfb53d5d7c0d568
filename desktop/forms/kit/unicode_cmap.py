"""A fix for reportlab's ToUnicode CMap, which writes characters beyond U+FFFF (𠮷) as bare hex,
and the text of variation sequences drawn through private codes (see variation.py).

PDF requires UTF-16BE in a bfchar destination, so U+20BB7 must be <D842DFB7>; reportlab
writes <20BB7>, which viewers and pypdf reject, and 𠮷 cannot be copied or searched.
Installed once by fonts.register_fonts() before any PDF is written.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

from desktop.forms.kit import variation


def _utf16_hex(code_point: int) -> str:
    """The text a glyph stands for: the character, or the whole variation sequence it draws."""
    text = variation.sequence_of(code_point) or chr(code_point)
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install() -> None:
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
