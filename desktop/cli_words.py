"""argparse's own words (usage, options, its error messages) in the UI language.

argparse looks up `_` and `ngettext` in its module on every call, so replacing them there sends
its English through our catalog: each English phrase maps to a Japanese msgid, translated as
every other string is (the en catalog gives the English back).
"""

from __future__ import annotations

import argparse

from desktop.i18n import N_, _

ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": N_("使い方: "),
    "positional arguments": N_("引数"),
    "options": N_("オプション"),
    "show this help message and exit": N_("このヘルプを表示して終了する"),
    "show program's version number and exit": N_("版を表示して終了する"),
    "argument %(argument_name)s: %(message)s": N_("引数 %(argument_name)s: %(message)s"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: エラー: %(message)s\n"),
    "the following arguments are required: %s": N_("次の引数が必要です: %s"),
    "unrecognized arguments: %s": N_("認識できない引数です: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("%(value)r は選べません（選べるのは %(choices)s）"),
    "invalid %(type)s value: %(value)r": N_("%(value)r は %(type)s の値として正しくありません"),
    "expected one argument": N_("値を1つ指定してください"),
    "expected at most one argument": N_("値は1つまでです"),
    "expected at least one argument": N_("値を1つ以上指定してください"),
    "ambiguous option: %(option)s could match %(matches)s": N_("オプション %(option)s があいまいです（候補: %(matches)s）"),
    "not allowed with argument %s": N_("引数 %s と同時には指定できません"),
    "one of the arguments %s is required": N_("引数 %s のどれか1つが必要です"),
    "ignored explicit argument %r": N_("値 %r は受け付けません"),
    "unexpected option string: %s": N_("予期しないオプションです: %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        N_("%(parser_name)r という動詞はありません（選べるのは %(choices)s）"),
    "can't open '%(filename)s': %(error)s": N_("「%(filename)s」を開けません: %(error)s"),
}


def _argparse_gettext(message: str) -> str:
    msgid = ARGPARSE_WORDS.get(message)
    return _(msgid) if msgid is not None else message


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return _argparse_gettext(singular if count == 1 else plural)


def install_argparse_words() -> None:
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


def import_epilog() -> str:
    """`import --help`: the columns each kind expects, in the order of the template (＊ = must be filled)."""
    from desktop.importing.templates import (
        AGREEMENT_COLUMNS,
        ORGANISATION_COLUMNS,
        ORGANISATION_REQUIRED,
        PAYMENT_COLUMNS,
        PAYMENT_REQUIRED,
        ROSTER_COLUMNS,
    )

    kinds = (("roster", ROSTER_COLUMNS, ROSTER_COLUMNS), ("agreements", AGREEMENT_COLUMNS, AGREEMENT_COLUMNS),
             ("payments", PAYMENT_COLUMNS, PAYMENT_REQUIRED),
             ("organisations", ORGANISATION_COLUMNS, ORGANISATION_REQUIRED))
    lines = [_("1行目に置く列の見出し（＊は値が必須の列。--template で空のテンプレートを書き出せます）:")]
    for kind, columns, required in kinds:
        names = "、".join(("＊" if name in required else "") + name for name in columns)
        lines.append(f"  {kind}: {names}")
    return "\n".join(lines)
