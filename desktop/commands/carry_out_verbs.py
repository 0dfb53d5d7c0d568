"""The carry-out register on the command line: `--medium` for the verbs that write files with
personal data, and `carry-outs` listing the register. Light: argparse and words only."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.i18n import _

MEDIA = ("usb", "email", "paper", "other")


def add_medium_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--medium", choices=MEDIA, default=None,
                        help=_("持出媒体（持出記録に記録）: usb = USBメモリ、email = メール、paper = 紙、other = その他（既定）"))


def add_carry_outs_verb(verbs: argparse._SubParsersAction[argparse.ArgumentParser],
                        common: Callable[[argparse.ArgumentParser], None]) -> None:
    listing = verbs.add_parser("carry-outs", help=_("持出記録（個人情報を含む帳票・ファイルの持出し）を一覧する"))
    listing.add_argument("--from", dest="start", default=None, help=_("期間の開始日（例: 令和8年4月1日）"))
    listing.add_argument("--to", dest="end", default=None, help=_("期間の終了日（例: 令和8年11月30日）"))
    common(listing)


def run_carry_outs_verb(args: argparse.Namespace, db: Path) -> int:
    from desktop.domain.wareki import DateParseError, parse_date

    try:
        start = parse_date(args.start) if args.start else None
        end = parse_date(args.end) if args.end else None
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return 1
    if start is not None and end is not None and end < start:
        print(_("期間の終了日が開始日より前です"), file=sys.stderr)
        return 1
    return run_carry_outs(db, start=start, end=end)


def run_carry_outs(db: Path, *, start: date | None, end: date | None) -> int:
    """One line per record, oldest first: when (和暦), who, what, file, medium, encrypted, people, SHA-256."""
    from desktop.domain.carry_out import Medium
    from desktop.domain.wareki import format_wareki_datetime
    from desktop.store.db import open_office
    from desktop.store.repos.carry_out import count_carry_outs, list_carry_outs

    with open_office(db, create=False, take_backup=False) as office, office.reader() as session:
        total = count_carry_outs(session, start=start, end=end)
        rows = list_carry_outs(session, start=start, end=end, oldest_first=True, limit=total)
    for row in rows:
        print("\t".join((
            format_wareki_datetime(row.at.astimezone()), row.user, row.description, row.file_name or "-",
            Medium(row.medium).label, _("暗号化あり") if row.encrypted else _("暗号化なし"),
            _("{count}人").format(count=row.persons), row.sha256 or "-")))
    print(_("持出記録 {count}件").format(count=len(rows)))
    return 0
