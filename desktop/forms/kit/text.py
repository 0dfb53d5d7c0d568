"""Japanese line breaking: break anywhere but inside ASCII words, keep 禁則 (no 、。）」 at a line start)."""

from __future__ import annotations

import re

from desktop.forms.kit.fonts import NO_SOURCE, FontChain, Source
from desktop.forms.kit.variation import SELECTOR

NO_LINE_START = set("、。，．,.）〕］｝〉》」』】〙〗〟’”｠»・：；:;!?！？ー〜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ)]}")
NO_LINE_END = set("（〔［｛〈《「『【〘〖〝‘“｟«([{")
# A character keeps its variation selector: 葛󠄀 is one token, never split across lines.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/@%+\-]*|." + SELECTOR + "*", re.DOTALL)
_CLUSTER = re.compile("." + SELECTOR + "*", re.DOTALL)


def tokens(text: str) -> list[str]:
    """ASCII words and numbers stay whole (R7.4.1, 1,234,000); every other character is its own token."""
    return _TOKEN.findall(text)


def wrap(text: str, chain: FontChain, size: float, width: float, source: Source = NO_SOURCE) -> list[str]:
    """Lines that each fit `width` points; explicit newlines are kept. Never drops a character."""
    key = (text, size, width)
    cached = chain.wrapped.get(key)
    if cached is None:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines.extend(_wrap_paragraph(paragraph, chain, size, width, source))
        cached = chain.wrapped[key] = tuple(lines)
    return list(cached)


def _wrap_paragraph(text: str, chain: FontChain, size: float, width: float, source: Source) -> list[str]:
    if not text:
        return [""]
    # Most cells fit on one line: widths add up character by character, so a paragraph no
    # wider than the line is that line (a batch wraps tens of thousands of cells).
    if chain.width(text, size, source) <= width:
        return [text]
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for token in tokens(text):
        token_width = chain.width(token, size, source)
        if current and current_width + token_width > width:
            current, carried = _break_line(current, token, token_width, chain, size, width, source)
            lines.append("".join(current))
            current, current_width = carried, chain.width("".join(carried), size, source)
        if token_width > width and len(token) > 1:
            # A word longer than the line is split by character rather than overflowing.
            for char in _CLUSTER.findall(token):
                char_width = chain.width(char, size, source)
                if current and current_width + char_width > width:
                    lines.append("".join(current))
                    current, current_width = [], 0.0
                current.append(char)
                current_width += char_width
            continue
        current.append(token)
        current_width += token_width
    lines.append("".join(current))
    return lines


def _break_line(current: list[str], next_token: str, next_width: float, chain: FontChain, size: float,
                width: float, source: Source) -> tuple[list[str], list[str]]:
    """Where to end the line: move tokens down so the next line does not start with a closing
    mark and this one does not end with an opening mark, as far as the next line has room."""
    for avoid_opening_at_end in (True, False):
        kept, carried = list(current), list[str]()
        first = next_token
        while first[:1] in NO_LINE_START and len(kept) > 1:
            first = kept.pop()
            carried.insert(0, first)
        while avoid_opening_at_end and len(kept) > 1 and kept[-1][-1:] in NO_LINE_END:
            carried.insert(0, kept.pop())
        if not carried or chain.width("".join(carried), size, source) + next_width <= width:
            return kept, carried
    # A run of marks longer than a line: 禁則 cannot hold, the width must.
    return current, []
