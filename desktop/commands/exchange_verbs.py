"""The argparse faces of `export`, `verify` and `aggregate`; light, so the window's start-up
does not load what only these verbs need."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.commands.carry_out_verbs import add_medium_argument
from desktop.i18n import _

EXCHANGE_VERBS = ("export", "verify", "aggregate", "prefecture")


def add_exchange_verbs(verbs: argparse._SubParsersAction[argparse.ArgumentParser],
                       common: Callable[[argparse.ArgumentParser], None]) -> None:
    """The parsers of the three verbs, kept here so cli.py stays a list of verbs."""
    export = verbs.add_parser("export", help=_("年度の交換ファイル（都道府県あて）を書き出す"))
    export.add_argument("--fiscal-year", required=True, help=_("年度（例: 2025、令和7年度）"))
    export.add_argument("--out", type=Path, required=True, help=_("書き出すフォルダ（USBメモリなど）"))
    export.add_argument("--passphrase-file", type=Path, default=None, help=_("パスフレーズを1行目に書いたファイル（メールで送るとき暗号化する）"))
    export.add_argument("--csv-encoding", choices=("utf-8-sig", "cp932"), default="utf-8-sig",
                        help=_("CSVの文字コード（既定: UTF-8 BOM付き）"))
    export.add_argument("--cp932-replace", action="store_true",
                        help=_("cp932で表せない文字を決まった字（𠮷→吉、ほかは〓）に置き換えることを確認する（manifest.json に記録）"))
    add_medium_argument(export)
    common(export)
    verify = verbs.add_parser("verify", help=_("交換ファイルを検証する（何も書きません）"))
    verify.add_argument("file", type=Path, help=_("交換ファイル（.zip または .zip.enc）"))
    verify.add_argument("--passphrase-file", type=Path, default=None, help=_("パスフレーズを1行目に書いたファイル"))
    common(verify)
    aggregate = verbs.add_parser("aggregate", help=_("都道府県集計: 各町村の交換ファイルを検証して集計する"))
    aggregate.add_argument("files", type=Path, nargs="+", help=_("交換ファイル（複数）"))
    aggregate.add_argument("--out", type=Path, required=True, help=_("集計表（xlsx）"))
    aggregate.add_argument("--json", action="store_true", help=_("集計をJSONでも出力する"))
    aggregate.add_argument("--passphrase-file", type=Path, default=None, help=_("パスフレーズを1行目に書いたファイル"))
    common(aggregate)
    prefecture = verbs.add_parser("prefecture", help=_("都道府県集計の画面を開く（事務ファイルは使いません）"))
    prefecture.add_argument("files", type=Path, nargs="*", help=_("最初に開く交換ファイル"))
    common(prefecture)


def run_exchange_verb(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands.exchange_cli import run_aggregate, run_export, run_verify
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.domain.wareki import DateParseError

    if args.verb == "prefecture":
        from desktop.ui.exchange.prefecture_window import run_prefecture_app

        return run_prefecture_app(args.files, language=args.lang)
    if args.verb == "verify":
        return run_verify(args.file, passphrase_file=args.passphrase_file)
    if args.verb == "aggregate":
        return run_aggregate(args.files, out=args.out, as_json=args.json, passphrase_file=args.passphrase_file)
    try:
        fiscal_year = FiscalYear.parse(args.fiscal_year)
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return 1
    from desktop.domain.carry_out import Medium

    return run_export(db, fiscal_year, args.out, passphrase_file=args.passphrase_file,
                      csv_encoding=args.csv_encoding, cp932_replace=args.cp932_replace,
                      medium=Medium(args.medium or "other"))
