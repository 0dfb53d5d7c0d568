"""Which outputs hold personal data (個人情報), and so are audited and written to the carry-out
register (持出記録) each time they are printed, saved or exported. The one place this is decided.

The rule: an output holds personal data when it names a private person we keep data about —
a dispatched staff member (派遣職員: 氏名, with field, employment, money) or the representative of a
community organisation (代表者の氏名, with the organisation's address). Not personal data here:
the names of the heads of the town and the sending body printed in their office (町長・知事 as
signatories: information on a public official's duties), organisation names and areas (the law
itself has them published, 第260条の49第4項), and the register F14 itself, which names only the
office's own clerks acting in their duties (recording its printing would also grow it on every print).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import N_


@dataclass(frozen=True)
class Holding:
    personal: bool
    reason: str  # msgid: why (shown nowhere yet; the written rule is the point)


_STAFF = Holding(True, N_("派遣職員の氏名を載せるため"))
_REPRESENTATIVE = Holding(True, N_("団体の代表者の氏名と事務所の所在地を載せるため"))

FORM_HOLDINGS: dict[str, Holding] = {
    "F1": Holding(False, N_("協約の当事者と首長の職・氏名のみ（公務の情報）")),
    "F2": _STAFF,
    "F3": _STAFF,
    # F4 is not only totals: each line and each exclusion names the post's staff.
    "F4": _STAFF,
    "F5": _REPRESENTATIVE,   # blank (no organisation named): nothing personal, see form_holds_personal_data
    "F6": _REPRESENTATIVE,
    "F7": Holding(False, N_("団体名・区域・活動と支援の状況のみ（法により公表するもの）")),
    "F8": _REPRESENTATIVE,
    "F9": _REPRESENTATIVE,
    "F10": _REPRESENTATIVE,
    "F11": _REPRESENTATIVE,
    "F12": _REPRESENTATIVE,
    "F13": _REPRESENTATIVE,
    "F14": Holding(False, N_("持出記録簿は事務所の職員の職務の記録のみ")),
}

# Exports by document code: the exchange file carries the people CSV; the ledger lists staff by name.
EXPORT_HOLDINGS: dict[str, Holding] = {
    "exchange": _STAFF,
    "ledger": _STAFF,
}


def form_holds_personal_data(form_id: str, *, names_organisation: bool = True) -> bool:
    """True when printing or saving this form must be audited and registered. A form the
    registry does not list counts as personal (the safe side). F5 without an organisation
    is the blank application for the counter."""
    if form_id == "F5" and not names_organisation:
        return False
    holding = FORM_HOLDINGS.get(form_id)
    return True if holding is None else holding.personal


def export_holds_personal_data(document: str) -> bool:
    holding = EXPORT_HOLDINGS.get(document)
    return True if holding is None else holding.personal
