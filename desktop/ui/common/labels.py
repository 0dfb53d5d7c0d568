"""Japanese labels for the audit trail's entity and action codes."""

from __future__ import annotations

from desktop.i18n import N_, _

ENTITY_LABELS = {
    "town": N_("自団体設定"),
    "setting": N_("設定"),
}

ACTION_LABELS = {
    "create": N_("追加"),
    "update": N_("変更"),
    "delete": N_("削除"),
}


def entity_label(code: str) -> str:
    return _(ENTITY_LABELS[code]) if code in ENTITY_LABELS else code


def action_label(code: str) -> str:
    return _(ACTION_LABELS[code]) if code in ACTION_LABELS else code
