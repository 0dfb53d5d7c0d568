"""持出記録: what a carry-out of personal data records (what left, on which medium, encrypted or not).

Personal information protection law (個人情報保護法第66条, 安全管理措置) asks an office to control
the media that carry personal data out; the register is that control's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.i18n import N_, _


class Medium(Enum):
    """持出媒体."""

    USB = "usb"
    EMAIL = "email"
    PAPER = "paper"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_MEDIUM_LABELS[self])

    @classmethod
    def from_text(cls, text: str) -> Medium | None:
        """'usb', 'USB', 'email', 'paper', 'other' (as the CLI takes them) → the medium."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            return None


_MEDIUM_LABELS = {Medium.USB: N_("USBメモリ"), Medium.EMAIL: N_("メール"), Medium.PAPER: N_("紙"),
                  Medium.OTHER: N_("その他")}

# What a file left as by default when nobody said: the CLI's default for files, the window's first choice.
FILE_DEFAULT = Medium.OTHER


class OutputKind(Enum):
    FORM = "form"          # a printed form, or one saved as PDF
    EXCHANGE = "exchange"  # the yearly exchange file for the prefecture
    XLSX = "xlsx"          # a spreadsheet export
    CSV = "csv"


@dataclass(frozen=True)
class CarryOut:
    """One file or printout with personal data leaving the office.

    sha256 is the file's as written, None for paper (nothing was written). persons: how many
    people's data it holds (the register's 人数).
    """

    output_kind: OutputKind
    document: str                 # F2 … F13, exchange, ledger
    description: str
    medium: Medium
    persons: int
    file_name: str = ""
    sha256: str | None = None
    encrypted: bool = False
    fiscal_year: int | None = None
    note: str = ""
