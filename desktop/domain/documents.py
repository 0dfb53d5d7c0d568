"""文書番号 and the letter-head words every outgoing form carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.text import normalise_numeric
from desktop.domain.wareki import format_wareki

BLANK_NUMBER = "\u3000\u3000\u3000"


def format_document_number(prefix: str, number: str) -> str:
    """('B町総', '123') → 'B町総第123号'; an empty number leaves a space to write in by hand."""
    digits = normalise_numeric(number)
    return f"{prefix}第{digits or BLANK_NUMBER}号"


def head_title(body: str) -> str:
    """The title of a body's head: A県 → A県知事, C市 → C市長, B町 → B町長, D村 → D村長."""
    if body.endswith(("県", "府", "都", "道")):
        return f"{body}知事"
    if body.endswith(("市", "町", "村")):
        return f"{body}長"
    return f"{body}の長"


def date_line(day: date | None) -> str:
    """A form's date: 令和7年4月1日, or a blank 令和　年　月　日 to fill in by hand."""
    return format_wareki(day) if day else "令和\u3000\u3000年\u3000\u3000月\u3000\u3000日"


@dataclass(frozen=True)
class LetterHead:
    """What a form sent out carries: 文書番号, date, addressee (様), sender and seal box."""

    document_number: str
    issued_on: date | None
    addressee: str
    sender_title: str
    sender_name: str
