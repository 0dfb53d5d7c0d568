"""The CLI faces of `export`, `verify` and `aggregate`: messages on stdout/stderr, exit 0 or 1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.commands.exchange import aggregate_paths, export_exchange, read_passphrase
from desktop.domain.carry_out import FILE_DEFAULT, Medium
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.yen import format_amount
from desktop.exchange.export import Cp932Error, ExportOptions
from desktop.exchange.format import ExchangeError
from desktop.exchange.verify import VerifiedFile, verify_path
from desktop.i18n import _
from desktop.store.db import open_office


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def describe_file(file: VerifiedFile) -> list[str]:
    """The lines `verify` and the window show for a whole file."""
    lines = [
        _("{town}（{code}） {year} — 作成 {created}、連携デスク {version}").format(
            town=file.town_name, code=file.town_code, year=file.fiscal_year_label, created=file.created_at,
            version=file.app_version),
        _("特別交付税算定額 {claim}円、負担金 {contribution}円、ポスト {posts}、派遣職員 {staff}人").format(
            claim=format_amount(file.claim_yen), contribution=format_amount(file.contribution_yen),
            posts=file.posts, staff=file.staff),
        _("部材 {count}件、SHA-256 すべて一致、監査ログ {entries}件（末尾 {head}…）").format(
            count=file.member_count, entries=file.audit_entries, head=file.audit_head[:16]),
    ]
    if file.encrypted:
        lines.append(_("暗号化: scrypt + AES-256-GCM、パスフレーズ一致"))
    if file.replacements:
        lines.append(_("CSV（cp932）で置き換えた文字: {count}件（manifest.json に記録）").format(count=file.replacements))
    return lines


def run_export(db: Path, fiscal_year: FiscalYear, out: Path, *, passphrase_file: Path | None, csv_encoding: str,
               cp932_replace: bool, medium: Medium = FILE_DEFAULT) -> int:
    try:
        passphrase = read_passphrase(passphrase_file)
    except ExchangeError as error:
        return _fail(str(error))
    options = ExportOptions(csv_encoding=csv_encoding, cp932_replace=cp932_replace, passphrase=passphrase)
    with open_office(db, create=False, take_backup=False) as office:
        try:
            outcome = export_exchange(office, fiscal_year=fiscal_year, folder=out, options=options, medium=medium)
        except Cp932Error as error:
            print(str(error), file=sys.stderr)
            for problem in error.problems:
                print("  " + problem.describe(), file=sys.stderr)
            print(_("--csv-encoding utf-8-sig を使うか、--cp932-replace で置き換え（docs/exchange-format.md）を確認してください"),
                  file=sys.stderr)
            return 1
        except ExchangeError as error:
            return _fail(str(error))
    print(_("交換ファイルを書き出し、読み返して検証しました: {path}").format(path=outcome.path))
    for line in describe_file(outcome.verified):
        print("  " + line)
    for problem in outcome.replacements:
        print("  " + _("置換: {problem}").format(problem=problem.describe()))
    print("  " + _("持出記録に記録しました（媒体: {medium}）").format(medium=medium.label))
    return 0


def run_verify(file: Path, *, passphrase_file: Path | None) -> int:
    try:
        verified = verify_path(file, read_passphrase(passphrase_file))
    except ExchangeError as error:
        return _fail(_("「{path}」を受け付けません: {error}").format(path=file, error=error))
    print(_("「{path}」は完全です。").format(path=file))
    for line in describe_file(verified):
        print("  " + line)
    return 0


def run_aggregate(files: list[Path], *, out: Path, as_json: bool, passphrase_file: Path | None) -> int:
    """Exit 1 when any file was refused or a town's history looks rewritten (the workbook is still written)."""
    from desktop.exchange.aggregate import aggregation_to_dict

    try:
        result = aggregate_paths(files, passphrase=read_passphrase(passphrase_file), out=out)
    except ExchangeError as error:
        return _fail(str(error))
    if as_json:
        json.dump(aggregation_to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for f in result.files:
            mark = "" if f.counted else _("（重複: 新しい方を集計）")
            print(f"{f.file.town_code} {f.file.town_name} {f.file.fiscal_year_label} "
                  + _("算定額 {claim}円 負担金 {contribution}円 {chain}{mark}").format(
                      claim=format_amount(f.file.claim_yen), contribution=format_amount(f.file.contribution_yen),
                      chain=f.chain.status.label, mark=mark))
        print(_("合計 {count}件: 算定額 {claim}円、負担金 {contribution}円 → {out}").format(
            count=len(result.counted), claim=format_amount(result.claim_yen),
            contribution=format_amount(result.contribution_yen), out=out))
    for refused in result.refused:
        print(_("受け付けません: {path}: {error}").format(path=refused.path, error=refused.message), file=sys.stderr)
    for f in result.files:
        if not f.chain.status.ok:
            print(_("監査ログ: {path}: {detail}").format(path=f.path, detail=f.chain.detail), file=sys.stderr)
    return 1 if result.problems else 0

