"""The forms the app prints, by id (F1–F13 in FORMS.md); only those that exist are listed."""

from __future__ import annotations

from desktop.i18n import N_

FORM_TITLES: dict[str, str] = {
    "F1": N_("連携協約書"),
    "F2": N_("派遣職員受入名簿"),
    "F3": N_("負担金支払状況一覧"),
    "F4": N_("特別交付税算定資料"),
}
