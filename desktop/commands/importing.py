"""`import roster|agreements|payments|organisations FILE`: all rows checked first; on any bad row nothing is written."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.atomic_file import FileWriteError, write_atomically
from desktop.domain.problems import ImportRefusedError, RowProblem, Severity
from desktop.i18n import _
from desktop.importing.tabular import Table, TableReadError, read_table
from desktop.importing.templates import (
    AGREEMENT_COLUMNS,
    AGREEMENT_EXAMPLE,
    ORGANISATION_COLUMNS,
    ORGANISATION_EXAMPLE,
    PAYMENT_COLUMNS,
    PAYMENT_EXAMPLE,
    ROSTER_COLUMNS,
    ROSTER_EXAMPLE,
    template_csv,
    template_xlsx,
)
from desktop.store.backup import BackupError, backup_office
from desktop.store.db import backup_failed_error, check_integrity, open_office
from desktop.store.services.change import Change


# Each kind's services are loaded alone, when used: a refusal's time is mostly start-up (QUALITY.md).
def _preview(kind: str, session: Session, table: Table, create_posts: bool) -> Any:
    if kind == "roster":
        from desktop.store.services.roster_import import preview_roster

        return preview_roster(session, table=table, create_posts=create_posts)
    if kind == "organisations":
        from desktop.store.services.organisation_import import preview_organisations

        return preview_organisations(session, table=table)
    if kind == "payments":
        from desktop.store.services.payment_import import preview_payments

        return preview_payments(session, table=table)
    from desktop.store.services.agreement_import import preview_agreements

    return preview_agreements(session, table=table)


def _write(kind: str, session: Session, table: Table, *, accept_warnings: bool, create_posts: bool, source: str) -> Change:
    if kind == "roster":
        from desktop.store.services.roster_import import import_roster

        return import_roster(session, table=table, confirmed=accept_warnings, create_posts=create_posts, source=source)
    if kind == "organisations":
        from desktop.store.services.organisation_import import import_organisations

        return import_organisations(session, table=table, registered_on=date.today())
    if kind == "payments":
        from desktop.store.services.payment_import import import_payments

        return import_payments(session, table=table, confirmed=accept_warnings, source=source)
    from desktop.store.services.agreement_import import import_agreements

    return import_agreements(session, table=table)


def _refusal(problems: list[RowProblem], accept_warnings: bool) -> int:
    print(_("取り込みを中止しました。次の行を直してください（何も書き込んでいません）:"), file=sys.stderr)
    for problem in problems:
        print("  " + problem.describe(), file=sys.stderr)
    if all(p.severity is Severity.WARNING for p in problems) and not accept_warnings:
        print(_("確認が必要な警告だけの場合は --accept-warnings を付けて実行してください"), file=sys.stderr)
    return 1


def run_import(kind: str, file: Path, db: Path, *, accept_warnings: bool, create_posts: bool = False) -> int:
    try:
        table = read_table(file)
    except TableReadError as error:
        print(str(error), file=sys.stderr)
        return 1
    # Every row is checked first, reading only: a refused file costs neither a backup nor the
    # whole-file check, which on a large office take seconds (a refusal comes within 2 s).
    with open_office(db, create=False, take_backup=False, check=False) as office:
        with office.reader() as session:
            preview = _preview(kind, session, table, create_posts)
        if preview.refused(accept_warnings):
            return _refusal(preview.problems, accept_warnings)
        new_posts: list[str] = preview.new_posts if kind == "roster" and create_posts else []
        check_integrity(office.path)  # what opening checks, before the first write
        try:
            backup_office(office.path, "before-import")
        except (OSError, sqlite3.Error, BackupError) as error:  # a full or read-only backup drive: stop before writing
            raise backup_failed_error(error) from error
        try:
            with office.transaction() as session:  # checked again inside the transaction that writes
                change = _write(kind, session, table, accept_warnings=accept_warnings, create_posts=create_posts,
                                source=file.name)
        except ImportRefusedError as refused:
            return _refusal(refused.problems, accept_warnings)
    print(_("{count}行を取り込みました（文字コード: {encoding}）").format(count=change.count, encoding=table.encoding))
    if new_posts:
        print(_("作成した派遣先ポスト（{count}件）:").format(count=len(new_posts)))
        for label in new_posts:
            print("  " + label)
    elif kind == "roster" and create_posts:
        print(_("新しく作成した派遣先ポストはありません"))
    return 0


TEMPLATES = {
    "roster": (ROSTER_COLUMNS, ROSTER_EXAMPLE), "agreements": (AGREEMENT_COLUMNS, AGREEMENT_EXAMPLE),
    "payments": (PAYMENT_COLUMNS, PAYMENT_EXAMPLE), "organisations": (ORGANISATION_COLUMNS, ORGANISATION_EXAMPLE),
}


def run_template(kind: str, out: Path) -> int:
    """Writes the empty template of an import (xlsx with an example row, or CSV UTF-8 with BOM)."""
    columns, example = TEMPLATES[kind]
    data = template_csv(columns) if out.suffix.lower() == ".csv" else template_xlsx(columns, example)
    try:
        write_atomically(out, data)
    except FileWriteError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(_("テンプレートを {path} に保存しました").format(path=out))
    return 0
