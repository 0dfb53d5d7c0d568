"""Japanese labels for the audit trail's entity and action codes."""

from __future__ import annotations

from desktop.i18n import N_, _

ENTITY_LABELS = {
    "town": N_("自団体設定"),
    "setting": N_("設定"),
    "agreement": N_("連携協約"),
    "post": N_("派遣先ポスト"),
    "field": N_("分野"),
    "assignment": N_("派遣"),
    "money_row": N_("負担金"),
    "claim": N_("算定資料"),
    "measure": N_("措置率・上限等"),
    "office": N_("事務ファイル"),
    "staff_member": N_("派遣職員"),
    "carry_out_record": N_("持出記録"),
    "user": N_("利用者"),
}

ACTION_LABELS = {
    "create": N_("追加"),
    "update": N_("変更"),
    "delete": N_("削除"),
    "amend": N_("協約変更"),
    "abolish": N_("廃止"),
    "import": N_("取込"),
    "submit": N_("提出"),
    "decide": N_("決定"),
    "reopen": N_("作成中に戻す"),
    "restore": N_("バックアップから復元"),
    "view": N_("閲覧"),
    "print": N_("印刷"),
    "export": N_("書出し"),
    "sign_in": N_("サインイン"),
    "sign_in_failed": N_("サインイン失敗"),
    "lock_out": N_("ロックアウト"),
    "disable": N_("無効化"),
    "enable": N_("有効化"),
    "reset_password": N_("パスワード再設定"),
}


def entity_label(code: str) -> str:
    return _(ENTITY_LABELS[code]) if code in ENTITY_LABELS else code


def action_label(code: str) -> str:
    return _(ACTION_LABELS[code]) if code in ACTION_LABELS else code
