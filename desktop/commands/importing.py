"""`import roster|agreements FILE`: all rows checked first; on any bad row nothing is written."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from desktop.domain.problems import ImportRefusedError, Severity
from desktop.i18n import _
from desktop.importing.tabular import TableReadError, read_table
from desktop.store.backup import backup_office
from desktop.store.db import backup_failed_error, open_office
from desktop.store.services.agreement_import import import_agreements
from desktop.store.services.payment_import import import_payments
from desktop.store.services.roster_import import import_roster


def run_import(kind: str, file: Path, db: Path, *, accept_warnings: bool) -> int:
    try:
        table = read_table(file)
    except TableReadError as error:
        print(str(error), file=sys.stderr)
        return 1
    with open_office(db, create=False) as office:
        try:
            backup_office(office.path, "before-import")
        except (OSError, sqlite3.Error) as error:  # a full or read-only backup drive: stop before writing
            raise backup_failed_error(error) from error
        try:
            with office.transaction() as session:
                if kind == "roster":
                    change = import_roster(session, table=table, confirmed=accept_warnings, source=file.name)
                elif kind == "payments":
                    change = import_payments(session, table=table, confirmed=accept_warnings, source=file.name)
                else:
                    change = import_agreements(session, table=table)
        except ImportRefusedError as refused:
            print(_("取り込みを中止しました。次の行を直してください（何も書き込んでいません）:"), file=sys.stderr)
            for problem in refused.problems:
                print("  " + problem.describe(), file=sys.stderr)
            if all(p.severity is Severity.WARNING for p in refused.problems) and not accept_warnings:
                print(_("確認が必要な警告だけの場合は --accept-warnings を付けて実行してください"), file=sys.stderr)
            return 1
    print(_("{count}行を取り込みました（文字コード: {encoding}）").format(count=change.count, encoding=table.encoding))
    return 0
